#!/usr/bin/env bash
# Re-runs `terraform fmt -` on every tests/hcl/*.tf and fails when a recorded
# NAME.tf.expected differs, so the corpus expectations cannot drift from terraform.
# With --update, rewrites the .expected files instead (after changing an input).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${here}/../hcl"
update=0
if [[ "${1:-}" == "--update" ]]; then update=1; fi

if ! command -v terraform >/dev/null 2>&1; then
  echo "SKIPPED: terraform not found"
  exit 0
fi

# terraform warns about a missing CLI configuration file; formatting does not need one.
export TF_CLI_CONFIG_FILE=/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "${tmp}"' EXIT

count=0
failed=0
shopt -s nullglob
for input in "${corpus}"/*.tf; do
  count=$((count + 1))
  expected="${input}.expected"
  if ! terraform fmt -no-color - <"${input}" >"${tmp}/out" 2>"${tmp}/err"; then
    echo "FAIL: terraform rejects ${input}:"
    cat "${tmp}/err"
    failed=$((failed + 1))
    continue
  fi
  if [[ ${update} -eq 1 ]]; then
    cp "${tmp}/out" "${expected}"
  elif [[ ! -f "${expected}" ]]; then
    echo "FAIL: ${expected} is missing"
    failed=$((failed + 1))
  elif ! cmp -s "${tmp}/out" "${expected}"; then
    echo "FAIL: ${expected} differs from terraform fmt:"
    diff -u "${expected}" "${tmp}/out" || true
    failed=$((failed + 1))
  fi
done

if [[ ${count} -eq 0 ]]; then
  echo "FAIL: no corpus files in ${corpus}"
  exit 1
fi
if [[ ${failed} -ne 0 ]]; then
  echo "${failed} of ${count} corpus files do not match terraform fmt ($(terraform version | head -1))"
  exit 1
fi
echo "OK: ${count} corpus files match terraform fmt ($(terraform version | head -1))"

#!/usr/bin/env bash
# Parse + format throughput of infragen's HCL finisher on a generated ~10 MB .tf file,
# compared in the same run with `terraform fmt` on the same file (when terraform is on
# PATH), and a check that both produce the same bytes.
# usage: bench/hcl_bench.sh [path/to/hcl_bench] [MEGABYTES]
# (build it with: cmake --build BUILD_DIR --target hcl_bench)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${1:-}"
megabytes="${2:-10}"
if [[ -z "${bench}" ]]; then
  for candidate in "${root}"/build/hcl_bench "${root}"/build-*/hcl_bench; do
    if [[ -x "${candidate}" ]]; then bench="${candidate}"; break; fi
  done
fi
if [[ -z "${bench}" || ! -x "${bench}" ]]; then
  echo "hcl_bench not built; run: cmake --build <build dir> --target hcl_bench" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
input="${work}/large.tf"
"${bench}" --generate "${input}" --megabytes "${megabytes}"
size_mb="$(awk -v b="$(wc -c <"${input}")" 'BEGIN { printf "%.1f", b / 1048576 }')"
echo "input: ${size_mb} MB, $(wc -l <"${input}") lines"

"${bench}" "${input}" --runs 3 --formatted-out "${work}/infragen.tf"

if ! command -v terraform >/dev/null 2>&1; then
  echo "terraform fmt: SKIPPED: terraform not found"
  exit 0
fi
export TF_CLI_CONFIG_FILE=/dev/null
best=""
for run in 1 2 3; do
  start="$(date +%s.%N)"
  terraform fmt -no-color - <"${input}" >"${work}/terraform.tf"
  end="$(date +%s.%N)"
  elapsed="$(awk -v s="${start}" -v e="${end}" 'BEGIN { printf "%.3f", e - s }')"
  if [[ -z "${best}" ]] || awk -v a="${elapsed}" -v b="${best}" 'BEGIN { exit !(a < b) }'; then
    best="${elapsed}"
  fi
done
awk -v mb="${size_mb}" -v s="${best}" -v v="$(terraform version | head -1)" \
  'BEGIN { printf "terraform fmt (%s): %.1f MB in %.3f s (best of 3, process included) = %.1f MB/s\n", v, mb, s, mb / s }'
if cmp -s "${work}/infragen.tf" "${work}/terraform.tf"; then
  echo "outputs: identical"
else
  echo "outputs: DIFFER"
  diff "${work}/terraform.tf" "${work}/infragen.tf" | head -20
  exit 1
fi

#!/usr/bin/env bash
# Generates the Terraform format of one target of an example and checks its folder with
# `terraform init` (offline mirror), `terraform validate` and `terraform fmt -check`.
# Usage: terraform_validate.sh INFRAGEN EXAMPLE_MANIFEST TARGET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
require_tool terraform
require_plugin_dir
make_work_dir
setup_terraform_env

"$infragen" generate "$manifest" -t "$target" -f terraform -o "$WORK/out" >/dev/null
start_shared_provider
status=0
found=0
while IFS= read -r dir; do
  found=1
  name=${dir#"$WORK/out/"}
  if ! (cd "$dir" && terraform init -backend=false -input=false -plugin-dir="$PLUGIN_DIR" >"$WORK/init.log" 2>&1); then
    echo "FAIL $name: terraform init"; cat "$WORK/init.log"; status=1; continue
  fi
  if ! (cd "$dir" && terraform validate -no-color >"$WORK/validate.log" 2>&1); then
    echo "FAIL $name: terraform validate"; cat "$WORK/validate.log"; status=1
  fi
  if ! (cd "$dir" && terraform fmt -check -recursive -diff >"$WORK/fmt.log" 2>&1); then
    echo "FAIL $name: terraform fmt -check"; cat "$WORK/fmt.log"; status=1
  fi
  [ $status -eq 0 ] && echo "ok   $name: init, validate, fmt -check"
done < <(find "$WORK/out" -name versions.tf -printf '%h\n' | sort)
if [ $found -eq 0 ]; then echo "FAIL: no Terraform folder generated"; exit 1; fi
exit $status

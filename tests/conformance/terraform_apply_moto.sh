#!/usr/bin/env bash
# Generates one target of an example and runs `terraform apply` then `destroy` for one
# environment against a private moto_server (a local AWS API emulator) on 127.0.0.1.
# Usage: terraform_apply_moto.sh INFRAGEN EXAMPLE_MANIFEST TARGET ENVIRONMENT
# (an example without ENVIRONMENT uses its first environment).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3 environment=$4
require_tool terraform
require_tool moto_server
require_tool python3
require_plugin_dir
make_work_dir
setup_terraform_env
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null

"$infragen" generate "$manifest" -t "$target" -f terraform -o "$WORK/out" >/dev/null
dir=$(find "$WORK/out/$target" -name versions.tf -printf '%h\n' | head -n 1)
start_moto
write_moto_override "$dir"
cd "$dir"
terraform init -input=false -plugin-dir="$PLUGIN_DIR" >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log"; exit 1; }
var_file="env/$environment.tfvars"
# A manifest without that environment: its first one (e.g. "default").
[ -f "$var_file" ] || var_file=$(ls env/*.tfvars | sort | head -n 1)
environment=$(basename "$var_file" .tfvars)
if ! terraform apply -auto-approve -no-color -var-file="$var_file" >"$WORK/apply.log" 2>&1; then
  echo "FAIL: terraform apply ($target, $environment)"
  grep -E "^(Error|│ Error|  with )" -A3 "$WORK/apply.log" | head -80
  terraform destroy -auto-approve -no-color -var-file="$var_file" >/dev/null 2>&1 || true
  exit 1
fi
created=$(terraform state list | wc -l)
# Secret values must never reach the state as plain text: the database password is managed
# by RDS in Secrets Manager, so no "password" attribute may hold a value.
if terraform show -json | python3 -c '
import json, sys
def walk(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("password", "master_password", "auth_token", "secret_string") and value not in (None, "", []):
                print("plain-text secret in state at " + path + "." + key); sys.exit(1)
            walk(value, path + "." + key)
    elif isinstance(node, list):
        for i, value in enumerate(node): walk(value, path + "[" + str(i) + "]")
walk(json.load(sys.stdin), "state")'; then :; else exit 1; fi
if ! terraform destroy -auto-approve -no-color -var-file="$var_file" >"$WORK/destroy.log" 2>&1; then
  echo "FAIL: terraform destroy ($target, $environment)"; tail -40 "$WORK/destroy.log"; exit 1
fi
left=$(terraform state list | wc -l)
if [ "$left" -ne 0 ]; then echo "FAIL: $left resources left after destroy"; terraform state list; exit 1; fi
echo "ok   $target/$environment: applied $created resources on moto, destroyed all"

#!/usr/bin/env bash
# Generates one target of an example and runs `terraform apply` then `destroy` for one
# environment against a private moto_server (a local AWS API emulator) on 127.0.0.1.
# A resource may fail only when its type is a known emulator gap (moto_gaps.tsv): the test
# names it with the reason and still applies and destroys everything else.
# Usage: terraform_apply_moto.sh INFRAGEN EXAMPLE_MANIFEST TARGET ENVIRONMENT
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
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1

# Warnings (e.g. job settings the target cannot carry) are the CLI tests' business.
"$infragen" generate "$manifest" -t "$target" -f terraform -o "$WORK/out" >"$WORK/generate.log" 2>&1 ||
  { cat "$WORK/generate.log"; exit 1; }
dir=$(find "$WORK/out/$target" -name versions.tf -printf '%h\n' | head -n 1)
start_moto
write_moto_override "$dir"
cd "$dir"
terraform init -input=false -plugin-dir="$PLUGIN_DIR" >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log"; exit 1; }
start_shared_provider
var_file="env/$environment.tfvars"
if [ ! -f "$var_file" ]; then
  echo "FAIL: no environment '$environment' in $manifest (has: $(cd env && ls *.tfvars | sed 's/\.tfvars$//' | tr '\n' ' '))"
  exit 1
fi
# Production-class environments protect their data; the test must be able to destroy.
vars=(-var-file="$var_file" -var deletion_protection=false)

# A domain's hosted zone is an input that exists in the account before infragen runs: create
# it in the emulator the way the user's account has it.
zone=$(python3 "$here/tfvars_value.py" "$var_file" domain.zone 2>/dev/null || true)
if [ -n "$zone" ]; then
  require_tool aws
  aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" route53 create-hosted-zone --name "$zone" \
    --caller-reference "infragen-test-$zone" >/dev/null
fi

# The state is the apply's own, seconds old: reading every resource back before the destroy
# would only cost the provider's CPU (about a read per resource).
destroy() {
  terraform destroy -auto-approve -no-color -refresh=false "${vars[@]}" >"$WORK/destroy.log" 2>&1
}

gaps=""
if ! terraform apply -auto-approve -no-color "${vars[@]}" >"$WORK/apply.log" 2>&1; then
  # Every error must belong to a resource of a known gap type; anything else fails the test.
  if ! gaps=$(python3 "$here/moto_gap_report.py" "$here/moto_gaps.tsv" "$WORK/apply.log"); then
    echo "FAIL: terraform apply ($target, $environment)"
    echo "$gaps"
    grep -E "^(│ )?Error|with " -A3 "$WORK/apply.log" | head -80
    destroy || true
    exit 1
  fi
  # A gap resource that was created but cannot be read back (or deleted) stays in the emulator;
  # it leaves the state so that the destroy does not wait on it.
  for address in $(echo "$gaps" | awk '$1 == "GAP" {print $2}'); do
    terraform state rm "$address" >/dev/null 2>&1 || true  # absent when its create failed
  done
fi
# Types moto creates but cannot delete leave the state too, named as gaps.
while IFS=$'\t' read -r phase kind reason; do
  [ "$phase" = destroy ] || continue
  for address in $(terraform state list | grep "^$kind\." || true); do
    terraform state rm "$address" >/dev/null
    gaps+="${gaps:+$'\n'}GAP $address $reason"
  done
done <"$here/moto_gaps.tsv"
created=$(terraform state list | wc -l)
# Secret values must never reach the state as plain text: the database password is managed
# by RDS in Secrets Manager, so no "password" attribute may hold a value.
terraform state pull | python3 "$here/state_secrets.py"
if ! destroy; then
  echo "FAIL: terraform destroy ($target, $environment)"; tail -40 "$WORK/destroy.log"; exit 1
fi
left=$(terraform state list | wc -l)
if [ "$left" -ne 0 ]; then echo "FAIL: $left resources left after destroy"; terraform state list; exit 1; fi
[ -z "$gaps" ] || echo "$gaps"
echo "ok   $target/$environment: applied $created resources on moto, destroyed all"

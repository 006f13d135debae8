#!/usr/bin/env bash
# Generates the Terraform and the CloudFormation output of one target of an example and checks
# that both create the same resources: types mapped by tf_cfn_types.tsv, helper resources listed
# there as folded into a CloudFormation type, each difference printed. Where terraform, its
# offline provider mirror and moto_server exist, it also plans every environment (against moto,
# for the data sources) and compares the number of resources of each type per environment.
# Usage: format_equivalence.sh INFRAGEN EXAMPLE_MANIFEST TARGET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
require_tool python3
make_work_dir
"$infragen" generate "$manifest" -t "$target" -o "$WORK/out" >/dev/null 2>"$WORK/generate.log" ||
  { cat "$WORK/generate.log"; exit 1; }
tf="$WORK/out/$target/terraform"
plans=()
if command -v terraform >/dev/null && command -v moto_server >/dev/null && [ -n "$(find_plugin_dir)" ]; then
  PLUGIN_DIR=$(find_plugin_dir)
  setup_terraform_env
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_DEFAULT_REGION=us-east-1
  start_moto
  write_moto_override "$tf"
  mkdir -p "$WORK/plans"
  (cd "$tf" && terraform init -input=false -plugin-dir="$PLUGIN_DIR" >"$WORK/init.log" 2>&1) ||
    { cat "$WORK/init.log"; exit 1; }
  start_shared_provider
  # The domain's hosted zone is looked up by name: it must exist in the emulator.
  for zone in $(sed -n 's/^  zone = "\(.*\)"$/\1/p' "$tf"/env/*.tfvars | sort -u); do
    aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" route53 create-hosted-zone --name "$zone" \
      --caller-reference "$zone" >/dev/null
  done
  image_tag=()
  grep -q 'variable "image_tag"' "$tf/variables.tf" && image_tag=(-var image_tag=test)
  for var_file in "$tf"/env/*.tfvars; do
    environment=$(basename "$var_file" .tfvars)
    # The plan's machine-readable log names every planned change: no `terraform show` needed
    # (which loads the provider's schemas once more).
    if ! (cd "$tf" && terraform plan -input=false -no-color -json -var-file="env/$environment.tfvars" \
        "${image_tag[@]}" >"$WORK/plans/$environment.jsonl" 2>"$WORK/plan.log"); then
      echo "FAIL terraform plan ($environment)"
      grep -h '"@level":"error"' "$WORK/plans/$environment.jsonl" | tail -5; tail -30 "$WORK/plan.log"; exit 1
    fi
  done
  plans=("$WORK/plans")
else
  echo "note: terraform, its provider mirror or moto_server missing: types compared, not counts per environment"
fi
python3 "$here/format_equivalence.py" "$tf" "$WORK/out/$target/cloudformation" \
  "$here/tf_cfn_types.tsv" "${plans[@]}"

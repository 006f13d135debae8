#!/usr/bin/env bash
# Generates the Terraform and the CloudFormation output of an example (ecs-fargate) and checks
# that both create the same resources: types mapped by tf_cfn_types.tsv, helper resources listed
# there as folded into a CloudFormation type, each difference printed.
# Usage: format_equivalence.sh INFRAGEN EXAMPLE_MANIFEST
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2
require_tool python3
make_work_dir
"$infragen" generate "$manifest" -t ecs-fargate -o "$WORK/out" >/dev/null 2>"$WORK/generate.log" ||
  { cat "$WORK/generate.log"; exit 1; }
python3 "$here/format_equivalence.py" "$WORK/out/ecs-fargate/terraform" \
  "$WORK/out/ecs-fargate/cloudformation" "$here/tf_cfn_types.tsv"

#!/usr/bin/env bash
# Creates the CloudFormation stacks of one environment of an example on a private moto_server
# (network, app, pipeline, then every service, job and instance group stack) with CloudFormation's CreateStack,
# checks that each reaches CREATE_COMPLETE with every resource its conditions ask for (the types
# moto does not model are listed, with the reason, in moto_cloudformation_gaps.tsv and reported
# as gaps), then deletes the stacks in reverse order.
# Usage: cloudformation_deploy_moto.sh INFRAGEN EXAMPLE_MANIFEST TARGET [ENVIRONMENT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3 environment=${4:-}
require_tool moto_server
require_tool python3
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f cloudformation -o "$WORK/out" >/dev/null 2>"$WORK/generate.log" ||
  { cat "$WORK/generate.log"; exit 1; }
dir="$WORK/out/$target/cloudformation"
if [ -z "$environment" ]; then
  if [ -f "$dir/params/dev.json" ]; then environment=dev; else
    environment=$(basename "$(ls "$dir"/params/*.json | head -n 1)" .json)
  fi
fi
params="$dir/params/$environment.json"
if [ ! -f "$params" ]; then
  echo "FAIL: no environment '$environment' in $manifest (has: $(cd "$dir/params" && ls | sed 's/\.json$//' | tr '\n' ' '))"
  exit 1
fi
start_moto
# One Python process drives every call (cfn_deploy.py): an `aws` command per call started
# botocore again each time, most of this test's CPU time.
status=0
WORK="$WORK" EXAMPLE="$(basename "$(dirname "$manifest")")" \
  python3 "$here/cfn_deploy.py" "http://127.0.0.1:$MOTO_PORT" "$dir" "$environment" \
  "$here/moto_cloudformation_gaps.tsv" || status=$?
if [ $status -ne 0 ]; then
  # A 500 answer is moto crashing: its traceback's last line says on what.
  grep -E '^[A-Za-z_.]+(Error|Exception)' "$WORK/moto.log" | tail -n 1 | sed 's/^/  moto: /' || true
fi
exit $status

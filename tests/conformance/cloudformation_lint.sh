#!/usr/bin/env bash
# Generates the CloudFormation format of one target of an example and checks every template
# with cfn-lint: any error or warning fails (informational matches do not).
# Usage: cloudformation_lint.sh INFRAGEN EXAMPLE_MANIFEST TARGET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
require_tool cfn-lint
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f cloudformation -o "$WORK/out" >/dev/null 2>"$WORK/generate.log" ||
  { cat "$WORK/generate.log"; exit 1; }
# Templates are the JSON files with a Resources section (parameter files are lists).
mapfile -t templates < <(cd "$WORK/out" && find . -name '*.json' -not -name '.*' -not -path '*/params/*' | sort)
if [ ${#templates[@]} -eq 0 ]; then echo "FAIL: no CloudFormation template generated"; exit 1; fi
status=0
(cd "$WORK/out" && cfn-lint --format parseable -- "${templates[@]}") >"$WORK/lint.log" 2>&1 || status=$?
# cfn-lint exits with a bit mask: 2 errors, 4 warnings, 8 informational.
if [ $((status & 15)) -ne 0 ] && [ $((status & 6)) -eq 0 ] && [ $((status & 1)) -eq 0 ]; then status=0; fi
if [ $status -ne 0 ]; then
  echo "FAIL cfn-lint (exit $status):"; cat "$WORK/lint.log"; exit 1
fi
for template in "${templates[@]}"; do echo "ok   ${template#./}: cfn-lint, no error, no warning"; done

#!/usr/bin/env bash
# Generates the Helm format of one target of an example and proves every chart in it with
# chart_check.sh: rendered like `helm template` for values.yaml alone and with each
# values-<env>.yaml, every object valid against the Kubernetes schemas.
# Usage: chart_render.sh INFRAGEN EXAMPLE_MANIFEST TARGET [ENVIRONMENT]
# (ENVIRONMENT is accepted like the other checks': every values file is proven anyway.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f helm -o "$WORK/out" >/dev/null
status=0
found=0
while IFS= read -r chart_yaml; do
  found=1
  chart=$(dirname "$chart_yaml")
  bash "$here/chart_check.sh" "$chart" >"$WORK/check.log" 2>&1 || status=1
  cat "$WORK/check.log"
  # The tools are the same for every chart: one SKIPPED says it for all.
  if grep -q '^SKIPPED:' "$WORK/check.log"; then exit 0; fi
done < <(find "$WORK/out" -name Chart.yaml | sort)
if [ $found -eq 0 ]; then echo "FAIL: no chart (Chart.yaml) generated"; exit 1; fi
exit $status

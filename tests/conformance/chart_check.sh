#!/usr/bin/env bash
# Proves one Helm chart: renders it like `helm template` (tools/helm-render) with values.yaml
# alone and with each values-<env>.yaml, and validates every object (tools/k8s-validate); and
# each values-<env>.yaml sets only what differs from values.yaml (helm-render --redundant).
# Usage: chart_check.sh CHART_DIR
# Exit 0 when every values file renders into valid objects (or a tool is missing: SKIPPED).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/common.sh"
chart=${1:?usage: chart_check.sh CHART_DIR}
[ -f "$chart/Chart.yaml" ] || { echo "FAIL $chart: no Chart.yaml"; exit 1; }

# The renderer is built from source when missing or older than its sources (Go's build cache
# makes that a second); HELM_RENDER names a binary built elsewhere.
find_helm_render() {
  local bin="$root/tools/helm-render/bin/helm-render"
  if [ -n "${HELM_RENDER:-}" ]; then echo "$HELM_RENDER"; return; fi
  if [ -x "$bin" ] && [ -z "$(find "$root/tools/helm-render" -maxdepth 1 -name '*.go' -newer "$bin")" ]; then
    echo "$bin"; return
  fi
  require_tool go
  if [ ! -d /usr/share/gocode/src/github.com/Masterminds/sprig ]; then
    echo "SKIPPED: golang-github-masterminds-sprig-dev not found"; exit 0
  fi
  bash "$root/tools/helm-render/build.sh" || { echo "FAIL: tools/helm-render does not build"; exit 1; }
}

require_tool node
validator="$root/tools/k8s-validate"
if [ ! -d "$validator/node_modules/kubernetes-models" ]; then
  echo "SKIPPED: kubernetes-models not found (tools/install-test-tools.sh runs npm ci in tools/k8s-validate)"
  exit 0
fi
helm_render=$(find_helm_render)
case $helm_render in SKIPPED:*) echo "$helm_render"; exit 0 ;; esac
make_work_dir

name=$(basename "$(cd "$chart" && pwd)")
status=0
# values.yaml alone, then with each environment's file over it: each is a chart users install.
sets=("")
while IFS= read -r file; do sets+=("$(basename "$file")"); done \
  < <(find "$chart" -maxdepth 1 -name 'values-*.yaml' | sort)
for env_file in "${sets[@]}"; do
  args=() label="values.yaml"
  if [ -n "$env_file" ]; then args=(-f "$chart/$env_file"); label="values.yaml + $env_file"; fi
  if ! "$helm_render" "${args[@]}" --release release --namespace default \
    --output "$WORK/rendered.yaml" --json "$WORK/objects.json" "$chart" 2>"$WORK/render.log"; then
    echo "FAIL $name ($label): render"; cat "$WORK/render.log"; status=1; continue
  fi
  if ! node "$validator/validate.mjs" "$WORK/objects.json" >"$WORK/validate.log" 2>&1; then
    echo "FAIL $name ($label): validate"; sed 's/^/  /' "$WORK/validate.log"; status=1; continue
  fi
  if [ -n "$env_file" ] && ! "$helm_render" --redundant "${args[@]}" "$chart" >"$WORK/redundant.log" 2>&1; then
    echo "FAIL $name ($label): sets what values.yaml already does"
    sed "s|^$chart/*|  |" "$WORK/redundant.log"; status=1; continue
  fi
  echo "ok   $name ($label): $(tail -n 1 "$WORK/validate.log")"
done
exit $status

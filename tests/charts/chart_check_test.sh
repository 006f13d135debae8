#!/usr/bin/env bash
# The chart check's own test: the sample chart in good/ passes for every values file, and each
# chart of broken/ fails with the exact lines of its expected.txt (one fixed string per line).
# Prints "SKIPPED: <tool> not found" (and exits 0) when node, kubernetes-models or Go is missing.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
check="$here/../conformance/chart_check.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-chart-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

record() { # NAME OK? DETAIL
  if [ "$2" = yes ]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1: $3"; sed 's/^/  | /' "$work/out"; fi
}

bash "$check" "$here/good" >"$work/out" 2>&1
rc=$?
if grep -q '^SKIPPED:' "$work/out"; then cat "$work/out"; exit 0; fi
# values.yaml alone and with each environment file: three ok lines, nothing else.
if [ $rc -eq 0 ] && [ "$(grep -c '^ok   good (values.yaml' "$work/out")" -eq 3 ]; then
  record good yes
else
  record good no "expected three ok lines and exit 0 (exit $rc)"
fi

for chart in "$here"/broken/*/; do
  name=$(basename "$chart")
  bash "$check" "$chart" >"$work/out" 2>&1
  rc=$?
  missing=""
  while IFS= read -r line; do
    grep -qF -- "$line" "$work/out" || missing+="$line"$'\n'
  done <"$chart/expected.txt"
  if [ $rc -ne 1 ]; then record "$name" no "expected exit 1, got $rc"
  elif [ -n "$missing" ]; then record "$name" no "output lacks: $missing"
  else record "$name" yes; fi
done
# chart_render.sh, the matrix's check, on a stand-in compiler whose helm output is good/ (no
# target emits -f helm yet): it must find the chart in the output and prove it.
mkdir -p "$work/bin"
cat >"$work/bin/infragen" <<STUB
#!/usr/bin/env bash
# generate MANIFEST -t TARGET -f helm -o OUT: good/ as the one chart of OUT.
mkdir -p "\$8/helm" && cp -r "$here/good" "\$8/helm/sample"
STUB
chmod +x "$work/bin/infragen"
bash "$here/../conformance/chart_render.sh" "$work/bin/infragen" app.yaml eks dev >"$work/out" 2>&1
rc=$?
if [ $rc -eq 0 ] && [ "$(grep -c '^ok   sample (values.yaml' "$work/out")" -eq 3 ]; then
  record chart_render yes
else
  record chart_render no "expected three ok lines for the stand-in's chart (exit $rc)"
fi
echo "chart_check: $passed passed, $failed failed"
[ $failed -eq 0 ]

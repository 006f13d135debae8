#!/usr/bin/env bash
# Generates every example for every target and format and checks the security posture of the
# output (security_posture.py). Usage: security_posture.sh INFRAGEN SOURCE_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 source_dir=$2
require_tool python3
make_work_dir
folders=()
for manifest in "$source_dir"/examples/*/app.yaml; do
  example=$(basename "$(dirname "$manifest")")
  "$infragen" generate "$manifest" --all -o "$WORK/$example" >/dev/null 2>&1 ||
    { echo "FAIL: generate $example"; "$infragen" generate "$manifest" --all -o "$WORK/$example"; exit 1; }
  folders+=("$WORK/$example")
done
# The checker must catch what it looks for: a fixture with an open SSH port, a literal password
# and a rule open on every port.
if python3 "$here/security_posture.py" "$here/fixtures/insecure" >"$WORK/fixture.log"; then
  echo "FAIL: the checker passed the insecure fixtures"; exit 1
fi
[ "$(grep -c . "$WORK/fixture.log")" -eq 3 ] || { echo "FAIL: expected 3 findings:"; cat "$WORK/fixture.log"; exit 1; }
python3 "$here/security_posture.py" "${folders[@]}"

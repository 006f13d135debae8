#!/usr/bin/env bash
# Generates the compose format of one target of an example and checks every compose file with
# `docker-compose -f FILE config -q` (no Docker engine needed). A warning (an unset variable, a
# deprecated key) fails the test: the files must be valid without any .env file.
# Usage: compose_config.sh INFRAGEN EXAMPLE_MANIFEST TARGET [ENVIRONMENT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
require_tool docker-compose
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f compose -o "$WORK/out" >/dev/null
status=0
found=0
while IFS= read -r file; do
  found=1
  name=${file#"$WORK/out/"}
  # An engine is never contacted: the client points at a socket that does not exist.
  if ! DOCKER_HOST="unix://$WORK/no-engine.sock" docker-compose -f "$file" config -q \
    >"$WORK/config.log" 2>&1; then
    echo "FAIL $name: docker-compose config"; cat "$WORK/config.log"; status=1; continue
  fi
  if grep -qi "warn" "$WORK/config.log"; then
    echo "FAIL $name: docker-compose config warns"; cat "$WORK/config.log"; status=1; continue
  fi
  echo "ok   $name: docker-compose config -q"
done < <(find "$WORK/out" -name '*.yml' -path '*/compose/*' | sort)
if [ $found -eq 0 ]; then echo "FAIL: no compose file generated"; exit 1; fi
exit $status

#!/usr/bin/env bash
# Generates the Terraform format of one target of an example and checks each cloud-init user
# data file (user-data/*.yaml) with `cloud-init schema`, each script it writes with `shellcheck`
# (and `bash -n`), each compose file it writes with `docker-compose config -q`, and each timer's
# OnCalendar with `systemd-analyze calendar`.
# Usage: cloud_init_schema.sh INFRAGEN EXAMPLE_MANIFEST TARGET [ENVIRONMENT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"
infragen=$1 manifest=$2 target=$3
require_tool cloud-init
require_tool shellcheck
require_tool docker-compose
require_tool python3
make_work_dir

"$infragen" generate "$manifest" -t "$target" -f terraform -o "$WORK/out" >/dev/null
status=0
found=0
while IFS= read -r file; do
  found=1
  name=${file#"$WORK/out/"}
  if ! cloud-init schema --config-file "$file" >"$WORK/schema.log" 2>&1; then
    echo "FAIL $name: cloud-init schema"; cat "$WORK/schema.log"; status=1; continue
  fi
  parts="$WORK/parts/$(basename "$file" .yaml)"
  mkdir -p "$parts"
  python3 "$here/user_data_files.py" "$file" "$parts"
  for script in "$parts"/*.sh; do
    [ -e "$script" ] || continue
    if ! bash -n "$script" || ! shellcheck -s bash "$script" >"$WORK/shellcheck.log" 2>&1; then
      echo "FAIL $name: $(basename "$script")"; cat "$WORK/shellcheck.log"; status=1
    fi
  done
  for compose in "$parts"/*.yml; do
    [ -e "$compose" ] || continue
    if ! DOCKER_HOST="unix://$WORK/no-engine.sock" docker-compose -f "$compose" config -q \
      >"$WORK/config.log" 2>&1 || grep -qi "warn" "$WORK/config.log"; then
      echo "FAIL $name: $(basename "$compose")"; cat "$WORK/config.log"; status=1
    fi
  done
  # Each timer's calendar, as systemd reads it (a job's schedule converted from EventBridge's).
  for timer in "$parts"/*.timer; do
    [ -e "$timer" ] && command -v systemd-analyze >/dev/null || continue
    while IFS= read -r calendar; do
      if ! systemd-analyze calendar "$calendar" >"$WORK/calendar.log" 2>&1; then
        echo "FAIL $name: $(basename "$timer"): OnCalendar=$calendar"; cat "$WORK/calendar.log"
        status=1
      fi
    done < <(sed -n 's/^OnCalendar=//p' "$timer")
  done
  [ $status -eq 0 ] && echo "ok   $name: cloud-init schema, shellcheck, docker-compose config, timers"
done < <(find "$WORK/out" -path '*/user-data/*.yaml' | sort)
if [ $found -eq 0 ]; then echo "FAIL: no cloud-init user data generated"; exit 1; fi
exit $status

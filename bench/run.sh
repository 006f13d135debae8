#!/usr/bin/env bash
# Compiler benchmark (make bench): generates every target and format for the manifest of
# bench/comparison_manifest.sh at N = 1 .. 500 services, and prints per N the best wall time of
# BENCH_RUNS runs, peak RSS, files, bytes and t(N)/t(previous N). With node and npm it also
# installs the pinned CDK app (bench/cdk, once, into bench/cdk/node_modules) and times its
# construct + synth of the same app in the same run, with the ratio. Then the mixed synthetic
# manifest (private services, three environments) at 10 / 100 / 300 services.
# Usage: bench/run.sh [INFRAGEN]   BENCH_SIZES="1 10 50" BENCH_RUNS=3 BENCH_CDK=0 to change it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
infragen=${1:-$root/build/infragen}
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
runs=${BENCH_RUNS:-3}
sizes=${BENCH_SIZES:-1 10 50 100 200 500}

# best_of COMMAND...: the best wall time (ns) of $runs runs, with the peak RSS (KiB) and the CPU
# time (user + system, s) of that run, as "NS KIB CPU" (KiB and CPU are "-" without GNU time).
# The CPU time tells more than the wall time on a loaded machine.
best_of() {
  local best="" rss="-" cpu="-" start end elapsed run_rss run_cpu user system
  for _ in $(seq 1 "$runs"); do
    # The last run's output is moved aside, not deleted: ext4 makes the next file creations pay
    # for a mass deletion (it skips recently freed inodes), which would time the kernel's
    # bookkeeping of the previous run rather than this one. All is deleted at exit.
    if [ -e "$work/out" ]; then mv "$work/out" "$(mktemp -u "$work/previous.XXXXXXXX")"; fi
    run_rss="-"
    run_cpu="-"
    start=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
      read -r run_rss user system < <(tail -n 1 "$work/rss")
      run_cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    else
      "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
    fi
    end=$(date +%s%N)
    elapsed=$((end - start))
    if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then
      best=$elapsed
      rss=$run_rss
      cpu=$run_cpu
    fi
  done
  echo "$best $rss $cpu"
}

cdk=""
if [ "${BENCH_CDK:-1}" != 0 ] && command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$root/bench/cdk/node_modules/aws-cdk-lib" ]; then
    echo "installing the CDK app's packages (bench/cdk/package.json) ..."
    (cd "$root/bench/cdk" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  cdk=yes
else
  echo "CDK column skipped: node or npm not found (or BENCH_CDK=0)"
fi

echo "infragen generate --all, $(nproc) cores, best of $runs; the app of bench/comparison_manifest.sh"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf '%-9s %-10s %-7s %-8s %-7s %-10s %-9s %-10s %-8s\n' services "infragen s" "CPU s" "RSS MB" files bytes "t/t(prev)" "CDK s" "CDK/ours"
previous=""
for n in $sizes; do
  bash "$root/bench/comparison_manifest.sh" "$n" >"$work/app.yaml"
  read -r ns kib cpu < <(best_of "$infragen" generate "$work/app.yaml" --all -o "$work/out")
  "$infragen" generate "$work/app.yaml" --all -o "$work/out" >/dev/null 2>&1
  files=$(find "$work/out" -type f | wc -l)
  bytes=$(find "$work/out" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  cdk_ns="-"
  if [ -n "$cdk" ]; then
    read -r cdk_ns _ < <(CDK_VALIDATION=false best_of node "$root/bench/cdk/app.js" "$n" "$work/cdk.out")
  fi
  awk -v n="$n" -v t="$ns" -v u="$cpu" -v k="$kib" -v f="$files" -v b="$bytes" -v p="$previous" -v c="$cdk_ns" 'BEGIN {
    ratio = p == "" ? "-" : sprintf("%.2f", t / p)
    rss = k == "-" ? "-" : sprintf("%.1f", k / 1024)
    cdk = c == "-" ? "-" : sprintf("%.3f", c / 1e9)
    times = c == "-" ? "-" : sprintf("%.1fx", c / t)
    printf "%-9d %-10.3f %-7s %-8s %-7d %-10d %-9s %-10s %-8s\n", n, t / 1e9, u, rss, f, b, ratio, cdk, times
  }'
  previous=$ns
done

echo
echo "the mixed synthetic manifest (bench/synthetic_manifest.sh: 1 in 4 services public, three environments)"
printf '%-9s %-10s %-8s %-7s %-10s\n' services "infragen s" "RSS MB" files bytes
for n in 10 100 300; do
  bash "$root/bench/synthetic_manifest.sh" "$n" >"$work/app.yaml"
  read -r ns kib _ < <(best_of "$infragen" generate "$work/app.yaml" --all -o "$work/out")
  "$infragen" generate "$work/app.yaml" --all -o "$work/out" >/dev/null 2>&1
  files=$(find "$work/out" -type f | wc -l)
  bytes=$(find "$work/out" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  awk -v n="$n" -v t="$ns" -v k="$kib" -v f="$files" -v b="$bytes" 'BEGIN {
    rss = k == "-" ? "-" : sprintf("%.1f", k / 1024)
    printf "%-9d %-10.3f %-8s %-7d %-10d\n", n, t / 1e9, rss, f, b
  }'
done

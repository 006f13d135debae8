#!/usr/bin/env bash
# Compiler benchmark: time to generate every target for synthetic manifests of growing size.
# Usage: bench/run.sh [INFRAGEN]   (or: make bench). Prints services, files, bytes, seconds, MB/s.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
infragen=${1:-$root/build/infragen}
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
runs=${BENCH_RUNS:-3}
printf '%-9s %-7s %-11s %-10s %-8s\n' services files bytes "best (s)" "MB/s"
for n in 10 100 300; do
  bash "$root/bench/synthetic_manifest.sh" "$n" >"$work/app.yaml"
  best=""
  for _ in $(seq 1 "$runs"); do
    rm -rf "$work/out"
    start=$(date +%s%N)
    "$infragen" generate "$work/app.yaml" --all -o "$work/out" >/dev/null
    end=$(date +%s%N)
    elapsed=$(( end - start ))
    if [ -z "$best" ] || [ "$elapsed" -lt "$best" ]; then best=$elapsed; fi
  done
  files=$(find "$work/out" -type f | wc -l)
  bytes=$(find "$work/out" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  awk -v n="$n" -v f="$files" -v b="$bytes" -v t="$best" \
    'BEGIN { printf "%-9d %-7d %-11d %-10.3f %-8.1f\n", n, f, b, t/1e9, (b/1e6)/(t/1e9) }'
done

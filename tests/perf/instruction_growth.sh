#!/usr/bin/env bash
# Guards against a quadratic step (issue 12) by counting instructions, not time: callgrind runs
# `generate --all` for the benchmark's app (bench/comparison_manifest.sh) at N and 4N services
# and every infragen function whose inclusive instruction count at 4N is at least 0.5% of the
# run must grow at most RATIO times (default 6; linear is at most 4, quadratic 16). A quadratic
# scan that allocates nothing (a search of every rule per workload) escapes the allocation
# guard of tests/unit/cli/work_growth_test.cc, and is a small share of a whole run, but not of
# its own function.
# Usage: tests/perf/instruction_growth.sh INFRAGEN [N] [RATIO]
set -euo pipefail
infragen=$1
small=${2:-10}
ratio=${3:-6}
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in valgrind callgrind_annotate python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIPPED: $tool not found"
    exit 0
  fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/infragen-growth.XXXXXX")
trap 'rm -rf "$work"' EXIT

# profile N: the inclusive instruction counts of one run, as "COUNT<TAB>FUNCTION" lines.
profile() {
  bash "$root/bench/comparison_manifest.sh" "$1" >"$work/app-$1.yaml"
  # One thread: the counts of a run do not depend on its scheduling.
  INFRAGEN_JOBS=1 valgrind --tool=callgrind --callgrind-out-file="$work/$1.out" \
    "$infragen" generate "$work/app-$1.yaml" --all -o "$work/out-$1" >/dev/null 2>"$work/$1.log" \
    || { cat "$work/$1.log" >&2; exit 1; }
  callgrind_annotate --inclusive=yes --threshold=100 --auto=no "$work/$1.out" >"$work/$1.txt"
}
profile "$small"
profile $((small * 4))

python3 - "$work/$small.txt" "$work/$((small * 4)).txt" "$ratio" <<'PY'
import re, sys

# "  12,345 ( 1.23%)  /path/file.cc:infragen::function(args) [/path/infragen]"
LINE = re.compile(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+\S*?:(.*) \[(.*)\]$")


def counts(path):
    total, functions = 0, {}
    for line in open(path):
        if "PROGRAM TOTALS" in line:
            total = int(line.split()[0].replace(",", ""))
        match = LINE.match(line)
        # The compiler's own functions; a recursive call ('2) repeats its caller's count. A
        # function is listed once per source file of its inlined code: its own file's line
        # comes first and counts all of it.
        if match and match.group(2).startswith("infragen::") and "'" not in match.group(2):
            functions.setdefault(match.group(2), int(match.group(1).replace(",", "")))
    return total, functions


small_total, small = counts(sys.argv[1])
large_total, large = counts(sys.argv[2])
limit = float(sys.argv[3])
failures = []
for name, count in large.items():
    if count < large_total * 0.005 or small.get(name, 0) == 0:
        continue
    growth = count / small[name]
    if growth > limit:
        failures.append((growth, name, small[name], count))
print(f"instructions: {small_total:,} at N, {large_total:,} at 4N "
      f"({large_total / small_total:.2f}x)")
for growth, name, before, after in sorted(failures, reverse=True):
    print(f"FAIL {growth:.1f}x ({before:,} -> {after:,}): {name[:200]}")
if failures:
    sys.exit(1)
print(f"PASS: every function of at least 0.5% of the run grows at most {limit}x")
PY

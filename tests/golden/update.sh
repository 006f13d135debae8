#!/usr/bin/env bash
# Regenerates the golden output of the voting example: review `git diff tests/golden`, then commit.
# Usage: tests/golden/update.sh [INFRAGEN]   (or: make golden)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
infragen=${1:-$root/build/infragen}
cd "$root"
"$infragen" generate examples/voting/app.yaml --all -o tests/golden/voting

#!/usr/bin/env bash
# Regenerates the golden output of the voting example (every target) and of the ingest fixture
# (batch): review `git diff tests/golden`, then commit.
# Usage: tests/golden/update.sh [INFRAGEN]   (or: make golden)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
infragen=${1:-$root/build/infragen}
cd "$root"
"$infragen" generate examples/voting/app.yaml --all -o tests/golden/voting
# The batch target's jobs, which voting has none of.
"$infragen" generate tests/conformance/fixtures/ingest/app.yaml -t batch -o tests/golden/ingest

#!/usr/bin/env bash
# Generative conformance: draws COUNT manifests from seeds FIRST_SEED.. and checks that each one
# infragen accepts generates deterministic code that cfn-lint, terraform and the AWS quotas accept.
# Usage: run.sh INFRAGEN ROOT [COUNT] [FIRST_SEED] [--all-targets]   (the checks live in run.py)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 2 ]; then echo "usage: run.sh INFRAGEN ROOT [COUNT] [FIRST_SEED] [--all-targets]" >&2; exit 2; fi
if ! command -v python3 >/dev/null 2>&1; then echo "SKIPPED: python3 not found"; exit 0; fi
exec python3 "$here/run.py" "$@"

#!/usr/bin/env bash
# Builds helm-render offline from Debian's Go packages (golang-go, sprig, yaml.v3) in GOPATH mode.
# Usage: build.sh [OUT_DIR]   (default tools/helm-render/bin, not committed). Prints the binary.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "${1:-$here/bin}"
out=$(cd "${1:-$here/bin}" && pwd)
# GOPATH mode against /usr/share/gocode: the Debian packages hold the sources there and no
# module proxy is reachable. GOCACHE beside the binary keeps $HOME untouched.
cd "$here"
GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="${GOCACHE:-$out/go-cache}" GOFLAGS='' \
  go build -o "$out/helm-render.$$" . >&2
# Renamed into place: two tests that build at once never run a half-written binary.
mv -f "$out/helm-render.$$" "$out/helm-render"
echo "$out/helm-render"

#!/usr/bin/env bash
# Installs the Debian packages infragen builds with, only those that are missing.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libyaml-cpp-dev libfmt-dev
          libcli11-dev libgtest-dev libkainjow-mustache-dev libvalijson-dev libssl-dev
          libjemalloc-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

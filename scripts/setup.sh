#!/usr/bin/env bash
# Installs what digitnet needs to build and test on Debian 12 (run as root):
# Debian packages that are missing, Node.js 20 or newer (npm's `node` package
# when the machine's is older), then the npm dev dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config python3 libeigen3-dev catch2 zlib1g-dev libspng-dev libcli11-dev
          emscripten chromium
          clang libclang-rt-dev  # sanitizer builds and the fuzzers
          clang-format)  # scripts/check-format.sh
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The test tools (playwright-core, node's test runner options) need Node.js 20 or newer.
source scripts/ensure-node.sh
ensure_node 20
npm ci --no-audit --no-fund --loglevel=error

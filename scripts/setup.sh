#!/usr/bin/env bash
# Installs what digitnet needs to build and test on Debian 12 (run as root):
# Debian packages that are missing, then the npm dev dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make pkg-config python3 libeigen3-dev catch2 zlib1g-dev libstb-dev libcli11-dev
          emscripten chromium)
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
# The test tools (playwright-core, node's test runner options) need Node.js 20 or newer;
# Debian 12's own nodejs package is 18.
if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  echo "digitnet needs Node.js 20 or newer; this machine has $(node --version)" >&2
  exit 1
fi
npm ci --no-audit --no-fund --loglevel=error

#!/usr/bin/env bash
# Builds everything: the native library, CLI and tests (build/), the
# WebAssembly module (build-wasm/) and the page (build-web/).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDIGITNET_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
bash scripts/build-wasm.sh
node web/build.js

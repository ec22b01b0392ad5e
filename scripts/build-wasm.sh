#!/usr/bin/env bash
# Builds the WebAssembly module, <build dir>/wasm/digitnet.js (one file: the
# wasm, its JS glue and the bundled data), with Debian's Emscripten 3.1.6.
# Usage: build-wasm.sh [build dir, default build-wasm] [extra CMake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-wasm}
shift || true
# Emscripten's optimizer needs Debian's node modules (acorn); node 20 rejects
# the emulator flag emcmake would pass.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DDIGITNET_WERROR=ON \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
echo "built $(pwd)/$dir/wasm/digitnet.js"

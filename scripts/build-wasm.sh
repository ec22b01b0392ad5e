#!/usr/bin/env bash
# Builds the WebAssembly module, build-wasm/wasm/digitnet.js (one file: the
# wasm, its JS glue and the bundled data), with Debian's Emscripten 3.1.6.
set -euo pipefail
cd "$(dirname "$0")/.."
# Emscripten's optimizer needs Debian's node modules (acorn); node 20 rejects
# the emulator flag emcmake would pass.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build build-wasm -j"$(nproc)"
echo "built $(pwd)/build-wasm/wasm/digitnet.js"

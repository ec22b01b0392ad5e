#!/usr/bin/env bash
# The benchmark, in one command: builds what it measures, then prints one table
# (tests/bench/run.js): digitnet native, its WebAssembly module in node and in
# headless Chromium, TensorFlow.js (wasm, cpu and webgl backends) in the same
# Chromium, for the MLP 784-128-10 and two CNNs; the wasm matrix-product limit
# at their shapes, draw-to-prediction latency in the page, peak wasm memory,
# and a check that the fast kernels give the plain ones' losses.
# A few minutes on two cores; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

command -v em++ >/dev/null && command -v chromium >/dev/null && [[ -d node_modules/@tensorflow/tfjs-backend-wasm ]] ||
  bash scripts/setup.sh

# Runs a build step, showing its output only if it fails.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

echo "bench: building native, wasm (as shipped), wasm (plain kernels) and the wasm limits" >&2
quietly cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
quietly cmake --build build -j"$jobs" --target digitnet
quietly bash scripts/build-wasm.sh

# The reference for the loss-curve check: Eigen's portable path, none of digitnet's wasm kernels.
quietly bash scripts/build-wasm.sh build-wasm-plain -DDIGITNET_WASM_EIGEN_SSE=OFF -DCMAKE_CXX_FLAGS=-DDIGITNET_PLAIN_KERNELS

# Emscripten's optimizer needs Debian's node modules (see scripts/build-wasm.sh).
export NODE_PATH=/usr/share/nodejs
# The wasm limit: the products of training alone, with Eigen's SSE path, without
# it, and with digitnet's wasm kernels (on Eigen's SSE path, as the module has them).
mkdir -p build-bench
limit=(em++ tests/bench/matmul_limit.cpp -std=c++17 -O3 -DNDEBUG -msimd128 -isystem /usr/include/eigen3
       -sSINGLE_FILE=1 -sMODULARIZE=1 -sALLOW_MEMORY_GROWTH=1 -sEXPORTED_FUNCTIONS=_limit_clear,_limit_add,_limit_run)
sse=(-msse4.2 -isystem wasm/eigen_sse -include wasm/eigen_sse/eigen_first.hpp)
quietly "${limit[@]}" "${sse[@]}" -sEXPORT_NAME=MatmulLimitSse -o build-bench/matmul_limit_sse.js &
first=$!
quietly "${limit[@]}" -sEXPORT_NAME=MatmulLimitPlain -o build-bench/matmul_limit_plain.js
wait "$first"
quietly "${limit[@]}" "${sse[@]}" -DWITH_DIGITNET_KERNELS -Inative native/digitnet/kernels_wasm.cpp \
  -sEXPORT_NAME=MatmulLimitKernels -o build-bench/matmul_limit_kernels.js

node tests/bench/run.js

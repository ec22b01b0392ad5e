'use strict';
// Where scripts/bench.sh leaves what the benchmark runs.
const path = require('path');

const ROOT = path.join(__dirname, '../..');

module.exports = {
  ROOT,
  NATIVE_CLI: path.join(ROOT, 'build/native/digitnet'),
  DIGITNET_WASM: path.join(ROOT, 'build-wasm/wasm/digitnet.js'),  // Eigen's SSE path, as the page ships it
  DIGITNET_WASM_PLAIN: path.join(ROOT, 'build-wasm-plain/wasm/digitnet.js'),  // DIGITNET_WASM_EIGEN_SSE=OFF
  // matmul_limit.cpp built three ways (page.html loads the same files).
  LIMITS: {
    sse: path.join(ROOT, 'build-bench/matmul_limit_sse.js'),
    plain: path.join(ROOT, 'build-bench/matmul_limit_plain.js'),
    kernels: path.join(ROOT, 'build-bench/matmul_limit_kernels.js'),
  },
};

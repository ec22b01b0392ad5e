#pragma once
// The three matrix products that dense and conv layers lower to, on row-major
// floats. In WebAssembly with SIMD they run on the hand-written kernels of
// kernels_wasm; elsewhere on Eigen.
namespace digitnet {

// out (m x n) = in (m x k) W^T, W being n x k: the forward product Z = A W^T.
void multiply_by_transpose(const float* in, const float* W, float* out, int m, int n, int k);

// G (n x k) = alpha dZ^T in, or G += that when accumulating; dZ is m x n and in
// is m x k: a weight gradient, or an SGD step straight on the weights.
void add_weight_product(const float* dZ, const float* in, float* G, int m, int n, int k, float alpha, bool accumulate);

// dIn (m x k) = dZ (m x n) W (n x k): the gradient reaching a layer's input.
void multiply(const float* dZ, const float* W, float* dIn, int m, int n, int k);

}  // namespace digitnet

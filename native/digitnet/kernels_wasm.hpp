#pragma once
// Hand-written WebAssembly SIMD kernels for the three products of training,
// where Eigen, even on its SSE path translated to wasm SIMD, leaves speed
// behind: they keep more sums in registers and never pack their operands.
// Row-major float matrices throughout. They are compiled for wasm with SIMD
// (-msimd128) unless DIGITNET_PLAIN_KERNELS is defined (a build to check the
// results against); products.cpp falls back to Eigen everywhere else.
#if defined(__wasm_simd128__) && !defined(DIGITNET_PLAIN_KERNELS)
#define DIGITNET_WASM_KERNELS 1

namespace digitnet::kernels {

// C (m x n) = A (m x k) B^T, B being n x k: each entry the dot product of a row
// of A and a row of B (the forward pass, Z = A W^T).
void multiply_transposed(const float* A, const float* B, float* C, int m, int n, int k);

// C (n x k) = alpha D^T X, plus C when accumulate is set; D is m x n and X is
// m x k (weight gradients dZ^T A, or an SGD step W -= lr dZ^T A).
void add_transposed_product(const float* D, const float* X, float* C, int m, int n, int k, float alpha, bool accumulate);

// C (m x k) = A (m x n) B, B being n x k (the gradient reaching a layer's
// input, dIn = dZ W: for a conv layer, the lowered input's).
void multiply(const float* A, const float* B, float* C, int m, int n, int k);

}  // namespace digitnet::kernels

#endif

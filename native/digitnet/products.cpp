#include "digitnet/products.hpp"

#include "digitnet/kernels_wasm.hpp"
#include "digitnet/tensor.hpp"

namespace digitnet {

void multiply_by_transpose(const float* in, const float* W, float* out, int m, int n, int k) {
#ifdef DIGITNET_WASM_KERNELS
    kernels::multiply_transposed(in, W, out, m, n, k);
#else
    MatrixMap(out, m, n).noalias() = ConstMatrixMap(in, m, k) * ConstMatrixMap(W, n, k).transpose();
#endif
}

void add_weight_product(const float* dZ, const float* in, float* G, int m, int n, int k, float alpha, bool accumulate) {
#ifdef DIGITNET_WASM_KERNELS
    kernels::add_transposed_product(dZ, in, G, m, n, k, alpha, accumulate);
#else
    const ConstMatrixMap D(dZ, m, n), X(in, m, k);
    MatrixMap out(G, n, k);
    const auto add = [&](const auto& product) {
        if (accumulate) out.noalias() += product;
        else out.noalias() = product;
    };
    if (m == 1)  // one sample: an outer product, without the matrix-product machinery
        add((alpha * D.row(0).transpose()) * X.row(0));
    else add(alpha * (D.transpose() * X));
#endif
}

void multiply(const float* dZ, const float* W, float* dIn, int m, int n, int k) {
#ifdef DIGITNET_WASM_KERNELS
    kernels::multiply(dZ, W, dIn, m, n, k);
#else
    MatrixMap(dIn, m, k).noalias() = ConstMatrixMap(dZ, m, n) * ConstMatrixMap(W, n, k);
#endif
}

}  // namespace digitnet

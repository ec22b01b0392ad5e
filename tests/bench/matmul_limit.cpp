// The wasm limit for training a network: only the matrix products of its SGD
// steps, at the training shapes and in the layouts the network uses (row-major,
// transposes folded into the product, gradients accumulated into the weights),
// with nothing else around them. matmul_bench.js describes the products of a
// network (limit_add) and times them (limit_run). scripts/bench.sh builds it
// three ways: with Eigen's portable path, with its SSE kernels translated to
// wasm SIMD, and with digitnet's own wasm kernels (WITH_DIGITNET_KERNELS).
#include <emscripten/emscripten.h>
#include <Eigen/Core>
#include <vector>

#ifdef WITH_DIGITNET_KERNELS
#include "digitnet/kernels_wasm.hpp"
#endif

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

enum Kind { Forward = 0, WeightGradient = 1, InputGradient = 2 };

// One product of a training step, with m = batch x rows per sample (1 for a
// dense layer, the output pixels for a conv layer), n outputs (units or
// filters) and k inputs (fan-in, or the conv's patch K*K*C):
//   Forward         Z (m x n) = In (m x k) W^T
//   WeightGradient  W (n x k) -= lr dZ^T In   (SGD, straight on the weights)
//   InputGradient   dIn (m x k) = dZ (m x n) W
struct Product {
    Kind kind;
    Matrix in, W, out;  // In or dIn; W; Z or dZ
};
std::vector<Product> products;

}  // namespace

extern "C" {

// Forgets the products described so far.
EMSCRIPTEN_KEEPALIVE void limit_clear() { products.clear(); }

// Adds a product of `kind` at m x n x k (see Product), its matrices filled with values in [-1, 1].
EMSCRIPTEN_KEEPALIVE void limit_add(int kind, int m, int n, int k) {
    products.push_back({static_cast<Kind>(kind), Matrix::Random(m, k), Matrix::Random(n, k) * 0.01f, Matrix::Random(m, n)});
}

// The products of `steps` training steps: 2 m n k FLOPs each per step.
EMSCRIPTEN_KEEPALIVE void limit_run(int steps) {
    const float lr = 1e-9f;  // keeps the weights where they are
    for (int i = 0; i < steps; ++i)
        for (Product& p : products) {
#ifdef WITH_DIGITNET_KERNELS
            using namespace digitnet::kernels;
            const int m = static_cast<int>(p.in.rows()), n = static_cast<int>(p.W.rows()), k = static_cast<int>(p.W.cols());
            switch (p.kind) {
                case Forward: multiply_transposed(p.in.data(), p.W.data(), p.out.data(), m, n, k); break;
                case WeightGradient:
                    add_transposed_product(p.out.data(), p.in.data(), p.W.data(), m, n, k, -lr, true);
                    break;
                case InputGradient: multiply(p.out.data(), p.W.data(), p.in.data(), m, n, k); break;
            }
#else
            switch (p.kind) {
                case Forward: p.out.noalias() = p.in * p.W.transpose(); break;
                case WeightGradient: p.W.noalias() -= lr * (p.out.transpose() * p.in); break;
                case InputGradient: p.in.noalias() = p.out * p.W; break;
            }
#endif
        }
}

}  // extern "C"

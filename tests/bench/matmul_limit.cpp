// The wasm limit for training 784-128-10: only the matrix products of one SGD
// step, at the training shapes and in the layouts the network uses (row-major,
// transposes folded into the product, gradients accumulated into the weights),
// with nothing else around them. scripts/bench.sh builds it three ways: with
// Eigen's portable path, with its SSE kernels translated to wasm SIMD, and
// with digitnet's own wasm kernels (WITH_DIGITNET_KERNELS) where the network
// uses them.
#include <Eigen/Core>
#include <emscripten/emscripten.h>

#ifdef WITH_DIGITNET_KERNELS
#include "digitnet/kernels_wasm.hpp"
#endif

namespace {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr int kInputs = 784, kHidden = 128, kOutputs = 10;

struct Step {
    Matrix X, W1, W2, H, Z2, dZ2, dH;
};
Step step;

}  // namespace

extern "C" {

// Matrices for batches of `batch` samples, filled with values in [-1, 1].
EMSCRIPTEN_KEEPALIVE void limit_setup(int batch) {
    step.X = Matrix::Random(batch, kInputs);
    step.W1 = Matrix::Random(kHidden, kInputs) * 0.01f;
    step.W2 = Matrix::Random(kOutputs, kHidden) * 0.01f;
    step.H = Matrix::Random(batch, kHidden);
    step.Z2 = Matrix::Random(batch, kOutputs);
    step.dZ2 = Matrix::Random(batch, kOutputs);
    step.dH = Matrix::Random(batch, kHidden);
}

// The five products of `steps` training steps: 2 x (2 x 784 x 128 + 3 x 128 x 10)
// FLOPs per sample.
EMSCRIPTEN_KEEPALIVE void limit_run(int steps) {
    const float lr = 1e-9f;  // keeps the weights where they are
    Step& s = step;
    const int batch = static_cast<int>(s.X.rows());
    for (int i = 0; i < steps; ++i) {
#ifdef WITH_DIGITNET_KERNELS
        using namespace digitnet::kernels;
        multiply_transposed(s.X.data(), s.W1.data(), s.H.data(), batch, kHidden, kInputs);
        multiply_transposed(s.H.data(), s.W2.data(), s.Z2.data(), batch, kOutputs, kHidden);
        s.dH.noalias() = s.dZ2 * s.W2;
        add_transposed_product(s.dZ2.data(), s.H.data(), s.W2.data(), batch, kOutputs, kHidden, -lr, true);
        add_transposed_product(s.dH.data(), s.X.data(), s.W1.data(), batch, kHidden, kInputs, -lr, true);
#else
        s.H.noalias() = s.X * s.W1.transpose();
        s.Z2.noalias() = s.H * s.W2.transpose();
        s.dH.noalias() = s.dZ2 * s.W2;
        s.W2.noalias() -= lr * (s.dZ2.transpose() * s.H);
        s.W1.noalias() -= lr * (s.dH.transpose() * s.X);
#endif
    }
}

}  // extern "C"

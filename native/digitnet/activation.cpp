#include "digitnet/activation.hpp"

namespace digitnet {

namespace {
// Z <- f(Z + b) for elementwise f, one pass over Z.
template <class F>
void map_rows(MatrixMap& Z, const float* b, F f) {
    if (b) {
        const ConstVectorMap bias(b, Z.cols());
        Z = f((Z.rowwise() + bias).array()).matrix();
    } else {
        Z = f(Z.array()).matrix();
    }
}
}  // namespace

void bias_activate(Activation f, const float* b, MatrixMap Z) {
    switch (f) {
        case Activation::Identity:
            if (b) map_rows(Z, b, [](auto z) { return z; });
            break;
        case Activation::Sigmoid: map_rows(Z, b, [](auto z) { return (1.0f + (-z).exp()).inverse(); }); break;
        case Activation::Tanh: map_rows(Z, b, [](auto z) { return z.tanh(); }); break;
        case Activation::ReLU: map_rows(Z, b, [](auto z) { return z.max(0.0f); }); break;
        case Activation::Softmax:
            if (b) map_rows(Z, b, [](auto z) { return z; });
            for (Eigen::Index r = 0; r < Z.rows(); ++r) {
                auto row = Z.row(r).array();
                row = (row - row.maxCoeff()).exp();
                row /= row.sum();
            }
            break;
    }
}

void activation_backward(Activation f, ConstMatrixMap A, MatrixMap dA) {
    switch (f) {
        case Activation::Identity: break;
        case Activation::Sigmoid: dA.array() *= A.array() * (1.0f - A.array()); break;
        case Activation::Tanh: dA.array() *= 1.0f - A.array().square(); break;
        case Activation::ReLU: dA = (A.array() > 0.0f).select(dA, 0.0f); break;
        case Activation::Softmax:
            // Jacobian-vector product of softmax: dZ = A * (dA - sum_k dA_k A_k), per row.
            for (Eigen::Index r = 0; r < A.rows(); ++r) {
                const float dot = A.row(r).dot(dA.row(r));
                dA.row(r).array() = A.row(r).array() * (dA.row(r).array() - dot);
            }
            break;
    }
}

}  // namespace digitnet

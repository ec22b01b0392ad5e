#include "digitnet/loss.hpp"

#include <algorithm>
#include <cmath>

#include "digitnet/activation.hpp"

namespace digitnet {

void check_loss(const LossSpec& loss, Activation output) {
    if (loss.kind == LossKind::CrossEntropy && output != Activation::Softmax)
        throw Error("cross-entropy needs a softmax output layer");
    if (loss.kind == LossKind::BatchSoftmaxSquaredError && output != Activation::Identity)
        throw Error("batch-softmax squared error works on logits: it needs an identity output layer");
    if (loss.kind != LossKind::CrossEntropy && !(loss.scale > 0.0f)) throw Error("squared-error scale must be positive");
}

void batch_softmax(const Matrix& Z, Matrix& S) {
    // Each column's own maximum: a column far below the others would otherwise
    // underflow to all zeros and divide 0 by 0.
    S = (Z.rowwise() - Z.colwise().maxCoeff()).array().exp().matrix();
    const Vector column_sums = S.colwise().sum();
    S.array().rowwise() /= column_sums.array();
}

double loss_value(const LossSpec& loss, const Matrix& A, const uint8_t* labels) {
    if (loss.kind == LossKind::BatchSoftmaxSquaredError) {
        Matrix S;
        batch_softmax(A, S);
        return loss_value({LossKind::SquaredError, loss.scale}, S, labels);
    }
    double sum = 0.0;
    for (Eigen::Index b = 0; b < A.rows(); ++b) {
        const int y = labels[b];
        if (loss.kind == LossKind::CrossEntropy) {
            sum -= std::log(std::max(A(b, y), 1e-30f));
        } else {
            double s = 0.0;
            for (Eigen::Index k = 0; k < A.cols(); ++k) {
                const double d = A(b, k) - (k == y ? 1.0 : 0.0);
                s += d * d;
            }
            sum += 0.5 * loss.scale * s;
        }
    }
    return A.rows() ? sum / static_cast<double>(A.rows()) : 0.0;
}

double loss_gradient(const LossSpec& loss, Activation output, const Matrix& A, const uint8_t* labels, Matrix& dZ) {
    const float inv_b = 1.0f / static_cast<float>(A.rows());
    if (loss.kind == LossKind::BatchSoftmaxSquaredError) {
        batch_softmax(A, dZ);
        const double value = loss_value({LossKind::SquaredError, loss.scale}, dZ, labels);
        Matrix& S = dZ;  // dZ = scale (S - Y)/B * S (1 - S), computed in place
        for (Eigen::Index b = 0; b < S.rows(); ++b)
            for (Eigen::Index k = 0; k < S.cols(); ++k) {
                const float s = S(b, k), y = k == labels[b] ? 1.0f : 0.0f;
                S(b, k) = loss.scale * inv_b * (s - y) * s * (1.0f - s);
            }
        return value;
    }
    const float k = loss.kind == LossKind::CrossEntropy ? inv_b : loss.scale * inv_b;
    dZ = k * A;
    for (Eigen::Index b = 0; b < A.rows(); ++b) dZ(b, labels[b]) -= k;
    // Cross-entropy through softmax already gives dL/dZ; squared error gives dL/dA.
    if (loss.kind == LossKind::SquaredError)
        activation_backward(output, ConstMatrixMap(A.data(), A.rows(), A.cols()),
                            MatrixMap(dZ.data(), dZ.rows(), dZ.cols()));
    return loss_value(loss, A, labels);
}

}  // namespace digitnet

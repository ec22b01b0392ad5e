#pragma once
// Compares Network::backward with central finite differences of the loss,
// for every parameter (check_gradient), and Network::input_gradient for every
// input (check_input_gradient). Returns the largest error, scaled by
// max(1, |gradient|), and prints it so failures show how far off they were.
// `corrupt`, if given, alters the analytic gradient first: the check of the check.
#include <cstdio>
#include <functional>
#include <vector>

#include "digitnet/loss.hpp"
#include "digitnet/network.hpp"
#include "digitnet/rng.hpp"

namespace digitnet::testing {

struct GradientCheck {
    double max_error = 0.0;      // max |numeric - analytic| / max(1, |analytic|)
    double relative_norm = 0.0;  // |numeric - analytic| / |numeric + analytic| over all parameters
};

// With a dropout seed, every forward pass drops the same values (a fresh Rng of that seed).
inline double penalized_loss(const Network& net, const Matrix& X, const std::vector<uint8_t>& labels, const LossSpec& loss,
                             float decay, uint64_t dropout_seed = 0) {
    Workspace ws;
    Rng dropout(dropout_seed);
    double l = loss_value(loss, net.forward(X, ws, dropout_seed ? &dropout : nullptr), labels.data());
    for (int k = 0; k < net.layer_count(); ++k) l += 0.5 * decay * net.weights(k).squaredNorm();
    return l;
}

inline GradientCheck check_gradient(const NetworkSpec& spec, const LossSpec& loss, int batch, float decay = 0.0f,
                                    uint64_t seed = 3, uint64_t dropout_seed = 0,
                                    const std::function<void(const Network&, std::vector<float>&)>& corrupt = {}) {
    Network net(spec);
    Rng rng(seed);
    net.initialize(Init::Uniform, rng);  // non-zero biases, so their gradients matter
    Matrix X(batch, spec.inputs());
    for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-1.0f, 1.0f);
    std::vector<uint8_t> labels(static_cast<size_t>(batch));
    for (auto& y : labels) y = static_cast<uint8_t>(rng.below(static_cast<uint64_t>(spec.outputs())));

    Workspace ws;
    Rng dropout(dropout_seed);
    const Matrix& A = net.forward(X, ws, dropout_seed ? &dropout : nullptr);
    loss_gradient(loss, spec.layers.back().activation, A, labels.data(), ws.dZ.back());
    std::vector<float> grad(net.param_count());
    net.backward(X, ws, grad.data(), decay);
    if (corrupt) corrupt(net, grad);

    GradientCheck r;
    double diff2 = 0.0, sum2 = 0.0;
    const float eps = 4e-3f;
    for (size_t i = 0; i < net.param_count(); ++i) {
        float& p = net.params()[i];
        const float keep = p;
        p = keep + eps;
        const double up = penalized_loss(net, X, labels, loss, decay, dropout_seed);
        p = keep - eps;
        const double down = penalized_loss(net, X, labels, loss, decay, dropout_seed);
        p = keep;
        const double numeric = (up - down) / (2.0 * eps), analytic = grad[i];
        r.max_error = std::max(r.max_error, std::abs(numeric - analytic) / std::max(1.0, std::abs(analytic)));
        diff2 += (numeric - analytic) * (numeric - analytic);
        sum2 += (numeric + analytic) * (numeric + analytic);
    }
    r.relative_norm = sum2 > 0 ? std::sqrt(diff2 / sum2) : 0.0;
    std::printf("gradient check %-40s batch %d: max error %.2e, relative %.2e\n", spec.describe().c_str(), batch,
                r.max_error, r.relative_norm);
    return r;
}

// dL/dX (B x inputs) against central differences of the loss in each input.
inline GradientCheck check_input_gradient(const NetworkSpec& spec, const LossSpec& loss, int batch, uint64_t seed = 3,
                                          const std::function<void(Matrix&)>& corrupt = {}) {
    Network net(spec);
    Rng rng(seed);
    net.initialize(Init::Uniform, rng);
    Matrix X(batch, spec.inputs());
    for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-1.0f, 1.0f);
    std::vector<uint8_t> labels(static_cast<size_t>(batch));
    for (auto& y : labels) y = static_cast<uint8_t>(rng.below(static_cast<uint64_t>(spec.outputs())));

    Workspace ws;
    const Matrix& A = net.forward(X, ws);
    loss_gradient(loss, spec.layers.back().activation, A, labels.data(), ws.dZ.back());
    Matrix dX;
    net.input_gradient(X, ws, dX);
    if (corrupt) corrupt(dX);

    GradientCheck r;
    double diff2 = 0.0, sum2 = 0.0;
    const float eps = 4e-3f;
    for (Eigen::Index i = 0; i < X.size(); ++i) {
        float& x = X.data()[i];
        const float keep = x;
        x = keep + eps;
        const double up = penalized_loss(net, X, labels, loss, 0.0f);
        x = keep - eps;
        const double down = penalized_loss(net, X, labels, loss, 0.0f);
        x = keep;
        const double numeric = (up - down) / (2.0 * eps), analytic = dX.data()[i];
        r.max_error = std::max(r.max_error, std::abs(numeric - analytic) / std::max(1.0, std::abs(analytic)));
        diff2 += (numeric - analytic) * (numeric - analytic);
        sum2 += (numeric + analytic) * (numeric + analytic);
    }
    r.relative_norm = sum2 > 0 ? std::sqrt(diff2 / sum2) : 0.0;
    std::printf("input gradient check %-34s batch %d: max error %.2e, relative %.2e\n", spec.describe().c_str(), batch,
                r.max_error, r.relative_norm);
    return r;
}

}  // namespace digitnet::testing

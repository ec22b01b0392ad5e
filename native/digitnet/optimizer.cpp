#include "digitnet/optimizer.hpp"

#include <cmath>

namespace digitnet {

namespace {
void check(const OptimizerSpec& s) {
    if (!(s.learning_rate > 0.0f) || !std::isfinite(s.learning_rate)) throw Error("learning rate must be a positive number");
    if (!(s.momentum >= 0.0f && s.momentum < 1.0f)) throw Error("momentum must be in [0, 1)");
    if (!(s.beta1 >= 0.0f && s.beta1 < 1.0f) || !(s.beta2 >= 0.0f && s.beta2 < 1.0f))
        throw Error("Adam betas must be in [0, 1)");
    if (!(s.epsilon > 0.0f)) throw Error("Adam epsilon must be positive");
    if (!(s.weight_decay >= 0.0f) || !std::isfinite(s.weight_decay)) throw Error("weight decay must be zero or positive");
}
}  // namespace

Optimizer::Optimizer(const OptimizerSpec& spec, size_t n) : spec_(spec), n_(n) {
    check(spec_);
    if (spec_.kind != OptimizerKind::SGD) state_.m.assign(n, 0.0f);
    if (spec_.kind == OptimizerKind::Adam) state_.v.assign(n, 0.0f);
}

void Optimizer::set_learning_rate(float lr) {
    OptimizerSpec s = spec_;
    s.learning_rate = lr;
    check(s);
    spec_ = s;
}

void Optimizer::step(float* p, const float* g) {
    const float lr = spec_.learning_rate;
    ++state_.t;
    switch (spec_.kind) {
        case OptimizerKind::SGD:
            for (size_t i = 0; i < n_; ++i) p[i] -= lr * g[i];
            break;
        case OptimizerKind::Momentum: {
            float* v = state_.m.data();
            const float mu = spec_.momentum;
            for (size_t i = 0; i < n_; ++i) {
                v[i] = mu * v[i] + g[i];
                p[i] -= lr * v[i];
            }
            break;
        }
        case OptimizerKind::Adam: {
            float* m = state_.m.data();
            float* v = state_.v.data();
            const float b1 = spec_.beta1, b2 = spec_.beta2, eps = spec_.epsilon;
            const double t = static_cast<double>(state_.t);
            // Bias corrections folded into the step size and epsilon.
            const float c1 = static_cast<float>(1.0 - std::pow(static_cast<double>(b1), t));
            const float c2 = static_cast<float>(std::sqrt(1.0 - std::pow(static_cast<double>(b2), t)));
            const float step = lr * c2 / c1, eps_hat = eps * c2;
            for (size_t i = 0; i < n_; ++i) {
                m[i] = b1 * m[i] + (1.0f - b1) * g[i];
                v[i] = b2 * v[i] + (1.0f - b2) * g[i] * g[i];
                p[i] -= step * m[i] / (std::sqrt(v[i]) + eps_hat);
            }
            break;
        }
    }
}

}  // namespace digitnet

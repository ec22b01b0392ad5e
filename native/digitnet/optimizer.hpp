#pragma once
// Parameter updates over the whole flat buffer (n floats) at once, given the
// gradient g of the batch-mean loss:
//   SGD:       p -= lr g
//   momentum:  v = mu v + g;  p -= lr v
//   Adam:      m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
//              p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
#include <cstddef>
#include <vector>

#include "digitnet/spec.hpp"

namespace digitnet {

class Optimizer {
public:
    Optimizer(const OptimizerSpec& spec, size_t n);  // validates the spec
    void step(float* params, const float* grad);
    const OptimizerSpec& spec() const { return spec_; }
    void set_learning_rate(float lr);

    // Moment buffers and step count, so a caller can undo a diverged stretch.
    struct State {
        std::vector<float> m, v;
        long t = 0;
    };
    const State& state() const { return state_; }
    void restore(const State& s) { state_ = s; }

private:
    OptimizerSpec spec_;
    size_t n_;
    State state_;
};

}  // namespace digitnet

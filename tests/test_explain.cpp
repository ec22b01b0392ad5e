// The input gradient against finite differences (an MLP and a CNN), and the
// "why this digit" map: a known answer on a hand-built network that reads known
// regions of the image, and gradient x input's sum on networks without biases.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "digitnet/explain.hpp"
#include "digitnet/network.hpp"
#include "digitnet/rng.hpp"
#include "gradient_check.hpp"

using namespace digitnet;
using digitnet::testing::check_input_gradient;

namespace {
const LossSpec kCrossEntropy{LossKind::CrossEntropy, 1.0f};
// Correct input gradients print max errors up to ~3e-5 and relative norms up
// to ~1.5e-4 (the inputs' gradients are small, so float rounding weighs more);
// one value 0.01 off gives 1e-2 and 9e-3.
bool close(const testing::GradientCheck& g) { return g.max_error < 2e-4 && g.relative_norm < 1e-3; }
NetworkSpec cnn(const std::string& layers, bool bias = true) {
    return make_spec(parse_layers(layers, Activation::ReLU, bias), Activation::Softmax, bias, {2, 9, 9}, 4);
}
}  // namespace

TEST_CASE("the input gradient matches finite differences, MLP and CNN", "[gradient][explain]") {
    CHECK(
        close(check_input_gradient(make_spec({7, 5}, Activation::Tanh, Activation::Softmax, true, 6, 4), kCrossEntropy, 3)));
    CHECK(close(check_input_gradient(make_spec({6}, Activation::Sigmoid, Activation::Softmax, true, 5, 3),
                                     {LossKind::SquaredError, 1.0f}, 2)));
    CHECK(close(check_input_gradient(cnn("c3k3,p2,5"), kCrossEntropy, 2)));
    // (seed 3 puts a ReLU or a max-pool tie within the finite difference of its kink)
    for (uint64_t seed : {4, 5, 6}) CHECK(close(check_input_gradient(cnn("c3k3s,c2k3,p2,d0.5,5"), kCrossEntropy, 2, seed)));
}

TEST_CASE("a wrong input gradient is caught by the check", "[gradient][explain]") {
    const std::function<void(Matrix&)> one_off = [](Matrix& dX) { dX(0, 1) += 0.01f; };
    const std::function<void(Matrix&)> transposed = [](Matrix& dX) { dX.row(0).reverseInPlace(); };
    for (const auto& corrupt : {one_off, transposed})
        CHECK_FALSE(close(check_input_gradient(cnn("c3k3,p2,5"), kCrossEntropy, 2, 3, corrupt)));
}

TEST_CASE("the map lights the region the digit read depends on, and the runner-up's in the other sign", "[explain]") {
    // 784 -> 10 softmax, no hidden layer. Unit 1 sums the top-left 7x7 pixels;
    // unit 7 half of the bottom-left 7x7 (not symmetric to the first under a
    // transpose); the others read nothing. On an even grey image of 0.5:
    // z1 = 24.5, z7 = 12.25, the rest 0, so the digit is 1, the runner-up 7, and
    // map = 0.5 * (W1 - W7): +0.5 top left, -0.25 bottom left, 0 elsewhere.
    Network net(make_spec({}, Activation::ReLU, Activation::Softmax, true, 784, 10));
    MatrixMap W = net.weights(0);  // 10 x 784
    for (int r = 0; r < 7; ++r)
        for (int c = 0; c < 7; ++c) {
            W(1, r * 28 + c) = 1.0f;
            W(7, (21 + r) * 28 + c) = 0.5f;
        }
    const std::vector<float> x(784, 0.5f);
    const Explanation e = explain(net, x.data());
    CHECK(e.digit == 1);
    CHECK(e.runner_up == 7);
    REQUIRE(e.map.size() == 784);
    int wrong = 0;
    for (int r = 0; r < 28; ++r)
        for (int c = 0; c < 28; ++c) {
            const float expected = c < 7 && r < 7 ? 0.5f : c < 7 && r >= 21 ? -0.25f : 0.0f;
            if (std::abs(e.map[static_cast<size_t>(r * 28 + c)] - expected) > 1e-6f) ++wrong;
        }
    CHECK(wrong == 0);
}

TEST_CASE("without biases, a ReLU network's map sums to log p(read) - log p(runner-up)", "[explain]") {
    // Such a network is linear along the ray from 0 to x, so gradient x input
    // sums to z_read - z_runner_up exactly, which softmax makes a log-ratio.
    for (const NetworkSpec& spec :
         {make_spec({9, 6}, Activation::ReLU, Activation::Softmax, false, 12, 5), cnn("c3k3,p2,c4k2,6", false)}) {
        INFO(spec.describe());
        Network net(spec);
        Rng rng(11);
        net.initialize(Init::Uniform, rng);
        std::vector<float> x(static_cast<size_t>(spec.inputs()));
        for (float& v : x) v = rng.uniform(0.0f, 1.0f);
        const Explanation e = explain(net, x.data());
        Workspace ws;
        const Matrix& p = net.forward(ConstMatrixMap(x.data(), 1, spec.inputs()), ws);
        for (int d = 0; d < spec.outputs(); ++d) {
            CHECK(p(0, d) <= p(0, e.digit));
            if (d != e.digit) CHECK(p(0, d) <= p(0, e.runner_up));
        }
        CHECK(e.digit != e.runner_up);
        const double sum = std::accumulate(e.map.begin(), e.map.end(), 0.0);
        CHECK(sum == Approx(std::log(p(0, e.digit)) - std::log(p(0, e.runner_up))).epsilon(1e-4));
    }
}

TEST_CASE("a network with one output cannot be explained", "[explain]") {
    Network net(make_spec({3}, Activation::ReLU, Activation::Sigmoid, true, 4, 1));
    const std::vector<float> x(4, 1.0f);
    CHECK_THROWS_WITH(explain(net, x.data()), Catch::Contains("no runner-up"));
}

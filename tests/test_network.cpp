// Network math: gradients against finite differences for every activation and
// loss in a few shapes; a forward pass with known weights; the parameter layout.
#include <catch2/catch.hpp>

#include <functional>

#include "digitnet/evaluate.hpp"
#include "digitnet/network.hpp"
#include "gradient_check.hpp"

using namespace digitnet;
using digitnet::testing::check_gradient;

namespace {
NetworkSpec spec_of(std::vector<int> sizes, Activation hidden, Activation out, bool bias = true) {
    const int in = sizes.front(), outputs = sizes.back();
    return make_spec(std::vector<int>(sizes.begin() + 1, sizes.end() - 1), hidden, out, bias, in, outputs);
}
// The checks print max errors up to 3.3e-5 and relative norms up to 3.7e-5;
// the limits are a few times that, so a gradient 1% off still fails.
constexpr double kMaxError = 1e-4, kRelativeNorm = 1e-4;
bool close(const testing::GradientCheck& g) { return g.max_error < kMaxError && g.relative_norm < kRelativeNorm; }
void require_close(const testing::GradientCheck& g) {
    CHECK(g.max_error < kMaxError);
    CHECK(g.relative_norm < kRelativeNorm);
}
}  // namespace

TEST_CASE("gradients of every hidden activation, with softmax and cross-entropy", "[gradient]") {
    const LossSpec ce{LossKind::CrossEntropy, 1.0f};
    for (Activation h : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU, Activation::Identity}) {
        INFO("hidden activation " << to_string(h));
        require_close(check_gradient(spec_of({5, 4, 3}, h, Activation::Softmax), ce, 1));
        require_close(check_gradient(spec_of({6, 7, 5, 4}, h, Activation::Softmax), ce, 7));
    }
}

TEST_CASE("gradients of squared error through every output activation and scale", "[gradient]") {
    for (Activation out :
         {Activation::Softmax, Activation::Sigmoid, Activation::Tanh, Activation::Identity, Activation::ReLU}) {
        for (float scale : {1.0f, 2.0f}) {
            INFO("output " << to_string(out) << ", scale " << scale);
            require_close(check_gradient(spec_of({4, 6, 5}, Activation::Sigmoid, out), {LossKind::SquaredError, scale}, 3));
        }
    }
}

TEST_CASE("gradients without biases and with L2 weight decay", "[gradient]") {
    require_close(check_gradient(spec_of({5, 6, 4}, Activation::Sigmoid, Activation::Softmax, false),
                                 {LossKind::SquaredError, 2.0f}, 4));
    require_close(
        check_gradient(spec_of({5, 6, 4}, Activation::ReLU, Activation::Softmax), {LossKind::CrossEntropy, 1.0f}, 4, 0.1f));
}

TEST_CASE("a wrong gradient is caught by the check", "[gradient]") {
    // Guard against a check that cannot fail: the same checker, given gradients
    // that are wrong by a little (one layer's bias gradient 1% off) or by a lot
    // (all of it doubled), must report them as not close.
    using Corrupt = std::function<void(const Network&, std::vector<float>&)>;
    auto bias_off = [](int layer) -> Corrupt {
        return [layer](const Network& net, std::vector<float>& g) {
            for (int k = 0; k < net.units(layer); ++k) g[net.bias_offset(layer) + k] *= 1.01f;
        };
    };
    const Corrupt doubled = [](const Network&, std::vector<float>& g) {
        for (float& v : g) v *= 2.0f;
    };
    const LossSpec ce{LossKind::CrossEntropy, 1.0f};
    for (const Corrupt& corrupt : {bias_off(0), bias_off(1), bias_off(2), doubled}) {
        const testing::GradientCheck g =
            check_gradient(spec_of({6, 7, 5, 4}, Activation::Tanh, Activation::Softmax), ce, 7, 0.0f, 3, 0, corrupt);
        CHECK_FALSE(close(g));
    }
}

TEST_CASE("forward pass with fixed weights gives the known answer", "[forward]") {
    // 2 inputs -> 2 sigmoid -> 2 softmax.  W1 = [[1,2],[3,4]], b1 = [0.5,-0.5],
    // W2 = [[1,-1],[2,0]], b2 = [0,1], x = [1,-1]; values computed by hand in double.
    Network net(spec_of({2, 2, 2}, Activation::Sigmoid, Activation::Softmax));
    REQUIRE(net.param_count() == 12);
    net.params() = {1, 2, 3, 4, 0.5f, -0.5f, 1, -1, 2, 0, 0, 1};
    Matrix X(1, 2);
    X << 1, -1;
    Workspace ws;
    const Matrix& A = net.forward(X, ws);
    CHECK(ws.A[0](0, 0) == Approx(0.3775406687981454));
    CHECK(ws.A[0](0, 1) == Approx(0.18242552380635635));
    CHECK(A(0, 0) == Approx(0.17365149821366252));
    CHECK(A(0, 1) == Approx(0.8263485017863375));
}

TEST_CASE("parameters are one buffer with each layer's W then b", "[layout]") {
    Network net(spec_of({784, 128, 10}, Activation::ReLU, Activation::Softmax));
    CHECK(net.param_count() == 784 * 128 + 128 + 128 * 10 + 10);
    CHECK(net.weight_offset(0) == 0);
    CHECK(net.bias_offset(0) == 784 * 128);
    CHECK(net.weight_offset(1) == 784 * 128 + 128);
    CHECK(net.weights(1).data() == net.params().data() + net.weight_offset(1));
    Network nobias(spec_of({784, 128, 10}, Activation::Sigmoid, Activation::Softmax, false));
    CHECK(nobias.param_count() == 784 * 128 + 128 * 10);
}

TEST_CASE("initializers follow their distributions", "[init]") {
    Network net(spec_of({400, 300, 10}, Activation::ReLU, Activation::Softmax));
    auto stddev_of_w0 = [&](Init scheme) {
        Rng rng(11);
        net.initialize(scheme, rng);
        const auto W = net.weights(0);
        const double mean = W.mean();
        return std::sqrt((W.array() - static_cast<float>(mean)).square().mean());
    };
    CHECK(stddev_of_w0(Init::Normal) == Approx(1.0).epsilon(0.02));
    CHECK(stddev_of_w0(Init::NormalFanIn) == Approx(1.0 / std::sqrt(400.0)).epsilon(0.02));
    CHECK(stddev_of_w0(Init::Uniform) == Approx(1.0 / std::sqrt(12.0)).epsilon(0.02));
    CHECK(stddev_of_w0(Init::UniformFan) == Approx(2.0 / std::sqrt(12.0) / std::sqrt(400.0 * 300)).epsilon(0.02));
    CHECK(stddev_of_w0(Init::He) == Approx(std::sqrt(2.0 / 400)).epsilon(0.02));
    CHECK(stddev_of_w0(Init::Xavier) == Approx(std::sqrt(2.0 / 700)).epsilon(0.02));
}

TEST_CASE("bad architectures are refused", "[spec]") {
    CHECK_THROWS_WITH(make_spec({0}, Activation::ReLU, Activation::Softmax), Catch::Contains("units"));
    NetworkSpec s = make_spec({8}, Activation::ReLU, Activation::Softmax);
    s.layers[0].activation = Activation::Softmax;
    CHECK_THROWS_WITH(s.validate(), Catch::Contains("softmax is only allowed on the output layer"));
    CHECK_THROWS_WITH(parse_activation("swish"), Catch::Contains("unknown activation 'swish'"));
    CHECK_NOTHROW(make_spec({8}, Activation::ReLU, Activation::Softmax).require_digit_shape());
    CHECK_THROWS_WITH(make_spec({8}, Activation::ReLU, Activation::Softmax, true, 784, 5).require_digit_shape(),
                      Catch::Contains("gives 5 outputs"));
    CHECK_THROWS_WITH(make_spec({8}, Activation::ReLU, Activation::Softmax, true, 100, 10).require_digit_shape(),
                      Catch::Contains("takes 100 inputs"));
}

TEST_CASE("seed 002's batch-softmax loss matches the notebook's formulas", "[loss]") {
    // Two samples, three classes. S = exp(Z - max Z), each column over the batch
    // summing to 1; dZ = 2 (S - Y)/B * S (1 - S) (the notebook's elementwise derivative).
    Matrix Z(2, 3);
    Z << 1, 2, 0, 3, 0, 0;
    const uint8_t y[2] = {2, 0};
    const double e = std::exp(1.0), e2 = std::exp(2.0), e3 = std::exp(3.0);
    const double S[2][3] = {{e / (e + e3), e2 / (e2 + 1), 0.5}, {e3 / (e + e3), 1 / (e2 + 1), 0.5}};
    const double Y[2][3] = {{0, 0, 1}, {1, 0, 0}};
    const LossSpec loss{LossKind::BatchSoftmaxSquaredError, 2.0f};
    double expected = 0;
    Matrix dZ;
    const double value = loss_gradient(loss, Activation::Identity, Z, y, dZ);
    for (int b = 0; b < 2; ++b)
        for (int k = 0; k < 3; ++k) {
            expected += (S[b][k] - Y[b][k]) * (S[b][k] - Y[b][k]) / 2;  // scale/2 * sum / B, scale 2, B 2
            CHECK(dZ(b, k) == Approx(2 * (S[b][k] - Y[b][k]) / 2 * S[b][k] * (1 - S[b][k])));
        }
    CHECK(value == Approx(expected));
    CHECK_THROWS_WITH(check_loss(loss, Activation::Softmax), Catch::Contains("identity output"));
}

TEST_CASE("the fused SGD step equals the gradient followed by p -= lr g", "[sgd]") {
    for (int batch : {1, 5}) {
        for (float decay : {0.0f, 0.01f}) {
            Network net(spec_of({6, 7, 5, 4}, Activation::Tanh, Activation::Softmax));
            Rng rng(21);
            net.initialize(Init::Uniform, rng);
            Matrix X(batch, 6);
            for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-1.0f, 1.0f);
            std::vector<uint8_t> y(static_cast<size_t>(batch));
            for (auto& v : y) v = static_cast<uint8_t>(rng.below(4));
            Workspace ws;
            const Matrix& A = net.forward(X, ws);
            loss_gradient({}, Activation::Softmax, A, y.data(), ws.dZ.back());
            std::vector<float> g(net.param_count()), expected = net.params();
            net.backward(X, ws, g.data(), decay);
            for (size_t i = 0; i < g.size(); ++i) expected[i] -= 0.5f * g[i];
            net.sgd_backward(X, ws, 0.5f, decay);
            for (size_t i = 0; i < g.size(); ++i) REQUIRE(net.params()[i] == Approx(expected[i]).margin(1e-6));
        }
    }
}

TEST_CASE("seed 002's batch softmax takes each column's own maximum", "[loss]") {
    // Column 1 lies 1000 below column 0: one global maximum would underflow all of
    // column 1 to 0 and divide 0 by 0.
    Matrix Z(2, 2);
    Z << 0, -1000, 2, -998;
    Matrix S;
    batch_softmax(Z, S);
    const double e2 = std::exp(2.0);
    for (int k = 0; k < 2; ++k) {
        CHECK(S(0, k) == Approx(1 / (1 + e2)));
        CHECK(S(1, k) == Approx(e2 / (1 + e2)));
    }
    CHECK(S.allFinite());
}

TEST_CASE("a network whose outputs are not numbers is refused when it reads a digit", "[forward]") {
    // Finite but huge weights overflow: 784 * 1e38 is infinite, and softmax of it NaN.
    Network net(make_spec({16}, Activation::ReLU, Activation::Softmax));
    for (float& p : net.params()) p = 1e38f;
    const std::vector<uint8_t> image(784, 255);
    Workspace ws;
    Matrix X;
    REQUIRE_THROWS_WITH(classify(net, image.data(), ws, X),
                        "the network's outputs for this image are not numbers (NaN or infinite): the model is broken");
    for (float& p : net.params()) p = 0.01f;
    REQUIRE(classify(net, image.data(), ws, X).size() == 10);
}

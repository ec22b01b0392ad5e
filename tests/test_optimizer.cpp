// One or two optimizer steps on two parameters, against values worked out by
// hand (Adam's in double precision from its defining equations).
#include <catch2/catch.hpp>

#include "digitnet/optimizer.hpp"

using namespace digitnet;

namespace {
std::vector<float> two_steps(OptimizerSpec spec, std::vector<float> g1, std::vector<float> g2) {
    std::vector<float> p{1.0f, -2.0f};
    Optimizer opt(spec, p.size());
    opt.step(p.data(), g1.data());
    opt.step(p.data(), g2.data());
    return p;
}
}  // namespace

TEST_CASE("SGD, momentum and Adam steps give the known answers", "[optimizer]") {
    OptimizerSpec sgd;
    sgd.learning_rate = 0.1f;
    const auto s = two_steps(sgd, {0.5f, -0.1f}, {0.5f, -0.1f});
    CHECK(s[0] == Approx(0.9));  // 1 - 2 * 0.1 * 0.5
    CHECK(s[1] == Approx(-1.98));

    OptimizerSpec momentum = sgd;
    momentum.kind = OptimizerKind::Momentum;  // v1 = g, v2 = 0.9 g + g
    const auto m = two_steps(momentum, {0.5f, -0.1f}, {0.5f, -0.1f});
    CHECK(m[0] == Approx(1.0 - 0.1 * 0.5 - 0.1 * 1.9 * 0.5));
    CHECK(m[1] == Approx(-2.0 + 0.1 * 0.1 + 0.1 * 1.9 * 0.1));

    OptimizerSpec adam;
    adam.kind = OptimizerKind::Adam;
    adam.learning_rate = 0.01f;
    const auto a = two_steps(adam, {0.5f, -0.1f}, {0.1f, 0.3f});
    CHECK(a[0] == Approx(0.9819695906384652).epsilon(1e-6));
    CHECK(a[1] == Approx(-1.9949418991120065).epsilon(1e-6));
}

TEST_CASE("bad optimizer settings are refused", "[optimizer]") {
    OptimizerSpec s;
    s.learning_rate = 0.0f;
    CHECK_THROWS_WITH(Optimizer(s, 3), Catch::Contains("learning rate"));
    s.learning_rate = 0.1f;
    s.kind = OptimizerKind::Momentum;
    s.momentum = 1.0f;
    CHECK_THROWS_WITH(Optimizer(s, 3), Catch::Contains("momentum"));
    s.kind = OptimizerKind::Adam;
    s.momentum = 0.9f;
    s.beta2 = 1.5f;
    CHECK_THROWS_WITH(Optimizer(s, 3), Catch::Contains("betas"));
}

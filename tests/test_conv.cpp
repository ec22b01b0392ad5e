// Conv, max-pool and dropout layers: gradients against finite differences in
// several shapes, known answers computed by hand, and a tiny CNN that learns.
#include <catch2/catch.hpp>

#include "digitnet/conv.hpp"
#include "digitnet/dropout.hpp"
#include "digitnet/evaluate.hpp"
#include "digitnet/network.hpp"
#include "digitnet/pool.hpp"
#include "digitnet/trainer.hpp"
#include "gradient_check.hpp"

using namespace digitnet;
using digitnet::testing::check_gradient;

namespace {
NetworkSpec cnn(Shape input, const std::string& layers, Activation act, int outputs = 3) {
    return make_spec(parse_layers(layers, act), Activation::Softmax, true, input, outputs);
}
void require_close(const testing::GradientCheck& g) {
    CHECK(g.max_error < 2e-4);
    CHECK(g.relative_norm < 2e-4);
}
const LossSpec kCrossEntropy{LossKind::CrossEntropy, 1.0f};
}  // namespace

TEST_CASE("conv gradients: odd sizes, both paddings, several input channels", "[gradient][conv]") {
    struct Case {
        Shape input;
        const char* layers;
        Activation act;
    };
    for (const Case& c : {Case{{1, 5, 5}, "c2k3", Activation::Tanh}, Case{{2, 6, 5}, "c3k3s", Activation::Sigmoid},
                          Case{{3, 7, 7}, "c2k2s", Activation::Tanh},         // even kernel, "same"
                          Case{{2, 5, 4}, "c2k1,c3k4", Activation::Sigmoid},  // 1x1, then a kernel as wide as the map
                          Case{{1, 9, 7}, "c2k5s,c2k3", Activation::Identity}}) {
        INFO(c.layers << " on " << c.input.describe());
        for (int batch : {1, 3}) require_close(check_gradient(cnn(c.input, c.layers, c.act), kCrossEntropy, batch));
    }
}

TEST_CASE("max-pool gradients, also where rows and columns are left over", "[gradient][pool]") {
    require_close(check_gradient(cnn({2, 5, 5}, "c3k2,p2", Activation::Tanh), kCrossEntropy, 2));
    require_close(check_gradient(cnn({1, 8, 7}, "c2k3s,p3,4", Activation::Sigmoid), kCrossEntropy, 3));
    // Deeper stacks hold many windows whose two largest values lie closer than the
    // check's step moves them, where the loss has a kink: these seeds have none.
    require_close(check_gradient(cnn({1, 12, 12}, "c2k3,c3k3s,p2,5", Activation::Tanh), kCrossEntropy, 2, 0.0f, 4));
    require_close(check_gradient(cnn({1, 12, 12}, "c2k3,p2,p2,5", Activation::Tanh), kCrossEntropy, 2, 0.0f, 4));
}

TEST_CASE("dropout gradients with a fixed mask, and its inference pass-through", "[gradient][dropout]") {
    require_close(check_gradient(cnn({1, 6, 6}, "c3k3,d0.5,6,d0.3", Activation::Tanh), kCrossEntropy, 3, 0.0f, 3, 77));
    // A mask drops about `rate` of the values and scales the kept ones by 1/(1-rate).
    std::vector<float> in(20000, 2.0f), mask(in.size()), out(in.size());
    Rng rng(5);
    dropout_forward(in.data(), static_cast<int64_t>(in.size()), 0.25f, &rng, mask.data(), out.data());
    size_t dropped = 0;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i] == 0.0f) ++dropped;
        else REQUIRE(out[i] == Approx(2.0f / 0.75f));
    }
    CHECK(static_cast<double>(dropped) / static_cast<double>(in.size()) == Approx(0.25).margin(0.01));
    dropout_forward(in.data(), static_cast<int64_t>(in.size()), 0.25f, nullptr, mask.data(), out.data());
    CHECK(out == in);
}

TEST_CASE("conv on a 4x4 input gives the known answer, valid and same", "[forward][conv]") {
    // in = 1..16 row by row; one 3x3 filter [[1,0,-1],[2,0,-2],[1,0,-1]] (Sobel x), bias 0.5.
    std::vector<float> in(16);
    for (int i = 0; i < 16; ++i) in[static_cast<size_t>(i)] = static_cast<float>(i + 1);
    const float W[9] = {1, 0, -1, 2, 0, -2, 1, 0, -1}, b = 0.5f;
    // valid: each output = sum(left column) - sum(right column) weighted 1,2,1 = -8 + 0.5
    LayerSpec valid = LayerSpec::conv(1, 3, Padding::Valid, Activation::Identity);
    ConvGeometry g({1, 4, 4}, valid, {1, 2, 2});
    std::vector<float> lowered(4 * 9), out(4);
    conv_forward(in.data(), 1, g, W, &b, Activation::Identity, lowered.data(), out.data());
    CHECK(out == std::vector<float>{-7.5f, -7.5f, -7.5f, -7.5f});
    // same: zeros around; the top-left output sees [[0,0,0],[0,1,2],[0,5,6]] -> -(2*2 + 6) + 0.5
    LayerSpec same = LayerSpec::conv(1, 3, Padding::Same, Activation::Identity);
    ConvGeometry gs({1, 4, 4}, same, {1, 4, 4});
    lowered.assign(16 * 9, -1.0f);
    out.assign(16, 0.0f);
    conv_forward(in.data(), 1, gs, W, &b, Activation::Identity, lowered.data(), out.data());
    CHECK(out[0] == Approx(-9.5f));
    CHECK(out[3] == Approx(2 * 3 + 7 + 0.5f));     // top-right: [[0,0,0],[3,4,0],[7,8,0]] -> 2*3 + 7
    CHECK(out[5] == Approx(-7.5f));                // an inner pixel as in "valid"
    CHECK(out[15] == Approx(2 * 15 + 11 + 0.5f));  // bottom-right: [[11,12,0],[15,16,0],[0,0,0]]
}

TEST_CASE("conv reads channels last and filters in (ky, kx, c) order", "[forward][conv]") {
    // A 2-channel 2x2 input, one 1x1 filter weighing channel 0 by 1 and channel 1 by 10.
    const std::vector<float> in{1, 2, 3, 4, 5, 6, 7, 8};  // (y,x,c): (0,0)=1,2 (0,1)=3,4 ...
    const float W[2] = {1, 10};
    ConvGeometry g({2, 2, 2}, LayerSpec::conv(1, 1, Padding::Valid, Activation::Identity), {1, 2, 2});
    std::vector<float> lowered(4 * 2), out(4);
    conv_forward(in.data(), 1, g, W, nullptr, Activation::Identity, lowered.data(), out.data());
    CHECK(out == std::vector<float>{21, 43, 65, 87});
}

TEST_CASE("max-pool takes the largest of each window and sends ties' gradient to the first", "[forward][pool]") {
    // 1 channel 4x4 -> 2x2; ties in the top-left window (all 5).
    const std::vector<float> in{5, 5, 1, 9, 5, 5, 2, 3, -1, -2, 0, 0, -3, -4, 0, 0};
    std::vector<float> out(4), dIn(16);
    std::vector<int32_t> sw(4);
    maxpool_forward(in.data(), 1, {1, 4, 4}, 2, {1, 2, 2}, out.data(), sw.data());
    CHECK(out == std::vector<float>{5, 9, -1, 0});
    CHECK(sw == std::vector<int32_t>{0, 3, 8, 10});
    const std::vector<float> dOut{1, 2, 3, 4};
    maxpool_backward(dOut.data(), 1, {1, 4, 4}, {1, 2, 2}, sw.data(), dIn.data());
    CHECK(dIn == std::vector<float>{1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0});
}

TEST_CASE("a tiny CNN learns where a bar lies, and its workspace stops allocating", "[training][conv]") {
    // 8x8 images holding one bar: vertical (class 0) or horizontal (class 1), anywhere.
    Dataset d;
    d.rows = d.cols = 8;
    Rng rng(4);
    for (int i = 0; i < 400; ++i) {
        const int cls = static_cast<int>(rng.below(2)), at = static_cast<int>(rng.below(8));
        std::vector<uint8_t> img(64, 0);
        for (int k = 0; k < 8; ++k) img[static_cast<size_t>(cls ? at * 8 + k : k * 8 + at)] = 255;
        d.images.insert(d.images.end(), img.begin(), img.end());
        d.labels.push_back(static_cast<uint8_t>(cls));
    }
    Network net(make_spec(parse_layers("c4k3,p2", Activation::ReLU), Activation::Softmax, true, {1, 8, 8}, 2));
    Rng init(1);
    net.initialize(Init::He, init);
    TrainConfig c;
    c.optimizer.kind = OptimizerKind::Adam;
    c.optimizer.learning_rate = 0.01f;
    c.batch_size = 16;
    Trainer t(net, d, c);
    t.run(300);
    CHECK(evaluate(net, d, c.loss).accuracy > 0.97);
}

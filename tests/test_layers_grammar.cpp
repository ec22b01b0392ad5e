// The layer grammar (parse_layers, format_layers) and what a spec's layers
// make of an input: shapes, parameter count and the limits on both.
#include <catch2/catch.hpp>

#include <cmath>

#include "digitnet/network.hpp"
#include "digitnet/spec.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

std::vector<LayerSpec> parse(const std::string& text) { return parse_layers(text, Activation::Tanh, false); }

// The hidden layers of `text` on input, with a 10-unit softmax output layer.
NetworkSpec spec_of(const std::string& text, Shape input) {
    NetworkSpec spec;
    spec.input = input;
    spec.layers = parse_layers(text, Activation::ReLU);
    spec.layers.push_back(LayerSpec::dense(10, Activation::Softmax));
    return spec;
}

}  // namespace

TEST_CASE("a number is a dense layer with the given activation and bias", "[layers]") {
    const auto layers = parse("128");
    REQUIRE(layers.size() == 1);
    REQUIRE(layers[0].kind == LayerKind::Dense);
    REQUIRE(layers[0].units == 128);
    REQUIRE(layers[0].activation == Activation::Tanh);
    REQUIRE_FALSE(layers[0].bias);
    REQUIRE(parse_layers("128", Activation::ReLU, true)[0].bias);
}

TEST_CASE("conv, pool and dense items in a row", "[layers]") {
    const auto l = parse("c16k5,p2,c32k5,p2,128");
    REQUIRE(l.size() == 5);
    REQUIRE(l[0].kind == LayerKind::Conv);
    REQUIRE(l[0].units == 16);
    REQUIRE(l[0].kernel == 5);
    REQUIRE(l[0].padding == Padding::Valid);
    REQUIRE(l[0].activation == Activation::Tanh);
    REQUIRE(l[1].kind == LayerKind::MaxPool);
    REQUIRE(l[1].kernel == 2);
    REQUIRE(l[1].activation == Activation::Identity);
    REQUIRE_FALSE(l[1].bias);
    REQUIRE(l[2].kind == LayerKind::Conv);
    REQUIRE(l[2].units == 32);
    REQUIRE(l[2].kernel == 5);
    REQUIRE(l[2].padding == Padding::Valid);
    REQUIRE(l[3].kind == LayerKind::MaxPool);
    REQUIRE(l[3].kernel == 2);
    REQUIRE(l[4].kind == LayerKind::Dense);
    REQUIRE(l[4].units == 128);

    const auto same = parse("c8k5s");
    REQUIRE(same.size() == 1);
    REQUIRE(same[0].kind == LayerKind::Conv);
    REQUIRE(same[0].units == 8);
    REQUIRE(same[0].kernel == 5);
    REQUIRE(same[0].padding == Padding::Same);

    const auto drop = parse("d0.25");
    REQUIRE(drop.size() == 1);
    REQUIRE(drop[0].kind == LayerKind::Dropout);
    REQUIRE(drop[0].rate == 0.25f);
    REQUIRE(drop[0].activation == Activation::Identity);
    REQUIRE_FALSE(drop[0].bias);
}

TEST_CASE("no text is no hidden layer; blanks around items are allowed", "[layers]") {
    REQUIRE(parse("").empty());
    REQUIRE(parse(" \t ").empty());
    const auto l = parse(" c8k3s ,\tp2 , 64\t");
    REQUIRE(l.size() == 3);
    REQUIRE(format_layers(l) == "c8k3s,p2,64");
}

TEST_CASE("format_layers writes back the text parse_layers read", "[layers]") {
    for (const char* text : {"", "128", "256,128", "c16k5,p2,c32k5,p2,128", "c8k5s", "d0.25", "c4k3s,p3,d0.5,c2k1,10",
                             "65536", "c1024k32", "p32", "d0.125"}) {
        INFO(text);
        REQUIRE(format_layers(parse(text)) == text);
    }
}

TEST_CASE("bad layer items are refused naming the item and what is allowed", "[layers]") {
    const std::string allowed = "allowed: N (a dense layer of N units), cFkK";
    REQUIRE_THROWS_WITH(parse("16,,8"), Contains("layer item 2 is empty; " + allowed));
    REQUIRE_THROWS_WITH(parse("16,8,"), Contains("layer item 3 is empty; " + allowed));
    REQUIRE_THROWS_WITH(parse(",16"), Contains("layer item 1 is empty"));
    REQUIRE_THROWS_WITH(parse("0"), Contains("layer item 1 '0': a dense layer has 1 to 65536 units"));
    REQUIRE_THROWS_WITH(parse("16,70000"), Contains("layer item 2 '70000': a dense layer has 1 to 65536 units"));
    REQUIRE_THROWS_WITH(parse("99999999999999"), Contains("'99999999999999': a dense layer has 1 to 65536 units"));
    REQUIRE_THROWS_WITH(parse("c0k5"), Contains("layer item 1 'c0k5': a conv layer has 1 to 1024 filters"));
    REQUIRE_THROWS_WITH(parse("c2000k5"), Contains("'c2000k5': a conv layer has 1 to 1024 filters"));
    REQUIRE_THROWS_WITH(parse("c8k0"), Contains("layer item 1 'c8k0': a kernel size is 1 to 32"));
    REQUIRE_THROWS_WITH(parse("c8k33"), Contains("'c8k33': a kernel size is 1 to 32"));
    REQUIRE_THROWS_WITH(parse("p0"), Contains("layer item 1 'p0': a pool size is 1 to 32"));
    REQUIRE_THROWS_WITH(parse("p"), Contains("layer item 1 'p' is not a layer; " + allowed));
    for (const char* text : {"c8", "c8k5x", "ck5", "x", "-5", "1.5", "c8k", "p2s", "128u", "d0.5x"}) {
        INFO(text);
        REQUIRE_THROWS_WITH(parse(std::string("16,") + text),
                            Contains("layer item 2 '" + std::string(text) + "' is not a layer; " + allowed));
    }
    for (const char* text : {"d1", "d0", "d", "d-0.5", "dx", "d1e9"}) {
        INFO(text);
        REQUIRE_THROWS_WITH(parse(std::string("p2,16,") + text), Contains("layer item 3 '" + std::string(text) +
                                                                          "': a dropout rate is a number between 0 and 1"));
    }
}

TEST_CASE("shapes follow each layer: valid conv shrinks, same keeps, pool divides", "[layers]") {
    const NetworkSpec spec = spec_of("c16k5,p2,c32k5,p2,128", {1, 28, 28});
    const std::vector<Shape> s = spec.shapes();
    REQUIRE(s.size() == 6);
    REQUIRE(s[0] == Shape{16, 24, 24});
    REQUIRE(s[1] == Shape{16, 12, 12});
    REQUIRE(s[2] == Shape{32, 8, 8});
    REQUIRE(s[3] == Shape{32, 4, 4});
    REQUIRE(s[4] == Shape{128, 1, 1});
    REQUIRE(s[5] == Shape{10, 1, 1});
    REQUIRE(spec.outputs() == 10);
    REQUIRE(s[2].describe() == "32x8x8");
    REQUIRE(s[4].describe() == "128");
    // 16*(5*5*1) + 16, 32*(5*5*16) + 32, 128*(32*4*4) + 128, 10*128 + 10
    REQUIRE(spec.parameter_count() == 416 + 12832 + 65664 + 1290);
    REQUIRE_NOTHROW(spec.validate());

    // 'same' keeps height and width; a pool of 3 on 7x7 rounds down; dropout keeps the shape.
    const std::vector<Shape> t = spec_of("c4k5s,p3,d0.5,c2k2", {3, 7, 7}).shapes();
    REQUIRE(t[0] == Shape{4, 7, 7});
    REQUIRE(t[1] == Shape{4, 2, 2});
    REQUIRE(t[2] == Shape{4, 2, 2});
    REQUIRE(t[3] == Shape{2, 1, 1});
    // a rectangular input: valid conv takes K-1 off each side separately
    REQUIRE(spec_of("c1k3", {2, 5, 9}).shapes()[0] == Shape{1, 3, 7});
    // 4*(5*5*3) + 4, 2*(2*2*4) + 2, 10*2 + 10: no bias counted without one
    REQUIRE(spec_of("c4k5s,p3,d0.5,c2k2", {3, 7, 7}).parameter_count() == 304 + 34 + 30);
    NetworkSpec no_bias = spec_of("c4k5s,p3,d0.5,c2k2", {3, 7, 7});
    for (LayerSpec& l : no_bias.layers) l.bias = false;
    REQUIRE(no_bias.parameter_count() == 300 + 32 + 20);
}

TEST_CASE("layers that do not fit on their input are refused naming the layer", "[layers]") {
    const NetworkSpec spec = spec_of("p2,c4k5", {1, 6, 6});  // 6x6 -> 3x3, then a 5x5 conv
    REQUIRE_THROWS_WITH(spec.shapes(), Contains("layer 2 (c4k5): a 5x5 conv does not fit on its 3x3 input map") &&
                                           Contains("'same' padding (c4k5s)"));
    REQUIRE_THROWS_WITH(spec.validate(), Contains("layer 2 (c4k5): a 5x5 conv does not fit"));
    REQUIRE(spec_of("p2,c4k5s", {1, 6, 6}).shapes()[1] == Shape{4, 3, 3});
    REQUIRE_THROWS_WITH(spec_of("p4,p2", {1, 6, 6}).shapes(),
                        Contains("layer 2 (p2): a") && Contains("2x2 pool does not fit on its 1x1 input map"));
    REQUIRE_THROWS_WITH(spec_of("c4k3", {1, 2, 9}).shapes(), Contains("layer 1 (c4k3): a 3x3 conv does not fit on its 2x9"));
}

TEST_CASE("networks too large for memory are refused with the memory they would take", "[layers]") {
    NetworkSpec huge;
    huge.input = {1, 1, 65536};
    huge.layers = {LayerSpec::dense(65536, Activation::ReLU), LayerSpec::dense(10, Activation::Softmax)};
    // names the layer, the limit and the memory the weights would take
    REQUIRE_THROWS_WITH(huge.parameter_count(), Contains("64 million") && Contains("parameters") &&
                                                    Contains("layer 1 (65536)") && Contains("17181 MB"));
    REQUIRE_THROWS_WITH(huge.validate(), Contains("64 million") && Contains("parameters") && Contains(" MB"));
    // Just under and just over the limit: 976 units hold 976 * 65537 = 63,964,112 weights and
    // biases (and the output 9,770 more), 977 units 64,029,649.
    NetworkSpec at_limit = huge;
    at_limit.layers[0].units = 976;
    REQUIRE_NOTHROW(at_limit.validate());
    at_limit.layers[0].units = 977;
    REQUIRE_THROWS_WITH(at_limit.validate(), Contains("64 million") && Contains("parameters") && Contains(" MB"));

    const NetworkSpec cnn = spec_of("c16k5,p2,c32k5,p2,128", {1, 28, 28});
    REQUIRE_NOTHROW(cnn.require_trainable(64));
    REQUIRE_THROWS_WITH(cnn.require_trainable(1'000'000),
                        Contains("training this network at batch size 1000000 would need about") &&
                            Contains(" MB of memory; the limit is 1500 MB"));
    REQUIRE(cnn.training_bytes(1'000'000) > kMaxTrainingBytes);
}

TEST_CASE("networks that cost too much to read one digit are refused with what they would need", "[layers][cost]") {
    // Three layers of 512 5x5 filters: 17 million parameters and 86 MB, but 10,291 million multiply-adds.
    const NetworkSpec wide = spec_of("c512k5s,c512k5s,c512k5s", {1, 28, 28});
    REQUIRE(wide.parameter_count() < kMaxParameters);
    REQUIRE(wide.forward_macs() == 10'290'094'080.0);
    REQUIRE_THROWS_WITH(wide.validate(),
                        "reading one digit with this network would take 10291 million multiply-adds "
                        "and 86 MB of memory; the limit is 10000 million and 256 MB: use fewer or "
                        "smaller layers");
    REQUIRE_THROWS_WITH(Network(wide), Contains("10291 million multiply-adds"));
    // The widest that the settings train (at batch 4) is read.
    REQUIRE_NOTHROW(spec_of("c512k5s,c512k5s", {1, 28, 28}).validate());

    // Layers without multiply-adds count the floats they hold: two dropouts on a
    // 4000x4000 map hold 64 million, and the network 80.1 million (321 MB).
    const NetworkSpec maps = spec_of("d0.5,d0.5,p16", {1, 4000, 4000});
    REQUIRE(maps.forward_macs() == 625'000.0);
    REQUIRE(maps.inference_floats_per_sample() == 16'000'000 + 2 * 32'000'000 + 2 * 62'500 + 10);
    REQUIRE_THROWS_WITH(maps.validate(), Contains("would take 1 million multiply-adds and 321 MB of memory"));
    REQUIRE_NOTHROW(spec_of("d0.5,p16", {1, 4000, 4000}).validate());

    // 1,023 1x1 pools on a digit hold 1,568 floats each: 6.4 MB, read (it is no costlier than a wide MLP).
    std::string pools = "p1";
    for (int i = 1; i < 1023; ++i) pools += ",p1";
    const NetworkSpec deep = spec_of(pools, {1, 28, 28});
    REQUIRE(deep.inference_floats_per_sample() == 784 + 1023 * 1568 + 10);
    REQUIRE_NOTHROW(deep.validate());
}

TEST_CASE("dropout rates print with the digits that read back as the same float", "[layers]") {
    CHECK(LayerSpec::dropout(0.4f).item() == "d0.4");
    CHECK(LayerSpec::dropout(0.25f).item() == "d0.25");
    CHECK(LayerSpec::dropout(0.9999999f).item() == "d0.9999999");
    CHECK(LayerSpec::dropout(1e-7f).item() == "d1e-07");
    // every float step near 1 and a spread of rates in between
    std::vector<float> rates;
    for (float r = 0.9999999f; r < 1.0f; r = std::nextafter(r, 1.0f)) rates.push_back(r);
    for (int i = 1; i < 2000; ++i)
        rates.push_back(static_cast<float>(i) / 2000.0f * 0.999f + 1e-6f * static_cast<float>(i % 7));
    for (float r : rates) {
        const std::string item = LayerSpec::dropout(r).item();
        INFO(item);
        CHECK(parse(item).at(0).rate == r);
    }
}

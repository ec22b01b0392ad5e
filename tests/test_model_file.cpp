#include <catch2/catch.hpp>

#include <cstring>
#include <limits>

#include "digitnet/file_io.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/rng.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

// Parameters drawn from N(0, 1), so that every byte of them varies.
Network with_params(const NetworkSpec& spec, uint64_t seed) {
    Network net(spec);
    Rng rng(seed);
    for (float& p : net.params()) p = rng.normal();
    return net;
}

// 784-16-10 relu/softmax with biases and a non-default input scale.
Network mlp() {
    NetworkSpec spec = make_spec({16}, Activation::ReLU, Activation::Softmax);
    spec.input_scale = 0.5f / 255.0f;
    return with_params(spec, 42);
}

// 4-3-2 tanh/sigmoid, the hidden layer without a bias: 12 + 6 + 2 = 20 parameters.
Network small_mlp() {
    NetworkSpec spec;
    spec.input = flat_input(4);
    spec.input_scale = 1.0f;
    spec.layers = {LayerSpec::dense(3, Activation::Tanh, false), LayerSpec::dense(2, Activation::Sigmoid, true)};
    return with_params(spec, 7);
}

// Every kind on a 2x7x7 input:
//   layer 1 c3k3s  relu, bias     -> 3x7x7   3*(3*3*2) + 3 = 57 params  (0..56)
//   layer 2 p2                    -> 3x3x3
//   layer 3 c4k2   tanh, no bias  -> 4x2x2   4*(2*2*3)     = 48 params  (57..104)
//   layer 4 d0.5                  -> 4x2x2
//   layer 5 5      sigmoid, no bias -> 5     5*16          = 80 params  (105..184)
//   layer 6 10     softmax, bias  -> 10      10*5 + 10     = 60 params  (185..244)
Network cnn() {
    NetworkSpec spec;
    spec.input = {2, 7, 7};
    spec.input_scale = 1.0f / 255.0f;
    spec.layers = {LayerSpec::conv(3, 3, Padding::Same, Activation::ReLU, true),
                   LayerSpec::maxpool(2),
                   LayerSpec::conv(4, 2, Padding::Valid, Activation::Tanh, false),
                   LayerSpec::dropout(0.5f),
                   LayerSpec::dense(5, Activation::Sigmoid, false),
                   LayerSpec::dense(10, Activation::Softmax, true)};
    return with_params(spec, 3);
}
constexpr size_t kCnnParams = 245;

void put_le(std::string& b, size_t at, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) b[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void put_u32(std::string& b, size_t at, uint32_t v) { put_le(b, at, v, 4); }
void put_f32(std::string& b, size_t at, float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    put_u32(b, at, u);
}
uint64_t get_le(const std::string& b, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(b[at + i])) << (8 * i);
    return v;
}
uint32_t crc_of(const std::string& b, size_t size) { return crc32(reinterpret_cast<const uint8_t*>(b.data()), size); }

// Recomputes the trailing checksum so that a deliberate change is what gets refused.
std::string resealed(std::string b) {
    put_u32(b, b.size() - 4, crc_of(b, b.size() - 4));
    return b;
}

// A version 1 file of a dense network, written from the layout in model_file.hpp:
// magic, u32 1, u32 inputs, f32 input_scale, u32 L, L x (u32 units, u8 activation,
// u8 has_bias, u16 0), u64 P, P x f32, u32 CRC-32.
std::string v1_bytes(const Network& net) {
    const NetworkSpec& spec = net.spec();
    std::string b(32 + 8 * spec.layers.size() + 4 * net.param_count(), '\0');
    b.replace(0, 4, "DGNT");
    put_u32(b, 4, 1);
    put_u32(b, 8, static_cast<uint32_t>(spec.inputs()));
    put_f32(b, 12, spec.input_scale);
    put_u32(b, 16, static_cast<uint32_t>(spec.layers.size()));
    size_t at = 20;
    for (const LayerSpec& l : spec.layers) {
        put_u32(b, at, static_cast<uint32_t>(l.units));
        b[at + 4] = static_cast<char>(l.activation);
        b[at + 5] = l.bias ? 1 : 0;
        at += 8;
    }
    put_le(b, at, net.param_count(), 8);
    at += 8;
    for (float p : net.params()) put_f32(b, at, p), at += 4;
    put_u32(b, at, crc_of(b, at));
    return b;
}

// The spec fields and parameters of two networks are the same, floats compared bit for bit.
void require_same(const Network& a, const Network& b) {
    REQUIRE(a.spec().input == b.spec().input);
    REQUIRE(std::memcmp(&a.spec().input_scale, &b.spec().input_scale, 4) == 0);
    REQUIRE(a.spec().layers.size() == b.spec().layers.size());
    for (size_t l = 0; l < a.spec().layers.size(); ++l) {
        const LayerSpec &x = a.spec().layers[l], &y = b.spec().layers[l];
        INFO("layer " << l + 1);
        REQUIRE(x.kind == y.kind);
        REQUIRE(x.units == y.units);
        REQUIRE(x.kernel == y.kernel);
        REQUIRE(x.padding == y.padding);
        REQUIRE(std::memcmp(&x.rate, &y.rate, 4) == 0);
        REQUIRE(x.activation == y.activation);
        REQUIRE(x.bias == y.bias);
    }
    REQUIRE(a.param_count() == b.param_count());
    REQUIRE(std::memcmp(a.params().data(), b.params().data(), 4 * a.param_count()) == 0);
}

// Version 2 offsets: the header, layer l's record, and param_count after L layers.
constexpr size_t layer_at(size_t l) { return 28 + 16 * l; }
constexpr size_t count_at(size_t layers) { return 28 + 16 * layers; }

}  // namespace

TEST_CASE("CRC-32 matches the IEEE check value", "[model_file]") {
    const char* s = "123456789";
    REQUIRE(crc32(reinterpret_cast<const uint8_t*>(s), 9) == 0xCBF43926u);
    REQUIRE(crc32(nullptr, 0) == 0u);
}

TEST_CASE("version 2 files round trip bit-exactly, MLPs and CNNs of every kind", "[model_file]") {
    for (const Network& net : {mlp(), small_mlp(), cnn()}) {
        INFO(net.spec().describe());
        const std::string bytes = save_model(net);
        REQUIRE(bytes.size() == 40 + 16 * net.spec().layers.size() + 4 * net.param_count());
        REQUIRE(bytes.substr(0, 4) == "DGNT");
        REQUIRE(get_le(bytes, 4, 4) == 2);
        const Network back = load_model(bytes);
        require_same(back, net);
        REQUIRE(save_model(back) == bytes);
    }
    REQUIRE(cnn().param_count() == kCnnParams);
}

TEST_CASE("version 2 fields sit where model_file.hpp documents them", "[model_file]") {
    const Network net = cnn();
    const std::string b = save_model(net);
    REQUIRE(b.size() == 40 + 16 * 6 + 4 * kCnnParams);
    REQUIRE(get_le(b, 8, 4) == 2);   // channels
    REQUIRE(get_le(b, 12, 4) == 7);  // height
    REQUIRE(get_le(b, 16, 4) == 7);  // width
    float scale;
    std::memcpy(&scale, &b[20], 4);
    REQUIRE(scale == 1.0f / 255.0f);
    REQUIRE(get_le(b, 24, 4) == 6);
    // kind, activation, has_bias, padding, units, kernel, rate
    const auto record = [&](size_t l) {
        return std::vector<uint64_t>{get_le(b, layer_at(l), 1),     get_le(b, layer_at(l) + 1, 1),
                                     get_le(b, layer_at(l) + 2, 1), get_le(b, layer_at(l) + 3, 1),
                                     get_le(b, layer_at(l) + 4, 4), get_le(b, layer_at(l) + 8, 4),
                                     get_le(b, layer_at(l) + 12, 4)};
    };
    REQUIRE(record(0) == std::vector<uint64_t>{1, 3, 1, 1, 3, 3, 0});           // conv relu bias same, 3 filters of 3x3
    REQUIRE(record(1) == std::vector<uint64_t>{2, 0, 0, 0, 0, 2, 0});           // maxpool 2
    REQUIRE(record(2) == std::vector<uint64_t>{1, 2, 0, 0, 4, 2, 0});           // conv tanh no bias valid, 4 of 2x2
    REQUIRE(record(3) == std::vector<uint64_t>{3, 0, 0, 0, 0, 0, 0x3F000000});  // dropout 0.5f
    REQUIRE(record(4) == std::vector<uint64_t>{0, 1, 0, 0, 5, 0, 0});           // dense sigmoid no bias, 5 units
    REQUIRE(record(5) == std::vector<uint64_t>{0, 4, 1, 0, 10, 0, 0});          // dense softmax bias, 10 units
    REQUIRE(get_le(b, count_at(6), 8) == kCnnParams);
    float p0, last;
    std::memcpy(&p0, &b[count_at(6) + 8], 4);
    std::memcpy(&last, &b[count_at(6) + 8 + 4 * (kCnnParams - 1)], 4);
    REQUIRE(p0 == net.params().front());
    REQUIRE(last == net.params().back());
    REQUIRE(get_le(b, b.size() - 4, 4) == crc_of(b, b.size() - 4));
}

TEST_CASE("version 1 files still load as the same dense network", "[model_file]") {
    for (const Network& net : {mlp(), small_mlp()}) {
        INFO(net.spec().describe());
        const std::string v1 = v1_bytes(net);
        REQUIRE(v1.size() == 32 + 8 * net.spec().layers.size() + 4 * net.param_count());
        const Network back = load_model(v1);
        REQUIRE(back.spec().input == flat_input(net.spec().inputs()));
        require_same(back, net);
        // Saved again, it is a version 2 file of the same network.
        const std::string v2 = save_model(back);
        REQUIRE(get_le(v2, 4, 4) == 2);
        require_same(load_model(v2), net);
    }
    REQUIRE(load_model(v1_bytes(mlp())).spec().input == Shape{1, 28, 28});
    REQUIRE(load_model(v1_bytes(small_mlp())).spec().input == Shape{1, 1, 4});
}

TEST_CASE("the shipped pretrained model, a version 1 file, loads as 784-256-128-10", "[model_file]") {
    const std::string bytes = read_file(std::string(DIGITNET_SOURCE_DIR) + "/assets/pretrained.model");
    REQUIRE(get_le(bytes, 4, 4) == 1);
    const Network net = load_model(bytes);
    REQUIRE(net.spec().input == Shape{1, 28, 28});
    REQUIRE(net.layer_count() == 3);
    for (int l = 0; l < 3; ++l) REQUIRE(net.layer(l).kind == LayerKind::Dense);
    REQUIRE(net.layer(0).units == 256);
    REQUIRE(net.layer(1).units == 128);
    REQUIRE(net.layer(2).units == 10);
    REQUIRE(net.layer(2).activation == Activation::Softmax);
    REQUIRE(net.param_count() == 784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
}

TEST_CASE("version 1 refusals say what is wrong", "[model_file]") {
    const std::string good = v1_bytes(small_mlp());  // 4-3-2: 20 params, 32 + 16 + 80 bytes
    REQUIRE(good.size() == 128);
    constexpr size_t kLayer0 = 20, kCountAt = 20 + 2 * 8;
    REQUIRE_NOTHROW(load_model(good));

    SECTION("truncated at several points") {
        REQUIRE_THROWS_WITH(load_model(""), Contains("truncated: expected at least 8 bytes but found 0"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 3)), Contains("truncated: expected at least 8 bytes but found 3"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 30)), Contains("truncated: expected at least 40 bytes but found 30"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 41)), Contains("truncated: expected at least 48 bytes but found 41"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 100)), Contains("truncated: expected 128 bytes but found 100"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 127)), Contains("truncated: expected 128 bytes but found 127"));
    }
    SECTION("wrong magic") {
        std::string bad = good;
        bad[0] = 'X';
        REQUIRE_THROWS_WITH(load_model(bad), Contains("not a digitnet model file (it does not start with \"DGNT\")"));
        REQUIRE_THROWS_WITH(load_model(std::string(200, '\0')), Contains("not a digitnet model file"));
    }
    SECTION("unsupported version") {
        std::string bad = good;
        put_u32(bad, 4, 3);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("unsupported model file version 3 (this program reads versions 1 and 2)"));
        put_u32(bad, 4, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("unsupported model file version 0"));
    }
    SECTION("param_count not matching the layers") {
        std::string bad = good;
        put_u32(bad, kCountAt, 21);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("holds 21 parameters") && Contains("need 20"));
    }
    SECTION("layer count zero or absurd") {
        std::string bad = good;
        put_u32(bad, 16, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 0 layers, which is not 1..1024"));
        put_u32(bad, 16, 1000000);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 1000000 layers, which is not 1..1024"));
    }
    SECTION("zero or too many units or inputs") {
        std::string bad = good;
        put_u32(bad, kLayer0, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 has 0 units, which is not 1..65536"));
        put_u32(bad, kLayer0, 65537);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 has 65537 units"));
        bad = good;
        put_u32(bad, 8, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 0 inputs, which is not 1..16777216"));
        put_u32(bad, 8, (1u << 24) + 1);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 16777217 inputs"));
    }
    SECTION("unknown activation code or flags") {
        std::string bad = good;
        bad[kLayer0 + 8 + 4] = 9;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 2 the unknown activation code 9"));
        bad = good;
        bad[kLayer0 + 5] = 2;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("bias flag of layer 1 is 2, not 0 or 1"));
        bad = good;
        bad[kLayer0 + 6] = 1;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("reserved bytes of layer 1 are not zero"));
    }
    SECTION("softmax on a hidden layer") {
        std::string bad = good;
        bad[kLayer0 + 4] = static_cast<char>(Activation::Softmax);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layers do not fit together") &&
                                                           Contains("softmax is only allowed on the output layer"));
    }
    SECTION("flipped byte") {
        for (size_t at : {size_t(13), kCountAt + 8 + 5, good.size() - 10, good.size() - 1}) {
            std::string bad = good;
            bad[at] = static_cast<char>(bad[at] ^ 0x10);
            REQUIRE_THROWS_WITH(load_model(bad), Contains("corrupt: its checksum does not match"));
        }
    }
    SECTION("NaN or infinite weights") {
        std::string bad = good;
        put_f32(bad, kCountAt + 8 + 4 * 2, std::numeric_limits<float>::quiet_NaN());
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 2 (layer 1) is NaN: the model is broken"));
        bad = good;
        put_f32(bad, kCountAt + 8 + 4 * 19, -std::numeric_limits<float>::infinity());
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 19 (layer 2) is infinite"));
    }
    SECTION("trailing bytes") {
        REQUIRE_THROWS_WITH(load_model(good + "abc"), Contains("3 trailing bytes after its 128 bytes"));
    }
}

TEST_CASE("version 2 refusals say what is wrong", "[model_file]") {
    const std::string good = save_model(cnn());  // 6 layers, 245 params: 40 + 96 + 980 bytes
    REQUIRE(good.size() == 1116);
    constexpr size_t kConv1 = layer_at(0), kPool = layer_at(1), kConv3 = layer_at(2), kDropout = layer_at(3),
                     kDense5 = layer_at(4), kParams = count_at(6) + 8;
    REQUIRE_NOTHROW(load_model(good));

    SECTION("truncated at several points") {
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 6)), Contains("truncated: expected at least 8 bytes but found 6"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 20)), Contains("truncated: expected at least 56 bytes but found 20"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 60)), Contains("truncated: expected at least 136 bytes but found 60"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 130)),
                            Contains("truncated: expected at least 136 bytes but found 130"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 500)), Contains("truncated: expected 1116 bytes but found 500"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 1115)), Contains("truncated: expected 1116 bytes but found 1115"));
    }
    SECTION("wrong magic") {
        std::string bad = good;
        bad[3] = 'X';
        REQUIRE_THROWS_WITH(load_model(bad), Contains("not a digitnet model file (it does not start with \"DGNT\")"));
    }
    SECTION("unsupported version") {
        std::string bad = good;
        put_u32(bad, 4, 3);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("unsupported model file version 3 (this program reads versions 1 and 2)"));
    }
    SECTION("input shape zero or huge") {
        std::string bad = good;
        put_u32(bad, 8, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("input shape 0x7x7 (channels x height x width) is not a feature map"));
        bad = good;
        put_u32(bad, 16, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("input shape 2x7x0 (channels"));
        put_u32(bad, 16, 0xFFFFFFFFu);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("input shape 2x7x4294967295 (channels"));
        bad = good;
        put_u32(bad, 12, 4096), put_u32(bad, 16, 4096);  // each side fits, but 2x4096x4096 values do not
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("input shape 2x4096x4096 has more than 16777216 values"));
        // every side at its limit: the product of all three overflows 64 bits unless checked side by side
        put_u32(bad, 8, 1u << 24), put_u32(bad, 12, 1u << 24), put_u32(bad, 16, 1u << 24);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has more than 16777216 values"));
    }
    SECTION("layer count zero or absurd") {
        std::string bad = good;
        put_u32(bad, 24, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 0 layers, which is not 1..1024"));
        put_u32(bad, 24, 1025);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 1025 layers, which is not 1..1024"));
    }
    SECTION("unknown kind, activation, bias flag or padding code") {
        std::string bad = good;
        bad[kPool] = 4;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("gives layer 2 the unknown layer kind 4"));
        bad = good;
        bad[kConv1 + 1] = 5;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("gives layer 1 (conv) the unknown activation code 5"));
        bad = good;
        bad[kConv1 + 2] = 2;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("bias flag of layer 1 (conv) is 2, not 0 or 1"));
        bad = good;
        bad[kConv3 + 3] = 2;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("gives layer 3 (conv) the unknown padding code 2"));
    }
    SECTION("a field the kind does not use is not zero") {
        const auto refused = [&](size_t at, int bytes, uint32_t value) {
            std::string bad = good;
            put_le(bad, at, value, bytes);
            return resealed(bad);
        };
        REQUIRE_THROWS_WITH(load_model(refused(kPool + 4, 4, 3)),
                            Contains("gives layer 2 (maxpool) a unit count, which that kind of layer does not have"));
        REQUIRE_THROWS_WITH(load_model(refused(kPool + 1, 1, 3)), Contains("gives layer 2 (maxpool) an activation,"));
        REQUIRE_THROWS_WITH(load_model(refused(kPool + 2, 1, 1)), Contains("gives layer 2 (maxpool) a bias,"));
        REQUIRE_THROWS_WITH(load_model(refused(kDense5 + 8, 4, 3)), Contains("gives layer 5 (dense) a kernel size,"));
        REQUIRE_THROWS_WITH(load_model(refused(kDense5 + 3, 1, 1)), Contains("gives layer 5 (dense) a padding,"));
        REQUIRE_THROWS_WITH(load_model(refused(kDropout + 8, 4, 2)), Contains("gives layer 4 (dropout) a kernel size,"));
        REQUIRE_THROWS_WITH(load_model(refused(kDropout + 4, 4, 2)), Contains("gives layer 4 (dropout) a unit count,"));
        REQUIRE_THROWS_WITH(load_model(refused(kConv1 + 12, 4, 0x3F000000)),
                            Contains("gives layer 1 (conv) a dropout rate,"));
        REQUIRE_THROWS_WITH(load_model(refused(kPool + 12, 4, 0x80000000)),
                            Contains("gives layer 2 (maxpool) a dropout rate,"));
    }
    SECTION("conv filters or kernel, pool size out of range") {
        std::string bad = good;
        put_u32(bad, kConv1 + 4, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 (conv) has 0 filters, which is not 1..1024"));
        put_u32(bad, kConv1 + 4, 1025);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 (conv) has 1025 filters, which is not 1..1024"));
        bad = good;
        put_u32(bad, kConv1 + 8, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 (conv) has 0 as kernel size, which is not 1..32"));
        put_u32(bad, kConv1 + 8, 33);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 (conv) has 33 as kernel size"));
        bad = good;
        put_u32(bad, kPool + 8, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 2 (maxpool) has 0 as pool size, which is not 1..32"));
    }
    SECTION("dropout rate 0, 1 or NaN") {
        for (float rate : {0.0f, 1.0f, -0.5f, std::numeric_limits<float>::quiet_NaN()}) {
            std::string bad = good;
            put_f32(bad, kDropout + 12, rate);
            REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                                Contains("gives layer 4 (dropout) the rate") && Contains("not between 0 and 1"));
        }
    }
    SECTION("layers that do not fit together name the layer") {
        std::string bad = good;
        put_u32(bad, kConv3 + 8, 5);  // a 5x5 valid conv after pooling to 3x3
        REQUIRE_THROWS_WITH(
            load_model(resealed(bad)),
            Contains("layers do not fit together: layer 3 (c4k5): a 5x5 conv does not fit on its 3x3 input map"));
        bad = good;
        put_u32(bad, kPool + 8, 8);  // an 8x8 pool on a 7x7 map
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("layer 2 (p8): a") && Contains("8x8 pool does not fit on its 7x7 input map"));
    }
    SECTION("softmax on a hidden layer") {
        std::string bad = good;
        bad[kDense5 + 1] = static_cast<char>(Activation::Softmax);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("softmax is only allowed on the output layer, not on layer 5"));
    }
    SECTION("param_count not matching the layers") {
        std::string bad = good;
        put_u32(bad, count_at(6), 244);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)),
                            Contains("holds 244 parameters but its layers") && Contains("need 245"));
        put_le(bad, count_at(6), uint64_t{1} << 62, 8);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("holds 4611686018427387904 parameters"));
    }
    SECTION("flipped byte") {
        for (size_t at : {size_t(21), kDropout + 13, kParams + 3, good.size() - 20, good.size() - 2}) {
            std::string bad = good;
            bad[at] = static_cast<char>(bad[at] ^ 0x01);
            REQUIRE_THROWS_WITH(load_model(bad), Contains("corrupt: its checksum does not match"));
        }
    }
    SECTION("NaN or infinite parameters name their layer") {
        std::string bad = good;
        put_f32(bad, kParams + 4 * 56, std::numeric_limits<float>::quiet_NaN());  // conv 1's last bias
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 56 (layer 1) is NaN"));
        bad = good;
        put_f32(bad, kParams + 4 * 57, std::numeric_limits<float>::infinity());  // conv 3's first weight
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 57 (layer 3) is infinite"));
        bad = good;
        put_f32(bad, kParams + 4 * 184, std::numeric_limits<float>::infinity());
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 184 (layer 5) is infinite"));
        bad = good;
        put_f32(bad, kParams + 4 * 244, std::numeric_limits<float>::quiet_NaN());
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 244 (layer 6) is NaN"));
    }
    SECTION("trailing bytes") {
        REQUIRE_THROWS_WITH(load_model(good + std::string(5, '\0')), Contains("5 trailing bytes after its 1116 bytes"));
    }
}

TEST_CASE("a model file whose one digit costs too much to read is refused before its network is made",
          "[model_file][cost]") {
    // d0.5,p16 on a 4000x4000 map loads; a second dropout there, with the same
    // parameters, would hold 80.1 million floats (321 MB) to read one digit.
    NetworkSpec spec;
    spec.input = {1, 4000, 4000};
    spec.layers = {LayerSpec::dropout(0.5f), LayerSpec::maxpool(16), LayerSpec::dense(10, Activation::Softmax)};
    const std::string fits = save_model(with_params(spec, 5));
    REQUIRE_NOTHROW(load_model(fits));
    std::string costly = fits;
    costly.insert(28, fits.substr(28, 16));  // the dropout record, twice
    put_u32(costly, 24, 4);
    costly = resealed(costly);
    REQUIRE_THROWS_WITH(load_model(costly),
                        "reading one digit with this network would take 1 million multiply-adds and "
                        "321 MB of memory; the limit is 10000 million and 256 MB: use fewer or "
                        "smaller layers");
}

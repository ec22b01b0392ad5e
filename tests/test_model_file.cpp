#include <catch2/catch.hpp>

#include <cstring>
#include <limits>

#include "digitnet/model_file.hpp"
#include "digitnet/rng.hpp"

using namespace digitnet;
using Catch::Contains;

namespace {

// 784-16-10 relu/softmax with biases, a non-default input scale, N(0, 1) parameters.
Network sample_network() {
    NetworkSpec spec = make_spec({16}, Activation::ReLU, Activation::Softmax);
    spec.input_scale = 0.5f / 255.0f;
    Network net(spec);
    Rng rng(42);
    for (float& p : net.params()) p = rng.normal();
    return net;
}

Network small_network() {
    NetworkSpec spec;
    spec.input = flat_input(4);
    spec.input_scale = 1.0f;
    spec.layers = {LayerSpec::dense(3, Activation::Tanh, false), LayerSpec::dense(2, Activation::Sigmoid, true)};
    Network net(spec);
    Rng rng(7);
    for (float& p : net.params()) p = rng.uniform(-1.0f, 1.0f);
    return net;
}

void put_u32(std::string& b, size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// Recomputes the trailing checksum so that a deliberate change is what gets refused.
std::string resealed(std::string b) {
    put_u32(b, b.size() - 4, crc32(reinterpret_cast<const uint8_t*>(b.data()), b.size() - 4));
    return b;
}

constexpr size_t kLayer0 = 20;           // first layer record
constexpr size_t kCountAt = 20 + 2 * 8;  // param_count of a two-layer file

}  // namespace

TEST_CASE("CRC-32 matches the IEEE check value", "[model_file]") {
    const char* s = "123456789";
    REQUIRE(crc32(reinterpret_cast<const uint8_t*>(s), 9) == 0xCBF43926u);
    REQUIRE(crc32(nullptr, 0) == 0u);
}

TEST_CASE("model files round trip bit-exactly", "[model_file]") {
    for (const Network& net : {sample_network(), small_network()}) {
        const std::string bytes = save_model(net);
        REQUIRE(bytes.size() == 32 + 8 * net.spec().layers.size() + 4 * net.param_count());
        REQUIRE(bytes.substr(0, 4) == "DGNT");
        const Network back = load_model(bytes);
        REQUIRE(back.spec().input == net.spec().input);
        REQUIRE(std::memcmp(&back.spec().input_scale, &net.spec().input_scale, 4) == 0);
        REQUIRE(back.spec().layers.size() == net.spec().layers.size());
        for (size_t l = 0; l < net.spec().layers.size(); ++l) {
            REQUIRE(back.spec().layers[l].units == net.spec().layers[l].units);
            REQUIRE(back.spec().layers[l].activation == net.spec().layers[l].activation);
            REQUIRE(back.spec().layers[l].bias == net.spec().layers[l].bias);
        }
        REQUIRE(back.param_count() == net.param_count());
        REQUIRE(std::memcmp(back.params().data(), net.params().data(), 4 * net.param_count()) == 0);
        REQUIRE(save_model(back) == bytes);
    }
}

TEST_CASE("model file refusals say what is wrong", "[model_file]") {
    const std::string good = save_model(small_network());  // 4-3-2: 12 + 8 = 20 params, 128 bytes
    REQUIRE(good.size() == 128);

    SECTION("truncated at several points") {
        REQUIRE_THROWS_WITH(load_model(""), Contains("truncated: expected at least 40 bytes but found 0"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 3)), Contains("truncated") && Contains("found 3"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 30)), Contains("truncated") && Contains("found 30"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 41)),
                            Contains("truncated: expected at least 48 bytes but found 41"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 100)), Contains("truncated: expected 128 bytes but found 100"));
        REQUIRE_THROWS_WITH(load_model(good.substr(0, 127)), Contains("expected 128 bytes but found 127"));
    }
    SECTION("wrong magic") {
        std::string bad = good;
        bad[0] = 'X';
        REQUIRE_THROWS_WITH(load_model(bad), Contains("not a digitnet model file"));
        REQUIRE_THROWS_WITH(load_model(std::string(200, '\0')), Contains("not a digitnet model file"));
    }
    SECTION("unsupported version") {
        std::string bad = good;
        put_u32(bad, 4, 2);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("unsupported model file version 2"));
    }
    SECTION("param_count not matching the layers") {
        std::string bad = good;
        put_u32(bad, kCountAt, 21);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("holds 21 parameters") && Contains("need 20"));
    }
    SECTION("layer count zero or absurd") {
        std::string bad = good;
        put_u32(bad, 16, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 0 layers"));
        put_u32(bad, 16, 1000000);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 1000000 layers"));
    }
    SECTION("zero units or inputs") {
        std::string bad = good;
        put_u32(bad, kLayer0, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 1 has 0 units"));
        bad = good;
        put_u32(bad, 8, 0);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("has 0 inputs"));
    }
    SECTION("unknown activation code or flags") {
        std::string bad = good;
        bad[kLayer0 + 8 + 4] = 9;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("layer 2 the unknown activation code 9"));
        bad = good;
        bad[kLayer0 + 5] = 2;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("bias flag of layer 1 is 2"));
        bad = good;
        bad[kLayer0 + 6] = 1;
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("reserved bytes of layer 1"));
    }
    SECTION("a spec the network refuses") {
        std::string bad = good;
        bad[kLayer0 + 4] = static_cast<char>(Activation::Softmax);  // softmax on a hidden layer
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("softmax is only allowed on the output layer"));
    }
    SECTION("flipped byte") {
        for (size_t at : {size_t(13), kCountAt + 8 + 5, good.size() - 10, good.size() - 1}) {
            std::string bad = good;
            bad[at] = static_cast<char>(bad[at] ^ 0x10);
            REQUIRE_THROWS_WITH(load_model(bad), Contains("checksum does not match"));
        }
    }
    SECTION("NaN or infinite weights") {
        std::string bad = good;
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        std::memcpy(&bad[kCountAt + 8 + 4 * 2], &nan, 4);  // little-endian host, as everywhere we build
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 2 (layer 1) is NaN"));
        bad = good;
        std::memcpy(&bad[kCountAt + 8 + 4 * 19], &inf, 4);
        REQUIRE_THROWS_WITH(load_model(resealed(bad)), Contains("parameter 19 (layer 2) is infinite"));
    }
    SECTION("trailing bytes") {
        REQUIRE_THROWS_WITH(load_model(good + "abc"), Contains("3 trailing bytes"));
    }
}

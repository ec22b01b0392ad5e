#include "digitnet/model_file.hpp"

#include <array>
#include <cmath>
#include <cstring>

namespace digitnet {

namespace {

constexpr char kMagic[4] = {'D', 'G', 'N', 'T'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderSize = 20;  // up to and including layer_count
constexpr size_t kLayerSize = 8;
constexpr uint32_t kMaxLayers = 1024;
constexpr uint32_t kMaxInputs = 1u << 24;

constexpr std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}
constexpr std::array<uint32_t, 256> kCrcTable = make_crc_table();

void put_le(std::string& b, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) b.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t get_le(const std::string& b, size_t at, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(b[at + i])) << (8 * i);
    return v;
}

uint32_t float_bits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

float bits_float(uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

// `at_least` while only the header is known, so the full size is not yet.
void require_size(const std::string& b, uint64_t expected, bool at_least) {
    if (b.size() < expected)
        throw Error("the model file is truncated: expected " + std::string(at_least ? "at least " : "") +
                    std::to_string(expected) + " bytes but found " + std::to_string(b.size()));
}

std::string layer_name(size_t l) { return "layer " + std::to_string(l + 1); }

}  // namespace

uint32_t crc32(const uint8_t* data, size_t size) {
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) c = kCrcTable[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string save_model(const Network& net) {
    const NetworkSpec& spec = net.spec();
    const std::vector<float>& params = net.params();
    std::string b;
    b.reserve(32 + kLayerSize * spec.layers.size() + 4 * params.size());
    b.append(kMagic, 4);
    put_le(b, kVersion, 4);
    put_le(b, static_cast<uint32_t>(spec.inputs), 4);
    put_le(b, float_bits(spec.input_scale), 4);
    put_le(b, spec.layers.size(), 4);
    for (const LayerSpec& l : spec.layers) {
        put_le(b, static_cast<uint32_t>(l.units), 4);
        put_le(b, static_cast<uint8_t>(l.activation), 1);
        put_le(b, l.bias ? 1 : 0, 1);
        put_le(b, 0, 2);
    }
    put_le(b, params.size(), 8);
    for (float p : params) put_le(b, float_bits(p), 4);
    put_le(b, crc32(reinterpret_cast<const uint8_t*>(b.data()), b.size()), 4);
    return b;
}

Network load_model(const std::string& b) {
    if (b.size() >= 4 && std::memcmp(b.data(), kMagic, 4) != 0)
        throw Error("not a digitnet model file (it does not start with \"DGNT\")");
    // The smallest file: header, one layer, param_count, checksum.
    require_size(b, kHeaderSize + kLayerSize + 12, true);
    const uint32_t version = static_cast<uint32_t>(get_le(b, 4, 4));
    if (version != kVersion)
        throw Error("unsupported model file version " + std::to_string(version) + " (this program reads version " +
                    std::to_string(kVersion) + ")");

    NetworkSpec spec;
    const uint32_t inputs = static_cast<uint32_t>(get_le(b, 8, 4));
    if (inputs == 0 || inputs > kMaxInputs)
        throw Error("the model file says the network has " + std::to_string(inputs) + " inputs, which is not 1.." +
                    std::to_string(kMaxInputs));
    spec.inputs = static_cast<int>(inputs);
    spec.input_scale = bits_float(static_cast<uint32_t>(get_le(b, 12, 4)));
    const uint32_t layer_count = static_cast<uint32_t>(get_le(b, 16, 4));
    if (layer_count == 0 || layer_count > kMaxLayers)
        throw Error("the model file says the network has " + std::to_string(layer_count) +
                    " layers, which is not 1.." + std::to_string(kMaxLayers));
    const size_t count_at = kHeaderSize + kLayerSize * layer_count;
    require_size(b, count_at + 8 + 4, true);

    uint64_t expected_params = 0;
    uint64_t fan_in = inputs;
    for (size_t l = 0; l < layer_count; ++l) {
        const size_t at = kHeaderSize + kLayerSize * l;
        const uint32_t units = static_cast<uint32_t>(get_le(b, at, 4));
        const uint8_t activation = static_cast<uint8_t>(b[at + 4]);
        const uint8_t has_bias = static_cast<uint8_t>(b[at + 5]);
        if (units == 0 || units > 65536)
            throw Error("the model file says " + layer_name(l) + " has " + std::to_string(units) +
                        " units, which is not 1..65536");
        if (activation > static_cast<uint8_t>(Activation::Softmax))
            throw Error("the model file gives " + layer_name(l) + " the unknown activation code " +
                        std::to_string(activation));
        if (has_bias > 1)
            throw Error("the model file's bias flag of " + layer_name(l) + " is " + std::to_string(has_bias) +
                        ", not 0 or 1");
        if (get_le(b, at + 6, 2) != 0)
            throw Error("the model file's reserved bytes of " + layer_name(l) + " are not zero");
        spec.layers.push_back({static_cast<int>(units), static_cast<Activation>(activation), has_bias == 1});
        expected_params += units * fan_in + (has_bias ? units : 0);
        fan_in = units;
    }
    spec.validate();

    const uint64_t param_count = get_le(b, count_at, 8);
    if (param_count != expected_params)
        throw Error("the model file says it holds " + std::to_string(param_count) + " parameters but its layers (" +
                    spec.describe() + ") need " + std::to_string(expected_params));
    const uint64_t total = count_at + 8 + 4 * param_count + 4;
    require_size(b, total, false);
    if (b.size() > total)
        throw Error("the model file has " + std::to_string(b.size() - total) + " trailing bytes after its " +
                    std::to_string(total) + " bytes");
    const uint32_t stored_crc = static_cast<uint32_t>(get_le(b, total - 4, 4));
    const uint32_t crc = crc32(reinterpret_cast<const uint8_t*>(b.data()), total - 4);
    if (stored_crc != crc) throw Error("the model file is corrupt: its checksum does not match its contents");

    Network net(spec);
    std::vector<float>& params = net.params();
    const size_t params_at = count_at + 8;
    for (size_t i = 0; i < params.size(); ++i) {
        params[i] = bits_float(static_cast<uint32_t>(get_le(b, params_at + 4 * i, 4)));
        if (!std::isfinite(params[i])) {
            int l = 0;
            while (l + 1 < net.layer_count() && net.weight_offset(l + 1) <= i) ++l;
            throw Error("the model file's parameter " + std::to_string(i) + " (" + layer_name(l) + ") is " +
                        (std::isnan(params[i]) ? "NaN" : "infinite") + ": the model is broken");
        }
    }
    return net;
}

}  // namespace digitnet

#include "digitnet/model_file.hpp"

#include <array>
#include <cmath>
#include <cstring>

#include "digitnet/layers/kind.hpp"

namespace digitnet {

namespace {

constexpr char kMagic[4] = {'D', 'G', 'N', 'T'};
constexpr uint32_t kVersion = 2;
constexpr size_t kLayerSize = 16;  // a version 2 layer record
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
    b.reserve(40 + kLayerSize * spec.layers.size() + 4 * params.size());
    b.append(kMagic, 4);
    put_le(b, kVersion, 4);
    for (int v : {spec.input.channels, spec.input.height, spec.input.width}) put_le(b, static_cast<uint32_t>(v), 4);
    put_le(b, float_bits(spec.input_scale), 4);
    put_le(b, spec.layers.size(), 4);
    for (const LayerSpec& l : spec.layers) {
        const LayerRecord r = layer_kind(l.kind).to_record(l);
        put_le(b, static_cast<uint8_t>(l.kind), 1);
        put_le(b, r.activation, 1);
        put_le(b, r.bias, 1);
        put_le(b, r.padding, 1);
        put_le(b, r.units, 4);
        put_le(b, r.kernel, 4);
        put_le(b, float_bits(r.rate), 4);
    }
    put_le(b, params.size(), 8);
    for (float p : params) put_le(b, float_bits(p), 4);
    put_le(b, crc32(reinterpret_cast<const uint8_t*>(b.data()), b.size()), 4);
    return b;
}

namespace {

// The layer count L at `at` (the header's last field), checked, with the file
// long enough for L records of `record` bytes, param_count and the checksum.
uint32_t read_layer_count(const std::string& b, size_t at, size_t record) {
    const uint32_t layer_count = static_cast<uint32_t>(get_le(b, at, 4));
    if (layer_count == 0 || layer_count > static_cast<uint32_t>(kMaxLayers))
        throw Error("the model file says the network has " + std::to_string(layer_count) + " layers, which is not 1.." +
                    std::to_string(kMaxLayers));
    require_size(b, at + 4 + record * layer_count + 12, true);
    return layer_count;
}

// Version 1's header and layer records (dense layers) from b; returns where param_count is.
size_t read_v1_layers(const std::string& b, NetworkSpec& spec) {
    constexpr size_t kHeader = 20, kRecord = 8;
    require_size(b, kHeader + kRecord + 12, true);
    const uint32_t inputs = static_cast<uint32_t>(get_le(b, 8, 4));
    if (inputs == 0 || inputs > kMaxInputs)
        throw Error("the model file says the network has " + std::to_string(inputs) + " inputs, which is not 1.." +
                    std::to_string(kMaxInputs));
    spec.input = flat_input(static_cast<int>(inputs));
    spec.input_scale = bits_float(static_cast<uint32_t>(get_le(b, 12, 4)));
    const uint32_t layer_count = read_layer_count(b, 16, kRecord);
    for (size_t l = 0; l < layer_count; ++l) {
        const size_t at = kHeader + kRecord * l;
        const uint32_t units = static_cast<uint32_t>(get_le(b, at, 4));
        const uint8_t activation = static_cast<uint8_t>(b[at + 4]), has_bias = static_cast<uint8_t>(b[at + 5]);
        if (units == 0 || units > static_cast<uint32_t>(kMaxUnits))
            throw Error("the model file says " + layer_name(l) + " has " + std::to_string(units) +
                        " units, which is not 1.." + std::to_string(kMaxUnits));
        if (activation >= kActivationCount)
            throw Error("the model file gives " + layer_name(l) + " the unknown activation code " +
                        std::to_string(activation));
        if (has_bias > 1)
            throw Error("the model file's bias flag of " + layer_name(l) + " is " + std::to_string(has_bias) +
                        ", not 0 or 1");
        if (get_le(b, at + 6, 2) != 0) throw Error("the model file's reserved bytes of " + layer_name(l) + " are not zero");
        spec.layers.push_back(LayerSpec::dense(static_cast<int>(units), static_cast<Activation>(activation), has_bias == 1));
    }
    return kHeader + kRecord * layer_count;
}

// Version 2's header and layer records from b; returns where param_count is.
size_t read_v2_layers(const std::string& b, NetworkSpec& spec) {
    constexpr size_t kHeader = 28;
    require_size(b, kHeader + kLayerSize + 12, true);
    uint32_t dims[3];
    for (int i = 0; i < 3; ++i) {
        dims[i] = static_cast<uint32_t>(get_le(b, 8 + 4 * i, 4));
        if (dims[i] == 0 || dims[i] > kMaxInputs)
            throw Error("the model file's input shape " + std::to_string(get_le(b, 8, 4)) + "x" +
                        std::to_string(get_le(b, 12, 4)) + "x" + std::to_string(get_le(b, 16, 4)) +
                        " (channels x height x width) is not a feature map");
    }
    spec.input = {static_cast<int>(dims[0]), static_cast<int>(dims[1]), static_cast<int>(dims[2])};
    if (uint64_t{dims[0]} * dims[1] > kMaxInputs || uint64_t{dims[0]} * dims[1] * dims[2] > kMaxInputs)
        throw Error("the model file's input shape " + spec.input.describe() + " has more than " +
                    std::to_string(kMaxInputs) + " values");
    spec.input_scale = bits_float(static_cast<uint32_t>(get_le(b, 20, 4)));
    const uint32_t layer_count = read_layer_count(b, 24, kLayerSize);
    for (size_t l = 0; l < layer_count; ++l) {
        const size_t at = kHeader + kLayerSize * l;
        const uint8_t kind = static_cast<uint8_t>(b[at]);
        LayerRecord r;
        r.activation = static_cast<uint8_t>(b[at + 1]), r.bias = static_cast<uint8_t>(b[at + 2]);
        r.padding = static_cast<uint8_t>(b[at + 3]);
        r.units = static_cast<uint32_t>(get_le(b, at + 4, 4)), r.kernel = static_cast<uint32_t>(get_le(b, at + 8, 4));
        r.rate = bits_float(static_cast<uint32_t>(get_le(b, at + 12, 4)));
        if (kind >= kLayerKindCount)
            throw Error("the model file gives " + layer_name(l) + " the unknown layer kind " + std::to_string(kind));
        const LayerKindParts& k = layer_kind(static_cast<LayerKind>(kind));
        const RecordCheck check{layer_name(l) + " (" + k.name + ")"};
        if (r.activation >= kActivationCount) check.refuse("the unknown activation code " + std::to_string(r.activation));
        if (r.bias > 1)
            throw Error("the model file's bias flag of " + check.kind_name + " is " + std::to_string(r.bias) +
                        ", not 0 or 1");
        if (r.padding > 1) check.refuse("the unknown padding code " + std::to_string(r.padding));
        const RecordFields& uses = k.record_fields;
        const auto unused = [&](bool nonzero, const char* field) {
            if (nonzero) check.refuse(std::string(field) + ", which that kind of layer does not have");
        };
        unused(!uses.activation && r.activation != 0, "an activation");
        unused(!uses.bias && r.bias != 0, "a bias");
        unused(!uses.padding && r.padding != 0, "a padding");
        unused(!uses.units && r.units != 0, "a unit count");
        unused(!uses.kernel && r.kernel != 0, "a kernel size");
        unused(!uses.rate && float_bits(r.rate) != 0, "a dropout rate");
        const LayerSpec ls = k.from_record(r, check);
        spec.layers.push_back(ls);
    }
    return kHeader + kLayerSize * layer_count;
}

}  // namespace

Network load_model(const std::string& b) {
    if (b.size() >= 4 && std::memcmp(b.data(), kMagic, 4) != 0)
        throw Error("not a digitnet model file (it does not start with \"DGNT\")");
    require_size(b, 8, true);
    const uint32_t version = static_cast<uint32_t>(get_le(b, 4, 4));
    if (version != 1 && version != kVersion)
        throw Error("unsupported model file version " + std::to_string(version) + " (this program reads versions 1 and " +
                    std::to_string(kVersion) + ")");
    NetworkSpec spec;
    const size_t count_at = version == 1 ? read_v1_layers(b, spec) : read_v2_layers(b, spec);
    int64_t expected_params = 0;
    try {
        spec.validate_layers();
        expected_params = spec.parameter_count();
    } catch (const Error& e) {
        throw Error(std::string("the model file's layers do not fit together: ") + e.what());
    }
    spec.require_readable();  // before anything is allocated for the network

    const uint64_t param_count = get_le(b, count_at, 8);
    if (param_count != static_cast<uint64_t>(expected_params))
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
        if (!std::isfinite(params[i]))
            throw Error("the model file's parameter " + std::to_string(i) + " (" +
                        layer_name(static_cast<size_t>(net.layer_of_param(i))) + ") is " +
                        (std::isnan(params[i]) ? "NaN" : "infinite") + ": the model is broken");
    }
    return net;
}

}  // namespace digitnet

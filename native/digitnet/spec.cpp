#include "digitnet/spec.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <sstream>

#include "digitnet/layers/kind.hpp"

namespace digitnet {

namespace {
std::string layer_name(size_t i, const LayerSpec& l) { return "layer " + std::to_string(i + 1) + " (" + l.item() + ")"; }
std::string megabytes(int64_t bytes) { return std::to_string((bytes + 999'999) / 1'000'000) + " MB"; }
}  // namespace

std::string Shape::describe() const {
    if (height == 1 && width == 1) return std::to_string(channels);
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
}

LayerSpec LayerSpec::dense(int units, Activation a, bool bias) {
    LayerSpec l;
    l.units = units, l.activation = a, l.bias = bias;
    return l;
}

LayerSpec LayerSpec::conv(int filters, int kernel, Padding p, Activation a, bool bias) {
    LayerSpec l;
    l.kind = LayerKind::Conv, l.units = filters, l.kernel = kernel, l.padding = p, l.activation = a, l.bias = bias;
    return l;
}

LayerSpec LayerSpec::maxpool(int size) {
    LayerSpec l;
    l.kind = LayerKind::MaxPool, l.kernel = size, l.activation = Activation::Identity, l.bias = false;
    return l;
}

LayerSpec LayerSpec::dropout(float rate) {
    LayerSpec l;
    l.kind = LayerKind::Dropout, l.rate = rate, l.activation = Activation::Identity, l.bias = false;
    return l;
}

bool LayerSpec::has_params() const { return is_layer_kind(kind) && layer_kind(kind).has_params; }

std::string LayerSpec::item() const { return is_layer_kind(kind) ? layer_kind(kind).item(*this) : "?"; }

int NetworkSpec::outputs() const { return static_cast<int>(layers.empty() ? input.size() : shapes().back().size()); }

std::vector<Shape> NetworkSpec::shapes() const {
    constexpr int64_t kMaxMap = int64_t{1} << 24;  // floats of one sample's feature map
    // (each side first, so that their product cannot overflow)
    if (input.channels < 1 || input.height < 1 || input.width < 1 || input.channels > kMaxMap || input.height > kMaxMap ||
        input.width > kMaxMap || int64_t{input.channels} * input.height > kMaxMap || input.size() > kMaxMap)
        throw Error("the network's input must be 1 to " + std::to_string(kMaxMap) + " values in 1 or more channels");
    std::vector<Shape> out;
    Shape in = input;
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& l = layers[i];
        if (!is_layer_kind(l.kind)) throw Error("layer " + std::to_string(i + 1) + " is of an unknown kind");
        const std::string name = layer_name(i, l);
        const Shape s = layer_kind(l.kind).shape(l, in, name);
        if (static_cast<int>(l.activation) >= kActivationCount) throw Error(name + " has an unknown activation");
        if (!l.has_params() && (l.activation != Activation::Identity || l.bias))
            throw Error(name + " can have neither an activation nor a bias");
        if (l.activation == Activation::Softmax && i + 1 != layers.size())
            throw Error("softmax is only allowed on the output layer, not on " + name);
        if (s.size() > kMaxMap)
            throw Error(name + " gives " + std::to_string(s.size()) + " values per digit; the limit is " +
                        std::to_string(kMaxMap));
        out.push_back(s);
        in = s;
    }
    return out;
}

void NetworkSpec::validate() const {
    validate_layers();
    require_readable();
}

void NetworkSpec::validate_layers() const {
    if (layers.empty()) throw Error("network needs at least one layer");
    if (layers.size() > static_cast<size_t>(kMaxLayers))
        throw Error("network has " + std::to_string(layers.size()) + " layers; the limit is " + std::to_string(kMaxLayers));
    if (!(input_scale > 0.0f) || input_scale > 1e6f) throw Error("input scale must be a positive number");
    parameter_count();  // shapes() and the parameter limit
}

void NetworkSpec::require_readable() const {
    const double macs = forward_macs();
    const int64_t floats = inference_floats_per_sample();
    if (macs <= kMaxDigitMacs && floats <= kMaxDigitFloats) return;
    const auto millions = [](double n) { return std::to_string(static_cast<int64_t>(std::ceil(n / 1e6))) + " million"; };
    throw Error("reading one digit with this network would take " + millions(macs) + " multiply-adds and " +
                megabytes(4 * floats) + " of memory; the limit is " + millions(kMaxDigitMacs) + " and " +
                megabytes(4 * kMaxDigitFloats) + ": use fewer or smaller layers");
}

void NetworkSpec::require_digit_shape() const {
    if (inputs() != 784 || outputs() != 10)
        throw Error("this model takes " + std::to_string(inputs()) + " inputs and gives " + std::to_string(outputs()) +
                    " outputs, but a digit reader takes 784 (28x28 pixels) and gives 10");
}

namespace {
// f(i, layer, its input shape, its output shape) for every layer, in order.
template <class F>
void each_layer(const NetworkSpec& spec, F f) {
    const std::vector<Shape> out = spec.shapes();
    Shape in = spec.input;
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        f(i, spec.layers[i], in, out[i]);
        in = out[i];
    }
}
}  // namespace

int64_t NetworkSpec::parameter_count() const {
    int64_t n = 0;
    each_layer(*this, [&](size_t i, const LayerSpec& l, Shape in, Shape) {
        n += layer_kind(l.kind).parameters(l, in);
        if (n > kMaxParameters)
            throw Error("with " + layer_name(i, l) + " this network has " + std::to_string(n) + " parameters, " +
                        megabytes(4 * n) + " of weights; the limit is " + std::to_string(kMaxParameters / 1'000'000) +
                        " million (" + megabytes(4 * kMaxParameters) + "): use fewer or smaller layers");
    });
    return n;
}

double NetworkSpec::forward_macs() const {
    double macs = 0.0;
    each_layer(*this, [&](size_t, const LayerSpec& l, Shape in, Shape out) {
        macs += layer_kind(l.kind).forward_macs(l, in, out);
    });
    return macs;
}

int64_t NetworkSpec::workspace_floats_per_sample() const {
    int64_t n = input.size();  // the batch's inputs
    each_layer(*this, [&](size_t, const LayerSpec& l, Shape in, Shape out) {
        const LayerKindParts& kind = layer_kind(l.kind);
        n += kind.forward_floats(l, in, out) + kind.backward_floats(l, in, out);
    });
    return n;
}

int64_t NetworkSpec::inference_floats_per_sample() const {
    int64_t n = input.size();  // the batch's inputs
    each_layer(*this,
               [&](size_t, const LayerSpec& l, Shape in, Shape out) { n += layer_kind(l.kind).forward_floats(l, in, out); });
    return n;
}

int64_t NetworkSpec::training_bytes(int batch) const {
    // parameters, gradient, Adam's two moments, and two checkpoints of parameters and moments
    return 4 * (10 * parameter_count() + int64_t{std::max(batch, 1)} * workspace_floats_per_sample());
}

void NetworkSpec::require_trainable(int batch) const {
    const int64_t bytes = training_bytes(batch);
    if (bytes > kMaxTrainingBytes)
        throw Error("training this network at batch size " + std::to_string(batch) + " would need about " +
                    megabytes(bytes) + " of memory; the limit is " + megabytes(kMaxTrainingBytes) +
                    ": use fewer or smaller layers, or a smaller batch");
}

std::string NetworkSpec::describe() const {
    const bool mlp =
        std::all_of(layers.begin(), layers.end(), [](const LayerSpec& l) { return l.kind == LayerKind::Dense; });
    std::ostringstream s;
    std::vector<std::string> acts;
    for (const LayerSpec& l : layers)
        if (l.has_params() && (acts.empty() || acts.back() != to_string(l.activation)))
            acts.push_back(to_string(l.activation));
    if (mlp) {
        s << inputs();
        for (const auto& l : layers) s << '-' << l.units;
    } else {
        s << input.describe() << ' ';
        for (size_t i = 0; i < layers.size(); ++i) s << (i ? "," : "") << layers[i].item();
    }
    s << ' ';
    for (size_t i = 0; i < acts.size(); ++i) s << (i ? "/" : "") << acts[i];
    if (!layers.empty() && !layers[0].bias && layers[0].has_params()) s << " (no bias)";
    return s.str();
}

Shape flat_input(int inputs) { return inputs == 784 ? Shape{1, 28, 28} : Shape{1, 1, inputs}; }

NetworkSpec make_spec(const std::vector<int>& hidden, Activation hidden_act, Activation output_act, bool bias, int inputs,
                      int outputs) {
    std::vector<LayerSpec> layers;
    for (int units : hidden) layers.push_back(LayerSpec::dense(units, hidden_act, bias));
    return make_spec(std::move(layers), output_act, bias, flat_input(inputs), outputs);
}

NetworkSpec make_spec(std::vector<LayerSpec> hidden, Activation output_act, bool bias, Shape input, int outputs) {
    NetworkSpec spec;
    spec.input = input;
    spec.layers = std::move(hidden);
    spec.layers.push_back(LayerSpec::dense(outputs, output_act, bias));
    spec.validate();
    return spec;
}

std::vector<LayerSpec> parse_layers(const std::string& text, Activation activation, bool bias) {
    const std::string allowed = "allowed: " + layer_grammar();
    std::vector<LayerSpec> layers;
    if (text.find_first_not_of(" \t") == std::string::npos) return layers;
    std::stringstream all(text);
    std::string item;
    size_t n = 0;
    while (++n, std::getline(all, item, ',')) {
        const size_t first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
        const std::string t = first == std::string::npos ? "" : item.substr(first, last - first + 1);
        const std::string where = "layer item " + std::to_string(n);
        if (t.empty()) throw Error(where + " is empty; " + allowed);
        const GrammarItem g{t, where, allowed, activation, bias};
        std::optional<LayerSpec> l;
        for (int k = 0; k < kLayerKindCount && !l; ++k) l = layer_kind(static_cast<LayerKind>(k)).parse(g);
        if (!l) g.not_a_layer();
        layers.push_back(*l);
        if (layers.size() >= static_cast<size_t>(kMaxLayers))
            throw Error("more than " + std::to_string(kMaxLayers - 1) + " hidden layers");
    }
    if (!text.empty() && text.back() == ',') throw Error("layer item " + std::to_string(n) + " is empty; " + allowed);
    return layers;
}

std::string format_layers(const std::vector<LayerSpec>& hidden) {
    std::string s;
    for (size_t i = 0; i < hidden.size(); ++i) s += (i ? "," : "") + hidden[i].item();
    return s;
}

namespace {
template <class E, size_t N>
E parse(const std::string& name, const char* const (&names)[N], const char* what) {
    for (size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<E>(i);
    std::string known;
    for (size_t i = 0; i < N; ++i) known += (i ? ", " : "") + std::string(names[i]);
    throw Error("unknown " + std::string(what) + " '" + name + "' (known: " + known + ")");
}
const char* const kActivations[] = {"identity", "sigmoid", "tanh", "relu", "softmax"};
const char* const kInits[] = {"normal", "normal-fanin", "uniform", "uniform-fan", "he", "xavier"};
const char* const kLosses[] = {"cross-entropy", "squared-error", "batch-softmax-squared-error"};
const char* const kOptimizers[] = {"sgd", "momentum", "adam"};
static_assert(std::size(kActivations) == kActivationCount, "a name for every Activation");
}  // namespace

Activation parse_activation(const std::string& n) { return parse<Activation>(n, kActivations, "activation"); }
const char* to_string(Activation a) { return kActivations[static_cast<int>(a)]; }
Init parse_init(const std::string& n) { return parse<Init>(n, kInits, "initializer"); }
const char* to_string(Init i) { return kInits[static_cast<int>(i)]; }
LossKind parse_loss(const std::string& n) { return parse<LossKind>(n, kLosses, "loss"); }
const char* to_string(LossKind l) { return kLosses[static_cast<int>(l)]; }
OptimizerKind parse_optimizer(const std::string& n) { return parse<OptimizerKind>(n, kOptimizers, "optimizer"); }
const char* to_string(OptimizerKind o) { return kOptimizers[static_cast<int>(o)]; }
const char* to_string(LayerKind k) { return layer_kind(k).name; }

}  // namespace digitnet

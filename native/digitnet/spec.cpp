#include "digitnet/spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace digitnet {

namespace {
std::string layer_name(size_t i, const LayerSpec& l) {
    return "layer " + std::to_string(i + 1) + " (" + l.item() + ")";
}
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

std::string LayerSpec::item() const {
    switch (kind) {
        case LayerKind::Dense: return std::to_string(units);
        case LayerKind::Conv:
            return "c" + std::to_string(units) + "k" + std::to_string(kernel) + (padding == Padding::Same ? "s" : "");
        case LayerKind::MaxPool: return "p" + std::to_string(kernel);
        case LayerKind::Dropout: {
            std::ostringstream s;
            s << 'd' << rate;
            return s.str();
        }
    }
    return "?";
}

int NetworkSpec::outputs() const { return static_cast<int>(layers.empty() ? input.size() : shapes().back().size()); }

std::vector<Shape> NetworkSpec::shapes() const {
    constexpr int64_t kMaxMap = int64_t{1} << 24;  // floats of one sample's feature map
    // (each side first, so that their product cannot overflow)
    if (input.channels < 1 || input.height < 1 || input.width < 1 || input.channels > kMaxMap ||
        input.height > kMaxMap || input.width > kMaxMap || int64_t{input.channels} * input.height > kMaxMap ||
        input.size() > kMaxMap)
        throw Error("the network's input must be 1 to " + std::to_string(kMaxMap) + " values in 1 or more channels");
    std::vector<Shape> out;
    Shape in = input;
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& l = layers[i];
        const std::string name = layer_name(i, l);
        Shape s = in;
        switch (l.kind) {
            case LayerKind::Dense:
                if (l.units < 1 || l.units > kMaxUnits)
                    throw Error(name + " must have between 1 and " + std::to_string(kMaxUnits) + " units");
                s = {l.units, 1, 1};
                break;
            case LayerKind::Conv: {
                if (l.units < 1 || l.units > kMaxFilters)
                    throw Error(name + " must have between 1 and " + std::to_string(kMaxFilters) + " filters");
                if (l.kernel < 1 || l.kernel > kMaxKernel)
                    throw Error(name + " needs a kernel size from 1 to " + std::to_string(kMaxKernel));
                if (l.padding != Padding::Valid && l.padding != Padding::Same)
                    throw Error(name + " has an unknown padding");
                const int k = l.kernel;
                if (l.padding == Padding::Valid && (k > in.height || k > in.width))
                    throw Error(name + ": a " + std::to_string(k) + "x" + std::to_string(k) + " conv does not fit on its " +
                                std::to_string(in.height) + "x" + std::to_string(in.width) +
                                " input map; use a smaller kernel, fewer pooling layers or 'same' padding (c" +
                                std::to_string(l.units) + "k" + std::to_string(k) + "s)");
                s = l.padding == Padding::Same ? Shape{l.units, in.height, in.width}
                                               : Shape{l.units, in.height - k + 1, in.width - k + 1};
                break;
            }
            case LayerKind::MaxPool: {
                const int n = l.kernel;
                if (n < 1 || n > kMaxKernel) throw Error(name + " needs a pool size from 1 to " + std::to_string(kMaxKernel));
                if (n > in.height || n > in.width)
                    throw Error(name + ": a " + std::to_string(n) + "x" + std::to_string(n) + " pool does not fit on its " +
                                std::to_string(in.height) + "x" + std::to_string(in.width) + " input map");
                s = {in.channels, in.height / n, in.width / n};
                break;
            }
            case LayerKind::Dropout:
                if (!(l.rate > 0.0f && l.rate < 1.0f)) throw Error(name + " needs a dropout rate between 0 and 1");
                break;
            default: throw Error("layer " + std::to_string(i + 1) + " is of an unknown kind");
        }
        if (static_cast<int>(l.activation) > static_cast<int>(Activation::Softmax))
            throw Error(name + " has an unknown activation");
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
    if (layers.empty()) throw Error("network needs at least one layer");
    if (layers.size() > static_cast<size_t>(kMaxLayers))
        throw Error("network has " + std::to_string(layers.size()) + " layers; the limit is " + std::to_string(kMaxLayers));
    if (!(input_scale > 0.0f) || input_scale > 1e6f) throw Error("input scale must be a positive number");
    parameter_count();  // shapes() and the parameter limit
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
        if (l.kind == LayerKind::Dense) n += l.units * in.size() + (l.bias ? l.units : 0);
        if (l.kind == LayerKind::Conv)
            n += int64_t{l.units} * l.kernel * l.kernel * in.channels + (l.bias ? l.units : 0);
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
        if (l.kind == LayerKind::Dense) macs += static_cast<double>(l.units) * static_cast<double>(in.size());
        if (l.kind == LayerKind::Conv) macs += static_cast<double>(out.size()) * l.kernel * l.kernel * in.channels;
    });
    return macs;
}

int64_t NetworkSpec::workspace_floats_per_sample() const {
    int64_t n = input.size();  // the batch's inputs
    each_layer(*this, [&](size_t, const LayerSpec& l, Shape in, Shape out) {
        n += 2 * out.size();  // activations and their gradients
        if (l.kind == LayerKind::Conv)  // the lowered input and its gradient
            n += 2 * int64_t{out.height} * out.width * l.kernel * l.kernel * in.channels;
        if (l.kind == LayerKind::MaxPool || l.kind == LayerKind::Dropout) n += out.size();  // switches, mask
    });
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
    const bool mlp = std::all_of(layers.begin(), layers.end(), [](const LayerSpec& l) { return l.kind == LayerKind::Dense; });
    std::ostringstream s;
    std::vector<std::string> acts;
    for (const LayerSpec& l : layers)
        if (l.has_params() && (acts.empty() || acts.back() != to_string(l.activation))) acts.push_back(to_string(l.activation));
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

NetworkSpec make_spec(const std::vector<int>& hidden, Activation hidden_act, Activation output_act, bool bias,
                      int inputs, int outputs) {
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

namespace {
// The whole number at text[at..] (capped at 10^9), or -1 if there is none.
int whole_at(const std::string& t, size_t& at) {
    int64_t v = -1;
    for (; at < t.size() && t[at] >= '0' && t[at] <= '9'; ++at) v = std::min<int64_t>(std::max<int64_t>(v, 0) * 10 + (t[at] - '0'), 1'000'000'000);
    return static_cast<int>(v);
}
}  // namespace

std::vector<LayerSpec> parse_layers(const std::string& text, Activation activation, bool bias) {
    static const char* const kAllowed =
        "allowed: N (a dense layer of N units), cFkK (F filters of KxK), cFkKs (the same, 'same' padding), "
        "pN (NxN max-pool) or dR (dropout of rate R)";
    std::vector<LayerSpec> layers;
    if (text.find_first_not_of(" \t") == std::string::npos) return layers;
    std::stringstream all(text);
    std::string item;
    size_t n = 0;
    while (++n, std::getline(all, item, ',')) {
        const size_t first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
        const std::string t = first == std::string::npos ? "" : item.substr(first, last - first + 1);
        const std::string where = "layer item " + std::to_string(n);
        if (t.empty()) throw Error(where + " is empty; " + kAllowed);
        const std::string bad = where + " '" + t + "' is not a layer; " + kAllowed;
        size_t at = 0;
        LayerSpec l;
        if (t[0] >= '0' && t[0] <= '9') {
            l = LayerSpec::dense(whole_at(t, at), activation, bias);
        } else if (t[0] == 'c') {
            at = 1;
            const int f = whole_at(t, at);
            if (f < 0 || at >= t.size() || t[at] != 'k') throw Error(bad);
            ++at;
            const int k = whole_at(t, at);
            const bool same = at < t.size() && t[at] == 's';
            at += same;
            l = LayerSpec::conv(f, k, same ? Padding::Same : Padding::Valid, activation, bias);
        } else if (t[0] == 'p') {
            at = 1;
            l = LayerSpec::maxpool(whole_at(t, at));
        } else if (t[0] == 'd') {
            char* end = nullptr;
            const double r = std::strtod(t.c_str() + 1, &end);
            if (end == t.c_str() + 1 || !(r > 0.0 && r < 1.0)) throw Error(where + " '" + t + "': a dropout rate is a number between 0 and 1, e.g. d0.25");
            at = static_cast<size_t>(end - t.c_str());
            l = LayerSpec::dropout(static_cast<float>(r));
        }
        if (at != t.size() || (l.kind != LayerKind::Dropout && (l.units < 0 || l.kernel < 0))) throw Error(bad);
        if (l.kind == LayerKind::Dense && (l.units < 1 || l.units > kMaxUnits))
            throw Error(where + " '" + t + "': a dense layer has 1 to " + std::to_string(kMaxUnits) + " units");
        if (l.kind == LayerKind::Conv && (l.units < 1 || l.units > kMaxFilters))
            throw Error(where + " '" + t + "': a conv layer has 1 to " + std::to_string(kMaxFilters) + " filters");
        if (l.kind != LayerKind::Dense && l.kind != LayerKind::Dropout && (l.kernel < 1 || l.kernel > kMaxKernel))
            throw Error(where + " '" + t + "': a " + (l.kind == LayerKind::Conv ? "kernel" : "pool") + " size is 1 to " +
                        std::to_string(kMaxKernel));
        layers.push_back(l);
        if (layers.size() >= static_cast<size_t>(kMaxLayers))
            throw Error("more than " + std::to_string(kMaxLayers - 1) + " hidden layers");
    }
    if (!text.empty() && text.back() == ',') throw Error("layer item " + std::to_string(n) + " is empty; " + kAllowed);
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
const char* const kKinds[] = {"dense", "conv", "maxpool", "dropout"};
}  // namespace

Activation parse_activation(const std::string& n) { return parse<Activation>(n, kActivations, "activation"); }
const char* to_string(Activation a) { return kActivations[static_cast<int>(a)]; }
Init parse_init(const std::string& n) { return parse<Init>(n, kInits, "initializer"); }
const char* to_string(Init i) { return kInits[static_cast<int>(i)]; }
LossKind parse_loss(const std::string& n) { return parse<LossKind>(n, kLosses, "loss"); }
const char* to_string(LossKind l) { return kLosses[static_cast<int>(l)]; }
OptimizerKind parse_optimizer(const std::string& n) { return parse<OptimizerKind>(n, kOptimizers, "optimizer"); }
const char* to_string(OptimizerKind o) { return kOptimizers[static_cast<int>(o)]; }
const char* to_string(LayerKind k) { return kKinds[static_cast<int>(k)]; }

}  // namespace digitnet

#include "digitnet/spec.hpp"

#include <sstream>

namespace digitnet {

void NetworkSpec::validate() const {
    if (inputs <= 0) throw Error("network needs at least one input");
    if (layers.empty()) throw Error("network needs at least one layer");
    if (!(input_scale > 0.0f) || input_scale > 1e6f) throw Error("input scale must be a positive number");
    for (size_t i = 0; i < layers.size(); ++i) {
        const LayerSpec& l = layers[i];
        if (l.units <= 0 || l.units > 65536)
            throw Error("layer " + std::to_string(i + 1) + " must have between 1 and 65536 units");
        if (static_cast<int>(l.activation) > static_cast<int>(Activation::Softmax))
            throw Error("layer " + std::to_string(i + 1) + " has an unknown activation");
        if (l.activation == Activation::Softmax && i + 1 != layers.size())
            throw Error("softmax is only allowed on the output layer");
    }
}

void NetworkSpec::require_digit_shape() const {
    if (inputs != 784 || outputs() != 10)
        throw Error("this model takes " + std::to_string(inputs) + " inputs and gives " + std::to_string(outputs()) +
                    " outputs, but a digit reader takes 784 (28x28 pixels) and gives 10");
}

std::string NetworkSpec::describe() const {
    std::ostringstream s;
    s << inputs;
    for (const auto& l : layers) s << '-' << l.units;
    s << ' ';
    for (size_t i = 0; i < layers.size(); ++i) s << (i ? "/" : "") << to_string(layers[i].activation);
    if (!layers.empty() && !layers[0].bias) s << " (no bias)";
    return s.str();
}

NetworkSpec make_spec(const std::vector<int>& hidden, Activation hidden_act, Activation output_act, bool bias,
                      int inputs, int outputs) {
    NetworkSpec spec;
    spec.inputs = inputs;
    for (int units : hidden) spec.layers.push_back({units, hidden_act, bias});
    spec.layers.push_back({outputs, output_act, bias});
    spec.validate();
    return spec;
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
}  // namespace

Activation parse_activation(const std::string& n) { return parse<Activation>(n, kActivations, "activation"); }
const char* to_string(Activation a) { return kActivations[static_cast<int>(a)]; }
Init parse_init(const std::string& n) { return parse<Init>(n, kInits, "initializer"); }
const char* to_string(Init i) { return kInits[static_cast<int>(i)]; }
LossKind parse_loss(const std::string& n) { return parse<LossKind>(n, kLosses, "loss"); }
const char* to_string(LossKind l) { return kLosses[static_cast<int>(l)]; }
OptimizerKind parse_optimizer(const std::string& n) { return parse<OptimizerKind>(n, kOptimizers, "optimizer"); }
const char* to_string(OptimizerKind o) { return kOptimizers[static_cast<int>(o)]; }

}  // namespace digitnet

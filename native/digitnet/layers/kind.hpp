#pragma once
// What a layer kind is, part by part. Each kind has its own file in this folder
// (dense, conv, maxpool, dropout) with a struct of static members, one per part
// below; kinds.cpp lists them in LayerKind order. kind_parts<K>() names every
// part, so a kind that lacks one does not compile, and kinds.cpp checks that
// the list holds exactly kLayerKindCount kinds, each at its own index.
//
// The rest of the core (spec.cpp, network.cpp, model_file.cpp) and the export
// reach a kind only through layer_kind(k): none of them switches over kinds.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "digitnet/network.hpp"

namespace digitnet {

class Rng;

// One layer in one pass over a batch: what its forward and backward parts read.
struct LayerPass {
    const LayerSpec& spec;
    Shape in, out;      // one sample's input and output shapes
    int batch;          // B samples, one per row
    int fan_in;         // columns of W
    const float* W;     // units x fan_in (kinds with parameters)
    const float* bias;  // units, or nullptr
    Workspace& ws;      // the layer's scratch: ws.lowered[l], ws.dlowered[l], ws.switches[l]
    size_t l;
};

// The inputs the weight gradient dW = dZ^T in sums over: `rows` rows of
// fan_in floats (dZ has as many rows of units floats).
struct GradientInput {
    const float* in = nullptr;
    int64_t rows = 0;
};

// A version-2 model file record's fields (model_file.hpp), as read or to write.
struct LayerRecord {
    uint8_t activation = 0, bias = 0, padding = 0;
    uint32_t units = 0, kernel = 0;
    float rate = 0.0f;
};
// Which of them a kind uses: the others must be zero in a file.
struct RecordFields {
    bool activation, bias, padding, units, kernel, rate;
};
// For from_record: fits(v, hi, "units") is v as an int, or throws Error naming
// the layer when v is not 1..hi; refuse("...") throws Error naming the layer.
struct RecordCheck {
    std::string kind_name;  // "layer 2 (conv)"
    int fits(uint32_t v, int hi, const char* what) const;
    [[noreturn]] void refuse(const std::string& what) const;
};

// One grammar item (spec.hpp's parse_layers) as a kind reads it.
struct GrammarItem {
    const std::string& text;  // trimmed, not empty
    std::string where;        // "layer item 3"
    std::string allowed;      // "allowed: N (...), ..." every kind's forms
    Activation activation;
    bool bias;
    // "layer item 3 'x3' is not a layer; allowed: ..."
    [[noreturn]] void not_a_layer() const;
    // "layer item 3 'c0k5': " + what
    [[noreturn]] void refuse(const std::string& what) const;
    // The whole number at text[at..] (capped at 10^9; at moves past it), or -1 if there is none.
    int whole_at(size_t& at) const;
};

struct LayerKindParts {
    LayerKind kind;
    const char* name;     // "conv": model export, messages, architecture().kind
    const char* title;    // "Convolution": the page's heading
    const char* grammar;  // the grammar's forms, "cFkK (F filters of KxK), ..."
    const char* example;  // an item that tests/test_layer_kinds.cpp walks through every part
    bool has_params;      // weights (units x fan_in) and optional biases
    RecordFields record_fields;
    // The layer from its grammar item, nullopt if the item is another kind's;
    // throws Error (through item) if it is this kind's but malformed.
    std::optional<LayerSpec> (*parse)(const GrammarItem& item);
    std::string (*item)(const LayerSpec& l);  // the grammar's item, parse's inverse
    // The output shape on input `in`; throws Error starting with `name` if the
    // layer breaks a limit or does not fit on its input.
    Shape (*shape)(const LayerSpec& l, Shape in, const std::string& name);
    int64_t (*parameters)(const LayerSpec& l, Shape in);              // weights and biases
    int64_t (*fan_in)(const LayerSpec& l, Shape in);                  // inputs of one unit (columns of W); 0 without
    int64_t (*fan_out)(const LayerSpec& l);                           // outputs one input feeds (for initialization)
    double (*forward_macs)(const LayerSpec& l, Shape in, Shape out);  // one sample's multiply-adds
    // Floats (or int32 switches) the Workspace holds for one sample: in the
    // forward pass (the output and what backward keeps), and in addition for backward.
    int64_t (*forward_floats)(const LayerSpec& l, Shape in, Shape out);
    int64_t (*backward_floats)(const LayerSpec& l, Shape in, Shape out);
    // out (B x out.size()) from in (B x in.size()). With an rng: training (dropout drops).
    void (*forward)(const LayerPass& p, const float* in, float* out, Rng* rng);
    // dIn (B x in.size()) from dOut, the gradient of the layer's pre-activation output.
    void (*backward_input)(const LayerPass& p, const float* dOut, float* dIn);
    // What dW sums over, given the layer's input (kinds with parameters).
    GradientInput (*gradient_input)(const LayerPass& p, const float* in);
    LayerRecord (*to_record)(const LayerSpec& l);
    // The layer from its record, whose codes and unused fields are already checked.
    LayerSpec (*from_record)(const LayerRecord& r, const RecordCheck& check);
    // The export's kind-specific fields, each followed by a comma: "\"size\":2,".
    void (*export_fields)(std::ostream& out, const LayerSpec& l);
    // A sentence for people on what the layer does, given its input.
    std::string (*about)(const LayerSpec& l, Shape in);
    // A sentence on the pictures of a first layer's weights ("" without weights).
    const char* weights_about;
};

template <class K>
constexpr LayerKindParts kind_parts() {
    return {K::kind,
            K::name,
            K::title,
            K::grammar,
            K::example,
            K::has_params,
            K::record_fields,
            &K::parse,
            &K::item,
            &K::shape,
            &K::parameters,
            &K::fan_in,
            &K::fan_out,
            &K::forward_macs,
            &K::forward_floats,
            &K::backward_floats,
            &K::forward,
            &K::backward_input,
            &K::gradient_input,
            &K::to_record,
            &K::from_record,
            &K::export_fields,
            &K::about,
            K::weights_about};
}

// The parts of kind k, which must be a listed kind (is_layer_kind); every
// kind is layer_kind(LayerKind(i)) for i < kLayerKindCount (kinds.cpp lists them).
const LayerKindParts& layer_kind(LayerKind k);
inline bool is_layer_kind(LayerKind k) { return static_cast<int>(k) < kLayerKindCount; }

// "N (a dense layer of N units), ... or dR (dropout of rate R)"
std::string layer_grammar();

}  // namespace digitnet

// Every listed layer kind (native/digitnet/layers/), walked through each of its
// parts from its example item: a new kind is tested by being listed.
#include <catch2/catch.hpp>
#include <sstream>

#include "digitnet/layers/kind.hpp"
#include "digitnet/model_file.hpp"
#include "digitnet/rng.hpp"
#include "gradient_check.hpp"

using namespace digitnet;

namespace {
bool same_layer(const LayerSpec& a, const LayerSpec& b) {
    return a.kind == b.kind && a.units == b.units && a.kernel == b.kernel && a.padding == b.padding && a.rate == b.rate &&
           a.activation == b.activation && a.bias == b.bias;
}

// input -> a 1x1 conv (so that gradients flow into the kind's input) -> the
// kind's example -> 3 softmax outputs.
NetworkSpec around(const LayerSpec& layer) {
    return make_spec({LayerSpec::conv(2, 1, Padding::Valid, Activation::Tanh), layer}, Activation::Softmax, true, {2, 6, 6},
                     3);
}
}  // namespace

TEST_CASE("every listed layer kind: grammar, shape, counts, model file, export and gradients", "[layers][kinds]") {
    for (int k = 0; k < kLayerKindCount; ++k) {
        const LayerKindParts& kind = layer_kind(static_cast<LayerKind>(k));
        INFO("kind " << kind.name << ", example " << kind.example);
        REQUIRE(static_cast<int>(kind.kind) == k);
        REQUIRE(to_string(kind.kind) == std::string(kind.name));
        CHECK(layer_grammar().find(kind.grammar) != std::string::npos);

        // grammar: item -> parse -> the same layer, and back to the same item
        const std::vector<LayerSpec> parsed = parse_layers(kind.example, Activation::Tanh);
        REQUIRE(parsed.size() == 1);
        const LayerSpec& layer = parsed[0];
        CHECK(layer.kind == kind.kind);
        CHECK(layer.item() == kind.example);
        CHECK(same_layer(parse_layers(layer.item(), Activation::Tanh).at(0), layer));
        CHECK(layer.has_params() == kind.has_params);

        // shapes and counts, as the Network lays its parameters out
        const NetworkSpec spec = around(layer);
        const Shape in = spec.shapes()[0], out = spec.shapes()[1];
        CHECK(out == kind.shape(layer, in, "the layer"));
        CHECK(out.size() > 0);
        const Network net(spec);
        const int64_t fan_in = kind.fan_in(layer, in);
        CHECK(fan_in == net.fan_in(1));
        CHECK(kind.parameters(layer, in) == int64_t{net.units(1)} * fan_in + (layer.bias ? net.units(1) : 0));
        CHECK((kind.parameters(layer, in) > 0) == kind.has_params);
        CHECK(net.bias_offset(1) + (layer.bias ? net.units(1) : 0) == net.weight_offset(2));
        CHECK(kind.forward_macs(layer, in, out) >= 0.0);
        CHECK(kind.forward_floats(layer, in, out) >= out.size());
        CHECK(kind.backward_floats(layer, in, out) >= out.size());
        CHECK(std::string(kind.weights_about).empty() != kind.has_params);
        CHECK_FALSE(kind.about(layer, in).empty());

        // a forward pass fills the output the shape gives
        Network filled(spec);
        Rng rng(5);
        filled.initialize(Init::Xavier, rng);
        Workspace ws;
        Matrix X = Matrix::Constant(2, spec.inputs(), 0.5f);
        filled.forward(X, ws, &rng);
        CHECK(ws.A[1].cols() == out.size());
        CHECK(ws.A[1].allFinite());

        // model file: save -> load -> the same layers and parameters, saved again byte for byte
        const std::string bytes = save_model(filled);
        const Network back = load_model(bytes);
        REQUIRE(back.layer_count() == filled.layer_count());
        for (int l = 0; l < back.layer_count(); ++l) CHECK(same_layer(back.layer(l), filled.layer(l)));
        CHECK(back.params() == filled.params());
        CHECK(save_model(back) == bytes);
        // the record holds what from_record reads back
        const LayerRecord record = kind.to_record(layer);
        CHECK(same_layer(kind.from_record(record, RecordCheck{"layer 1"}), layer));

        // export: its fields, each followed by a comma
        std::ostringstream fields;
        kind.export_fields(fields, layer);
        CHECK(fields.str().size() > 2);
        CHECK(fields.str().back() == ',');

        // gradients, with a fixed dropout mask (seed 4: no max-pool window holds two
        // values closer than the check's step, where the loss has a kink)
        const testing::GradientCheck g =
            testing::check_gradient(spec, {LossKind::CrossEntropy, 1.0f}, 3, 0.0f, 4, /*dropout seed*/ 11);
        CHECK(g.max_error < 2e-4);
        CHECK(g.relative_norm < 2e-4);
    }
}

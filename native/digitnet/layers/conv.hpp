#pragma once
// The conv layer kind: "cFkK" in the grammar (F filters of K x K, no padding),
// "cFkKs" with "same" padding; stride 1 (the math: digitnet/conv.hpp).
//   W: F x (K*K*C), b: F;  out: F x OH x OW (valid: H-K+1 x W-K+1; same: H x W)
#include "digitnet/layers/kind.hpp"

namespace digitnet {

struct ConvKind {
    static constexpr LayerKind kind = LayerKind::Conv;
    static constexpr const char* name = "conv";
    static constexpr const char* title = "Convolution";
    static constexpr const char* grammar = "cFkK (F filters of KxK), cFkKs (the same, 'same' padding)";
    static constexpr const char* example = "c3k3s";
    static constexpr bool has_params = true;
    static constexpr RecordFields record_fields{true, true, true, true, true, false};
    static constexpr const char* weights_about =
        "The first layer's filters, as pictures: each slides over the image and fires where the ink "
        "matches its red pixels and avoids its blue ones, so most of them find edges and strokes of one direction. "
        "Train from scratch to watch them form.";

    static std::optional<LayerSpec> parse(const GrammarItem& item);
    static std::string item(const LayerSpec& l);
    static Shape shape(const LayerSpec& l, Shape in, const std::string& name);
    static int64_t parameters(const LayerSpec& l, Shape in);
    static int64_t fan_in(const LayerSpec& l, Shape in);  // K*K*C
    static int64_t fan_out(const LayerSpec& l);           // K*K*F
    static double forward_macs(const LayerSpec& l, Shape in, Shape out);
    static int64_t forward_floats(const LayerSpec& l, Shape in, Shape out);   // the output, the lowered input
    static int64_t backward_floats(const LayerSpec& l, Shape in, Shape out);  // their gradients
    static void forward(const LayerPass& p, const float* in, float* out, Rng* rng);
    static void backward_input(const LayerPass& p, const float* dOut, float* dIn);
    static GradientInput gradient_input(const LayerPass& p, const float* in);  // one row per output pixel
    static LayerRecord to_record(const LayerSpec& l);
    static LayerSpec from_record(const LayerRecord& r, const RecordCheck& check);
    static void export_fields(std::ostream& out, const LayerSpec& l);
    static std::string about(const LayerSpec& l, Shape in);
};

}  // namespace digitnet

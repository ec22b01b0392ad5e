#pragma once
// The dense layer kind: "N" in the grammar, N units that each read the whole
// input, flat (the math: digitnet/dense.hpp).
//   W: units x in.size(), b: units;  out: units x 1 x 1
#include "digitnet/layers/kind.hpp"

namespace digitnet {

struct DenseKind {
    static constexpr LayerKind kind = LayerKind::Dense;
    static constexpr const char* name = "dense";
    static constexpr const char* title = "Dense";
    static constexpr const char* grammar = "N (a dense layer of N units)";
    static constexpr const char* example = "5";
    static constexpr bool has_params = true;
    static constexpr RecordFields record_fields{true, true, false, true, false, false};
    static constexpr const char* weights_about =
        "The weights of the first 16 neurons, as pictures: ink on red pixels makes a neuron fire, "
        "ink on blue ones holds it back. Train from scratch to watch them form.";

    static std::optional<LayerSpec> parse(const GrammarItem& item);
    static std::string item(const LayerSpec& l);
    static Shape shape(const LayerSpec& l, Shape in, const std::string& name);
    static int64_t parameters(const LayerSpec& l, Shape in);
    static int64_t fan_in(const LayerSpec& l, Shape in);
    static int64_t fan_out(const LayerSpec& l);
    static double forward_macs(const LayerSpec& l, Shape in, Shape out);
    static int64_t forward_floats(const LayerSpec& l, Shape in, Shape out);   // the output
    static int64_t backward_floats(const LayerSpec& l, Shape in, Shape out);  // its gradient
    static void forward(const LayerPass& p, const float* in, float* out, Rng* rng);
    static void backward_input(const LayerPass& p, const float* dOut, float* dIn);
    static GradientInput gradient_input(const LayerPass& p, const float* in);  // one row per sample
    static LayerRecord to_record(const LayerSpec& l);
    static LayerSpec from_record(const LayerRecord& r, const RecordCheck& check);
    static void export_fields(std::ostream& out, const LayerSpec& l);
    static std::string about(const LayerSpec& l, Shape in);
};

}  // namespace digitnet

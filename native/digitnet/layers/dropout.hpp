#pragma once
// The dropout layer kind: "dR" in the grammar (0 < R < 1). While training it
// zeroes each value with probability R and scales the rest by 1/(1-R); when
// reading it passes its input through (the math: digitnet/dropout.hpp).
//   no parameters;  out: the input's shape
#include "digitnet/layers/kind.hpp"

namespace digitnet {

struct DropoutKind {
    static constexpr LayerKind kind = LayerKind::Dropout;
    static constexpr const char* name = "dropout";
    static constexpr const char* title = "Dropout";
    static constexpr const char* grammar = "dR (dropout of rate R)";
    static constexpr const char* example = "d0.25";
    static constexpr bool has_params = false;
    static constexpr RecordFields record_fields{false, false, false, false, false, true};
    static constexpr const char* weights_about = "";

    static std::optional<LayerSpec> parse(const GrammarItem& item);
    // "d0.25": the rate with the fewest digits (6 to 9) that read back as the same float.
    static std::string item(const LayerSpec& l);
    static Shape shape(const LayerSpec& l, Shape in, const std::string& name);
    static int64_t parameters(const LayerSpec& l, Shape in);
    static int64_t fan_in(const LayerSpec& l, Shape in);
    static int64_t fan_out(const LayerSpec& l);
    static double forward_macs(const LayerSpec& l, Shape in, Shape out);
    static int64_t forward_floats(const LayerSpec& l, Shape in, Shape out);   // the output, the mask
    static int64_t backward_floats(const LayerSpec& l, Shape in, Shape out);  // the output's gradient
    static void forward(const LayerPass& p, const float* in, float* out, Rng* rng);
    static void backward_input(const LayerPass& p, const float* dOut, float* dIn);
    static GradientInput gradient_input(const LayerPass& p, const float* in);
    static LayerRecord to_record(const LayerSpec& l);
    static LayerSpec from_record(const LayerRecord& r, const RecordCheck& check);
    static void export_fields(std::ostream& out, const LayerSpec& l);
    static std::string about(const LayerSpec& l, Shape in);
};

}  // namespace digitnet

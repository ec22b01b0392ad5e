#pragma once
// The max-pool layer kind: "pN" in the grammar, the largest value of each N x N
// window, stride N, channel by channel (the math: digitnet/pool.hpp).
//   no parameters;  out: C x H/N x W/N
#include "digitnet/layers/kind.hpp"

namespace digitnet {

struct MaxPoolKind {
    static constexpr LayerKind kind = LayerKind::MaxPool;
    static constexpr const char* name = "maxpool";
    static constexpr const char* title = "Max-pool";
    static constexpr const char* grammar = "pN (NxN max-pool)";
    static constexpr const char* example = "p2";
    static constexpr bool has_params = false;
    static constexpr RecordFields record_fields{false, false, false, false, true, false};
    static constexpr const char* weights_about = "";

    static std::optional<LayerSpec> parse(const GrammarItem& item);
    static std::string item(const LayerSpec& l);
    static Shape shape(const LayerSpec& l, Shape in, const std::string& name);
    static int64_t parameters(const LayerSpec& l, Shape in);
    static int64_t fan_in(const LayerSpec& l, Shape in);
    static int64_t fan_out(const LayerSpec& l);
    static double forward_macs(const LayerSpec& l, Shape in, Shape out);
    static int64_t forward_floats(const LayerSpec& l, Shape in, Shape out);   // the output, its switches
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

#include "digitnet/layers/dropout.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "digitnet/dropout.hpp"

namespace digitnet {

namespace {
// The rate as the grammar reads it: a number, then rounded to a float.
bool read_rate(const char* text, const char** end, float& rate) {
    char* stop = nullptr;
    const double r = std::strtod(text, &stop);
    *end = stop;
    rate = static_cast<float>(r);
    return stop != text && r > 0.0 && r < 1.0;
}
}  // namespace

std::optional<LayerSpec> DropoutKind::parse(const GrammarItem& item) {
    if (item.text[0] != 'd') return std::nullopt;
    const char* end = nullptr;
    float rate = 0.0f;
    if (!read_rate(item.text.c_str() + 1, &end, rate)) item.refuse("a dropout rate is a number between 0 and 1, e.g. d0.25");
    if (end != item.text.c_str() + item.text.size()) item.not_a_layer();
    return LayerSpec::dropout(rate);
}

std::string DropoutKind::item(const LayerSpec& l) {
    char text[32];
    for (int digits = 6; digits <= 9; ++digits) {
        std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(l.rate));
        const char* end = nullptr;
        float back = 0.0f;
        read_rate(text, &end, back);
        if (back == l.rate) break;  // 9 digits always read back
    }
    return "d" + std::string(text);
}

Shape DropoutKind::shape(const LayerSpec& l, Shape in, const std::string& name) {
    if (!(l.rate > 0.0f && l.rate < 1.0f)) throw Error(name + " needs a dropout rate between 0 and 1");
    return in;
}

int64_t DropoutKind::parameters(const LayerSpec&, Shape) { return 0; }
int64_t DropoutKind::fan_in(const LayerSpec&, Shape) { return 0; }
int64_t DropoutKind::fan_out(const LayerSpec&) { return 0; }
double DropoutKind::forward_macs(const LayerSpec&, Shape, Shape) { return 0.0; }
int64_t DropoutKind::forward_floats(const LayerSpec&, Shape, Shape out) { return 2 * out.size(); }
int64_t DropoutKind::backward_floats(const LayerSpec&, Shape, Shape out) { return out.size(); }

void DropoutKind::forward(const LayerPass& p, const float* in, float* out, Rng* rng) {
    Matrix& mask = p.ws.lowered[p.l];
    mask.resize(p.batch, static_cast<Eigen::Index>(p.out.size()));
    dropout_forward(in, p.batch * p.out.size(), p.spec.rate, rng, mask.data(), out);
}

void DropoutKind::backward_input(const LayerPass& p, const float* dOut, float* dIn) {
    dropout_backward(dOut, p.ws.lowered[p.l].data(), p.batch * p.out.size(), dIn);
}

GradientInput DropoutKind::gradient_input(const LayerPass&, const float*) { return {}; }

LayerRecord DropoutKind::to_record(const LayerSpec& l) {
    LayerRecord r;
    r.rate = l.rate;
    return r;
}

LayerSpec DropoutKind::from_record(const LayerRecord& r, const RecordCheck& check) {
    if (!(r.rate > 0.0f && r.rate < 1.0f)) check.refuse("the rate " + std::to_string(r.rate) + ", not between 0 and 1");
    return LayerSpec::dropout(r.rate);
}

void DropoutKind::export_fields(std::ostream& out, const LayerSpec& l) { out << "\"rate\":" << l.rate << ","; }

std::string DropoutKind::about(const LayerSpec& l, Shape) {
    const long percent = static_cast<long>(std::floor(static_cast<double>(l.rate) * 100 + 0.5));  // as Math.round
    return "While training, " + std::to_string(percent) + "% of these values are dropped at random; when reading, all pass.";
}

}  // namespace digitnet

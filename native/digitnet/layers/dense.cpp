#include "digitnet/layers/dense.hpp"

#include "digitnet/dense.hpp"

namespace digitnet {

std::optional<LayerSpec> DenseKind::parse(const GrammarItem& item) {
    if (item.text[0] < '0' || item.text[0] > '9') return std::nullopt;
    size_t at = 0;
    const int units = item.whole_at(at);
    if (at != item.text.size()) item.not_a_layer();
    if (units < 1 || units > kMaxUnits) item.refuse("a dense layer has 1 to " + std::to_string(kMaxUnits) + " units");
    return LayerSpec::dense(units, item.activation, item.bias);
}

std::string DenseKind::item(const LayerSpec& l) { return std::to_string(l.units); }

Shape DenseKind::shape(const LayerSpec& l, Shape, const std::string& name) {
    if (l.units < 1 || l.units > kMaxUnits)
        throw Error(name + " must have between 1 and " + std::to_string(kMaxUnits) + " units");
    return {l.units, 1, 1};
}

int64_t DenseKind::parameters(const LayerSpec& l, Shape in) { return l.units * in.size() + (l.bias ? l.units : 0); }
int64_t DenseKind::fan_in(const LayerSpec&, Shape in) { return in.size(); }
int64_t DenseKind::fan_out(const LayerSpec& l) { return l.units; }
double DenseKind::forward_macs(const LayerSpec& l, Shape in, Shape) {
    return static_cast<double>(l.units) * static_cast<double>(in.size());
}
int64_t DenseKind::forward_floats(const LayerSpec&, Shape, Shape out) { return out.size(); }
int64_t DenseKind::backward_floats(const LayerSpec&, Shape, Shape out) { return out.size(); }

void DenseKind::forward(const LayerPass& p, const float* in, float* out, Rng*) {
    dense_forward(in, p.batch, p.fan_in, p.W, p.bias, p.spec.units, p.spec.activation, out);
}

void DenseKind::backward_input(const LayerPass& p, const float* dOut, float* dIn) {
    dense_backward_input(dOut, p.batch, p.spec.units, p.W, p.fan_in, dIn);
}

GradientInput DenseKind::gradient_input(const LayerPass& p, const float* in) { return {in, p.batch}; }

LayerRecord DenseKind::to_record(const LayerSpec& l) {
    LayerRecord r;
    r.activation = static_cast<uint8_t>(l.activation), r.bias = l.bias, r.units = static_cast<uint32_t>(l.units);
    return r;
}

LayerSpec DenseKind::from_record(const LayerRecord& r, const RecordCheck& check) {
    return LayerSpec::dense(check.fits(r.units, kMaxUnits, "units"), static_cast<Activation>(r.activation), r.bias == 1);
}

void DenseKind::export_fields(std::ostream& out, const LayerSpec& l) { out << "\"units\":" << l.units << ","; }

std::string DenseKind::about(const LayerSpec& l, Shape) {
    return std::to_string(l.units) + " units, each weighing every value of the layer before.";
}

}  // namespace digitnet

#include "digitnet/layers/maxpool.hpp"

#include "digitnet/pool.hpp"

namespace digitnet {

std::optional<LayerSpec> MaxPoolKind::parse(const GrammarItem& item) {
    if (item.text[0] != 'p') return std::nullopt;
    size_t at = 1;
    const int size = item.whole_at(at);
    if (at != item.text.size() || size < 0) item.not_a_layer();
    if (size < 1 || size > kMaxKernel) item.refuse("a pool size is 1 to " + std::to_string(kMaxKernel));
    return LayerSpec::maxpool(size);
}

std::string MaxPoolKind::item(const LayerSpec& l) { return "p" + std::to_string(l.kernel); }

Shape MaxPoolKind::shape(const LayerSpec& l, Shape in, const std::string& name) {
    const int n = l.kernel;
    if (n < 1 || n > kMaxKernel) throw Error(name + " needs a pool size from 1 to " + std::to_string(kMaxKernel));
    if (n > in.height || n > in.width)
        throw Error(name + ": a " + std::to_string(n) + "x" + std::to_string(n) + " pool does not fit on its " +
                    std::to_string(in.height) + "x" + std::to_string(in.width) + " input map");
    return {in.channels, in.height / n, in.width / n};
}

int64_t MaxPoolKind::parameters(const LayerSpec&, Shape) { return 0; }
int64_t MaxPoolKind::fan_in(const LayerSpec&, Shape) { return 0; }
int64_t MaxPoolKind::fan_out(const LayerSpec&) { return 0; }
double MaxPoolKind::forward_macs(const LayerSpec&, Shape, Shape) { return 0.0; }
int64_t MaxPoolKind::forward_floats(const LayerSpec&, Shape, Shape out) { return 2 * out.size(); }
int64_t MaxPoolKind::backward_floats(const LayerSpec&, Shape, Shape out) { return out.size(); }

void MaxPoolKind::forward(const LayerPass& p, const float* in, float* out, Rng*) {
    std::vector<int32_t>& switches = p.ws.switches[p.l];
    switches.resize(static_cast<size_t>(p.batch * p.out.size()));
    maxpool_forward(in, p.batch, p.in, p.spec.kernel, p.out, out, switches.data());
}

void MaxPoolKind::backward_input(const LayerPass& p, const float* dOut, float* dIn) {
    maxpool_backward(dOut, p.batch, p.in, p.out, p.ws.switches[p.l].data(), dIn);
}

GradientInput MaxPoolKind::gradient_input(const LayerPass&, const float*) { return {}; }

LayerRecord MaxPoolKind::to_record(const LayerSpec& l) {
    LayerRecord r;
    r.kernel = static_cast<uint32_t>(l.kernel);
    return r;
}

LayerSpec MaxPoolKind::from_record(const LayerRecord& r, const RecordCheck& check) {
    return LayerSpec::maxpool(check.fits(r.kernel, kMaxKernel, "as pool size"));
}

void MaxPoolKind::export_fields(std::ostream& out, const LayerSpec& l) { out << "\"size\":" << l.kernel << ","; }

std::string MaxPoolKind::about(const LayerSpec& l, Shape) {
    const std::string n = std::to_string(l.kernel);
    return "Each " + n + "\u00d7" + n +
           " square is replaced by its largest value: the maps shrink, and a shift by a pixel matters less.";
}

}  // namespace digitnet

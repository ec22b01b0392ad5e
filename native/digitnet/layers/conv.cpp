#include "digitnet/layers/conv.hpp"

#include "digitnet/conv.hpp"

namespace digitnet {

std::optional<LayerSpec> ConvKind::parse(const GrammarItem& item) {
    const std::string& t = item.text;
    if (t[0] != 'c') return std::nullopt;
    size_t at = 1;
    const int filters = item.whole_at(at);
    if (filters < 0 || at >= t.size() || t[at] != 'k') item.not_a_layer();
    ++at;
    const int kernel = item.whole_at(at);
    const bool same = at < t.size() && t[at] == 's';
    at += same;
    if (at != t.size() || kernel < 0) item.not_a_layer();
    if (filters < 1 || filters > kMaxFilters)
        item.refuse("a conv layer has 1 to " + std::to_string(kMaxFilters) + " filters");
    if (kernel < 1 || kernel > kMaxKernel) item.refuse("a kernel size is 1 to " + std::to_string(kMaxKernel));
    return LayerSpec::conv(filters, kernel, same ? Padding::Same : Padding::Valid, item.activation, item.bias);
}

std::string ConvKind::item(const LayerSpec& l) {
    return "c" + std::to_string(l.units) + "k" + std::to_string(l.kernel) + (l.padding == Padding::Same ? "s" : "");
}

Shape ConvKind::shape(const LayerSpec& l, Shape in, const std::string& name) {
    if (l.units < 1 || l.units > kMaxFilters)
        throw Error(name + " must have between 1 and " + std::to_string(kMaxFilters) + " filters");
    if (l.kernel < 1 || l.kernel > kMaxKernel)
        throw Error(name + " needs a kernel size from 1 to " + std::to_string(kMaxKernel));
    if (l.padding != Padding::Valid && l.padding != Padding::Same) throw Error(name + " has an unknown padding");
    const int k = l.kernel;
    if (l.padding == Padding::Valid && (k > in.height || k > in.width))
        throw Error(name + ": a " + std::to_string(k) + "x" + std::to_string(k) + " conv does not fit on its " +
                    std::to_string(in.height) + "x" + std::to_string(in.width) +
                    " input map; use a smaller kernel, fewer pooling layers or 'same' padding (c" + std::to_string(l.units) +
                    "k" + std::to_string(k) + "s)");
    return l.padding == Padding::Same ? Shape{l.units, in.height, in.width}
                                      : Shape{l.units, in.height - k + 1, in.width - k + 1};
}

int64_t ConvKind::parameters(const LayerSpec& l, Shape in) {
    return int64_t{l.units} * l.kernel * l.kernel * in.channels + (l.bias ? l.units : 0);
}
int64_t ConvKind::fan_in(const LayerSpec& l, Shape in) { return int64_t{l.kernel} * l.kernel * in.channels; }
int64_t ConvKind::fan_out(const LayerSpec& l) { return int64_t{l.units} * l.kernel * l.kernel; }
double ConvKind::forward_macs(const LayerSpec& l, Shape in, Shape out) {
    return static_cast<double>(out.size()) * l.kernel * l.kernel * in.channels;
}
int64_t ConvKind::forward_floats(const LayerSpec& l, Shape in, Shape out) {
    return out.size() + int64_t{out.height} * out.width * l.kernel * l.kernel * in.channels;
}
int64_t ConvKind::backward_floats(const LayerSpec& l, Shape in, Shape out) { return forward_floats(l, in, out); }

void ConvKind::forward(const LayerPass& p, const float* in, float* out, Rng*) {
    const ConvGeometry g(p.in, p.spec, p.out);
    Matrix& lowered = p.ws.lowered[p.l];
    lowered.resize(int64_t{p.batch} * g.pixels(), g.patch());
    conv_forward(in, p.batch, g, p.W, p.bias, p.spec.activation, lowered.data(), out);
}

void ConvKind::backward_input(const LayerPass& p, const float* dOut, float* dIn) {
    const ConvGeometry g(p.in, p.spec, p.out);
    Matrix& dlowered = p.ws.dlowered[p.l];
    dlowered.resize(int64_t{p.batch} * g.pixels(), g.patch());
    conv_backward_input(dOut, p.batch, g, p.W, dlowered.data(), dIn);
}

GradientInput ConvKind::gradient_input(const LayerPass& p, const float*) {
    return {p.ws.lowered[p.l].data(), int64_t{p.batch} * p.out.height * p.out.width};
}

LayerRecord ConvKind::to_record(const LayerSpec& l) {
    LayerRecord r;
    r.activation = static_cast<uint8_t>(l.activation), r.bias = l.bias, r.padding = static_cast<uint8_t>(l.padding);
    r.units = static_cast<uint32_t>(l.units), r.kernel = static_cast<uint32_t>(l.kernel);
    return r;
}

LayerSpec ConvKind::from_record(const LayerRecord& r, const RecordCheck& check) {
    return LayerSpec::conv(check.fits(r.units, kMaxFilters, "filters"), check.fits(r.kernel, kMaxKernel, "as kernel size"),
                           static_cast<Padding>(r.padding), static_cast<Activation>(r.activation), r.bias == 1);
}

void ConvKind::export_fields(std::ostream& out, const LayerSpec& l) {
    out << "\"filters\":" << l.units << ",\"kernel\":" << l.kernel << ",\"padding\":\""
        << (l.padding == Padding::Same ? "same" : "valid") << "\",";
}

std::string ConvKind::about(const LayerSpec& l, Shape in) {
    const std::string k = std::to_string(l.kernel), square = k + "\u00d7" + k;
    if (in.channels == 1)
        return std::to_string(l.units) + " filters of " + square +
               " pixels slide over the image; each map lights up where its filter finds its pattern.";
    return std::to_string(l.units) + " filters slide over all " + std::to_string(in.channels) + " maps at once, " + square +
           " pixels of each: they find patterns of patterns, such as curves and corners.";
}

}  // namespace digitnet

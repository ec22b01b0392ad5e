// The one list of layer kinds, and what the kinds share.
#include <algorithm>
#include <iterator>

#include "digitnet/layers/conv.hpp"
#include "digitnet/layers/dense.hpp"
#include "digitnet/layers/dropout.hpp"
#include "digitnet/layers/kind.hpp"
#include "digitnet/layers/maxpool.hpp"

namespace digitnet {

namespace {
constexpr LayerKindParts kLayerKinds[] = {
    kind_parts<DenseKind>(),
    kind_parts<ConvKind>(),
    kind_parts<MaxPoolKind>(),
    kind_parts<DropoutKind>(),
};
static_assert(std::size(kLayerKinds) == kLayerKindCount, "list every LayerKind here, once");

constexpr bool listed_in_order() {
    for (size_t i = 0; i < std::size(kLayerKinds); ++i)
        if (static_cast<size_t>(kLayerKinds[i].kind) != i) return false;
    return true;
}
static_assert(listed_in_order(), "kLayerKinds[i] must be the kind LayerKind(i)");
}  // namespace

const LayerKindParts& layer_kind(LayerKind k) { return kLayerKinds[static_cast<size_t>(k)]; }

std::string layer_grammar() {
    std::string s;
    for (size_t i = 0; i < std::size(kLayerKinds); ++i)
        s += (i == 0 ? "" : i + 1 == std::size(kLayerKinds) ? " or " : ", ") + std::string(kLayerKinds[i].grammar);
    return s;
}

void GrammarItem::not_a_layer() const { throw Error(where + " '" + text + "' is not a layer; " + allowed); }

void GrammarItem::refuse(const std::string& what) const { throw Error(where + " '" + text + "': " + what); }

int GrammarItem::whole_at(size_t& at) const {
    int64_t v = -1;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at)
        v = std::min<int64_t>(std::max<int64_t>(v, 0) * 10 + (text[at] - '0'), 1'000'000'000);
    return static_cast<int>(v);
}

int RecordCheck::fits(uint32_t v, int hi, const char* what) const {
    if (v == 0 || v > static_cast<uint32_t>(hi))
        throw Error("the model file says " + kind_name + " has " + std::to_string(v) + " " + what + ", which is not 1.." +
                    std::to_string(hi));
    return static_cast<int>(v);
}

void RecordCheck::refuse(const std::string& what) const { throw Error("the model file gives " + kind_name + " " + what); }

}  // namespace digitnet

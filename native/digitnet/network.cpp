#include "digitnet/network.hpp"

#include "digitnet/activation.hpp"
#include "digitnet/init.hpp"
#include "digitnet/layers/kind.hpp"
#include "digitnet/products.hpp"

namespace digitnet {

Network::Network(NetworkSpec spec) : spec_(std::move(spec)) {
    spec_.validate();
    shapes_ = spec_.shapes();
    size_t n = 0;
    for (int l = 0; l < layer_count(); ++l) {
        offsets_.push_back(n);
        n += static_cast<size_t>(units(l)) * fan_in(l) + (layer(l).bias ? units(l) : 0);
    }
    params_.assign(n, 0.0f);
}

int Network::fan_in(int l) const { return static_cast<int>(layer_kind(layer(l).kind).fan_in(layer(l), in_shape(l))); }

MatrixMap Network::weights(int l, float* buffer) const { return MatrixMap(buffer + weight_offset(l), units(l), fan_in(l)); }

ConstMatrixMap Network::weights(int l) const {
    return ConstMatrixMap(params_.data() + weight_offset(l), units(l), fan_in(l));
}

LayerPass Network::pass(int l, int batch, Workspace& ws) const {
    return {layer(l), in_shape(l), out_shape(l),          batch, fan_in(l), params_.data() + weight_offset(l),
            bias(l),  ws,          static_cast<size_t>(l)};
}

int Network::layer_of_param(size_t i) const {
    int found = 0;
    for (int l = 0; l < layer_count(); ++l)
        if (layer(l).has_params() && weight_offset(l) <= i) found = l;
    return found;
}

void Network::initialize(Init scheme, Rng& rng) {
    for (int l = 0; l < layer_count(); ++l) {
        const LayerSpec& s = layer(l);
        if (!s.has_params()) continue;
        const float fan_out = static_cast<float>(layer_kind(s.kind).fan_out(s));
        initialize_layer(scheme, static_cast<float>(fan_in(l)), fan_out, params_.data() + weight_offset(l),
                         static_cast<size_t>(units(l)) * fan_in(l), params_.data() + bias_offset(l),
                         s.bias ? static_cast<size_t>(units(l)) : 0, rng);
    }
}

const Matrix& Network::forward(const Matrix& X, Workspace& ws, Rng* dropout) const {
    const int L = layer_count(), B = static_cast<int>(X.rows());
    for (auto* v : {&ws.A, &ws.dZ, &ws.lowered, &ws.dlowered}) v->resize(static_cast<size_t>(L));
    ws.switches.resize(static_cast<size_t>(L));
    const float* in = X.data();
    for (int l = 0; l < L; ++l) {
        const size_t i = static_cast<size_t>(l);
        const LayerSpec& s = layer(l);
        Matrix& A = ws.A[i];
        A.resize(B, static_cast<Eigen::Index>(out_shape(l).size()));
        layer_kind(s.kind).forward(pass(l, B, ws), in, A.data(), dropout);
        in = A.data();
    }
    return ws.A.back();
}

// Walks the layers from the last to the first. For each layer l, dL/dA_{l-1}
// is taken from dZ_l (and turned into dZ_{l-1}) before the parameter gradient
// `use(l, dZ, in, rows)` runs, so `use` may change W_l. For use, dZ is rows x
// units and in rows x fan_in: one row per sample (dense) or per output pixel
// of every sample (conv, whose `in` is the lowered input). At layer 0, dL/dX
// (B x inputs) goes into dX when it is given.
template <class Use>
void Network::backward_layers(const Matrix& X, Workspace& ws, Matrix* dX, Use use) const {
    const int B = static_cast<int>(X.rows());
    for (int l = layer_count() - 1; l >= 0; --l) {
        const size_t i = static_cast<size_t>(l);
        const LayerKindParts& kind = layer_kind(layer(l).kind);
        const LayerPass p = pass(l, B, ws);
        const float* dZ = ws.dZ[i].data();  // B x output size
        if (l > 0) {
            Matrix& dA = ws.dZ[i - 1];
            dA.resize(B, static_cast<Eigen::Index>(p.in.size()));
            kind.backward_input(p, dZ, dA.data());
            const Matrix& A = ws.A[i - 1];
            activation_backward(layer(l - 1).activation, ConstMatrixMap(A.data(), A.rows(), A.cols()),
                                MatrixMap(dA.data(), dA.rows(), dA.cols()));
        } else if (dX) {
            dX->resize(B, X.cols());  // X has no activation: dL/dX is the layer's input gradient
            kind.backward_input(p, dZ, dX->data());
        }
        if (kind.has_params) {
            const GradientInput g = kind.gradient_input(p, l == 0 ? X.data() : ws.A[i - 1].data());
            use(l, dZ, g.in, static_cast<int>(g.rows));
        }
    }
}

void Network::backward(const Matrix& X, Workspace& ws, float* grad, float weight_decay) const {
    backward_layers(X, ws, nullptr, [&](int l, const float* dZ, const float* in, int rows) {
        add_weight_product(dZ, in, grad + weight_offset(l), rows, units(l), fan_in(l), 1.0f, false);  // dZ^T in
        if (weight_decay != 0.0f) weights(l, grad) += weight_decay * weights(l);
        if (layer(l).bias) VectorMap(grad + bias_offset(l), units(l)) = ConstMatrixMap(dZ, rows, units(l)).colwise().sum();
    });
}

void Network::sgd_backward(const Matrix& X, Workspace& ws, float learning_rate, float weight_decay) {
    backward_layers(X, ws, nullptr, [&](int l, const float* dZ, const float* in, int rows) {
        MatrixMap W = weights(l);
        if (weight_decay != 0.0f) W *= 1.0f - learning_rate * weight_decay;
        // the product accumulates straight into W
        add_weight_product(dZ, in, W.data(), rows, units(l), fan_in(l), -learning_rate, true);
        if (layer(l).bias)
            VectorMap(params_.data() + bias_offset(l), units(l)) -=
                learning_rate * ConstMatrixMap(dZ, rows, units(l)).colwise().sum();
    });
}

void Network::input_gradient(const Matrix& X, Workspace& ws, Matrix& dX) const {
    backward_layers(X, ws, &dX, [](int, const float*, const float*, int) {});  // no parameter gradient
}

}  // namespace digitnet

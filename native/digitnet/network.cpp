#include "digitnet/network.hpp"

#include "digitnet/activation.hpp"
#include "digitnet/conv.hpp"
#include "digitnet/dense.hpp"
#include "digitnet/dropout.hpp"
#include "digitnet/init.hpp"
#include "digitnet/pool.hpp"
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

int Network::fan_in(int l) const {
    const LayerSpec& s = layer(l);
    if (s.kind == LayerKind::Dense) return static_cast<int>(in_shape(l).size());
    if (s.kind == LayerKind::Conv) return s.kernel * s.kernel * in_shape(l).channels;
    return 0;
}

MatrixMap Network::weights(int l, float* buffer) const { return MatrixMap(buffer + weight_offset(l), units(l), fan_in(l)); }

ConstMatrixMap Network::weights(int l) const {
    return ConstMatrixMap(params_.data() + weight_offset(l), units(l), fan_in(l));
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
        const float fan_out = static_cast<float>(s.kind == LayerKind::Conv ? s.units * s.kernel * s.kernel : s.units);
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
        const Shape is = in_shape(l), os = out_shape(l);
        Matrix& A = ws.A[i];
        A.resize(B, static_cast<Eigen::Index>(os.size()));
        const float* W = params_.data() + weight_offset(l);
        switch (s.kind) {
            case LayerKind::Dense: dense_forward(in, B, fan_in(l), W, bias(l), s.units, s.activation, A.data()); break;
            case LayerKind::Conv: {
                const ConvGeometry g(is, s, os);
                ws.lowered[i].resize(int64_t{B} * g.pixels(), g.patch());
                conv_forward(in, B, g, W, bias(l), s.activation, ws.lowered[i].data(), A.data());
                break;
            }
            case LayerKind::MaxPool:
                ws.switches[i].resize(static_cast<size_t>(B * os.size()));
                maxpool_forward(in, B, is, s.kernel, os, A.data(), ws.switches[i].data());
                break;
            case LayerKind::Dropout:
                ws.lowered[i].resize(B, static_cast<Eigen::Index>(os.size()));
                dropout_forward(in, B * os.size(), s.rate, dropout, ws.lowered[i].data(), A.data());
                break;
        }
        in = A.data();
    }
    return ws.A.back();
}

// Walks the layers from the last to the first. For each layer l, dL/dA_{l-1}
// is taken from dZ_l (and turned into dZ_{l-1}) before the parameter gradient
// `use(l, dZ, in, rows)` runs, so `use` may change W_l. For use, dZ is rows x
// units and in rows x fan_in: one row per sample (dense) or per output pixel
// of every sample (conv, whose `in` is the lowered input).
template <class Use>
void Network::backward_layers(const Matrix& X, Workspace& ws, Use use) const {
    const int B = static_cast<int>(X.rows());
    for (int l = layer_count() - 1; l >= 0; --l) {
        const size_t i = static_cast<size_t>(l);
        const LayerSpec& s = layer(l);
        const Shape is = in_shape(l), os = out_shape(l);
        const float* dZ = ws.dZ[i].data();  // B x output size
        const float* W = params_.data() + weight_offset(l);
        if (l > 0) {
            Matrix& dA = ws.dZ[i - 1];
            dA.resize(B, static_cast<Eigen::Index>(is.size()));
            switch (s.kind) {
                case LayerKind::Dense: dense_backward_input(dZ, B, s.units, W, fan_in(l), dA.data()); break;
                case LayerKind::Conv: {
                    const ConvGeometry g(is, s, os);
                    ws.dlowered[i].resize(int64_t{B} * g.pixels(), g.patch());
                    conv_backward_input(dZ, B, g, W, ws.dlowered[i].data(), dA.data());
                    break;
                }
                case LayerKind::MaxPool: maxpool_backward(dZ, B, is, os, ws.switches[i].data(), dA.data()); break;
                case LayerKind::Dropout: dropout_backward(dZ, ws.lowered[i].data(), B * os.size(), dA.data()); break;
            }
            const Matrix& A = ws.A[i - 1];
            activation_backward(layer(l - 1).activation, ConstMatrixMap(A.data(), A.rows(), A.cols()),
                                MatrixMap(dA.data(), dA.rows(), dA.cols()));
        }
        if (s.kind == LayerKind::Dense) use(l, dZ, l == 0 ? X.data() : ws.A[i - 1].data(), B);
        if (s.kind == LayerKind::Conv) use(l, dZ, ws.lowered[i].data(), B * os.height * os.width);
    }
}

void Network::backward(const Matrix& X, Workspace& ws, float* grad, float weight_decay) const {
    backward_layers(X, ws, [&](int l, const float* dZ, const float* in, int rows) {
        add_weight_product(dZ, in, grad + weight_offset(l), rows, units(l), fan_in(l), 1.0f, false);  // dZ^T in
        if (weight_decay != 0.0f) weights(l, grad) += weight_decay * weights(l);
        if (layer(l).bias) VectorMap(grad + bias_offset(l), units(l)) = ConstMatrixMap(dZ, rows, units(l)).colwise().sum();
    });
}

void Network::sgd_backward(const Matrix& X, Workspace& ws, float learning_rate, float weight_decay) {
    backward_layers(X, ws, [&](int l, const float* dZ, const float* in, int rows) {
        MatrixMap W = weights(l);
        if (weight_decay != 0.0f) W *= 1.0f - learning_rate * weight_decay;
        // the product accumulates straight into W
        add_weight_product(dZ, in, W.data(), rows, units(l), fan_in(l), -learning_rate, true);
        if (layer(l).bias)
            VectorMap(params_.data() + bias_offset(l), units(l)) -=
                learning_rate * ConstMatrixMap(dZ, rows, units(l)).colwise().sum();
    });
}

}  // namespace digitnet

#include "digitnet/network.hpp"

#include <cmath>

#include "digitnet/kernels_wasm.hpp"
#include "digitnet/rng.hpp"

namespace digitnet {

namespace {
// out = in W^T (B x units): the forward product.
void multiply_by_transpose(const Matrix& in, const ConstMatrixMap& W, Matrix& out) {
#ifdef DIGITNET_WASM_KERNELS
    kernels::multiply_transposed(in.data(), W.data(), out.data(), static_cast<int>(in.rows()),
                                 static_cast<int>(W.rows()), static_cast<int>(W.cols()));
#else
    out.noalias() = in * W.transpose();
#endif
}

// G = alpha dZ^T in (units x fan_in), or G += that when accumulating: a weight
// gradient, or an SGD step straight on the weights.
void add_weight_product(const Matrix& dZ, const Matrix& in, float alpha, bool accumulate, MatrixMap G) {
#ifdef DIGITNET_WASM_KERNELS
    kernels::add_transposed_product(dZ.data(), in.data(), G.data(), static_cast<int>(dZ.rows()),
                                    static_cast<int>(dZ.cols()), static_cast<int>(in.cols()), alpha, accumulate);
#else
    const auto add = [&](const auto& product) {
        if (accumulate)
            G.noalias() += product;
        else
            G.noalias() = product;
    };
    if (dZ.rows() == 1)  // one sample: an outer product, without the matrix-product machinery
        add((alpha * dZ.row(0).transpose()) * in.row(0));
    else
        add(alpha * (dZ.transpose() * in));
#endif
}
}  // namespace

Network::Network(NetworkSpec spec) : spec_(std::move(spec)) {
    spec_.validate();
    size_t n = 0;
    for (int l = 0; l < layer_count(); ++l) {
        offsets_.push_back(n);
        n += static_cast<size_t>(units(l)) * fan_in(l) + (spec_.layers[l].bias ? units(l) : 0);
    }
    params_.assign(n, 0.0f);
}

MatrixMap Network::weights(int l, float* buffer) const {
    return MatrixMap(buffer + offsets_[l], units(l), fan_in(l));
}

ConstMatrixMap Network::weights(int l) const {
    return ConstMatrixMap(params_.data() + offsets_[l], units(l), fan_in(l));
}

void Network::initialize(Init scheme, Rng& rng) {
    for (int l = 0; l < layer_count(); ++l) {
        const float in = static_cast<float>(fan_in(l)), out = static_cast<float>(units(l));
        float* w = params_.data() + weight_offset(l);
        const size_t nw = static_cast<size_t>(units(l)) * fan_in(l);
        float* b = params_.data() + bias_offset(l);
        const size_t nb = spec_.layers[l].bias ? static_cast<size_t>(units(l)) : 0;
        switch (scheme) {
            case Init::Normal:
                for (size_t i = 0; i < nw; ++i) w[i] = rng.normal();
                for (size_t i = 0; i < nb; ++i) b[i] = rng.normal();
                break;
            case Init::NormalFanIn: {
                const float sd = 1.0f / std::sqrt(in);
                for (size_t i = 0; i < nw; ++i) w[i] = sd * rng.normal();
                for (size_t i = 0; i < nb; ++i) b[i] = rng.normal();
                break;
            }
            case Init::Uniform:
                for (size_t i = 0; i < nw; ++i) w[i] = rng.uniform(-0.5f, 0.5f);
                for (size_t i = 0; i < nb; ++i) b[i] = rng.uniform(-0.5f, 0.5f);
                break;
            case Init::UniformFan: {
                const float k = 1.0f / std::sqrt(in * out);
                for (size_t i = 0; i < nw; ++i) w[i] = k * rng.uniform(-1.0f, 1.0f);
                for (size_t i = 0; i < nb; ++i) b[i] = 0.0f;
                break;
            }
            case Init::He: {
                const float sd = std::sqrt(2.0f / in);
                for (size_t i = 0; i < nw; ++i) w[i] = sd * rng.normal();
                for (size_t i = 0; i < nb; ++i) b[i] = 0.0f;
                break;
            }
            case Init::Xavier: {
                const float r = std::sqrt(6.0f / (in + out));
                for (size_t i = 0; i < nw; ++i) w[i] = rng.uniform(-r, r);
                for (size_t i = 0; i < nb; ++i) b[i] = 0.0f;
                break;
            }
        }
    }
}

const Matrix& Network::forward(const Matrix& X, Workspace& ws) const {
    const int L = layer_count();
    ws.A.resize(static_cast<size_t>(L));
    ws.dZ.resize(static_cast<size_t>(L));
    const Matrix* in = &X;
    for (int l = 0; l < L; ++l) {
        Matrix& A = ws.A[static_cast<size_t>(l)];
        A.resize(X.rows(), units(l));
        multiply_by_transpose(*in, weights(l), A);  // (B x fan_in)(fan_in x units)
        const float* b = spec_.layers[l].bias ? params_.data() + bias_offset(l) : nullptr;
        bias_activate(spec_.layers[l].activation, b, A);
        in = &A;
    }
    return ws.A.back();
}

// Walks the layers from the last to the first. For each layer l, dL/dA_{l-1} =
// dZ_l W_l is taken (and turned into dZ_{l-1}) before `use(l, dZ_l, A_{l-1})`
// runs, so `use` may change W_l.
template <class Use>
void Network::backward_layers(const Matrix& X, Workspace& ws, Use use) const {
    for (int l = layer_count() - 1; l >= 0; --l) {
        const Matrix& dZ = ws.dZ[static_cast<size_t>(l)];  // B x units
        const Matrix& in = l == 0 ? X : ws.A[static_cast<size_t>(l - 1)];
        if (l > 0) {
            Matrix& dA = ws.dZ[static_cast<size_t>(l - 1)];
            dA.resize(dZ.rows(), fan_in(l));
            dA.noalias() = dZ * weights(l);  // dL/dA_{l-1} = dZ W   (B x fan_in)
            activation_backward(spec_.layers[l - 1].activation, ws.A[static_cast<size_t>(l - 1)], dA);
        }
        use(l, dZ, in);
    }
}

void Network::backward(const Matrix& X, Workspace& ws, float* grad, float weight_decay) const {
    backward_layers(X, ws, [&](int l, const Matrix& dZ, const Matrix& in) {
        MatrixMap dW = weights(l, grad);
        add_weight_product(dZ, in, 1.0f, false, dW);  // dL/dW = dZ^T A_{l-1}   (units x fan_in)
        if (weight_decay != 0.0f) dW += weight_decay * weights(l);
        if (spec_.layers[l].bias) VectorMap(grad + bias_offset(l), units(l)) = dZ.colwise().sum();
    });
}

void Network::sgd_backward(const Matrix& X, Workspace& ws, float learning_rate, float weight_decay) {
    backward_layers(X, ws, [&](int l, const Matrix& dZ, const Matrix& in) {
        MatrixMap W = weights(l);
        if (weight_decay != 0.0f) W *= 1.0f - learning_rate * weight_decay;
        add_weight_product(dZ, in, -learning_rate, true, W);  // the product accumulates straight into W
        if (spec_.layers[l].bias)
            VectorMap(params_.data() + bias_offset(l), units(l)) -= learning_rate * dZ.colwise().sum();
    });
}

namespace {
// Z <- f(Z + b) for elementwise f, one pass over Z.
template <class F>
void map_rows(Matrix& Z, const float* b, F f) {
    if (b) {
        const ConstVectorMap bias(b, Z.cols());
        Z = f((Z.rowwise() + bias).array()).matrix();
    } else {
        Z = f(Z.array()).matrix();
    }
}
}  // namespace

void bias_activate(Activation f, const float* b, Matrix& Z) {
    switch (f) {
        case Activation::Identity: map_rows(Z, b, [](auto z) { return z; }); break;
        case Activation::Sigmoid: map_rows(Z, b, [](auto z) { return (1.0f + (-z).exp()).inverse(); }); break;
        case Activation::Tanh: map_rows(Z, b, [](auto z) { return z.tanh(); }); break;
        case Activation::ReLU: map_rows(Z, b, [](auto z) { return z.max(0.0f); }); break;
        case Activation::Softmax:
            if (b) map_rows(Z, b, [](auto z) { return z; });
            for (Eigen::Index r = 0; r < Z.rows(); ++r) {
                auto row = Z.row(r).array();
                row = (row - row.maxCoeff()).exp();
                row /= row.sum();
            }
            break;
    }
}

void activation_backward(Activation f, const Matrix& A, Matrix& dA) {
    switch (f) {
        case Activation::Identity: break;
        case Activation::Sigmoid: dA.array() *= A.array() * (1.0f - A.array()); break;
        case Activation::Tanh: dA.array() *= 1.0f - A.array().square(); break;
        case Activation::ReLU: dA = (A.array() > 0.0f).select(dA, 0.0f); break;
        case Activation::Softmax:
            // Jacobian-vector product of softmax: dZ = A * (dA - sum_k dA_k A_k), per row.
            for (Eigen::Index r = 0; r < A.rows(); ++r) {
                const float dot = A.row(r).dot(dA.row(r));
                dA.row(r).array() = A.row(r).array() * (dA.row(r).array() - dot);
            }
            break;
    }
}

}  // namespace digitnet

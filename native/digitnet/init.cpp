#include "digitnet/init.hpp"

#include <cmath>

#include "digitnet/rng.hpp"

namespace digitnet {

void initialize_layer(Init scheme, float in, float out, float* w, size_t nw, float* b, size_t nb, Rng& rng) {
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

}  // namespace digitnet

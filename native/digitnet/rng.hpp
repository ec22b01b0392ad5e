#pragma once
// Portable random numbers: the same seed gives the same stream under any
// standard library (libstdc++ natively, libc++ in WebAssembly), because the
// generator and its distributions are our own, not <random>'s.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace digitnet {

class Rng {
public:
    explicit Rng(uint64_t seed = 1) { reseed(seed); }
    void reseed(uint64_t seed);

    uint64_t next_u64();         // xoshiro256** step
    uint64_t below(uint64_t n);  // uniform integer in [0, n), unbiased (rejection)
    float uniform();             // uniform float in [0, 1), 24 random bits
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
    float normal();  // standard normal, Box-Muller in double precision

    // Fisher-Yates shuffle of any vector, drawing from this stream.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) {
            size_t j = static_cast<size_t>(below(i));
            T t = v[i - 1];
            v[i - 1] = v[j];
            v[j] = t;
        }
    }

private:
    uint64_t s_[4];
    double spare_ = 0.0;  // second Box-Muller value
    bool has_spare_ = false;
};

}  // namespace digitnet

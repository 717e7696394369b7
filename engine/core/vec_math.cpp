// The vector arithmetic every CPU computation shares. dot() is built for AVX2 as well as the baseline (core/simd.h), and the right one is chosen at
// load time.
#include "core/vec_math.h"

#include "core/simd.h"

#include <algorithm>
#include <cmath>

namespace quire {

QUIRE_CLONES float dot(const float * a, const float * b, int64_t n) {
    constexpr int W = 16;
    float acc[W] = {};
    int64_t i = 0;
    for (; i + W <= n; i += W)
        for (int k = 0; k < W; ++k) acc[k] += a[i + k] * b[i + k];
    float s = 0.0f;
    for (int k = 0; k < W; ++k) s += acc[k];
    for (; i < n; ++i) s += a[i] * b[i];
    return s;
}


void softmax(float * x, int64_t n) {
    if (n <= 0) return;
    const float mx = *std::max_element(x, x + n);
    float sum = 0.0f;
    for (int64_t i = 0; i < n; ++i) {
        x[i] = std::exp(x[i] - mx);
        sum += x[i];
    }
    const float inv = 1.0f / sum;
    for (int64_t i = 0; i < n; ++i) x[i] *= inv;
}

} // namespace quire

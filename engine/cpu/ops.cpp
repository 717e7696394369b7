// Scalar-exact fp32 kernels written so that the compiler vectorises them; dot() is built for
// AVX2 as well as the baseline, and the right one is chosen at load time.
#include "cpu/ops.h"

#include <algorithm>
#include <cmath>

namespace quire::cpu {

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__clang__)
#define QUIRE_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define QUIRE_CLONES
#endif

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

void matmul(const float * X, int64_t T, const Tensor & W, float * Y, const Tensor * bias) {
    const int64_t rows = W.rows, cols = W.cols;
    // Blocks of output rows per thread; each weight row is read once for all T inputs.
#pragma omp parallel for schedule(static) if (rows * cols * T > 32768)
    for (int64_t o = 0; o < rows; ++o) {
        const float * w = W.row(o);
        const float b = bias ? bias->data[static_cast<size_t>(o)] : 0.0f;
        for (int64_t t = 0; t < T; ++t) Y[t * rows + o] = dot(X + t * cols, w, cols) + b;
    }
}

void rmsnorm(const float * x, const float * w, float * y, int64_t T, int64_t n, float eps) {
    for (int64_t t = 0; t < T; ++t) {
        const float * xr = x + t * n;
        float ss = 0.0f;
        for (int64_t i = 0; i < n; ++i) ss += xr[i] * xr[i];
        const float scale = 1.0f / std::sqrt(ss / static_cast<float>(n) + eps);
        float * yr = y + t * n;
        for (int64_t i = 0; i < n; ++i) yr[i] = w[i] * (xr[i] * scale);
    }
}

void rope(float * x, int n_heads, int head_dim, int pos, const std::vector<float> & inv_freq, RopeLayout layout) {
    const int half = head_dim / 2;
    for (int i = 0; i < half; ++i) {
        const float theta = static_cast<float>(pos) * inv_freq[static_cast<size_t>(i)];
        const float c = std::cos(theta), s = std::sin(theta);
        for (int h = 0; h < n_heads; ++h) {
            float * v = x + h * head_dim;
            const int a = layout == RopeLayout::ADJACENT ? 2 * i : i;
            const int b = layout == RopeLayout::ADJACENT ? 2 * i + 1 : i + half;
            const float x0 = v[a], x1 = v[b];
            v[a] = x0 * c - x1 * s;
            v[b] = x0 * s + x1 * c;
        }
    }
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

void swiglu(float * g, const float * u, int64_t n) {
    for (int64_t i = 0; i < n; ++i) g[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
}

} // namespace quire::cpu

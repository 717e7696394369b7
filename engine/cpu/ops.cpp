// Scalar-exact fp32 kernels written so that the compiler vectorises them (dot() and softmax()
// themselves are in core/vec_math.cpp, which the block selection of memory/ shares).
#include "cpu/ops.h"

#include "core/simd.h"
#include "cpu/quant_dot.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire::cpu {

// Four dot products sharing one x: x is read once for four weight rows. Written with vector
// extensions (8 floats: one AVX register, or two SSE ones) since compilers do not vectorise the
// scalar form of this loop.
typedef float v8f __attribute__((vector_size(32)));

QUIRE_CLONES void dot4(const float * x, const float * w0, const float * w1, const float * w2, const float * w3, int64_t n, float * out) {
    v8f a0 = {}, a1 = {}, a2 = {}, a3 = {};
    int64_t i = 0;
    v8f xv, v0, v1, v2, v3; // unaligned loads through memcpy (no vector-returning helper: -Wpsabi)
    for (; i + 8 <= n; i += 8) {
        std::memcpy(&xv, x + i, sizeof(xv));
        std::memcpy(&v0, w0 + i, sizeof(v0));
        std::memcpy(&v1, w1 + i, sizeof(v1));
        std::memcpy(&v2, w2 + i, sizeof(v2));
        std::memcpy(&v3, w3 + i, sizeof(v3));
        a0 += xv * v0;
        a1 += xv * v1;
        a2 += xv * v2;
        a3 += xv * v3;
    }
    float s[4] = {};
    for (int k = 0; k < 8; ++k) {
        s[0] += a0[k];
        s[1] += a1[k];
        s[2] += a2[k];
        s[3] += a3[k];
    }
    for (; i < n; ++i) {
        s[0] += x[i] * w0[i];
        s[1] += x[i] * w1[i];
        s[2] += x[i] * w2[i];
        s[3] += x[i] * w3[i];
    }
    std::memcpy(out, s, sizeof(s));
}

namespace {

// Quantised weights against 16-bit activations (quant_dot.h), for a few inputs (decoding): each
// weight row's blocks are decoded in registers, once per input. Reading (many inputs) keeps the
// float path below, which dequantises each row once for all inputs and reads every input once
// per four rows: per weight it costs no more than integer dots that reload the activations for
// every row (measured with 8-bit activations: SmolLM2 Q4_1 read at 41 tokens/s that way, 75 this).
constexpr int64_t kQuantDotMaxInputs = 3;

bool quantised_path(int64_t T, const Tensor & W) { return T <= kQuantDotMaxInputs && quant_dot_supported(W.type, W.cols); }

// The rows of every output in one parallel loop, split evenly over the threads; all W share cols.
void matmul_quantised(const float * X, int64_t T, const MatmulOut * outs, size_t n_outs) {
    const int64_t cols = outs[0].W->cols;
    int64_t total = 0;
    for (size_t j = 0; j < n_outs; ++j) total += outs[j].W->rows;
    // The calling thread's rows, kept between calls (no allocation per matmul once decoding
    // runs); the OpenMP threads below read them through this reference, not their own copies.
    thread_local std::vector<Q16Row> kept;
    if (kept.size() < static_cast<size_t>(T)) kept.resize(static_cast<size_t>(T));
    std::vector<Q16Row> & xq = kept;
    for (int64_t t = 0; t < T; ++t) quantize_q16(X + t * cols, cols, xq[static_cast<size_t>(t)]);
#pragma omp parallel for schedule(static) if (total * cols * T > 32768)
    for (int64_t i = 0; i < total; ++i) {
        size_t j = 0;
        int64_t r = i;
        while (r >= outs[j].W->rows) r -= outs[j++].W->rows;
        const MatmulOut & o = outs[j];
        const int64_t rows = o.W->rows;
        const uint8_t * row = o.W->data + static_cast<uint64_t>(r) * o.W->row_bytes;
        const float b = o.bias ? (*o.bias)[static_cast<size_t>(r)] : 0.0f;
        for (int64_t t = 0; t < T; ++t) o.Y[t * rows + r] = dot_row(o.W->type, row, xq[static_cast<size_t>(t)], cols) + b;
    }
}

} // namespace

void matmul(const float * X, int64_t T, const Tensor & W, float * Y, const Vector * bias) {
    if (quantised_path(T, W)) {
        const MatmulOut one{&W, Y, bias};
        return matmul_quantised(X, T, &one, 1);
    }
    const int64_t rows = W.rows, cols = W.cols;
    // Output rows are split over threads; each weight row is read (and dequantised) once for all
    // T inputs.
    // With several inputs, rows go in groups of four so that each input row is read once per
    // group (the single-input case is bound by reading the weights, so it needs no grouping).
    const int64_t group = T >= 4 ? 4 : 1;
    const int64_t n_groups = (rows + group - 1) / group;
#pragma omp parallel if (rows * cols * T > 32768)
    {
        std::vector<float> buf(W.type == GgmlType::F32 ? 0 : static_cast<size_t>(group * cols));
        const float * w[4];
        float out[4];
#pragma omp for schedule(static)
        for (int64_t g = 0; g < n_groups; ++g) {
            const int64_t o0 = g * group, n = std::min(group, rows - o0);
            for (int64_t k = 0; k < n; ++k) {
                w[k] = W.f32_row(o0 + k);
                if (!w[k]) {
                    W.dequantize_row(o0 + k, buf.data() + k * cols);
                    w[k] = buf.data() + k * cols;
                }
            }
            if (n == 4) {
                for (int64_t t = 0; t < T; ++t) {
                    dot4(X + t * cols, w[0], w[1], w[2], w[3], cols, out);
                    for (int64_t k = 0; k < 4; ++k) Y[t * rows + o0 + k] = out[k] + (bias ? (*bias)[static_cast<size_t>(o0 + k)] : 0.0f);
                }
            } else {
                for (int64_t k = 0; k < n; ++k) {
                    const float b = bias ? (*bias)[static_cast<size_t>(o0 + k)] : 0.0f;
                    for (int64_t t = 0; t < T; ++t) Y[t * rows + o0 + k] = dot(X + t * cols, w[k], cols) + b;
                }
            }
        }
    }
}

void matmul_same_input(const float * X, int64_t T, const std::vector<MatmulOut> & outs) {
    const bool together = !outs.empty() && std::all_of(outs.begin(), outs.end(), [&](const MatmulOut & o) {
        return quantised_path(T, *o.W) && o.W->cols == outs[0].W->cols;
    });
    if (together) return matmul_quantised(X, T, outs.data(), outs.size());
    for (const MatmulOut & o : outs) matmul(X, T, *o.W, o.Y, o.bias);
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
        // The angle in double: a book reaches positions where float(pos) * f is off by radians.
        const double theta = static_cast<double>(pos) * static_cast<double>(inv_freq[static_cast<size_t>(i)]);
        const float c = static_cast<float>(std::cos(theta)), s = static_cast<float>(std::sin(theta));
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

void attention(const float * q, const float * k, const float * v, float * out, int T, int n_past, int n_head, int n_head_kv, int head_dim) {
    const int QD = n_head * head_dim, KVD = n_head_kv * head_dim, n_rep = n_head / n_head_kv;
    const float scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
#pragma omp parallel
    {
        std::vector<float> scores(static_cast<size_t>(n_past + T));
#pragma omp for collapse(2) schedule(static)
        for (int t = 0; t < T; ++t) {
            for (int h = 0; h < n_head; ++h) {
                const int n_keys = n_past + t + 1;
                const size_t kh = static_cast<size_t>(h / n_rep) * static_cast<size_t>(head_dim);
                const float * qh = q + static_cast<size_t>(t) * QD + static_cast<size_t>(h) * head_dim;
                for (int p = 0; p < n_keys; ++p) scores[static_cast<size_t>(p)] = dot(qh, k + static_cast<size_t>(p) * KVD + kh, head_dim) * scale;
                softmax(scores.data(), n_keys);
                float * o = out + static_cast<size_t>(t) * QD + static_cast<size_t>(h) * head_dim;
                std::fill(o, o + head_dim, 0.0f);
                for (int p = 0; p < n_keys; ++p) {
                    const float w = scores[static_cast<size_t>(p)];
                    const float * vp = v + static_cast<size_t>(p) * KVD + kh;
                    for (int d = 0; d < head_dim; ++d) o[d] += w * vp[d];
                }
            }
        }
    }
}

void swiglu(float * g, const float * u, int64_t n) {
    for (int64_t i = 0; i < n; ++i) g[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
}

} // namespace quire::cpu

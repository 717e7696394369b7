// Scalar-exact fp32 kernels written so that the compiler vectorises them (dot() and softmax()
// themselves are in core/vec_math.cpp, which the block selection of memory/ shares).
#include "cpu/ops.h"

#include "cpu/panel_matmul.h"
#include "cpu/quant_dot.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire::cpu {

namespace {

// Quantised weights against 16-bit activations (quant_dot.h), for a few inputs (decoding): each
// weight row's blocks are decoded in registers, once per input. More inputs (reading) go through
// panel_matmul: each weight dequantised once for all of them, then SGEMM (integer dots that
// decode the weights again for every input were slower there: SmolLM2 Q4_1 read at 41 tokens/s
// that way with 8-bit activations, 75 through the float path before SGEMM).
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
    const MatmulOut one{&W, Y, bias};
    if (quantised_path(T, W)) return matmul_quantised(X, T, &one, 1);
    if (T > kQuantDotMaxInputs) return panel_matmul(X, T, &one, 1);
    // A few inputs of a type without integer dots (fp32, fp16, bf16, other quantisations):
    // bound by reading the weights, each row dequantised once for all inputs.
    const int64_t rows = W.rows, cols = W.cols;
#pragma omp parallel if (rows * cols * T > 32768)
    {
        std::vector<float> buf(W.type == GgmlType::F32 ? 0 : static_cast<size_t>(cols));
#pragma omp for schedule(static)
        for (int64_t o = 0; o < rows; ++o) {
            const float * w = W.f32_row(o);
            if (!w) {
                W.dequantize_row(o, buf.data());
                w = buf.data();
            }
            const float b = bias ? (*bias)[static_cast<size_t>(o)] : 0.0f;
            for (int64_t t = 0; t < T; ++t) Y[t * rows + o] = dot(X + t * cols, w, cols) + b;
        }
    }
}

void matmul_same_input(const float * X, int64_t T, const std::vector<MatmulOut> & outs) {
    auto all = [&](auto && pred) { return std::all_of(outs.begin(), outs.end(), pred); };
    const bool same_cols = !outs.empty() && all([&](const MatmulOut & o) { return o.W->cols == outs[0].W->cols; });
    if (same_cols && all([&](const MatmulOut & o) { return quantised_path(T, *o.W); })) return matmul_quantised(X, T, outs.data(), outs.size());
    if (same_cols && T > kQuantDotMaxInputs) return panel_matmul(X, T, outs.data(), outs.size());
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

void swiglu(float * g, const float * u, int64_t n) {
    for (int64_t i = 0; i < n; ++i) g[i] = g[i] / (1.0f + std::exp(-g[i])) * u[i];
}

} // namespace quire::cpu

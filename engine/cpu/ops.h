// CPU compute primitives in fp32, multi-threaded with OpenMP. These are also the reference
// ("CPU twin") against which the CUDA kernels are checked.
#pragma once

#include "core/vec_math.h"
#include "model/hparams.h"
#include "model/weights.h"

#include <cstdint>
#include <vector>

namespace quire::cpu {

using quire::dot;     // core/vec_math.h
using quire::softmax; // core/vec_math.h

// Y[t][o] = sum_i X[t][i] * W[o][i] (+ bias[o]) for t < T; X is [T][W.cols], Y is [T][W.rows].
// W may be of any supported stored type; its rows are dequantised on the fly.
void matmul(const float * X, int64_t T, const Tensor & W, float * Y, const Vector * bias = nullptr);

// Several matmuls of the same X (attention's q, k and v; the FFN's gate and up), equal to one
// matmul each, in one parallel region: when decoding with X quantised once (fewer fork-joins and
// waits per token), when reading all outputs' weight panels (panel_matmul.h) in one loop.
struct MatmulOut {
    const Tensor * W;
    float * Y;
    const Vector * bias = nullptr;
};
void matmul_same_input(const float * X, int64_t T, const std::vector<MatmulOut> & outs);

// Row-wise RMSNorm: y = x / sqrt(mean(x^2) + eps) * w, for T rows of n.
void rmsnorm(const float * x, const float * w, float * y, int64_t T, int64_t n, float eps);

// Rotate the n_heads heads (head_dim each) of one token's vector at position pos.
void rope(float * x, int n_heads, int head_dim, int pos, const std::vector<float> & inv_freq, RopeLayout layout);

// g = silu(g) * u, elementwise.
void swiglu(float * g, const float * u, int64_t n);

} // namespace quire::cpu

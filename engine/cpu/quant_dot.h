// Dot products of quantised weight rows (GGUF block types) with activations quantised to 16 bits,
// in integers, without converting the weights to fp32 (the CPU's matmul for these types when
// decoding).
//
// Every supported type is written, per 16 weights, as w_i = a * u_i + b with small unsigned
// integers u_i (4 to 6 bits; Q8_0: signed 8 bits, b = 0) and fp32 a, b from the block's scales
// and minimums. Activations are quantised in groups of 32: x_i ~ d * q_i, q_i in [-32767, 32767].
// Then sum_i w_i x_i over 16 weights = a * d * sum_i u_i q_i + b * d * sum_i q_i, the first sum
// in integer multiply-adds (AVX2: 16 products per instruction), the second from the
// activations' group sums. 16 bits and not llama.cpp's 8: with 8-bit activations SmolLM2's
// logits moved by up to 0.2 from the float path's (its tests allow 2e-3) and its greedy answers
// changed (a near tie at the first token of "What is the capital of France?").
#pragma once

#include "model/ggml_type.h"

#include <cstdint>
#include <vector>

namespace quire::cpu {

// One activation row of n values (n a multiple of 32), quantised.
struct Q16Row {
    std::vector<int16_t> q; // n
    std::vector<float> d;   // n / 32: the scale of each group of 32
    std::vector<float> s16; // n / 16: d * (sum of q) over each half group of 16
    std::vector<float> s32; // n / 32: d * (sum of q) over each group (s16's pairs)
    std::vector<float> d16; // n / 16: the scale of each half group's group (d, each twice)
};

void quantize_q16(const float * x, int64_t n, Q16Row & out);

// Whether rows of type t with n columns go through these integer dot products.
bool quant_dot_supported(GgmlType t, int64_t n);

// A weight row unpacked (u: n bytes, a and b: n / 16 each): the portable path (scalar), also the
// reference the tests hold the AVX2 kernels to.
struct UnpackedRow {
    std::vector<uint8_t> u;
    std::vector<float> a, b;
    bool is_signed = false; // Q8_0: u holds int8 values
};

// Unpacks n weights (whole blocks) of type t starting at src.
void unpack_row(GgmlType t, const uint8_t * src, int64_t n, UnpackedRow & out);

// sum_i w_i x_i of an unpacked weight row and a quantised activation row of n values.
float dot_q16(const UnpackedRow & w, const Q16Row & x, int64_t n);

// The same from the weight row's bytes (type t, whole blocks): with AVX2 each block is decoded in
// registers (no unpacked copy), else through unpack_row and dot_q16.
float dot_row(GgmlType t, const uint8_t * row, const Q16Row & x, int64_t n);

} // namespace quire::cpu

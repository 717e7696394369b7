#include "cpu/softmax_row.h"

#include "core/simd.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>

namespace quire::cpu {

namespace {

// Eight floats (eight ints); one AVX register in the avx2 clone, two SSE ones otherwise. Loaded
// and stored with memcpy (unaligned rows); never passed by value across the clones' boundary.
typedef float v8 __attribute__((vector_size(32)));
typedef int32_t v8i __attribute__((vector_size(32)));

#define QUIRE_SPLAT(f) (v8{(f), (f), (f), (f), (f), (f), (f), (f)})

// x = e^(x - m) for eight logits x <= m, in plain arithmetic: the exponent from a rounding by a
// large constant, e^r on [-ln2/2, ln2/2] from Cephes' expf polynomial (relative error ~2e-7, as
// std::exp's float result). Below -87 the result is e^-87, not 0: weights of 1e-38 against a
// maximum of 1 change no sum. (Vectors by reference: no vector crosses a call's ABI.)
__attribute__((always_inline)) inline void exp_shifted(v8 & x, float m) {
    const v8 lowest = QUIRE_SPLAT(-87.0f), shifter = QUIRE_SPLAT(12582912.0f); // 1.5 * 2^23: adding it rounds
    v8 d = x - m;
    d = d < lowest ? lowest : d;
    const v8 z = d * 1.44269504088896341f + shifter;
    const v8i n = (v8i)z - (v8i)shifter;
    const v8 nf = z - shifter;
    const v8 r = (d - nf * 0.693359375f) + nf * 2.12194440e-4f;
    v8 p = QUIRE_SPLAT(1.9875691500e-4f);
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    x = p * (v8)((n + 127) << 23);
}

} // namespace

QUIRE_CLONES void softmax_numerators(float * s, int visible, int n, float & max_out, float & sum_out) {
    const int n8 = std::max(visible, 0) / 8 * 8;
    v8 mv = QUIRE_SPLAT(-std::numeric_limits<float>::infinity());
    for (int j = 0; j < n8; j += 8) {
        v8 x;
        std::memcpy(&x, s + j, sizeof(v8));
        mv = mv < x ? x : mv;
    }
    float m = -std::numeric_limits<float>::infinity();
    for (int i = 0; i < 8; ++i) m = std::max(m, mv[i]);
    for (int j = n8; j < visible; ++j) m = std::max(m, s[j]);
    v8 sv = {};
    for (int j = 0; j < n8; j += 8) {
        v8 x;
        std::memcpy(&x, s + j, sizeof(v8));
        exp_shifted(x, m);
        std::memcpy(s + j, &x, sizeof(v8));
        sv += x;
    }
    float sum = 0.0f;
    for (int i = 0; i < 8; ++i) sum += sv[i];
    if (n8 < visible) { // the last few, through the same vector code
        v8 x = QUIRE_SPLAT(m);
        std::memcpy(&x, s + n8, sizeof(float) * static_cast<size_t>(visible - n8));
        exp_shifted(x, m);
        for (int j = 0; j < visible - n8; ++j) sum += (s[n8 + j] = x[j]);
    }
    std::fill(s + std::max(visible, 0), s + n, 0.0f);
    max_out = m;
    sum_out = sum;
}

} // namespace quire::cpu

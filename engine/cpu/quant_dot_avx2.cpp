// The AVX2 kernels of the integer dot products (quant_dot.h): each block's weights decoded in
// registers, 16 products per multiply-add. Compiled for AVX2, FMA and F16C; called only where
// the CPU has them.
#include "cpu/quant_dot_avx2.h"

#include "model/ggml_block.h"

#include <cstring>

#ifdef QUIRE_QUANT_AVX2
#include <immintrin.h>

namespace quire::cpu {

namespace {

constexpr int QK_K = kQK_K;

// The AVX2 kernels: everything up to the pragma's end is compiled for AVX2, FMA and F16C and only
// called where the CPU has them (have_avx2).
#pragma GCC push_options
#pragma GCC target("avx2,fma,f16c")

inline float hsum(__m256 v) {
    __m128 h = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    h = _mm_add_ps(h, _mm_movehl_ps(h, h));
    h = _mm_add_ss(h, _mm_movehdup_ps(h));
    return _mm_cvtss_f32(h);
}

inline float half_f16c(const uint8_t * p) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return _cvtsh_ss(v);
}

inline __m256i load32(const uint8_t * p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p)); }

inline __m256i nibbles(const uint8_t * p) { // 16 bytes: low nibbles, then high
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i m = _mm_set1_epi8(0x0F);
    return _mm256_set_m128i(_mm_and_si128(_mm_srli_epi16(v, 4), m), _mm_and_si128(v, m));
}

// 0x10 in byte i where bit i of the 32 bits is set.
inline __m256i bit4_of(const uint8_t * p) {
    uint32_t bits;
    std::memcpy(&bits, p, 4);
    const __m256i spread = _mm256_shuffle_epi8(_mm256_set1_epi32(static_cast<int>(bits)),
                                               _mm256_set_epi64x(0x0303030303030303, 0x0202020202020202, 0x0101010101010101, 0));
    const __m256i sel = _mm256_set1_epi64x(static_cast<int64_t>(0x8040201008040201ULL));
    return _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(spread, sel), sel), _mm256_set1_epi8(0x10));
}

// Inlined into the driver: called through a template argument, the decoders otherwise stay calls
// that return their group through memory (a fifth of Qwen2.5-1.5B's decoding time).
#define QUIRE_DECODER inline __attribute__((always_inline))

// One group of 32 weights decoded from a row's bytes: w_i = a0 * u_i + b0 for the first 16,
// a1 and b1 for the next (u: signed bytes for Q8_0).
struct Group {
    __m256i u;
    float a0, a1, b0, b1;
};

QUIRE_DECODER Group q4_0(const uint8_t * row, int64_t g) {
    const uint8_t * b = row + 18 * g;
    const float d = half_f16c(b);
    return {nibbles(b + 2), d, d, -8 * d, -8 * d};
}
QUIRE_DECODER Group q4_1(const uint8_t * row, int64_t g) {
    const uint8_t * b = row + 20 * g;
    const float d = half_f16c(b), m = half_f16c(b + 2);
    return {nibbles(b + 4), d, d, m, m};
}
QUIRE_DECODER Group q5_0(const uint8_t * row, int64_t g) {
    const uint8_t * b = row + 22 * g;
    const float d = half_f16c(b);
    return {_mm256_or_si256(nibbles(b + 6), bit4_of(b + 2)), d, d, -16 * d, -16 * d};
}
QUIRE_DECODER Group q5_1(const uint8_t * row, int64_t g) {
    const uint8_t * b = row + 24 * g;
    const float d = half_f16c(b), m = half_f16c(b + 2);
    return {_mm256_or_si256(nibbles(b + 8), bit4_of(b + 4)), d, d, m, m};
}
QUIRE_DECODER Group q8_0(const uint8_t * row, int64_t g) {
    const uint8_t * b = row + 34 * g;
    const float d = half_f16c(b);
    return {load32(b + 2), d, d, 0, 0};
}
// Sixteen products per multiply-add (16-bit weights times 16-bit activations, pairs summed to
// 32 bits), the group's two halves scaled apart unless their scales are equal (all types but
// Q6_K); the b terms from the activations' sums of 16.
template <bool Signed>
inline void add_group(__m256 & acc, float & bias, const Group & G, const Q16Row & x, int64_t g) {
    const __m128i lo = _mm256_castsi256_si128(G.u), hi = _mm256_extracti128_si256(G.u, 1);
    const __m256i w0 = Signed ? _mm256_cvtepi8_epi16(lo) : _mm256_cvtepu8_epi16(lo);
    const __m256i w1 = Signed ? _mm256_cvtepi8_epi16(hi) : _mm256_cvtepu8_epi16(hi);
    const int16_t * q = x.q.data() + 32 * g;
    const __m256i p0 = _mm256_madd_epi16(w0, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q)));
    const __m256i p1 = _mm256_madd_epi16(w1, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q + 16)));
    const float d = x.d[static_cast<size_t>(g)];
    if (G.a0 == G.a1) {
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(_mm256_add_epi32(p0, p1)), _mm256_set1_ps(G.a0 * d), acc);
    } else {
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p0), _mm256_set1_ps(G.a0 * d), acc);
        acc = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p1), _mm256_set1_ps(G.a1 * d), acc);
    }
    bias += G.b0 * x.s16[static_cast<size_t>(2 * g)] + G.b1 * x.s16[static_cast<size_t>(2 * g + 1)];
}

// Sixteen products per multiply-add into 32-bit sums of pairs, the 32 weights of u (unsigned,
// or signed for Q8_0) against activations q[0..32).
template <bool Signed = false>
inline __m256i products(__m256i u, const int16_t * q) {
    const __m128i lo = _mm256_castsi256_si128(u), hi = _mm256_extracti128_si256(u, 1);
    const __m256i w0 = Signed ? _mm256_cvtepi8_epi16(lo) : _mm256_cvtepu8_epi16(lo);
    const __m256i w1 = Signed ? _mm256_cvtepi8_epi16(hi) : _mm256_cvtepu8_epi16(hi);
    return _mm256_add_epi32(_mm256_madd_epi16(w0, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q))),
                            _mm256_madd_epi16(w1, _mm256_loadu_si256(reinterpret_cast<const __m256i *>(q + 16))));
}

// The 32-value types eight groups at a time: the eight blocks' fp16 scales (and minimums)
// converted in one instruction, their (scale x activation scale) factors in one multiply, read
// back as broadcasts, and the minimums' terms as one multiply-add with the activations' group
// sums; the products into two accumulators (one chain of dependent multiply-adds would wait on
// each other's latency). Blocks of `Bytes`, the fp16 scale first; w = d * u + b with b the fp16
// minimum at byte 2 (`Min`) or `Offset` * d.
template <Group (*Decode)(const uint8_t *, int64_t), int Bytes, bool Min, int Offset, bool Signed = false>
float drive(const uint8_t * row, const Q16Row & x, int64_t groups) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), bias = _mm256_setzero_ps();
    alignas(32) float f[8];
    auto half_at = [row](int64_t g, int at) {
        uint16_t v;
        std::memcpy(&v, row + Bytes * g + at, 2);
        return static_cast<short>(v);
    };
    int64_t g = 0;
    for (; g + 8 <= groups; g += 8) {
        const __m256 d = _mm256_cvtph_ps(_mm_setr_epi16(half_at(g, 0), half_at(g + 1, 0), half_at(g + 2, 0), half_at(g + 3, 0), half_at(g + 4, 0),
                                                        half_at(g + 5, 0), half_at(g + 6, 0), half_at(g + 7, 0)));
        _mm256_store_ps(f, _mm256_mul_ps(d, _mm256_loadu_ps(x.d.data() + g)));
        const __m256 b = Min ? _mm256_cvtph_ps(_mm_setr_epi16(half_at(g, 2), half_at(g + 1, 2), half_at(g + 2, 2), half_at(g + 3, 2), half_at(g + 4, 2),
                                                              half_at(g + 5, 2), half_at(g + 6, 2), half_at(g + 7, 2)))
                             : _mm256_mul_ps(d, _mm256_set1_ps(static_cast<float>(Offset)));
        if (Min || Offset) bias = _mm256_fmadd_ps(b, _mm256_loadu_ps(x.s32.data() + g), bias);
        const int16_t * q = x.q.data() + 32 * g;
        for (int k = 0; k < 8; k += 2) {
            acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products<Signed>(Decode(row, g + k).u, q + 32 * k)), _mm256_broadcast_ss(f + k), acc0);
            acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products<Signed>(Decode(row, g + k + 1).u, q + 32 * k + 32)), _mm256_broadcast_ss(f + k + 1), acc1);
        }
    }
    float rest = 0.0f;
    for (; g < groups; ++g) add_group<Signed>(acc0, rest, Decode(row, g), x, g);
    return hsum(_mm256_add_ps(_mm256_add_ps(acc0, acc1), bias)) + rest;
}

// Bytes 0-7 of v as eight floats.
inline __m256 byte_floats(uint64_t v) { return _mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<int64_t>(v)))); }

// The k-quants a super-block at a time, its scalar work done once per super-block in vectors:
// the eight (sub-block scale x activation scale) factors in one multiply, read back as
// broadcasts, and the minimums' terms as one multiply-add with the activations' group sums; each
// 32 bytes of quants loaded once for the two groups they hold. (Per group, the scales' scalar
// arithmetic and broadcasts took more time than the products.)
template <bool Five>
float drive_qk(const uint8_t * row, const Q16Row & x, int64_t blocks) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), bias = _mm256_setzero_ps();
    const __m256i m4 = _mm256_set1_epi8(0x0F), one = _mm256_set1_epi8(1);
    alignas(32) float f[8];
    for (int64_t bi = 0; bi < blocks; ++bi) {
        const uint8_t * b = row + (Five ? 176 : 144) * bi;
        const float d = half_f16c(b), dmin = half_f16c(b + 2);
        uint64_t sc, mn;
        ggml_scales_mins_k4(b + 4, sc, mn);
        const int64_t g0 = 8 * bi;
        _mm256_store_ps(f, _mm256_mul_ps(_mm256_mul_ps(byte_floats(sc), _mm256_set1_ps(d)), _mm256_loadu_ps(x.d.data() + g0)));
        bias = _mm256_fmadd_ps(_mm256_mul_ps(byte_floats(mn), _mm256_set1_ps(-dmin)), _mm256_loadu_ps(x.s32.data() + g0), bias);
        const __m256i qh = Five ? load32(b + 16) : _mm256_setzero_si256();
        const int16_t * q = x.q.data() + 32 * g0;
        for (int j = 0; j < 4; ++j) {
            const __m256i v = load32(b + (Five ? 48 : 16) + 32 * j);
            __m256i lo = _mm256_and_si256(v, m4), hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), m4);
            if (Five) {
                lo = _mm256_or_si256(lo, _mm256_slli_epi16(_mm256_and_si256(_mm256_srl_epi16(qh, _mm_cvtsi32_si128(2 * j)), one), 4));
                hi = _mm256_or_si256(hi, _mm256_slli_epi16(_mm256_and_si256(_mm256_srl_epi16(qh, _mm_cvtsi32_si128(2 * j + 1)), one), 4));
            }
            acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products(lo, q + 64 * j)), _mm256_broadcast_ss(f + 2 * j), acc0);
            acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products(hi, q + 64 * j + 32)), _mm256_broadcast_ss(f + 2 * j + 1), acc1);
        }
    }
    return hsum(_mm256_add_ps(_mm256_add_ps(acc0, acc1), bias));
}

// Q6_K: sixteen signed scales per super-block, one per 16 weights; w = d * sc * (u - 32).
float drive_q6k(const uint8_t * row, const Q16Row & x, int64_t blocks) {
    __m256 acc0 = _mm256_setzero_ps(), acc1 = _mm256_setzero_ps(), bias = _mm256_setzero_ps();
    const __m256i m4 = _mm256_set1_epi8(0x0F), m2 = _mm256_set1_epi8(0x30);
    alignas(32) float f[16];
    for (int64_t bi = 0; bi < blocks; ++bi) {
        const uint8_t * b = row + 210 * bi;
        const float d = half_f16c(b + 208);
        const int64_t h0 = 16 * bi; // the super-block's first half group
        for (int k = 0; k < 2; ++k) {
            const __m256 a = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i *>(b + 192 + 8 * k)))),
                                           _mm256_set1_ps(d));
            _mm256_store_ps(f + 8 * k, _mm256_mul_ps(a, _mm256_loadu_ps(x.d16.data() + h0 + 8 * k)));
            bias = _mm256_fmadd_ps(_mm256_mul_ps(a, _mm256_set1_ps(-32.0f)), _mm256_loadu_ps(x.s16.data() + h0 + 8 * k), bias);
        }
        const int16_t * q = x.q.data() + 16 * h0;
        for (int c = 0; c < 2; ++c) {
            const __m256i l0 = load32(b + 64 * c), l1 = load32(b + 64 * c + 32), qh = load32(b + 128 + 32 * c);
            const __m256i u[4] = {
                _mm256_or_si256(_mm256_and_si256(l0, m4), _mm256_and_si256(_mm256_slli_epi16(qh, 4), m2)),
                _mm256_or_si256(_mm256_and_si256(l1, m4), _mm256_and_si256(_mm256_slli_epi16(qh, 2), m2)),
                _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l0, 4), m4), _mm256_and_si256(qh, m2)),
                _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(l1, 4), m4), _mm256_and_si256(_mm256_srli_epi16(qh, 2), m2)),
            };
            for (int part = 0; part < 4; ++part) {
                const int h = 8 * c + 2 * part; // half groups h and h + 1 of the super-block
                const int16_t * qg = q + 16 * h;
                const __m256i p0 = _mm256_madd_epi16(_mm256_cvtepu8_epi16(_mm256_castsi256_si128(u[part])), _mm256_loadu_si256(reinterpret_cast<const __m256i *>(qg)));
                const __m256i p1 = _mm256_madd_epi16(_mm256_cvtepu8_epi16(_mm256_extracti128_si256(u[part], 1)), _mm256_loadu_si256(reinterpret_cast<const __m256i *>(qg + 16)));
                acc0 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p0), _mm256_broadcast_ss(f + h), acc0);
                acc1 = _mm256_fmadd_ps(_mm256_cvtepi32_ps(p1), _mm256_broadcast_ss(f + h + 1), acc1);
            }
        }
    }
    return hsum(_mm256_add_ps(_mm256_add_ps(acc0, acc1), bias));
}

} // namespace

float dot_row_avx2(GgmlType t, const uint8_t * row, const Q16Row & x, int64_t n) {
    const int64_t groups = n / 32;
    switch (t) {
    case GgmlType::Q4_0: return drive<q4_0, 18, false, -8>(row, x, groups);
    case GgmlType::Q4_1: return drive<q4_1, 20, true, 0>(row, x, groups);
    case GgmlType::Q5_0: return drive<q5_0, 22, false, -16>(row, x, groups);
    case GgmlType::Q5_1: return drive<q5_1, 24, true, 0>(row, x, groups);
    case GgmlType::Q8_0: return drive<q8_0, 34, false, 0, true>(row, x, groups);
    case GgmlType::Q4_K: return drive_qk<false>(row, x, n / QK_K);
    case GgmlType::Q5_K: return drive_qk<true>(row, x, n / QK_K);
    case GgmlType::Q6_K: return drive_q6k(row, x, n / QK_K);
    default: return 0.0f;
    }
}

#undef QUIRE_DECODER
#pragma GCC pop_options

bool have_avx2() {
    static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    return yes;
}

} // namespace quire::cpu

#else

namespace quire::cpu {

bool have_avx2() { return false; }
float dot_row_avx2(GgmlType, const uint8_t *, const Q16Row &, int64_t) { return 0.0f; }

} // namespace quire::cpu

#endif

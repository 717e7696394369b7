// Integer dot products of quantised weights and 16-bit activations (see quant_dot.h). The block
// layouts are those of model/ggml_type.cpp's dequantisation, which the tests compare against.
#include "cpu/quant_dot.h"

#include "cpu/quant_dot_avx2.h"
#include "model/ggml_block.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace quire::cpu {

namespace {

constexpr int QK_K = kQK_K;
constexpr float kQ16Max = 32767.0f;

float half_at(const uint8_t * p) { return ggml_half_at(p); }

// Each unpacks one block into u (its elements) and a, b (one pair per 16 elements).
void unpack_q4_0(const uint8_t * blk, uint8_t * u, float * a, float * b) { // d, qs[16]
    const float d = half_at(blk);
    for (int j = 0; j < 16; ++j) {
        u[j] = blk[2 + j] & 0x0F;
        u[j + 16] = blk[2 + j] >> 4;
    }
    a[0] = a[1] = d;
    b[0] = b[1] = -8.0f * d;
}

void unpack_q4_1(const uint8_t * blk, uint8_t * u, float * a, float * b) { // d, m, qs[16]
    for (int j = 0; j < 16; ++j) {
        u[j] = blk[4 + j] & 0x0F;
        u[j + 16] = blk[4 + j] >> 4;
    }
    a[0] = a[1] = half_at(blk);
    b[0] = b[1] = half_at(blk + 2);
}

void unpack_q5(const uint8_t * qh_p, const uint8_t * qs, uint8_t * u) {
    uint32_t qh;
    std::memcpy(&qh, qh_p, 4);
    for (int j = 0; j < 16; ++j) {
        u[j] = static_cast<uint8_t>((qs[j] & 0x0F) | (((qh >> j) & 1) << 4));
        u[j + 16] = static_cast<uint8_t>((qs[j] >> 4) | (((qh >> (j + 16)) & 1) << 4));
    }
}

void unpack_q5_0(const uint8_t * blk, uint8_t * u, float * a, float * b) { // d, qh[4], qs[16]
    unpack_q5(blk + 2, blk + 6, u);
    const float d = half_at(blk);
    a[0] = a[1] = d;
    b[0] = b[1] = -16.0f * d;
}

void unpack_q5_1(const uint8_t * blk, uint8_t * u, float * a, float * b) { // d, m, qh[4], qs[16]
    unpack_q5(blk + 4, blk + 8, u);
    a[0] = a[1] = half_at(blk);
    b[0] = b[1] = half_at(blk + 2);
}

void unpack_q8_0(const uint8_t * blk, uint8_t * u, float * a, float * b) { // d, qs[32] (int8)
    std::memcpy(u, blk + 2, 32);
    a[0] = a[1] = half_at(blk);
    b[0] = b[1] = 0.0f;
}

// Q4_K and Q5_K: d, dmin, scales[12], (Q5_K: qh[32]), qs[128]; eight groups of 32.
void unpack_qk(const uint8_t * blk, bool five, uint8_t * u, float * a, float * b) {
    const float d = half_at(blk), dmin = half_at(blk + 2);
    const uint8_t * scales = blk + 4;
    const uint8_t * qh = blk + 16;
    const uint8_t * q = blk + (five ? 48 : 16);
    for (int j = 0; j < 4; ++j) {
        for (int h = 0; h < 2; ++h) {
            int sc, m;
            ggml_scale_min_k4(2 * j + h, scales, sc, m);
            const int g = 4 * j + 2 * h; // the first of the group's two halves
            a[g] = a[g + 1] = d * static_cast<float>(sc);
            b[g] = b[g + 1] = -dmin * static_cast<float>(m);
            const int bit = 2 * j + h;
            uint8_t * y = u + 64 * j + 32 * h;
            for (int l = 0; l < 32; ++l) {
                const int lo = h ? q[l] >> 4 : q[l] & 0x0F;
                y[l] = static_cast<uint8_t>(lo | (five ? ((qh[l] >> bit) & 1) << 4 : 0));
            }
        }
        q += 32;
    }
}
void unpack_q4_k(const uint8_t * blk, uint8_t * u, float * a, float * b) { unpack_qk(blk, false, u, a, b); }
void unpack_q5_k(const uint8_t * blk, uint8_t * u, float * a, float * b) { unpack_qk(blk, true, u, a, b); }

void unpack_q6_k(const uint8_t * blk, uint8_t * u, float * a, float * b) { // ql[128], qh[64], scales[16] (int8), d
    const uint8_t * ql = blk;
    const uint8_t * qh = blk + 128;
    const auto * sc = reinterpret_cast<const int8_t *>(blk + 192);
    const float d = half_at(blk + 208);
    for (int g = 0; g < 16; ++g) {
        a[g] = d * static_cast<float>(sc[g]);
        b[g] = -32.0f * a[g];
    }
    for (int c = 0; c < 2; ++c) {
        uint8_t * y = u + 128 * c;
        for (int l = 0; l < 32; ++l) {
            y[l] = static_cast<uint8_t>((ql[l] & 0x0F) | ((qh[l] & 3) << 4));
            y[l + 32] = static_cast<uint8_t>((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4));
            y[l + 64] = static_cast<uint8_t>((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4));
            y[l + 96] = static_cast<uint8_t>((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4));
        }
        ql += 64;
        qh += 32;
    }
}

using UnpackFn = void (*)(const uint8_t *, uint8_t *, float *, float *);

struct Layout {
    UnpackFn fn = nullptr;
    int elems = 0, bytes = 0;
};

Layout layout_of(GgmlType t) {
    switch (t) {
    case GgmlType::Q4_0: return {unpack_q4_0, 32, 18};
    case GgmlType::Q4_1: return {unpack_q4_1, 32, 20};
    case GgmlType::Q5_0: return {unpack_q5_0, 32, 22};
    case GgmlType::Q5_1: return {unpack_q5_1, 32, 24};
    case GgmlType::Q8_0: return {unpack_q8_0, 32, 34};
    case GgmlType::Q4_K: return {unpack_q4_k, QK_K, 144};
    case GgmlType::Q5_K: return {unpack_q5_k, QK_K, 176};
    case GgmlType::Q6_K: return {unpack_q6_k, QK_K, 210};
    default: return {};
    }
}

// sum over each 16 of u * q, times a * d, for n values: the integer part of dot_q16.
float scaled_sums_scalar(const uint8_t * u, bool is_signed, const float * a, const int16_t * q, const float * d, int64_t n) {
    float acc = 0.0f;
    for (int64_t g = 0; g < n / 16; ++g) {
        int32_t s = 0;
        const uint8_t * ug = u + 16 * g;
        const int16_t * qg = q + 16 * g;
        if (is_signed) {
            for (int i = 0; i < 16; ++i) s += static_cast<int8_t>(ug[i]) * qg[i];
        } else {
            for (int i = 0; i < 16; ++i) s += ug[i] * qg[i];
        }
        acc += a[g] * d[g / 2] * static_cast<float>(s);
    }
    return acc;
}

} // namespace

void quantize_q16(const float * x, int64_t n, Q16Row & out) {
    out.q.resize(static_cast<size_t>(n));
    out.d.resize(static_cast<size_t>(n / 32));
    out.s16.resize(static_cast<size_t>(n / 16));
    out.s32.resize(static_cast<size_t>(n / 32));
    out.d16.resize(static_cast<size_t>(n / 16));
    for (int64_t g = 0; g < n / 32; ++g) {
        const float * xg = x + 32 * g;
        float amax = 0.0f;
        for (int i = 0; i < 32; ++i) amax = std::max(amax, std::fabs(xg[i]));
        const float d = amax / kQ16Max, inv = amax > 0.0f ? kQ16Max / amax : 0.0f;
        int32_t s[2] = {0, 0};
        for (int i = 0; i < 32; ++i) {
            const int v = static_cast<int>(std::nearbyint(xg[i] * inv));
            out.q[static_cast<size_t>(32 * g + i)] = static_cast<int16_t>(v);
            s[i / 16] += v;
        }
        out.d[static_cast<size_t>(g)] = d;
        out.s16[static_cast<size_t>(2 * g)] = d * static_cast<float>(s[0]);
        out.s16[static_cast<size_t>(2 * g + 1)] = d * static_cast<float>(s[1]);
        out.s32[static_cast<size_t>(g)] = d * static_cast<float>(s[0] + s[1]);
        out.d16[static_cast<size_t>(2 * g)] = out.d16[static_cast<size_t>(2 * g + 1)] = d;
    }
}

bool quant_dot_supported(GgmlType t, int64_t n) {
    const Layout l = layout_of(t);
    return l.fn && n > 0 && n % l.elems == 0;
}

void unpack_row(GgmlType t, const uint8_t * src, int64_t n, UnpackedRow & out) {
    const Layout l = layout_of(t);
    out.u.resize(static_cast<size_t>(n));
    out.a.resize(static_cast<size_t>(n / 16));
    out.b.resize(static_cast<size_t>(n / 16));
    out.is_signed = t == GgmlType::Q8_0;
    for (int64_t i = 0; i < n / l.elems; ++i)
        l.fn(src + i * l.bytes, out.u.data() + i * l.elems, out.a.data() + i * (l.elems / 16), out.b.data() + i * (l.elems / 16));
}

float dot_q16(const UnpackedRow & w, const Q16Row & x, int64_t n) {
    float bias = 0.0f;
    for (int64_t g = 0; g < n / 16; ++g) bias += w.b[static_cast<size_t>(g)] * x.s16[static_cast<size_t>(g)];
    return scaled_sums_scalar(w.u.data(), w.is_signed, w.a.data(), x.q.data(), x.d.data(), n) + bias;
}

float dot_row(GgmlType t, const uint8_t * row, const Q16Row & x, int64_t n) {
    if (have_avx2()) return dot_row_avx2(t, row, x, n);
    thread_local UnpackedRow w;
    unpack_row(t, row, n, w);
    return dot_q16(w, x, n);
}

} // namespace quire::cpu

// Dequantisation of GGML block types to fp32, one routine per layout.
#include "model/ggml_type.h"

#include "core/error.h"
#include "core/simd.h"
#include "model/ggml_block.h"

#include <cstring>

namespace quire {

namespace {

// --- 32-element block types -------------------------------------------------------------

QUIRE_CLONES void deq_q4_0(const uint8_t * b, float * y) { // d, qs[16]
    const float d = ggml_half_at(b);
    const uint8_t * qs = b + 2;
    for (int j = 0; j < 16; ++j) {
        y[j] = static_cast<float>((qs[j] & 0x0F) - 8) * d;
        y[j + 16] = static_cast<float>((qs[j] >> 4) - 8) * d;
    }
}

QUIRE_CLONES void deq_q4_1(const uint8_t * b, float * y) { // d, m, qs[16]
    const float d = ggml_half_at(b), m = ggml_half_at(b + 2);
    const uint8_t * qs = b + 4;
    for (int j = 0; j < 16; ++j) {
        y[j] = static_cast<float>(qs[j] & 0x0F) * d + m;
        y[j + 16] = static_cast<float>(qs[j] >> 4) * d + m;
    }
}

QUIRE_CLONES void deq_q5(const uint8_t * qh_p, const uint8_t * qs, float d, float m, int offset, float * y) {
    uint32_t qh;
    std::memcpy(&qh, qh_p, 4);
    for (int j = 0; j < 16; ++j) {
        const int xh0 = static_cast<int>(((qh >> j) << 4) & 0x10);
        const int xh1 = static_cast<int>((qh >> (j + 12)) & 0x10);
        y[j] = static_cast<float>(((qs[j] & 0x0F) | xh0) - offset) * d + m;
        y[j + 16] = static_cast<float>(((qs[j] >> 4) | xh1) - offset) * d + m;
    }
}
void deq_q5_0(const uint8_t * b, float * y) { deq_q5(b + 2, b + 6, ggml_half_at(b), 0.0f, 16, y); }
void deq_q5_1(const uint8_t * b, float * y) { deq_q5(b + 4, b + 8, ggml_half_at(b), ggml_half_at(b + 2), 0, y); }

QUIRE_CLONES void deq_q8_0(const uint8_t * b, float * y) { // d, qs[32]
    const float d = ggml_half_at(b);
    for (int j = 0; j < 32; ++j) y[j] = static_cast<float>(static_cast<int8_t>(b[2 + j])) * d;
}

// --- 256-element k-quants ----------------------------------------------------------------

QUIRE_CLONES void deq_q4_k(const uint8_t * b, float * y) { // d, dmin, scales[12], qs[128]
    const float d = ggml_half_at(b), dmin = ggml_half_at(b + 2);
    const uint8_t * scales = b + 4;
    const uint8_t * q = b + 16;
    int is = 0;
    for (int j = 0; j < kQK_K; j += 64) {
        int sc, m;
        ggml_scale_min_k4(is, scales, sc, m);
        const float d1 = d * sc, m1 = dmin * m;
        ggml_scale_min_k4(is + 1, scales, sc, m);
        const float d2 = d * sc, m2 = dmin * m;
        for (int l = 0; l < 32; ++l) *y++ = d1 * static_cast<float>(q[l] & 0x0F) - m1;
        for (int l = 0; l < 32; ++l) *y++ = d2 * static_cast<float>(q[l] >> 4) - m2;
        q += 32;
        is += 2;
    }
}

QUIRE_CLONES void deq_q5_k(const uint8_t * b, float * y) { // d, dmin, scales[12], qh[32], qs[128]
    const float d = ggml_half_at(b), dmin = ggml_half_at(b + 2);
    const uint8_t * scales = b + 4;
    const uint8_t * qh = b + 16;
    const uint8_t * ql = b + 48;
    int is = 0;
    uint8_t u1 = 1, u2 = 2;
    for (int j = 0; j < kQK_K; j += 64) {
        int sc, m;
        ggml_scale_min_k4(is, scales, sc, m);
        const float d1 = d * sc, m1 = dmin * m;
        ggml_scale_min_k4(is + 1, scales, sc, m);
        const float d2 = d * sc, m2 = dmin * m;
        for (int l = 0; l < 32; ++l) *y++ = d1 * static_cast<float>((ql[l] & 0x0F) + (qh[l] & u1 ? 16 : 0)) - m1;
        for (int l = 0; l < 32; ++l) *y++ = d2 * static_cast<float>((ql[l] >> 4) + (qh[l] & u2 ? 16 : 0)) - m2;
        ql += 32;
        is += 2;
        u1 = static_cast<uint8_t>(u1 << 2);
        u2 = static_cast<uint8_t>(u2 << 2);
    }
}

QUIRE_CLONES void deq_q6_k(const uint8_t * b, float * y) { // ql[128], qh[64], scales[16] (int8), d
    const uint8_t * ql = b;
    const uint8_t * qh = b + 128;
    const auto * sc = reinterpret_cast<const int8_t *>(b + 192);
    const float d = ggml_half_at(b + 208);
    for (int n = 0; n < kQK_K; n += 128) {
        for (int l = 0; l < 32; ++l) {
            const int is = l / 16;
            const int q1 = ((ql[l] & 0x0F) | (((qh[l] >> 0) & 3) << 4)) - 32;
            const int q2 = ((ql[l + 32] & 0x0F) | (((qh[l] >> 2) & 3) << 4)) - 32;
            const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
            const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
            y[l] = d * sc[is] * static_cast<float>(q1);
            y[l + 32] = d * sc[is + 2] * static_cast<float>(q2);
            y[l + 64] = d * sc[is + 4] * static_cast<float>(q3);
            y[l + 96] = d * sc[is + 6] * static_cast<float>(q4);
        }
        y += 128;
        ql += 64;
        qh += 32;
        sc += 8;
    }
}

using BlockFn = void (*)(const uint8_t *, float *);

BlockFn block_fn(GgmlType t) {
    switch (t) {
    case GgmlType::Q4_0: return deq_q4_0;
    case GgmlType::Q4_1: return deq_q4_1;
    case GgmlType::Q5_0: return deq_q5_0;
    case GgmlType::Q5_1: return deq_q5_1;
    case GgmlType::Q8_0: return deq_q8_0;
    case GgmlType::Q4_K: return deq_q4_k;
    case GgmlType::Q5_K: return deq_q5_k;
    case GgmlType::Q6_K: return deq_q6_k;
    default: return nullptr;
    }
}

} // namespace

std::optional<GgmlTypeInfo> ggml_type_info(uint32_t type) {
    switch (static_cast<GgmlType>(type)) {
    case GgmlType::F32: return GgmlTypeInfo{"F32", 1, 4, true};
    case GgmlType::F16: return GgmlTypeInfo{"F16", 1, 2, true};
    case GgmlType::BF16: return GgmlTypeInfo{"BF16", 1, 2, true};
    case GgmlType::Q4_0: return GgmlTypeInfo{"Q4_0", 32, 18, true};
    case GgmlType::Q4_1: return GgmlTypeInfo{"Q4_1", 32, 20, true};
    case GgmlType::Q5_0: return GgmlTypeInfo{"Q5_0", 32, 22, true};
    case GgmlType::Q5_1: return GgmlTypeInfo{"Q5_1", 32, 24, true};
    case GgmlType::Q8_0: return GgmlTypeInfo{"Q8_0", 32, 34, true};
    case GgmlType::Q8_1: return GgmlTypeInfo{"Q8_1", 32, 36, false};
    case GgmlType::Q2_K: return GgmlTypeInfo{"Q2_K", 256, 84, false};
    case GgmlType::Q3_K: return GgmlTypeInfo{"Q3_K", 256, 110, false};
    case GgmlType::Q4_K: return GgmlTypeInfo{"Q4_K", 256, 144, true};
    case GgmlType::Q5_K: return GgmlTypeInfo{"Q5_K", 256, 176, true};
    case GgmlType::Q6_K: return GgmlTypeInfo{"Q6_K", 256, 210, true};
    case GgmlType::Q8_K: return GgmlTypeInfo{"Q8_K", 256, 292, false};
    }
    return std::nullopt;
}

std::string ggml_type_name(uint32_t type) {
    auto info = ggml_type_info(type);
    return info ? info->name : "type#" + std::to_string(type);
}

std::optional<uint64_t> ggml_row_bytes(GgmlType type, uint64_t n) {
    auto info = ggml_type_info(static_cast<uint32_t>(type));
    if (!info || n % info->block_elems != 0) return std::nullopt;
    const uint64_t blocks = n / info->block_elems;
    if (blocks > UINT64_MAX / info->block_bytes) return std::nullopt;
    return blocks * info->block_bytes;
}

void ggml_dequantize(GgmlType type, const void * src, float * dst, uint64_t n) {
    const auto * p = static_cast<const uint8_t *>(src);
    switch (type) {
    case GgmlType::F32: std::memcpy(dst, p, n * 4); return;
    case GgmlType::F16:
        for (uint64_t i = 0; i < n; ++i) dst[i] = fp16_to_fp32(ggml_rd16(p + 2 * i));
        return;
    case GgmlType::BF16:
        for (uint64_t i = 0; i < n; ++i) dst[i] = bf16_to_fp32(ggml_rd16(p + 2 * i));
        return;
    default: break;
    }
    const BlockFn fn = block_fn(type);
    auto info = ggml_type_info(static_cast<uint32_t>(type));
    if (!fn || !info) fail(Status::UNSUPPORTED, "cannot dequantize tensor type " + ggml_type_name(static_cast<uint32_t>(type)));
    if (n % info->block_elems != 0) fail(Status::INTERNAL, "dequantize: element count is not a whole number of blocks");
    const uint64_t blocks = n / info->block_elems;
    for (uint64_t b = 0; b < blocks; ++b) fn(p + b * info->block_bytes, dst + b * info->block_elems);
}

} // namespace quire

// Reading the fields of GGML quantised blocks, shared by the dequantisation (model/ggml_type.cpp)
// and the CPU's integer dot products (cpu/quant_dot.cpp).
#pragma once

#include "core/half.h"

#include <cstdint>
#include <cstring>

namespace quire {

inline constexpr int kQK_K = 256; // values per k-quant super-block

inline uint16_t ggml_rd16(const uint8_t * p) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    return v;
}

// The fp16 at p (blocks are packed: no alignment).
inline float ggml_half_at(const uint8_t * p) { return fp16_to_fp32(ggml_rd16(p)); }

// Q4_K / Q5_K: the 6-bit scale and minimum of sub-block j (0-7) from the block's 12 scale bytes.
inline void ggml_scale_min_k4(int j, const uint8_t * q, int & d, int & m) {
    if (j < 4) {
        d = q[j] & 63;
        m = q[j + 4] & 63;
    } else {
        d = (q[j + 4] & 0x0F) | ((q[j - 4] >> 6) << 4);
        m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

// The same for all eight sub-blocks at once, as bytes 0-7 of two 64-bit words (sub-block j in
// byte j): four bytes of scales, four of minimums, their high bits and the second four's low bits.
inline void ggml_scales_mins_k4(const uint8_t * q, uint64_t & scales, uint64_t & mins) {
    uint32_t u0, u1, u2;
    std::memcpy(&u0, q, 4), std::memcpy(&u1, q + 4, 4), std::memcpy(&u2, q + 8, 4);
    const uint32_t s_lo = u0 & 0x3F3F3F3Fu, m_lo = u1 & 0x3F3F3F3Fu;
    const uint32_t s_hi = (u2 & 0x0F0F0F0Fu) | (((u0 >> 6) & 0x03030303u) << 4);
    const uint32_t m_hi = ((u2 >> 4) & 0x0F0F0F0Fu) | (((u1 >> 6) & 0x03030303u) << 4);
    scales = s_lo | (static_cast<uint64_t>(s_hi) << 32);
    mins = m_lo | (static_cast<uint64_t>(m_hi) << 32);
}

} // namespace quire

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

} // namespace quire

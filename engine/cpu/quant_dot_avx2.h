// The AVX2 kernels behind quant_dot.h's dot_row (an internal header of cpu/).
#pragma once

#include "cpu/quant_dot.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define QUIRE_QUANT_AVX2 1
#endif

namespace quire::cpu {

// Whether this CPU has AVX2, FMA and F16C (always false where the kernels are not built).
bool have_avx2();

// sum_i w_i x_i of a weight row of type t (n values, whole blocks) and x; only where have_avx2().
float dot_row_avx2(GgmlType t, const uint8_t * row, const Q16Row & x, int64_t n);

} // namespace quire::cpu

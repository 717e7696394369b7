// The CPU's products for many inputs at once (reading a document, a prompt, a question): weight
// rows in panels, each panel dequantised to fp32 once per call and multiplied with every input by
// OpenBLAS's SGEMM (packed, register-blocked, FMA; 2-4x the per-row float dots it replaced, which
// re-read every input once per four weight rows). The panels are Quire's OpenMP loop; OpenBLAS
// itself runs one thread per call, so the cores have one owner.
#pragma once

#include "cpu/ops.h"

#include <cstddef>
#include <cstdint>

namespace quire::cpu {

// For each output: Y[t][r] = sum_i X[t][i] * W[r][i] (+ bias[r]), t < T; every W has the same
// cols. All outputs' panels in one parallel loop.
void panel_matmul(const float * X, int64_t T, const MatmulOut * outs, size_t n_outs);

} // namespace quire::cpu

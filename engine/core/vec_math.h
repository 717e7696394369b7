// The fp32 dot product and softmax under every CPU kernel (cpu/ops.h) and the block selection
// (memory/block_select.h): the dot product in sixteen partial sums, the same order on every machine.
#pragma once

#include <cstdint>

namespace quire {

float dot(const float * a, const float * b, int64_t n);

// In-place softmax of n values.
void softmax(float * x, int64_t n);

} // namespace quire

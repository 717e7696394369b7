// One row of attention logits into softmax numerators, vectorised (the CPU's attention passes:
// cpu/causal_attention.h, cpu/memory_attention.h).
#pragma once

namespace quire::cpu {

// s[j] = e^(s[j] - max) for j < visible, 0 for visible <= j < n (keys the row may not see).
// Returns the maximum of the visible logits (-inf when none) and the sum of the numerators.
void softmax_numerators(float * s, int visible, int n, float & max_out, float & sum_out);

} // namespace quire::cpu

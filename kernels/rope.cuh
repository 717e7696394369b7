// Rotary position embedding in place on fp32 [n_tok][n_heads * head_dim], each token at its own
// position (device array), both pair layouts. The angle is computed in double, as in the CPU
// twin (cpu::rope), so that positions of a long book stay exact.
#pragma once
#include <cuda_runtime.h>

namespace quire {

cudaError_t launch_rope_f32(float * x, int n_tok, int n_heads, int head_dim, const int * positions, const float * inv_freq, bool adjacent_pairs,
                            cudaStream_t stream);

} // namespace quire

// Layout changes around the batched attention GEMMs: token-major [T][H][HD] fp32 to head-major
// [H][T][HD] in the compute type (F32 or BF16), so that the n_rep query heads of one KV head are
// contiguous rows; and head-major fp32 back to token-major in ct (the next GEMM's input).
#pragma once
#include "kv_type.cuh"

namespace quire {

cudaError_t launch_to_head_major(const float * x, void * y, int T, int H, int HD, KvType ct, cudaStream_t stream);
cudaError_t launch_from_head_major(const float * x, void * y, int T, int H, int HD, KvType ct, cudaStream_t stream);

} // namespace quire

// RMSNorm over rows of fp32: y = x / sqrt(mean(x^2) + eps) * w. CPU twin: cpu::rmsnorm.
#pragma once
#include "kv_type.cuh"

#include <cuda_runtime.h>

namespace quire {

cudaError_t launch_rmsnorm_f32(const float * x, const float * w, float * y, int rows, int n, float eps, cudaStream_t stream);

// Fused residual add and norm for the GEMM that follows: if add is not null, x += add (in place);
// then y = norm(x) * w written in ct (F32, or BF16 as the next GEMM's input).
cudaError_t launch_add_rmsnorm(float * x, const float * add, const float * w, void * y, KvType ct, int rows, int n, float eps, cudaStream_t stream);

} // namespace quire

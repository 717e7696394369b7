// Elementwise fp32 ops of the decoder: SwiGLU (g = silu(g) * u), residual add (x += y), and the
// embedding gather (rows of a table by token id). CPU twins: cpu::swiglu, loops in CpuModel.
#pragma once
#include "kv_type.cuh"

#include <cuda_runtime.h>

namespace quire {

cudaError_t launch_swiglu_f32(float * g, const float * u, long long n, cudaStream_t stream);
cudaError_t launch_add_f32(float * x, const float * y, long long n, cudaStream_t stream);
cudaError_t launch_add_bias_f32(float * x, const float * bias, int rows, int n, cudaStream_t stream);
cudaError_t launch_get_rows_f32(const float * table, const int * ids, float * out, int n_ids, int n, cudaStream_t stream);
// SwiGLU of a fused gate/up product: gu [rows][2n] (gate then up) -> y [rows][n], both in ct.
cudaError_t launch_swiglu_fused(const void * gu, void * y, KvType ct, int rows, int n, cudaStream_t stream);

} // namespace quire

// Precision conversions for the bf16 GEMM path: activations fp32 -> bf16 before a GEMM, and
// embedding rows gathered from a bf16 table into fp32. CPU twin: core/half.h conversions.
#pragma once
#include <cstdint>
#include <cuda_runtime.h>

namespace quire {

cudaError_t launch_f32_to_bf16(const float * x, uint16_t * y, long long n, cudaStream_t stream);
cudaError_t launch_get_rows_bf16(const uint16_t * table, const int * ids, float * out, int n_ids, int n, cudaStream_t stream);

} // namespace quire

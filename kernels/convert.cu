// Conversions with round-to-nearest-even (__float2bfloat16_rn).
#include "convert.cuh"

#include <cuda_bf16.h>

namespace quire {

// ---------------------------------------------------------------------------------------------
static __global__ void f32_to_bf16_kernel(const float * x, __nv_bfloat16 * y, long long n) {
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x)
        y[i] = __float2bfloat16_rn(x[i]);
}
static __global__ void get_rows_bf16_kernel(const __nv_bfloat16 * table, const int * ids, float * out, int n) {
    const __nv_bfloat16 * src = table + static_cast<size_t>(ids[blockIdx.x]) * n;
    float * dst = out + static_cast<size_t>(blockIdx.x) * n;
    for (int i = threadIdx.x; i < n; i += blockDim.x) dst[i] = __bfloat162float(src[i]);
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_f32_to_bf16(const float * x, uint16_t * y, long long n, cudaStream_t stream) {
    const unsigned grid = static_cast<unsigned>(n / 256 + 1 < 65535 ? n / 256 + 1 : 65535);
    f32_to_bf16_kernel<<<grid, 256, 0, stream>>>(x, reinterpret_cast<__nv_bfloat16 *>(y), n);
    return cudaGetLastError();
}
cudaError_t launch_get_rows_bf16(const uint16_t * table, const int * ids, float * out, int n_ids, int n, cudaStream_t stream) {
    if (n_ids <= 0) return cudaErrorInvalidValue;
    get_rows_bf16_kernel<<<n_ids, 256, 0, stream>>>(reinterpret_cast<const __nv_bfloat16 *>(table), ids, out, n);
    return cudaGetLastError();
}

} // namespace quire

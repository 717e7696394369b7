// RMSNorm: one block per row; the sum of squares is reduced in the block.
#include "rmsnorm.cuh"

#include "detail/kv_access.cuh"

// ---------------------------------------------------------------------------------------------
static __global__ void rmsnorm_f32_kernel(const float * __restrict__ x, const float * __restrict__ w, float * __restrict__ y, int n, float eps) {
    const float * xr = x + static_cast<size_t>(blockIdx.x) * n;
    float * yr = y + static_cast<size_t>(blockIdx.x) * n;
    float ss = 0.0f;
    for (int i = threadIdx.x; i < n; i += blockDim.x) ss += xr[i] * xr[i];
    __shared__ float partial[32];
    for (int o = 16; o > 0; o >>= 1) ss += __shfl_xor_sync(0xffffffff, ss, o);
    if ((threadIdx.x & 31) == 0) partial[threadIdx.x >> 5] = ss;
    __syncthreads();
    if (threadIdx.x < 32) {
        ss = threadIdx.x < (blockDim.x >> 5) ? partial[threadIdx.x] : 0.0f;
        for (int o = 16; o > 0; o >>= 1) ss += __shfl_xor_sync(0xffffffff, ss, o);
        if (threadIdx.x == 0) partial[0] = ss;
    }
    __syncthreads();
    const float scale = rsqrtf(partial[0] / static_cast<float>(n) + eps);
    for (int i = threadIdx.x; i < n; i += blockDim.x) yr[i] = w[i] * (xr[i] * scale);
}

template <KvType CT>
static __global__ void add_rmsnorm_kernel(float * __restrict__ x, const float * __restrict__ add, const float * __restrict__ w, void * y, int n, float eps) {
    using E = KvElem<CT>;
    float * xr = x + static_cast<size_t>(blockIdx.x) * n;
    float ss = 0.0f;
    if (add) {
        const float * ar = add + static_cast<size_t>(blockIdx.x) * n;
        for (int i = threadIdx.x; i < n; i += blockDim.x) {
            const float v = xr[i] + ar[i];
            xr[i] = v;
            ss += v * v;
        }
    } else {
        for (int i = threadIdx.x; i < n; i += blockDim.x) ss += xr[i] * xr[i];
    }
    __shared__ float partial[32];
    for (int o = 16; o > 0; o >>= 1) ss += __shfl_xor_sync(0xffffffff, ss, o);
    if ((threadIdx.x & 31) == 0) partial[threadIdx.x >> 5] = ss;
    __syncthreads();
    if (threadIdx.x < 32) {
        ss = threadIdx.x < (blockDim.x >> 5) ? partial[threadIdx.x] : 0.0f;
        for (int o = 16; o > 0; o >>= 1) ss += __shfl_xor_sync(0xffffffff, ss, o);
        if (threadIdx.x == 0) partial[0] = ss;
    }
    __syncthreads();
    const float scale = rsqrtf(partial[0] / static_cast<float>(n) + eps);
    auto * yr = static_cast<typename E::type *>(y) + static_cast<size_t>(blockIdx.x) * n;
    for (int i = threadIdx.x; i < n; i += blockDim.x) E::store(yr, i, w[i] * (xr[i] * scale));
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_add_rmsnorm(float * x, const float * add, const float * w, void * y, KvType ct, int rows, int n, float eps, cudaStream_t stream) {
    if (rows <= 0 || n <= 0 || ct == KvType::FP8) return cudaErrorInvalidValue;
    KV_DISPATCH(ct, add_rmsnorm_kernel<KT><<<rows, 256, 0, stream>>>(x, add, w, y, n, eps))
    return cudaGetLastError();
}
cudaError_t launch_rmsnorm_f32(const float * x, const float * w, float * y, int rows, int n, float eps, cudaStream_t stream) {
    if (rows <= 0 || n <= 0) return cudaErrorInvalidValue;
    rmsnorm_f32_kernel<<<rows, 256, 0, stream>>>(x, w, y, n, eps);
    return cudaGetLastError();
}

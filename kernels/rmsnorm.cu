// RMSNorm: one block per row; the sum of squares is reduced in the block (optionally after a
// residual add, written in the next GEMM's input type).
#include "rmsnorm.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"

// ---------------------------------------------------------------------------------------------
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
    ss = block_sum(ss, partial);
    const float scale = rsqrtf(ss / static_cast<float>(n) + eps);
    auto * yr = static_cast<typename E::type *>(y) + static_cast<size_t>(blockIdx.x) * n;
    for (int i = threadIdx.x; i < n; i += blockDim.x) E::store(yr, i, w[i] * (xr[i] * scale));
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_add_rmsnorm(float * x, const float * add, const float * w, void * y, KvType ct, int rows, int n, float eps, cudaStream_t stream) {
    if (rows <= 0 || n <= 0 || ct == KvType::FP8) return cudaErrorInvalidValue;
    KV_DISPATCH(ct, add_rmsnorm_kernel<KT><<<rows, 256, 0, stream>>>(x, add, w, y, n, eps))
    return cudaGetLastError();
}
// Without an addend x is only read.
cudaError_t launch_rmsnorm_f32(const float * x, const float * w, float * y, int rows, int n, float eps, cudaStream_t stream) {
    return launch_add_rmsnorm(const_cast<float *>(x), nullptr, w, y, KvType::F32, rows, n, eps, stream);
}

// RMSNorm: one block per row; the sum of squares is reduced in the block (optionally after a
// residual add, written in the next GEMM's input type).
#include "rmsnorm.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"

#include <cstdint>

namespace quire {

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

// The same four columns at a time (n % 4 == 0, rows 16-byte aligned): the common case.
template <KvType CT>
static __global__ void add_rmsnorm4_kernel(float * __restrict__ x, const float * __restrict__ add, const float * __restrict__ w, void * y, int n, float eps) {
    using E = KvElem<CT>;
    const int n4 = n / 4;
    float4 * xr = reinterpret_cast<float4 *>(x + static_cast<size_t>(blockIdx.x) * n);
    const float4 * ar = add ? reinterpret_cast<const float4 *>(add + static_cast<size_t>(blockIdx.x) * n) : nullptr;
    float ss = 0.0f;
    for (int i = threadIdx.x; i < n4; i += blockDim.x) {
        float4 v = xr[i];
        if (ar) {
            const float4 a = ar[i];
            v.x += a.x, v.y += a.y, v.z += a.z, v.w += a.w;
            xr[i] = v;
        }
        ss += v.x * v.x + v.y * v.y + v.z * v.z + v.w * v.w;
    }
    __shared__ float partial[32];
    ss = block_sum(ss, partial);
    const float scale = rsqrtf(ss / static_cast<float>(n) + eps);
    auto * yr = static_cast<typename E::type *>(y) + static_cast<size_t>(blockIdx.x) * n;
    const float4 * w4 = reinterpret_cast<const float4 *>(w);
    for (int i = threadIdx.x; i < n4; i += blockDim.x) {
        const float4 v = xr[i], g = w4[i];
        E::store(yr, 4 * i, g.x * (v.x * scale));
        E::store(yr, 4 * i + 1, g.y * (v.y * scale));
        E::store(yr, 4 * i + 2, g.z * (v.z * scale));
        E::store(yr, 4 * i + 3, g.w * (v.w * scale));
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_add_rmsnorm(float * x, const float * add, const float * w, void * y, KvType ct, int rows, int n, float eps, cudaStream_t stream) {
    if (rows <= 0 || n <= 0 || ct == KvType::FP8) return cudaErrorInvalidValue;
    const bool vec = n % 4 == 0 && reinterpret_cast<uintptr_t>(x) % 16 == 0 && reinterpret_cast<uintptr_t>(add) % 16 == 0 &&
                     reinterpret_cast<uintptr_t>(w) % 16 == 0;
    if (vec) KV_DISPATCH(ct, add_rmsnorm4_kernel<KT><<<rows, 256, 0, stream>>>(x, add, w, y, n, eps))
    else KV_DISPATCH(ct, add_rmsnorm_kernel<KT><<<rows, 256, 0, stream>>>(x, add, w, y, n, eps))
    return cudaGetLastError();
}
// Without an addend x is only read.
cudaError_t launch_rmsnorm_f32(const float * x, const float * w, float * y, int rows, int n, float eps, cudaStream_t stream) {
    return launch_add_rmsnorm(const_cast<float *>(x), nullptr, w, y, KvType::F32, rows, n, eps, stream);
}

} // namespace quire

// Grid-stride elementwise kernels.
#include "elementwise.cuh"

#include "detail/kv_access.cuh"

#include <algorithm>
#include <cstdint>
#include <type_traits>

namespace quire {

// ---------------------------------------------------------------------------------------------
static __global__ void swiglu_kernel(float * g, const float * u, long long n) {
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x)
        g[i] = g[i] / (1.0f + expf(-g[i])) * u[i];
}
static __global__ void add_kernel(float * x, const float * y, long long n) {
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x)
        x[i] += y[i];
}
static __global__ void add_bias_kernel(float * x, const float * bias, long long total, int n) {
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < total; i += static_cast<long long>(gridDim.x) * blockDim.x)
        x[i] += bias[i % n];
}
static __global__ void get_rows_kernel(const float * table, const int * ids, float * out, int n) {
    const float * src = table + static_cast<size_t>(ids[blockIdx.x]) * n;
    float * dst = out + static_cast<size_t>(blockIdx.x) * n;
    for (int i = threadIdx.x; i < n; i += blockDim.x) dst[i] = src[i];
}

// Grid (column groups, rows): each thread takes kVec consecutive columns (vector loads and
// stores where n allows), no division per element.
constexpr int kVec = 4;
template <KvType CT, bool kVector> static __global__ void swiglu_fused_kernel(const void * gu, void * y, int n) {
    using E = KvElem<CT>;
    using T_ = typename E::type;
    const int c0 = (blockIdx.x * blockDim.x + threadIdx.x) * kVec;
    if (c0 >= n) return;
    const size_t r = blockIdx.y;
    const T_ * g = static_cast<const T_ *>(gu) + r * 2 * n, * u = g + n;
    T_ * out = static_cast<T_ *>(y) + r * n;
    if constexpr (kVector) {
        using V = std::conditional_t<CT == KvType::F32, float4, uint2>; // 4 elements
        V gv = *reinterpret_cast<const V *>(g + c0), uv = *reinterpret_cast<const V *>(u + c0), ov;
        const T_ * ge = reinterpret_cast<const T_ *>(&gv), * ue = reinterpret_cast<const T_ *>(&uv);
        T_ * oe = reinterpret_cast<T_ *>(&ov);
#pragma unroll
        for (int k = 0; k < kVec; ++k) {
            const float a = E::load(ge, k), b = E::load(ue, k);
            E::store(oe, k, a / (1.0f + expf(-a)) * b);
        }
        *reinterpret_cast<V *>(out + c0) = ov;
    } else {
        for (int c = c0; c < min(n, c0 + kVec); ++c) {
            const float a = E::load(g, c), b = E::load(u, c);
            E::store(out, c, a / (1.0f + expf(-a)) * b);
        }
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_swiglu_fused(const void * gu, void * y, KvType ct, int rows, int n, cudaStream_t stream) {
    if (rows <= 0 || n <= 0 || ct == KvType::FP8) return cudaErrorInvalidValue;
    const size_t esz = ct == KvType::F32 ? 4 : 2;
    for (int r0 = 0; r0 < rows; r0 += 65535) { // grid.y limit
        const void * g = static_cast<const unsigned char *>(gu) + static_cast<size_t>(r0) * 2 * n * esz;
        void * o = static_cast<unsigned char *>(y) + static_cast<size_t>(r0) * n * esz;
        const dim3 grid(static_cast<unsigned>((n + 256 * kVec - 1) / (256 * kVec)), static_cast<unsigned>(std::min(rows - r0, 65535)));
        const bool vec = n % kVec == 0 && reinterpret_cast<uintptr_t>(g) % 16 == 0 && reinterpret_cast<uintptr_t>(o) % 16 == 0;
        if (vec) KV_DISPATCH(ct, swiglu_fused_kernel<KT, true><<<grid, 256, 0, stream>>>(g, o, n))
        else KV_DISPATCH(ct, swiglu_fused_kernel<KT, false><<<grid, 256, 0, stream>>>(g, o, n))
    }
    return cudaGetLastError();
}
static unsigned grid_for(long long n) { return static_cast<unsigned>(n / 256 + 1 < 65535 ? n / 256 + 1 : 65535); }

cudaError_t launch_swiglu_f32(float * g, const float * u, long long n, cudaStream_t stream) {
    swiglu_kernel<<<grid_for(n), 256, 0, stream>>>(g, u, n);
    return cudaGetLastError();
}
cudaError_t launch_add_f32(float * x, const float * y, long long n, cudaStream_t stream) {
    add_kernel<<<grid_for(n), 256, 0, stream>>>(x, y, n);
    return cudaGetLastError();
}
cudaError_t launch_add_bias_f32(float * x, const float * bias, int rows, int n, cudaStream_t stream) {
    const long long total = static_cast<long long>(rows) * n;
    add_bias_kernel<<<grid_for(total), 256, 0, stream>>>(x, bias, total, n);
    return cudaGetLastError();
}
cudaError_t launch_get_rows_f32(const float * table, const int * ids, float * out, int n_ids, int n, cudaStream_t stream) {
    if (n_ids <= 0) return cudaErrorInvalidValue;
    get_rows_kernel<<<n_ids, 256, 0, stream>>>(table, ids, out, n);
    return cudaGetLastError();
}

} // namespace quire

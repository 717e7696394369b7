// Grid-stride elementwise kernels.
#include "elementwise.cuh"

#include "detail/kv_access.cuh"

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

template <KvType CT> static __global__ void swiglu_fused_kernel(const float * gu, void * y, int rows, int n) {
    using E = KvElem<CT>;
    const long long total = static_cast<long long>(rows) * n;
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < total; i += static_cast<long long>(gridDim.x) * blockDim.x) {
        const long long r = i / n, c = i % n;
        const float g = gu[r * 2 * n + c], u = gu[r * 2 * n + n + c];
        E::store(static_cast<typename E::type *>(y), i, g / (1.0f + expf(-g)) * u);
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_swiglu_fused(const float * gu, void * y, KvType ct, int rows, int n, cudaStream_t stream) {
    if (rows <= 0 || n <= 0 || ct == KvType::FP8) return cudaErrorInvalidValue;
    KV_DISPATCH(ct, swiglu_fused_kernel<KT><<<grid_1d(static_cast<long long>(rows) * n), 256, 0, stream>>>(gu, y, rows, n))
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

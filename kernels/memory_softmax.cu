// Masked row softmax and column sums of the probabilities.
#include "memory_softmax.cuh"

#include "detail/block_reduce.cuh"

#include <cuda_bf16.h>

namespace quire {

namespace {
constexpr int kThreads = 256;
} // namespace

// ---------------------------------------------------------------------------------------------
// One block per row (h, t); the row stays in registers (kItems per thread) between the passes.
template <int kItems> static __global__ void memory_softmax_kernel(MemorySoftmaxParams p) {
    __shared__ float red[kThreads / 32];
    const int row = blockIdx.x, t = row % p.T;
    float * s = p.s + static_cast<size_t>(row) * p.n_cols;
    const int visible = min(p.n_cols, p.n_mem + p.c->n_win + t + 1);
    float v[kItems];
    float m = -INFINITY;
#pragma unroll
    for (int k = 0; k < kItems; ++k) {
        const int j = threadIdx.x + k * kThreads;
        v[k] = j < visible ? s[j] : -INFINITY;
        m = fmaxf(m, v[k]);
    }
    m = block_reduce<true>(m, red);
    float sum = 0.0f;
#pragma unroll
    for (int k = 0; k < kItems; ++k) {
        v[k] = threadIdx.x + k * kThreads < visible ? expf(v[k] - m) : 0.0f;
        sum += v[k];
    }
    sum = block_reduce<false>(sum, red);
    const float inv = 1.0f / sum;
    __nv_bfloat16 * pb = p.p ? static_cast<__nv_bfloat16 *>(p.p) + static_cast<size_t>(row) * p.n_cols : nullptr;
#pragma unroll
    for (int k = 0; k < kItems; ++k) {
        const int j = threadIdx.x + k * kThreads;
        if (j >= p.n_cols) break;
        if (pb) pb[j] = __float2bfloat16_rn(v[k] * inv);
        else s[j] = v[k] * inv;
    }
}

// Rows too long for registers: three passes over global memory.
static __global__ void memory_softmax_long_kernel(MemorySoftmaxParams p) {
    __shared__ float red[kThreads / 32];
    const int row = blockIdx.x, t = row % p.T;
    float * s = p.s + static_cast<size_t>(row) * p.n_cols;
    const int visible = min(p.n_cols, p.n_mem + p.c->n_win + t + 1);
    float m = -INFINITY;
    for (int j = threadIdx.x; j < visible; j += kThreads) m = fmaxf(m, s[j]);
    m = block_reduce<true>(m, red);
    float sum = 0.0f;
    for (int j = threadIdx.x; j < visible; j += kThreads) sum += expf(s[j] - m);
    sum = block_reduce<false>(sum, red);
    const float inv = 1.0f / sum;
    __nv_bfloat16 * pb = p.p ? static_cast<__nv_bfloat16 *>(p.p) + static_cast<size_t>(row) * p.n_cols : nullptr;
    for (int j = threadIdx.x; j < p.n_cols; j += kThreads) {
        const float v = j < visible ? expf(s[j] - m) * inv : 0.0f;
        if (pb) pb[j] = __float2bfloat16_rn(v);
        else s[j] = v;
    }
}

// One thread per (local column, head): sums over the T queries.
template <typename P> __device__ __forceinline__ float prob(const P * p, size_t i);
template <> __device__ __forceinline__ float prob<float>(const float * p, size_t i) { return p[i]; }
template <> __device__ __forceinline__ float prob<__nv_bfloat16>(const __nv_bfloat16 * p, size_t i) { return __bfloat162float(p[i]); }

template <typename P>
static __global__ void local_scores_kernel(const P * s, const StepCounters * c, float * win_score, int n_head, int T, int n_cols, int n_mem) {
    const int n_loc = c->n_win + T;
    const int h = blockIdx.y;
    for (int j = blockIdx.x * blockDim.x + threadIdx.x; j < n_loc && n_mem + j < n_cols; j += gridDim.x * blockDim.x) {
        float acc = 0.0f;
        const size_t col = static_cast<size_t>(h) * T * n_cols + n_mem + j;
        for (int t = 0; t < T; ++t) acc += prob(s, col + static_cast<size_t>(t) * n_cols);
        win_score[static_cast<size_t>(j) * n_head + h] += acc;
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_memory_softmax(const MemorySoftmaxParams & p, cudaStream_t stream) {
    if (p.T <= 0 || p.n_head <= 0 || p.n_cols <= 0) return cudaErrorInvalidValue;
    const unsigned rows = static_cast<unsigned>(p.n_head * p.T);
    if (p.n_cols <= 8 * kThreads) memory_softmax_kernel<8><<<rows, kThreads, 0, stream>>>(p);
    else if (p.n_cols <= 16 * kThreads) memory_softmax_kernel<16><<<rows, kThreads, 0, stream>>>(p);
    else if (p.n_cols <= 32 * kThreads) memory_softmax_kernel<32><<<rows, kThreads, 0, stream>>>(p);
    else memory_softmax_long_kernel<<<rows, kThreads, 0, stream>>>(p);
    return cudaGetLastError();
}
cudaError_t launch_local_scores(const MemorySoftmaxParams & p, float * win_score, cudaStream_t stream) {
    const int n_loc = p.n_cols - p.n_mem;
    if (n_loc <= 0) return cudaErrorInvalidValue;
    const dim3 grid(static_cast<unsigned>((n_loc + 127) / 128), static_cast<unsigned>(p.n_head));
    if (p.p) local_scores_kernel<<<grid, 128, 0, stream>>>(static_cast<const __nv_bfloat16 *>(p.p), p.c, win_score, p.n_head, p.T, p.n_cols, p.n_mem);
    else local_scores_kernel<<<grid, 128, 0, stream>>>(p.s, p.c, win_score, p.n_head, p.T, p.n_cols, p.n_mem);
    return cudaGetLastError();
}

} // namespace quire

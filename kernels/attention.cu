// One block per (query, head); keys in tiles of kTile with an online softmax: each thread
// computes the logits of some keys of the tile, then thread d accumulates output dimension d.
#include "attention.cuh"

#include "detail/block_reduce.cuh"

namespace quire {

namespace {
constexpr int kTile = 256;
constexpr int kThreads = 128;
constexpr int kMaxHeadDim = 256;

} // namespace

// ---------------------------------------------------------------------------------------------
static __global__ void attention_f32_kernel(AttentionParams p) {
    const int t = blockIdx.x / p.n_head, h = blockIdx.x % p.n_head;
    const int kvh = h / (p.n_head / p.n_head_kv);
    const int qd = p.n_head * p.head_dim, kvd = p.n_head_kv * p.head_dim;
    __shared__ float q[kMaxHeadDim];
    __shared__ float logits[kTile];
    __shared__ float red[kThreads / 32];
    for (int d = threadIdx.x; d < p.head_dim; d += kThreads) q[d] = p.q[static_cast<size_t>(t) * qd + h * p.head_dim + d];
    __syncthreads();
    const int n_keys = p.n_past + t + 1;
    float m = -INFINITY, l = 0.0f;
    float acc[kMaxHeadDim / kThreads] = {};
    for (int base = 0; base < n_keys; base += kTile) {
        const int n = min(kTile, n_keys - base);
        for (int j = threadIdx.x; j < n; j += kThreads) {
            const float * kr = p.k + static_cast<size_t>(base + j) * kvd + kvh * p.head_dim;
            float s = 0.0f;
            for (int d = 0; d < p.head_dim; ++d) s += q[d] * kr[d];
            logits[j] = s * p.scale;
        }
        __syncthreads();
        float tm = -INFINITY;
        for (int j = threadIdx.x; j < n; j += kThreads) tm = fmaxf(tm, logits[j]);
        const float m_new = fmaxf(m, block_max(tm, red));
        const float correction = expf(m - m_new);
        for (int j = threadIdx.x; j < n; j += kThreads) logits[j] = expf(logits[j] - m_new);
        __syncthreads();
        float tile_sum = 0.0f;
        for (int j = 0; j < n; ++j) tile_sum += logits[j];
        l = l * correction + tile_sum;
        for (int i = 0; i * kThreads + threadIdx.x < p.head_dim; ++i) {
            const int d = i * kThreads + threadIdx.x;
            float a = acc[i] * correction;
            for (int j = 0; j < n; ++j) a += logits[j] * p.v[static_cast<size_t>(base + j) * kvd + kvh * p.head_dim + d];
            acc[i] = a;
        }
        m = m_new;
        __syncthreads();
    }
    for (int i = 0; i * kThreads + threadIdx.x < p.head_dim; ++i)
        p.out[static_cast<size_t>(t) * qd + h * p.head_dim + i * kThreads + threadIdx.x] = acc[i] / l;
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_attention_f32(const AttentionParams & p, cudaStream_t stream) {
    if (p.n_tokens <= 0 || p.head_dim <= 0 || p.head_dim > kMaxHeadDim || p.n_head % p.n_head_kv) return cudaErrorInvalidValue;
    attention_f32_kernel<<<p.n_tokens * p.n_head, kThreads, 0, stream>>>(p);
    return cudaGetLastError();
}

} // namespace quire

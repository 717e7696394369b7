// Block scoring, top-k and representatives.
#include "block_select.cuh"

#include "detail/kv_access.cuh"
#include "detail/top_k.cuh"

namespace {
constexpr int kTopkThreads = 256; // a few elements per thread: cheaper rounds than 1024 threads
using topk::top_k_block;
} // namespace

// ---------------------------------------------------------------------------------------------
static __global__ void mean_rows_kernel(const float * x, float * y, int rows, int cols) {
    for (int c = blockIdx.x * blockDim.x + threadIdx.x; c < cols; c += gridDim.x * blockDim.x) {
        float s = 0.0f;
        for (int r = 0; r < rows; ++r) s += x[static_cast<size_t>(r) * cols + c];
        y[c] = s / static_cast<float>(rows);
    }
}

// One warp per block.
static __global__ void block_scores_kernel(BlockScoreParams p) {
    const int warp = (blockIdx.x * blockDim.x + threadIdx.x) >> 5, lane = threadIdx.x & 31;
    if (warp >= p.n_blocks) return;
    const float * r = p.repr + static_cast<size_t>(warp) * p.dim;
    float h = 0.0f, q = 0.0f;
    for (int d = lane; d < p.dim; d += 32) {
        h += r[d] * p.qmean[d];
        if (p.qvec) q += r[d] * p.qvec[d];
    }
    for (int o = 16; o > 0; o >>= 1) {
        h += __shfl_xor_sync(0xffffffff, h, o);
        q += __shfl_xor_sync(0xffffffff, q, o);
    }
    if (lane == 0) {
        p.s_h[warp] = h;
        if (p.qvec) p.s_q[warp] = q;
        p.combined[warp] = p.qvec ? h + p.beta * q : h;
    }
}

static __global__ void top_k_kernel(const float * v, int n, int k, int * out) {
    __shared__ float sv[kTopkThreads / 32];
    __shared__ int si[kTopkThreads / 32];
    top_k_block(v, 1, n, k, out, sv, si);
}

// One CUDA block per (query head, memory block).
template <KvType CT>
static __global__ void block_repr_kernel(const void * keys, const float * scores, int n_tokens, int n_head, int n_head_kv, int head_dim,
                                         int repr_topk, float * out) {
    extern __shared__ int picks[];
    __shared__ float sv[32];
    __shared__ int si[32];
    const int h = blockIdx.x, b = blockIdx.y, kvh = h / (n_head / n_head_kv), kvd = n_head_kv * head_dim;
    scores += static_cast<size_t>(b) * n_tokens * n_head;
    out += static_cast<size_t>(b) * n_head * head_dim;
    top_k_block(scores + h, n_head, n_tokens, repr_topk, picks, sv, si);
    __syncthreads();
    using E = KvElem<CT>;
    const auto * k = static_cast<const typename E::type *>(keys) + static_cast<size_t>(b) * n_tokens * kvd;
    for (int d = threadIdx.x; d < head_dim; d += blockDim.x) {
        float acc = 0.0f;
        for (int r = 0; r < repr_topk; ++r) acc += E::load(k, static_cast<size_t>(picks[r]) * kvd + static_cast<size_t>(kvh) * head_dim + d);
        out[static_cast<size_t>(h) * head_dim + d] = acc / static_cast<float>(repr_topk);
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_mean_rows(const float * x, float * y, int rows, int cols, cudaStream_t stream) {
    if (rows <= 0) return cudaErrorInvalidValue;
    mean_rows_kernel<<<grid_1d(cols), 256, 0, stream>>>(x, y, rows, cols);
    return cudaGetLastError();
}
cudaError_t launch_block_scores(const BlockScoreParams & p, cudaStream_t stream) {
    if (p.n_blocks <= 0) return cudaErrorInvalidValue;
    block_scores_kernel<<<(p.n_blocks * 32 + 255) / 256, 256, 0, stream>>>(p);
    return cudaGetLastError();
}
cudaError_t launch_top_k(const float * v, int n, int k, int * out, cudaStream_t stream) {
    if (k <= 0 || k > n) return cudaErrorInvalidValue;
    top_k_kernel<<<1, kTopkThreads, 0, stream>>>(v, n, k, out);
    return cudaGetLastError();
}
cudaError_t launch_block_repr(const void * keys, KvType ct, const float * scores, int n_blocks, int n_tokens, int n_head, int n_head_kv,
                              int head_dim, int repr_topk, float * out, cudaStream_t stream) {
    if (ct == KvType::FP8 || n_blocks <= 0 || repr_topk <= 0 || repr_topk > n_tokens || n_head % n_head_kv) return cudaErrorInvalidValue;
    const size_t shm = sizeof(int) * static_cast<size_t>(repr_topk);
    const dim3 grid(static_cast<unsigned>(n_head), static_cast<unsigned>(n_blocks));
    KV_DISPATCH(ct, block_repr_kernel<KT><<<grid, 256, shm, stream>>>(keys, scores, n_tokens, n_head, n_head_kv, head_dim, repr_topk, out))
    return cudaGetLastError();
}

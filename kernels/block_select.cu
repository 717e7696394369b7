// Block scoring, top-k and representatives.
#include "block_select.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"
#include "detail/top_k.cuh"

namespace quire {

namespace {
constexpr int kTopkThreads = 256; // a few elements per thread: cheaper rounds than 1024 threads
using topk::top_k_block;
} // namespace

// ---------------------------------------------------------------------------------------------
// Blocks of 32 columns x 8 row groups: each thread sums every 8th row of its column, then the
// groups are added in order (the same sum every run).
static __global__ void mean_rows_kernel(const float * x, float * y, int rows, int cols) {
    __shared__ float part[8][33];
    const int c = blockIdx.x * 32 + threadIdx.x;
    float s = 0.0f;
    if (c < cols)
        for (int r = threadIdx.y; r < rows; r += 8) s += x[static_cast<size_t>(r) * cols + c];
    part[threadIdx.y][threadIdx.x] = s;
    __syncthreads();
    if (threadIdx.y == 0 && c < cols) {
        for (int g = 1; g < 8; ++g) s += part[g][threadIdx.x];
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
    warp_sum2(h, q);
    if (lane == 0) {
        p.s_h[warp] = h;
        if (p.qvec) p.s_q[warp] = q;
        const float c = p.qvec ? h + p.beta * q : h;
        p.combined[warp] = c;
        if (p.bias) p.rank[warp] = c + p.bias[warp];
    }
}

static __global__ void top_k_kernel(const float * v, int n, int k, int * out) {
    __shared__ float sv[kTopkThreads / 32];
    __shared__ int si[kTopkThreads / 32];
    top_k_block(v, 1, n, k, out, sv, si);
}

// Warp-wise best after (last_v, last_i) among this lane's elements j = first + lane + 32 m (stride step).
__device__ __forceinline__ void warp_next(const float * v, int first, int n, int step, float last_v, int last_i, float & bv, int & bi) {
    bv = -INFINITY, bi = topk::kNone;
    for (int j = first + static_cast<int>(threadIdx.x & 31); j < n; j += step) {
        const float x = v[j];
        if (topk::better(last_v, last_i, x, j) && (bi == topk::kNone || topk::better(x, j, bv, bi))) bv = x, bi = j;
    }
    topk::warp_best(bv, bi);
}

// k <= 32: every warp finds the k best of its share without block barriers, then warp 0 picks
// the k best of those candidates; one barrier in all (the k-round block version has 2 k).
static __global__ void top_k_small_kernel(const float * v, int n, int k, int * out) {
    __shared__ float cv[kTopkThreads];
    __shared__ int ci[kTopkThreads];
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, n_warps = blockDim.x >> 5;
    float last_v = INFINITY;
    int last_i = -1;
    for (int r = 0; r < k; ++r) {
        float bv;
        int bi;
        warp_next(v, warp * 32, n, blockDim.x, last_v, last_i, bv, bi);
        if (lane == 0) cv[warp * k + r] = bv, ci[warp * k + r] = bi;
        last_v = bv, last_i = bi;
    }
    __syncthreads();
    if (warp != 0) return;
    // Candidates: n_warps * k (value, index) pairs, some empty (index topk::kNone).
    last_v = INFINITY, last_i = -1;
    for (int r = 0; r < k; ++r) {
        float bv = -INFINITY;
        int bi = topk::kNone;
        for (int c = lane; c < n_warps * k; c += 32) {
            const float x = cv[c];
            const int j = ci[c];
            if (j != topk::kNone && topk::better(last_v, last_i, x, j) && (bi == topk::kNone || topk::better(x, j, bv, bi))) bv = x, bi = j;
        }
        topk::warp_best(bv, bi);
        if (lane == 0) out[r] = bi;
        last_v = bv, last_i = bi;
    }
}

// One CUDA block per (query head, memory block, set).
template <KvType CT>
static __global__ void block_repr_kernel(ReprSets sets, int n_tokens, int n_head, int n_head_kv, int head_dim, int repr_topk) {
    const void * keys = sets.s[blockIdx.z].keys;
    const float * scores = sets.s[blockIdx.z].scores;
    float * out = sets.s[blockIdx.z].out;
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
    mean_rows_kernel<<<static_cast<unsigned>((cols + 31) / 32), dim3(32, 8), 0, stream>>>(x, y, rows, cols);
    return cudaGetLastError();
}
cudaError_t launch_block_scores(const BlockScoreParams & p, cudaStream_t stream) {
    if (p.n_blocks <= 0) return cudaErrorInvalidValue;
    block_scores_kernel<<<(p.n_blocks * 32 + 255) / 256, 256, 0, stream>>>(p);
    return cudaGetLastError();
}
cudaError_t launch_top_k(const float * v, int n, int k, int * out, cudaStream_t stream) {
    if (k <= 0 || k > n) return cudaErrorInvalidValue;
    if (k <= 32) top_k_small_kernel<<<1, kTopkThreads, 0, stream>>>(v, n, k, out);
    else top_k_kernel<<<1, kTopkThreads, 0, stream>>>(v, n, k, out);
    return cudaGetLastError();
}
cudaError_t launch_block_repr_sets(const ReprSets & sets, int n_sets, KvType ct, int n_blocks, int n_tokens, int n_head, int n_head_kv, int head_dim,
                                   int repr_topk, cudaStream_t stream) {
    if (ct == KvType::FP8 || n_blocks <= 0 || n_sets <= 0 || n_sets > kReprSets || repr_topk <= 0 || repr_topk > n_tokens || n_head % n_head_kv)
        return cudaErrorInvalidValue;
    const size_t shm = sizeof(int) * static_cast<size_t>(repr_topk);
    const dim3 grid(static_cast<unsigned>(n_head), static_cast<unsigned>(n_blocks), static_cast<unsigned>(n_sets));
    KV_DISPATCH(ct, block_repr_kernel<KT><<<grid, 256, shm, stream>>>(sets, n_tokens, n_head, n_head_kv, head_dim, repr_topk))
    return cudaGetLastError();
}
cudaError_t launch_block_repr(const void * keys, KvType ct, const float * scores, int n_blocks, int n_tokens, int n_head, int n_head_kv,
                              int head_dim, int repr_topk, float * out, cudaStream_t stream) {
    ReprSets sets{};
    sets.s[0] = {keys, scores, out};
    return launch_block_repr_sets(sets, 1, ct, n_blocks, n_tokens, n_head, n_head_kv, head_dim, repr_topk, stream);
}

} // namespace quire

// Split-key decode attention. Pass 1: one CTA per (KV head, split) serves all query heads of
// its group (each key and value row is read once, not once per query head); a lane holds
// kDpl consecutive dimensions, so a warp reads a whole key row with one vector load per lane;
// the warps take the split's keys in turn, then its values. Pass 2: one CTA per query head
// merges the splits and adds the local keys' probabilities to their local scores.
#include "decode_attention.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"

#include <cuda_bf16.h>
#include <type_traits>

namespace quire {

namespace {
constexpr int kSplits = 96;      // CTAs per KV head: enough to cover the loads' latency
constexpr int kChunk = 8;        // keys a warp loads before it computes (loads in flight)
constexpr int kThreads = 128;    // 4 warps
constexpr int kWarps = kThreads / 32;
constexpr int kMaxRep = 8;       // query heads per KV head
constexpr int kMaxKeysPerSplit = 512;
constexpr int kMaxHeadDim = 128;
static_assert(kSplits <= kThreads, "pass 2 gives each split one thread");

// kDpl consecutive elements from p + i, widened to fp32 (one vector load where the type allows).
template <KvType CT, int N> __device__ __forceinline__ void load_row(const void * p, size_t i, float (&out)[N]) {
    using E = KvElem<CT>;
    const auto * t = static_cast<const typename E::type *>(p) + i;
    if constexpr (CT == KvType::BF16 && (N == 2 || N == 4 || N == 8)) {
        using V = std::conditional_t<N == 2, unsigned, std::conditional_t<N == 4, uint2, uint4>>;
        const V v = *reinterpret_cast<const V *>(t);
        const __nv_bfloat162 * h = reinterpret_cast<const __nv_bfloat162 *>(&v);
#pragma unroll
        for (int k = 0; k < N / 2; ++k) {
            const float2 f = __bfloat1622float2(h[k]);
            out[2 * k] = f.x;
            out[2 * k + 1] = f.y;
        }
    } else {
#pragma unroll
        for (int k = 0; k < N; ++k) out[k] = E::load(t, k);
    }
}

// A warp's chunk of rows (keys or values) j0, j0 + kWarps, ... below k1: memory rows from mem,
// local rows from win; this lane's kDpl elements of each, zeros past the end or the head.
template <KvType CT, int kDpl>
__device__ __forceinline__ void load_chunk(const DecodeAttentionParams & p, const void * mem, const void * win, int j0, int k1, size_t col, bool active,
                                           float (&out)[kChunk][kDpl]) {
    const size_t kvd = static_cast<size_t>(p.n_head_kv) * static_cast<size_t>(p.head_dim);
#pragma unroll
    for (int c = 0; c < kChunk; ++c) {
        const int j = j0 + c * kWarps;
#pragma unroll
        for (int k = 0; k < kDpl; ++k) out[c][k] = 0.0f;
        if (active && j < k1) {
            const bool m = j < p.n_mem;
            load_row<CT, kDpl>(m ? mem : win, static_cast<size_t>(m ? j : j - p.n_mem) * kvd + col, out[c]);
        }
    }
}

template <KvType CT, int kDpl> __global__ void __launch_bounds__(kThreads) decode_pass1(DecodeAttentionParams p) {
    __shared__ float lg[kMaxRep][kMaxKeysPerSplit];
    __shared__ float red[kWarps][kMaxRep][kDpl * 32];
    __shared__ float stat_m[kMaxRep], stat_l[kMaxRep];
    const int kvh = blockIdx.x, split = blockIdx.y, HD = p.head_dim;
    const int n_rep = p.n_head / p.n_head_kv, h0 = kvh * n_rep;
    const int n_vis = p.n_mem + min(p.c->n_win + 1, p.n_loc_cap);
    const int per = (n_vis + kSplits - 1) / kSplits;
    const int k0 = split * per, k1 = min(n_vis, k0 + per), nk = max(k1 - k0, 0);
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int d0 = lane * kDpl;
    const bool active = d0 < HD; // lanes past the head dimension hold zeros

    // The queries of the group in registers: fixed-distance (memory keys) and rotated (local keys).
    float qm[kMaxRep][kDpl], qr[kMaxRep][kDpl];
#pragma unroll
    for (int r = 0; r < kMaxRep; ++r)
#pragma unroll
        for (int k = 0; k < kDpl; ++k) {
            const bool ok = r < n_rep && active;
            qm[r][k] = ok ? p.q_mem[(h0 + r) * HD + d0 + k] : 0.0f;
            qr[r][k] = ok ? p.q_rot[(h0 + r) * HD + d0 + k] : 0.0f;
        }
    // Logits: warp w takes keys k0 + w, k0 + w + 4, ..., kChunk rows loaded before any is used.
    for (int j0 = k0 + warp; j0 < k1; j0 += kWarps * kChunk) {
        float kv[kChunk][kDpl];
        load_chunk<CT, kDpl>(p, p.mem_k, p.win_k, j0, k1, static_cast<size_t>(kvh * HD + d0), active, kv);
#pragma unroll
        for (int c = 0; c < kChunk; ++c) {
            const int j = j0 + c * kWarps;
            if (j >= k1) break;
            const bool mem = j < p.n_mem;
#pragma unroll
            for (int r = 0; r < kMaxRep; ++r) {
                if (r >= n_rep) break;
                float s = 0.0f;
#pragma unroll
                for (int k = 0; k < kDpl; ++k) s = fmaf(mem ? qm[r][k] : qr[r][k], kv[c][k], s);
                s = warp_sum(s);
                if (lane == 0) {
                    lg[r][j - k0] = s * p.scale;
                    if (!mem) p.logits[static_cast<size_t>(h0 + r) * p.n_loc_cap + (j - p.n_mem)] = s * p.scale;
                }
            }
        }
    }
    __syncthreads();
    // Softmax statistics of the split: warp w takes query heads w, w + 4.
    for (int r = warp; r < n_rep; r += kWarps) {
        float m = -INFINITY;
        for (int j = lane; j < nk; j += 32) m = fmaxf(m, lg[r][j]);
        m = warp_max(m);
        float l = 0.0f;
        for (int j = lane; j < nk; j += 32) {
            const float e = expf(lg[r][j] - m);
            lg[r][j] = e;
            l += e;
        }
        l = warp_sum(l);
        if (lane == 0) {
            stat_m[r] = nk ? m : -INFINITY;
            stat_l[r] = nk ? l : 0.0f;
        }
    }
    __syncthreads();
    // Values: warp w takes the same keys as for the logits; partial outputs merged across warps.
    float acc[kMaxRep][kDpl] = {};
    for (int j0 = k0 + warp; j0 < k1; j0 += kWarps * kChunk) {
        float vv[kChunk][kDpl];
        load_chunk<CT, kDpl>(p, p.mem_v, p.win_v, j0, k1, static_cast<size_t>(kvh * HD + d0), active, vv);
#pragma unroll
        for (int c = 0; c < kChunk; ++c) {
            const int j = j0 + c * kWarps;
            if (j >= k1) break;
#pragma unroll
            for (int r = 0; r < kMaxRep; ++r) {
                if (r >= n_rep) break;
                const float pj = lg[r][j - k0];
#pragma unroll
                for (int k = 0; k < kDpl; ++k) acc[r][k] = fmaf(pj, vv[c][k], acc[r][k]);
            }
        }
    }
#pragma unroll
    for (int r = 0; r < kMaxRep; ++r)
#pragma unroll
        for (int k = 0; k < kDpl; ++k) red[warp][r][d0 + k] = acc[r][k];
    __syncthreads();
    for (int i = threadIdx.x; i < n_rep * HD; i += kThreads) {
        const int r = i / HD, d = i % HD;
        float s = 0.0f;
#pragma unroll
        for (int w = 0; w < kWarps; ++w) s += red[w][r][d];
        float * out = p.part + (static_cast<size_t>(h0 + r) * kSplits + split) * (HD + 2);
        out[d] = s;
        if (d == 0) {
            out[HD] = stat_m[r];
            out[HD + 1] = stat_l[r];
        }
    }
}

template <KvType CT> __global__ void __launch_bounds__(kThreads) decode_pass2(DecodeAttentionParams p) {
    using E = KvElem<CT>;
    __shared__ float w[kSplits];
    __shared__ float red[kWarps];
    const int h = blockIdx.x, HD = p.head_dim;
    const float * part = p.part + static_cast<size_t>(h) * kSplits * (HD + 2);
    // Split weights exp(m_s - m), their sum with the splits' sums (kSplits <= kThreads).
    const float ms = threadIdx.x < kSplits ? part[threadIdx.x * (HD + 2) + HD] : -INFINITY;
    const float m = block_max(ms, red);
    const float ws = ms == -INFINITY ? 0.0f : expf(ms - m);
    if (threadIdx.x < kSplits) w[threadIdx.x] = ws;
    const float l = block_sum(threadIdx.x < kSplits ? ws * part[threadIdx.x * (HD + 2) + HD + 1] : 0.0f, red);
    const float inv_l = 1.0f / l;
    // Weighted sum of the splits' outputs: warp w takes splits w, w + 4, ... (independent loads,
    // many in flight), lane the dimensions lane, lane + 32, ...; then the warps' sums merge.
    __shared__ float acc_w[kWarps][kMaxHeadDim];
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    float acc[kMaxHeadDim / 32] = {};
#pragma unroll 6
    for (int s = warp; s < kSplits; s += kWarps) {
        const float ws_ = w[s];
#pragma unroll
        for (int i = 0; i < kMaxHeadDim / 32; ++i)
            if (lane + 32 * i < HD) acc[i] = fmaf(ws_, part[s * (HD + 2) + lane + 32 * i], acc[i]);
    }
#pragma unroll
    for (int i = 0; i < kMaxHeadDim / 32; ++i)
        if (lane + 32 * i < HD) acc_w[warp][lane + 32 * i] = acc[i];
    __syncthreads();
    for (int d = threadIdx.x; d < HD; d += kThreads) {
        float sum = 0.0f;
#pragma unroll
        for (int v = 0; v < kWarps; ++v) sum += acc_w[v][d];
        E::store(static_cast<typename E::type *>(p.out), static_cast<size_t>(h) * HD + d, sum * inv_l);
    }
    // Local scores: what this query gives each visible window key and itself.
    const int n_loc = min(p.c->n_win + 1, p.n_loc_cap);
    const float * lrow = p.logits + static_cast<size_t>(h) * p.n_loc_cap;
    for (int j = threadIdx.x; j < n_loc; j += kThreads) p.win_score[static_cast<size_t>(j) * p.n_head + h] += expf(lrow[j] - m) * inv_l;
}

template <KvType CT> cudaError_t launch_ct(const DecodeAttentionParams & p, cudaStream_t stream) {
    const dim3 g1(static_cast<unsigned>(p.n_head_kv), kSplits);
    const int dpl = (p.head_dim + 31) / 32;
    if (dpl <= 1) decode_pass1<CT, 1><<<g1, kThreads, 0, stream>>>(p);
    else if (dpl == 2) decode_pass1<CT, 2><<<g1, kThreads, 0, stream>>>(p);
    else if (dpl <= 4) decode_pass1<CT, 4><<<g1, kThreads, 0, stream>>>(p);
    else return cudaErrorInvalidValue;
    decode_pass2<CT><<<p.n_head, kThreads, 0, stream>>>(p);
    return cudaGetLastError();
}

} // namespace

int decode_attention_splits() { return kSplits; }

bool decode_attention_supported(int n_head, int n_head_kv, int head_dim, int max_keys) {
    const int dpl = (head_dim + 31) / 32, tdpl = dpl <= 1 ? 1 : dpl == 2 ? 2 : 4; // a lane's share, as instantiated
    return n_head_kv > 0 && n_head % n_head_kv == 0 && n_head / n_head_kv <= kMaxRep && head_dim > 0 && head_dim <= kMaxHeadDim &&
           head_dim % tdpl == 0 && (max_keys + kSplits - 1) / kSplits <= kMaxKeysPerSplit;
}

cudaError_t launch_decode_attention(const DecodeAttentionParams & p, cudaStream_t stream) {
    if (p.ct == KvType::FP8 || !decode_attention_supported(p.n_head, p.n_head_kv, p.head_dim, p.n_mem + p.n_loc_cap)) return cudaErrorInvalidValue;
    if (p.ct == KvType::F32) return launch_ct<KvType::F32>(p, stream);
    return launch_ct<KvType::BF16>(p, stream);
}

} // namespace quire

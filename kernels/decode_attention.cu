// Split-key decode attention: 4 warps per (head, split); a warp computes one key's logit at a
// time, then thread d accumulates output dimension d over the split's keys.
#include "decode_attention.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"

namespace {
constexpr int kSplits = 64; // enough CTAs (n_head x 64) to cover the loads' latency
constexpr int kThreads = 128;
constexpr int kMaxHeadDim = 256;
constexpr int kMaxKeysPerSplit = 1024;

} // namespace

int decode_attention_splits() { return kSplits; }

template <KvType CT> static __global__ void decode_pass1(DecodeAttentionParams p) {
    using E = KvElem<CT>;
    using T_ = typename E::type;
    __shared__ float q_m[kMaxHeadDim], q_r[kMaxHeadDim];
    __shared__ float lg[kMaxKeysPerSplit];
    __shared__ float red[kThreads / 32];
    const int h = blockIdx.x, split = blockIdx.y, HD = p.head_dim, kvd = p.n_head_kv * HD;
    const int kvh = h / (p.n_head / p.n_head_kv);
    const int n_vis = p.n_mem + min(p.c->n_win + 1, p.n_loc_cap);
    const int per = (n_vis + kSplits - 1) / kSplits;
    const int k0 = split * per, k1 = min(n_vis, k0 + per);
    for (int d = threadIdx.x; d < HD; d += kThreads) {
        q_m[d] = p.q_mem[h * HD + d];
        q_r[d] = p.q_rot[h * HD + d];
    }
    __syncthreads();
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    float * lrow = p.logits + static_cast<size_t>(h) * (p.n_mem + p.n_loc_cap);
    for (int j = k0 + warp; j < k1; j += kThreads / 32) {
        const bool mem = j < p.n_mem;
        const T_ * kr = static_cast<const T_ *>(mem ? p.mem_k : p.win_k) + static_cast<size_t>(mem ? j : j - p.n_mem) * kvd + kvh * HD;
        const float * q = mem ? q_m : q_r;
        float s = 0.0f;
        for (int d = lane; d < HD; d += 32) s += q[d] * E::load(kr, d);
        for (int o = 16; o > 0; o >>= 1) s += __shfl_xor_sync(0xffffffff, s, o);
        if (lane == 0) {
            lg[j - k0] = s * p.scale;
            lrow[j] = s * p.scale;
        }
    }
    __syncthreads();
    float m = -INFINITY;
    for (int j = threadIdx.x; j < k1 - k0; j += kThreads) m = fmaxf(m, lg[j]);
    m = block_max(m, red);
    float l = 0.0f;
    for (int j = threadIdx.x; j < k1 - k0; j += kThreads) {
        const float e = expf(lg[j] - m);
        lg[j] = e;
        l += e;
    }
    l = block_sum(l, red);
    float * out = p.part + (static_cast<size_t>(h) * kSplits + split) * (HD + 2);
    for (int d = threadIdx.x; d < HD; d += kThreads) {
        float acc = 0.0f;
        for (int j = k0; j < k1; ++j) {
            const bool mem = j < p.n_mem;
            const T_ * vr = static_cast<const T_ *>(mem ? p.mem_v : p.win_v) + static_cast<size_t>(mem ? j : j - p.n_mem) * kvd + kvh * HD;
            acc += lg[j - k0] * E::load(vr, d);
        }
        out[d] = acc;
    }
    if (threadIdx.x == 0) {
        out[HD] = k1 > k0 ? m : -INFINITY;
        out[HD + 1] = k1 > k0 ? l : 0.0f;
    }
}

template <KvType CT> static __global__ void decode_pass2(DecodeAttentionParams p) {
    using E = KvElem<CT>;
    __shared__ float w[kSplits];
    __shared__ float inv_l, m_all;
    const int h = blockIdx.x, HD = p.head_dim;
    const float * part = p.part + static_cast<size_t>(h) * kSplits * (HD + 2);
    if (threadIdx.x == 0) {
        float m = -INFINITY;
        for (int s = 0; s < kSplits; ++s) m = fmaxf(m, part[s * (HD + 2) + HD]);
        float l = 0.0f;
        for (int s = 0; s < kSplits; ++s) {
            const float ms = part[s * (HD + 2) + HD];
            w[s] = ms == -INFINITY ? 0.0f : expf(ms - m);
            l += w[s] * part[s * (HD + 2) + HD + 1];
        }
        inv_l = 1.0f / l;
        m_all = m;
    }
    __syncthreads();
    for (int d = threadIdx.x; d < HD; d += kThreads) {
        float acc = 0.0f;
        for (int s = 0; s < kSplits; ++s) acc += w[s] * part[s * (HD + 2) + d];
        E::store(static_cast<typename E::type *>(p.out), static_cast<size_t>(h) * HD + d, acc * inv_l);
    }
    // Local scores: what this query gives each visible window key and itself.
    const int n_loc = min(p.c->n_win + 1, p.n_loc_cap);
    const float * lrow = p.logits + static_cast<size_t>(h) * (p.n_mem + p.n_loc_cap) + p.n_mem;
    for (int j = threadIdx.x; j < n_loc; j += kThreads) p.win_score[static_cast<size_t>(j) * p.n_head + h] += expf(lrow[j] - m_all) * inv_l;
}

cudaError_t launch_decode_attention(const DecodeAttentionParams & p, cudaStream_t stream) {
    if (p.head_dim > kMaxHeadDim || p.ct == KvType::FP8 || p.n_head % p.n_head_kv) return cudaErrorInvalidValue;
    if ((p.n_mem + p.n_loc_cap + kSplits - 1) / kSplits > kMaxKeysPerSplit) return cudaErrorInvalidValue;
    const dim3 g1(static_cast<unsigned>(p.n_head), kSplits);
    if (p.ct == KvType::F32) {
        decode_pass1<KvType::F32><<<g1, kThreads, 0, stream>>>(p);
        decode_pass2<KvType::F32><<<p.n_head, kThreads, 0, stream>>>(p);
    } else {
        decode_pass1<KvType::BF16><<<g1, kThreads, 0, stream>>>(p);
        decode_pass2<KvType::BF16><<<p.n_head, kThreads, 0, stream>>>(p);
    }
    return cudaGetLastError();
}

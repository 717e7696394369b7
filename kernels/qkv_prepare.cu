// One thread per (token, head, rotation pair) over the query heads, then the KV heads.
#include "qkv_prepare.cuh"

#include "detail/kv_access.cuh"

namespace quire {

namespace {
__device__ __forceinline__ void rotate(float x0, float x1, float2 cs, float & y0, float & y1) {
    y0 = x0 * cs.x - x1 * cs.y;
    y1 = x0 * cs.y + x1 * cs.x;
}

// One thread per (row, frequency): the angle in double, as cpu::rope (positions of a long book
// stay exact), once per step instead of once per layer and head.
__global__ void rope_table_kernel(const StepCounters * c, int mem_pos, const float * inv_freq, int T, int half, float2 * table) {
    const int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= (T + 1) * half) return;
    const int t = idx / half, i = idx % half;
    const int pos = t < T ? c->pos0 + t : mem_pos;
    const double theta = static_cast<double>(pos) * static_cast<double>(inv_freq[i]);
    table[idx] = make_float2(static_cast<float>(cos(theta)), static_cast<float>(sin(theta)));
}
} // namespace

template <KvType CT> static __global__ void qkv_prepare_kernel(QkvPrepareParams p) {
    using E = KvElem<CT>;
    using T_ = typename E::type;
    const int half = p.head_dim / 2, QD = p.n_head * p.head_dim, KVD = p.n_head_kv * p.head_dim, row = QD + 2 * KVD;
    const long long nq = static_cast<long long>(p.T) * p.n_head * half, nk = static_cast<long long>(p.T) * p.n_head_kv * half;
    const int n_win = p.c->n_win;
    for (long long idx = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; idx < nq + nk; idx += static_cast<long long>(gridDim.x) * blockDim.x) {
        const bool is_q = idx < nq;
        const long long j = is_q ? idx : idx - nq;
        const int heads = is_q ? p.n_head : p.n_head_kv;
        const int j32 = static_cast<int>(j); // T x heads x half fits an int: 32-bit division
        const int i = j32 % half, h = (j32 / half) % heads, t = j32 / (half * heads);
        const int a = p.adjacent ? 2 * i : i, b = p.adjacent ? 2 * i + 1 : i + half;
        const T_ * src = static_cast<const T_ *>(p.qkv) + static_cast<size_t>(t) * row;
        const float2 cs = p.rope[static_cast<size_t>(t) * half + i];
        if (is_q) {
            const int o = h * p.head_dim;
            float x0 = E::load(src, o + a), x1 = E::load(src, o + b);
            if (p.bq) x0 += p.bq[o + a], x1 += p.bq[o + b];
            float r0, r1, m0, m1;
            rotate(x0, x1, cs, r0, r1);
            rotate(x0, x1, p.rope[static_cast<size_t>(p.T) * half + i], m0, m1);
            const size_t tq = static_cast<size_t>(t) * QD + o;
            p.q_rot[tq + a] = r0, p.q_rot[tq + b] = r1;
            p.q_mem[tq + a] = m0, p.q_mem[tq + b] = m1;
            const size_t hm = (static_cast<size_t>(h) * p.T + t) * p.head_dim;
            E::store(static_cast<T_ *>(p.qh), hm + a, r0), E::store(static_cast<T_ *>(p.qh), hm + b, r1);
            E::store(static_cast<T_ *>(p.qmh), hm + a, m0), E::store(static_cast<T_ *>(p.qmh), hm + b, m1);
        } else {
            const int o = h * p.head_dim;
            float k0 = E::load(src, QD + o + a), k1 = E::load(src, QD + o + b), v0 = E::load(src, QD + KVD + o + a), v1 = E::load(src, QD + KVD + o + b);
            if (p.bk) k0 += p.bk[o + a], k1 += p.bk[o + b];
            if (p.bv) v0 += p.bv[o + a], v1 += p.bv[o + b];
            float r0, r1;
            rotate(k0, k1, cs, r0, r1);
            p.k_rot[static_cast<size_t>(t) * KVD + o + a] = r0, p.k_rot[static_cast<size_t>(t) * KVD + o + b] = r1;
            const size_t w = static_cast<size_t>(n_win + t) * KVD + o;
            E::store(static_cast<T_ *>(p.win_k), w + a, k0), E::store(static_cast<T_ *>(p.win_k), w + b, k1);
            E::store(static_cast<T_ *>(p.win_krot), w + a, r0), E::store(static_cast<T_ *>(p.win_krot), w + b, r1);
            E::store(static_cast<T_ *>(p.win_v), w + a, v0), E::store(static_cast<T_ *>(p.win_v), w + b, v1);
        }
        if (idx < static_cast<long long>(p.T) * p.n_head) p.win_score[static_cast<size_t>(n_win) * p.n_head + idx] = 0.0f;
    }
}

cudaError_t launch_qkv_prepare(const QkvPrepareParams & p, cudaStream_t stream) {
    if (p.T <= 0 || p.head_dim % 2 || p.n_head % p.n_head_kv || p.ct == KvType::FP8) return cudaErrorInvalidValue;
    const long long n = static_cast<long long>(p.T) * (p.n_head + p.n_head_kv) * (p.head_dim / 2);
    if (n > 0x7fffffff) return cudaErrorInvalidValue;
    KV_DISPATCH(p.ct, qkv_prepare_kernel<KT><<<grid_1d(n), 256, 0, stream>>>(p))
    return cudaGetLastError();
}

cudaError_t launch_rope_table(const StepCounters * c, int mem_pos, const float * inv_freq, int T, int head_dim, float2 * table, cudaStream_t stream) {
    if (T <= 0 || head_dim % 2) return cudaErrorInvalidValue;
    const int n = (T + 1) * (head_dim / 2);
    rope_table_kernel<<<(n + 255) / 256, 256, 0, stream>>>(c, mem_pos, inv_freq, T, head_dim / 2, table);
    return cudaGetLastError();
}

} // namespace quire

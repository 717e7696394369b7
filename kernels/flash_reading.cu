// Tiles of 64 queries x 64 keys, 4 warps each owning 16 query rows; mma.sync m16n8k16 (bf16 in,
// fp32 accumulation) with the logits, probabilities and output in registers (the accumulator
// layout of Q.K^T is the operand layout of P.V), K and V through shared memory by ldmatrix,
// double-buffered with cp.async. Softmax in base 2 (logits pre-scaled by log2 e).
#include "flash_reading.cuh"

#include "detail/mma.cuh"

#include <cuda_bf16.h>

namespace quire {

namespace {
using namespace mma; // detail/mma.cuh

constexpr int kRows = 64, kKeys = 64, kWarps = 4, kThreads = 128;
constexpr float kLog2e = 1.4426950408889634f;

template <int HD> struct Smem {
    static constexpr int ld = HD + 8; // padded bf16 rows: the 8 rows of an ldmatrix hit different banks
    static constexpr size_t tile = sizeof(__nv_bfloat16) * kRows * ld; // kRows == kKeys
    static constexpr size_t pass1 = 2 * tile + 4 * tile;               // Q (memory, local) + K, V double-buffered
    static constexpr size_t pass2 = 2 * tile + tile + sizeof(float) * kWarps * kKeys; // Q double-buffered + K + sums
};

// 64 rows x HD bf16 from global rows (stride in elements) into padded shared rows; zeros past n.
template <int HD> __device__ void load_tile_async(__nv_bfloat16 * dst, const __nv_bfloat16 * src, size_t stride, int n) {
    constexpr int chunks = HD / 8;
    for (int i = threadIdx.x; i < kRows * chunks; i += kThreads) {
        const int r = i / chunks, c = i % chunks;
        cp_async16(dst + r * Smem<HD>::ld + c * 8, r < n ? src + static_cast<size_t>(r) * stride + c * 8 : src, r < n);
    }
}

// This warp's 16 query rows of a shared Q tile as mma A operands, one per 16 columns of HD.
template <int HD> __device__ __forceinline__ void load_q(unsigned (&q)[HD / 16][4], const __nv_bfloat16 * tile) {
    const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    const __nv_bfloat16 * row = tile + (warp * 16 + (lane & 7) + 8 * ((lane >> 3) & 1)) * Smem<HD>::ld + 8 * (lane >> 4);
#pragma unroll
    for (int kk = 0; kk < HD / 16; ++kk) ldmatrix_x4(q[kk], row + kk * 16);
}

// s (16 rows x 64 keys, 8 accumulators of 16 x 8) = Q . K^T for a shared K tile [key][HD].
template <int HD> __device__ __forceinline__ void logits(float (&s)[kKeys / 8][4], const unsigned (&q)[HD / 16][4], const __nv_bfloat16 * k) {
    const int lane = threadIdx.x & 31;
#pragma unroll
    for (int nt = 0; nt < kKeys / 8; ++nt) s[nt][0] = s[nt][1] = s[nt][2] = s[nt][3] = 0.0f;
    const __nv_bfloat16 * row = k + ((lane & 7) + 8 * (lane >> 4)) * Smem<HD>::ld + 8 * ((lane >> 3) & 1);
#pragma unroll
    for (int kk = 0; kk < HD / 16; ++kk) {
#pragma unroll
        for (int np = 0; np < kKeys / 16; ++np) {
            unsigned b[4];
            ldmatrix_x4(b, row + np * 16 * Smem<HD>::ld + kk * 16);
            mma16816(s[2 * np], q[kk], b[0], b[1]);
            mma16816(s[2 * np + 1], q[kk], b[2], b[3]);
        }
    }
}

// Pass 1: grid (query tile, head): output rows and each row's softmax max and sum.
template <int HD> __global__ void __launch_bounds__(kThreads, 2) flash_pass1(FlashReadingParams p) {
    extern __shared__ __align__(128) unsigned char smem[];
    using S = Smem<HD>;
    auto * qm_s = reinterpret_cast<__nv_bfloat16 *>(smem);
    auto * qr_s = reinterpret_cast<__nv_bfloat16 *>(smem + S::tile);
    __nv_bfloat16 * kbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::tile), reinterpret_cast<__nv_bfloat16 *>(smem + 3 * S::tile)};
    __nv_bfloat16 * vbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem + 4 * S::tile), reinterpret_cast<__nv_bfloat16 *>(smem + 5 * S::tile)};
    const int h = blockIdx.y, t0 = blockIdx.x * kRows, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int kvd = p.n_head_kv * HD, kvh = h / (p.n_head / p.n_head_kv);
    const int n_win = p.c->n_win, n_q = min(kRows, p.T - t0);
    const size_t qoff = (static_cast<size_t>(h) * p.T + t0) * HD;
    load_tile_async<HD>(qm_s, static_cast<const __nv_bfloat16 *>(p.qmh) + qoff, HD, n_q);
    load_tile_async<HD>(qr_s, static_cast<const __nv_bfloat16 *>(p.qh) + qoff, HD, n_q);
    cp_async_commit();
    const int n_loc = n_win + min(p.T, t0 + kRows); // local keys any row of this tile sees
    const int n_tiles_mem = (p.n_mem + kKeys - 1) / kKeys, n_tiles = n_tiles_mem + (n_loc + kKeys - 1) / kKeys;
    auto issue = [&](int tile) {
        const bool mem = tile < n_tiles_mem;
        const int j0 = (mem ? tile : tile - n_tiles_mem) * kKeys;
        const int n_keys = min(kKeys, (mem ? p.n_mem : n_loc) - j0);
        const size_t off = static_cast<size_t>(j0) * kvd + kvh * HD;
        load_tile_async<HD>(kbuf[tile & 1], static_cast<const __nv_bfloat16 *>(mem ? p.mem_k : p.win_k) + off, kvd, n_keys);
        load_tile_async<HD>(vbuf[tile & 1], static_cast<const __nv_bfloat16 *>(mem ? p.mem_v : p.win_v) + off, kvd, n_keys);
        cp_async_commit();
    };
    if (n_tiles > 0) issue(0);
    // This thread's rows: r0 and r0 + 8 of the warp's 16; its columns in each 8-key group: c0, c0 + 1.
    const int r0 = warp * 16 + (lane >> 2), c0 = 2 * (lane & 3);
    const float sl2 = p.scale * kLog2e;
    float m[2] = {-INFINITY, -INFINITY}, l[2] = {0.0f, 0.0f};
    float o[HD / 8][4];
#pragma unroll
    for (int dt = 0; dt < HD / 8; ++dt) o[dt][0] = o[dt][1] = o[dt][2] = o[dt][3] = 0.0f;
    unsigned q[HD / 16][4];
    for (int tile = 0; tile < n_tiles; ++tile) {
        const bool mem = tile < n_tiles_mem;
        const int j0 = (mem ? tile : tile - n_tiles_mem) * kKeys;
        const int n_keys = min(kKeys, (mem ? p.n_mem : n_loc) - j0);
        if (tile + 1 < n_tiles) {
            issue(tile + 1);
            cp_async_wait<1>();
        } else {
            cp_async_wait<0>();
        }
        __syncthreads();
        if (tile == 0 || tile == n_tiles_mem) load_q<HD>(q, mem ? qm_s : qr_s);
        float s[kKeys / 8][4];
        logits<HD>(s, q, kbuf[tile & 1]);
        // Visible columns of the two rows: all keys of the tile in memory, causal among local ones.
        int vis[2];
#pragma unroll
        for (int i = 0; i < 2; ++i) vis[i] = mem ? n_keys : min(n_keys, n_win + t0 + r0 + 8 * i + 1 - j0);
        float mx[2] = {-INFINITY, -INFINITY};
#pragma unroll
        for (int nt = 0; nt < kKeys / 8; ++nt)
#pragma unroll
            for (int e = 0; e < 4; ++e) {
                const int col = nt * 8 + c0 + (e & 1), i = e >> 1;
                const float v = col < vis[i] ? s[nt][e] * sl2 : -INFINITY;
                s[nt][e] = v;
                mx[i] = fmaxf(mx[i], v);
            }
        float corr[2], sum[2] = {0.0f, 0.0f};
#pragma unroll
        for (int i = 0; i < 2; ++i) {
            mx[i] = fmaxf(mx[i], __shfl_xor_sync(0xffffffff, mx[i], 1));
            mx[i] = fmaxf(mx[i], __shfl_xor_sync(0xffffffff, mx[i], 2));
            const float m_new = fmaxf(m[i], mx[i]);
            corr[i] = m_new == -INFINITY ? 1.0f : exp2f(m[i] - m_new);
            m[i] = m_new;
        }
#pragma unroll
        for (int nt = 0; nt < kKeys / 8; ++nt)
#pragma unroll
            for (int e = 0; e < 4; ++e) {
                const int i = e >> 1;
                const float pr = s[nt][e] == -INFINITY ? 0.0f : exp2f(s[nt][e] - m[i]);
                s[nt][e] = pr;
                sum[i] += pr;
            }
#pragma unroll
        for (int i = 0; i < 2; ++i) l[i] = l[i] * corr[i] + sum[i];
#pragma unroll
        for (int dt = 0; dt < HD / 8; ++dt) {
            o[dt][0] *= corr[0];
            o[dt][1] *= corr[0];
            o[dt][2] *= corr[1];
            o[dt][3] *= corr[1];
        }
        // O (16 x HD) += P (16 x 64) . V (64 x HD): P's accumulators are already A operands.
        const __nv_bfloat16 * vrow = vbuf[tile & 1] + ((lane & 7) + 8 * ((lane >> 3) & 1)) * S::ld + 8 * (lane >> 4);
#pragma unroll
        for (int kk = 0; kk < kKeys / 16; ++kk) {
            const unsigned a[4] = {pack_bf16(s[2 * kk][0], s[2 * kk][1]), pack_bf16(s[2 * kk][2], s[2 * kk][3]),
                                   pack_bf16(s[2 * kk + 1][0], s[2 * kk + 1][1]), pack_bf16(s[2 * kk + 1][2], s[2 * kk + 1][3])};
#pragma unroll
            for (int dp = 0; dp < HD / 16; ++dp) {
                unsigned b[4];
                ldmatrix_x4_trans(b, vrow + kk * 16 * S::ld + dp * 16);
                mma16816(o[2 * dp], a, b[0], b[1]);
                mma16816(o[2 * dp + 1], a, b[2], b[3]);
            }
        }
        __syncthreads(); // this tile's buffers are refilled two iterations on
    }
#pragma unroll
    for (int i = 0; i < 2; ++i) {
        l[i] += __shfl_xor_sync(0xffffffff, l[i], 1);
        l[i] += __shfl_xor_sync(0xffffffff, l[i], 2);
    }
#pragma unroll
    for (int i = 0; i < 2; ++i) {
        const int t = t0 + r0 + 8 * i;
        if (t >= p.T) continue;
        const float inv = l[i] > 0.0f ? 1.0f / l[i] : 0.0f;
        auto * out = static_cast<__nv_bfloat16 *>(p.out) + static_cast<size_t>(t) * p.n_head * HD + h * HD + c0;
#pragma unroll
        for (int dt = 0; dt < HD / 8; ++dt)
            *reinterpret_cast<__nv_bfloat162 *>(out + dt * 8) = __floats2bfloat162_rn(o[dt][2 * i] * inv, o[dt][2 * i + 1] * inv);
        if ((lane & 3) == 0) {
            p.stats[(static_cast<size_t>(h) * p.T + t) * 2] = m[i];
            p.stats[(static_cast<size_t>(h) * p.T + t) * 2 + 1] = l[i];
        }
    }
}

// Pass 2: grid (local key tile, head). Column sums of the local probabilities over all queries,
// recomputed with each row's final max and sum; each block owns its columns (no atomics).
template <int HD> __global__ void __launch_bounds__(kThreads) flash_pass2(FlashReadingParams p) {
    extern __shared__ __align__(128) unsigned char smem[];
    using S = Smem<HD>;
    __nv_bfloat16 * qbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem), reinterpret_cast<__nv_bfloat16 *>(smem + S::tile)};
    auto * ks = reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::tile);
    auto * colsum = reinterpret_cast<float *>(smem + 3 * S::tile);
    const int h = blockIdx.y, j0 = blockIdx.x * kKeys, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int kvd = p.n_head_kv * HD, kvh = h / (p.n_head / p.n_head_kv);
    const int n_win = p.c->n_win, n_loc = n_win + p.T;
    if (j0 >= n_loc) return;
    const int n_keys = min(kKeys, n_loc - j0);
    load_tile_async<HD>(ks, static_cast<const __nv_bfloat16 *>(p.win_k) + static_cast<size_t>(j0) * kvd + kvh * HD, kvd, n_keys);
    // Queries before j0 - n_win see no key of this tile.
    const int t_first = max(0, j0 - n_win) / kRows * kRows;
    auto issue = [&](int t0, int buf) {
        load_tile_async<HD>(qbuf[buf], static_cast<const __nv_bfloat16 *>(p.qh) + (static_cast<size_t>(h) * p.T + t0) * HD, HD, min(kRows, p.T - t0));
        cp_async_commit();
    };
    issue(t_first, 0); // with the K tile in the same group
    const int r0 = warp * 16 + (lane >> 2), c0 = 2 * (lane & 3);
    const float sl2 = p.scale * kLog2e;
    float acc[kKeys / 8][2] = {};
    for (int t0 = t_first, it = 0; t0 < p.T; t0 += kRows, ++it) {
        if (t0 + kRows < p.T) {
            issue(t0 + kRows, (it + 1) & 1);
            cp_async_wait<1>();
        } else {
            cp_async_wait<0>();
        }
        __syncthreads();
        unsigned q[HD / 16][4];
        load_q<HD>(q, qbuf[it & 1]);
        float s[kKeys / 8][4];
        logits<HD>(s, q, ks);
#pragma unroll
        for (int i = 0; i < 2; ++i) {
            const int t = t0 + r0 + 8 * i;
            if (t >= p.T) continue;
            const float mi = p.stats[(static_cast<size_t>(h) * p.T + t) * 2], inv = 1.0f / p.stats[(static_cast<size_t>(h) * p.T + t) * 2 + 1];
            const int vis = min(n_keys, n_win + t + 1 - j0);
#pragma unroll
            for (int nt = 0; nt < kKeys / 8; ++nt)
#pragma unroll
                for (int e = 0; e < 2; ++e) {
                    const int col = nt * 8 + c0 + e;
                    if (col < vis) acc[nt][e] += exp2f(s[nt][2 * i + e] * sl2 - mi) * inv;
                }
        }
        __syncthreads(); // this Q buffer is refilled two iterations on
    }
    // Sum over the warp's rows (lanes with the same column pair), then over the warps in order.
#pragma unroll
    for (int nt = 0; nt < kKeys / 8; ++nt)
#pragma unroll
        for (int e = 0; e < 2; ++e) {
            float v = acc[nt][e];
            v += __shfl_xor_sync(0xffffffff, v, 4);
            v += __shfl_xor_sync(0xffffffff, v, 8);
            v += __shfl_xor_sync(0xffffffff, v, 16);
            if (lane < 4) colsum[warp * kKeys + nt * 8 + c0 + e] = v;
        }
    __syncthreads();
    for (int c = threadIdx.x; c < n_keys; c += kThreads) {
        float v = 0.0f;
        for (int w = 0; w < kWarps; ++w) v += colsum[w * kKeys + c];
        p.win_score[static_cast<size_t>(j0 + c) * p.n_head + h] += v;
    }
}

template <int HD> cudaError_t configure() {
    using S = Smem<HD>;
    static bool configured = false; // the opt-in to more than 48 KiB of shared memory, once
    if (configured) return cudaSuccess;
    cudaError_t e = cudaFuncSetAttribute(flash_pass1<HD>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(S::pass1));
    if (e == cudaSuccess) e = cudaFuncSetAttribute(flash_pass2<HD>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(S::pass2));
    configured = e == cudaSuccess;
    return e;
}

bool valid(const FlashReadingParams & p) {
    return flash_reading_supported(p.head_dim) && p.T > 0 && p.n_loc_max > 0 && p.n_head % p.n_head_kv == 0;
}
} // namespace

bool flash_reading_supported(int head_dim) { return head_dim == 64 || head_dim == 128; }

cudaError_t launch_flash_reading(const FlashReadingParams & p, cudaStream_t stream) {
    if (!valid(p)) return cudaErrorInvalidValue;
    const dim3 grid(static_cast<unsigned>((p.T + kRows - 1) / kRows), static_cast<unsigned>(p.n_head));
    if (cudaError_t e = p.head_dim == 64 ? configure<64>() : configure<128>(); e != cudaSuccess) return e;
    if (p.head_dim == 64) flash_pass1<64><<<grid, kThreads, Smem<64>::pass1, stream>>>(p);
    else flash_pass1<128><<<grid, kThreads, Smem<128>::pass1, stream>>>(p);
    return cudaGetLastError();
}

cudaError_t launch_flash_local_scores(const FlashReadingParams & p, cudaStream_t stream) {
    if (!valid(p)) return cudaErrorInvalidValue;
    const dim3 grid(static_cast<unsigned>((p.n_loc_max + kKeys - 1) / kKeys), static_cast<unsigned>(p.n_head));
    if (cudaError_t e = p.head_dim == 64 ? configure<64>() : configure<128>(); e != cudaSuccess) return e;
    if (p.head_dim == 64) flash_pass2<64><<<grid, kThreads, Smem<64>::pass2, stream>>>(p);
    else flash_pass2<128><<<grid, kThreads, Smem<128>::pass2, stream>>>(p);
    return cudaGetLastError();
}

} // namespace quire

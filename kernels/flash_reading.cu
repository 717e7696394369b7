// Tiles of 64 queries x 64 keys; 4 warps, each owning 16 query rows. WMMA 16x16x16 bf16.
#include "flash_reading.cuh"

#include <cuda_bf16.h>
#include <mma.h>

using namespace nvcuda;

namespace {
constexpr int kRows = 64, kKeys = 64, kWarps = 4, kThreads = 128;

template <int HD> struct Smem {
    static constexpr int ld = HD + 8;       // bf16 rows, padded
    static constexpr int ld_s = kKeys + 4;  // fp32 logits rows
    static constexpr int ld_p = kKeys + 8;  // bf16 probabilities rows
    static constexpr int ld_o = HD + 4;     // fp32 output rows
    static constexpr size_t q = sizeof(__nv_bfloat16) * kRows * ld;
    static constexpr size_t kv = sizeof(__nv_bfloat16) * kKeys * ld;
    static constexpr size_t s = sizeof(float) * kRows * ld_s;
    static constexpr size_t p = sizeof(__nv_bfloat16) * kRows * ld_p;
    static constexpr size_t o = sizeof(float) * kRows * ld_o;
    static constexpr size_t pass1 = 2 * q + 4 * kv + s + p + o; // K and V double-buffered
    static constexpr size_t pass2 = 2 * q + kv + s + sizeof(float) * kWarps * kKeys; // Q double-buffered
};

// Asynchronous 16-byte copies global -> shared (cp.async), zero-filled when !pred.
__device__ __forceinline__ void cp_async16(void * smem, const void * gmem, bool pred) {
    const unsigned s = static_cast<unsigned>(__cvta_generic_to_shared(smem));
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(s), "l"(gmem), "r"(pred ? 16 : 0));
}
__device__ __forceinline__ void cp_async_commit() { asm volatile("cp.async.commit_group;\n" ::); }
template <int N> __device__ __forceinline__ void cp_async_wait() { asm volatile("cp.async.wait_group %0;\n" ::"n"(N)); }

// The same tile copy issued asynchronously (completes at the next cp_async_wait).
template <int HD> __device__ void load_tile_async(__nv_bfloat16 * dst, const __nv_bfloat16 * src, size_t stride, int n) {
    constexpr int chunks = HD / 8;
    for (int i = threadIdx.x; i < kRows * chunks; i += kThreads) {
        const int r = i / chunks, c = i % chunks;
        cp_async16(dst + r * Smem<HD>::ld + c * 8, r < n ? src + static_cast<size_t>(r) * stride + c * 8 : src, r < n);
    }
}

// rows x HD bf16 from global rows (stride in elements) into padded shared rows; zeros past n.
template <int HD> __device__ void load_tile(__nv_bfloat16 * dst, const __nv_bfloat16 * src, size_t stride, int n) {
    constexpr int chunks = HD / 8; // 16-byte chunks per row
    for (int i = threadIdx.x; i < kRows * chunks; i += kThreads) {
        const int r = i / chunks, c = i % chunks;
        uint4 v = make_uint4(0, 0, 0, 0);
        if (r < n) v = *reinterpret_cast<const uint4 *>(src + static_cast<size_t>(r) * stride + c * 8);
        *reinterpret_cast<uint4 *>(dst + r * Smem<HD>::ld + c * 8) = v;
    }
}

// S (16 x 64, this warp's rows) = Q (16 x HD) . K^T.
template <int HD> __device__ void tile_logits(const __nv_bfloat16 * q, const __nv_bfloat16 * k, float * s) {
    const int warp = threadIdx.x >> 5;
    for (int n = 0; n < kKeys / 16; ++n) {
        wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
        wmma::fill_fragment(acc, 0.0f);
        for (int d = 0; d < HD / 16; ++d) {
            wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a;
            wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::col_major> b;
            wmma::load_matrix_sync(a, q + warp * 16 * Smem<HD>::ld + d * 16, Smem<HD>::ld);
            wmma::load_matrix_sync(b, k + n * 16 * Smem<HD>::ld + d * 16, Smem<HD>::ld);
            wmma::mma_sync(acc, a, b, acc);
        }
        wmma::store_matrix_sync(s + warp * 16 * Smem<HD>::ld_s + n * 16, acc, Smem<HD>::ld_s, wmma::mem_row_major);
    }
}

// Pass 1: grid (query tile, head).
template <int HD> __global__ void __launch_bounds__(kThreads) flash_pass1(FlashReadingParams p) {
    extern __shared__ __align__(128) unsigned char smem[];
    using S = Smem<HD>;
    auto * qm = reinterpret_cast<__nv_bfloat16 *>(smem);
    auto * qr = reinterpret_cast<__nv_bfloat16 *>(smem + S::q);
    __nv_bfloat16 * kbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q), reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q + S::kv)};
    __nv_bfloat16 * vbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q + 2 * S::kv),
                               reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q + 3 * S::kv)};
    auto * ss = reinterpret_cast<float *>(smem + 2 * S::q + 4 * S::kv);
    auto * ps = reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q + 4 * S::kv + S::s);
    auto * os = reinterpret_cast<float *>(smem + 2 * S::q + 4 * S::kv + S::s + S::p);
    const int h = blockIdx.y, t0 = blockIdx.x * kRows, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int kvd = p.n_head_kv * HD, kvh = h / (p.n_head / p.n_head_kv);
    const int n_win = p.c->n_win, n_q = min(kRows, p.T - t0);
    const size_t qoff = (static_cast<size_t>(h) * p.T + t0) * HD;
    load_tile<HD>(qm, static_cast<const __nv_bfloat16 *>(p.qmh) + qoff, HD, n_q);
    load_tile<HD>(qr, static_cast<const __nv_bfloat16 *>(p.qh) + qoff, HD, n_q);
    for (int i = threadIdx.x; i < kRows * S::ld_o; i += kThreads) os[i] = 0.0f;
    // Two lanes per row: lane >> 1 is the row within the warp, lane & 1 the half of the columns.
    const int row = warp * 16 + (lane >> 1), half = lane & 1, t = t0 + row;
    float m = -INFINITY, l = 0.0f;
    const int n_loc = n_win + min(p.T, t0 + kRows); // local keys any row of this tile sees
    const int n_tiles_mem = (p.n_mem + kKeys - 1) / kKeys, n_tiles = n_tiles_mem + (n_loc + kKeys - 1) / kKeys;
    // K/V tiles double-buffered: the copy of tile i + 1 runs while tile i is computed.
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
        const __nv_bfloat16 * ks = kbuf[tile & 1], * vs = vbuf[tile & 1];
        tile_logits<HD>(mem ? qm : qr, ks, ss);
        __syncwarp();
        // Online softmax over this row's 32 columns, the pair combined by a shuffle.
        float * srow = ss + row * S::ld_s + half * 32;
        const int vis = mem ? n_keys : min(n_keys, n_win + t + 1 - j0); // causal limit of local keys
        float tm = -INFINITY;
        for (int c = 0; c < 32; ++c) {
            const int col = half * 32 + c;
            const float v = col < vis ? srow[c] * p.scale : -INFINITY;
            srow[c] = v;
            tm = fmaxf(tm, v);
        }
        tm = fmaxf(tm, __shfl_xor_sync(0xffffffff, tm, 1));
        const float m_new = fmaxf(m, tm);
        const float corr = m_new == -INFINITY ? 1.0f : expf(m - m_new);
        float sum = 0.0f;
        __nv_bfloat16 * prow = ps + row * S::ld_p + half * 32;
        for (int c = 0; c < 32; ++c) {
            const float e = srow[c] == -INFINITY ? 0.0f : expf(srow[c] - m_new);
            sum += e;
            prow[c] = __float2bfloat16_rn(e);
        }
        sum += __shfl_xor_sync(0xffffffff, sum, 1);
        l = l * corr + sum;
        m = m_new;
        float * orow = os + row * S::ld_o + half * (HD / 2);
        for (int d = 0; d < HD / 2; ++d) orow[d] *= corr;
        __syncwarp();
        // O (16 x HD) += P (16 x 64) . V (64 x HD)
        for (int n = 0; n < HD / 16; ++n) {
            wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
            float * optr = os + warp * 16 * S::ld_o + n * 16;
            wmma::load_matrix_sync(acc, optr, S::ld_o, wmma::mem_row_major);
            for (int k = 0; k < kKeys / 16; ++k) {
                wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a;
                wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::row_major> b;
                wmma::load_matrix_sync(a, ps + warp * 16 * S::ld_p + k * 16, S::ld_p);
                wmma::load_matrix_sync(b, vs + k * 16 * S::ld + n * 16, S::ld);
                wmma::mma_sync(acc, a, b, acc);
            }
            wmma::store_matrix_sync(optr, acc, S::ld_o, wmma::mem_row_major);
        }
        __syncthreads(); // this tile's buffers are refilled two iterations on
    }
    if (row < n_q) {
        const float inv = l > 0.0f ? 1.0f / l : 0.0f;
        auto * out = static_cast<__nv_bfloat16 *>(p.out) + static_cast<size_t>(t) * p.n_head * HD + h * HD + half * (HD / 2);
        const float * orow = os + row * S::ld_o + half * (HD / 2);
        for (int d = 0; d < HD / 2; ++d) out[d] = __float2bfloat16_rn(orow[d] * inv);
        if (half == 0) {
            p.stats[(static_cast<size_t>(h) * p.T + t) * 2] = m;
            p.stats[(static_cast<size_t>(h) * p.T + t) * 2 + 1] = l;
        }
    }
}

// Pass 2: grid (local key tile, head). Column sums of the local probabilities over all queries.
template <int HD> __global__ void __launch_bounds__(kThreads) flash_pass2(FlashReadingParams p) {
    extern __shared__ __align__(128) unsigned char smem[];
    using S = Smem<HD>;
    __nv_bfloat16 * qbuf[2] = {reinterpret_cast<__nv_bfloat16 *>(smem), reinterpret_cast<__nv_bfloat16 *>(smem + S::q)};
    auto * ks = reinterpret_cast<__nv_bfloat16 *>(smem + 2 * S::q);
    auto * ss = reinterpret_cast<float *>(smem + 2 * S::q + S::kv);
    auto * colsum = reinterpret_cast<float *>(smem + 2 * S::q + S::kv + S::s);
    const int h = blockIdx.y, j0 = blockIdx.x * kKeys, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int kvd = p.n_head_kv * HD, kvh = h / (p.n_head / p.n_head_kv);
    const int n_win = p.c->n_win, n_loc = n_win + p.T;
    if (j0 >= n_loc) return;
    const int n_keys = min(kKeys, n_loc - j0);
    load_tile<HD>(ks, static_cast<const __nv_bfloat16 *>(p.win_k) + static_cast<size_t>(j0) * kvd + kvh * HD, kvd, n_keys);
    float acc0 = 0.0f, acc1 = 0.0f; // columns lane and lane + 32 of this warp's rows
    // Queries before (j0 - n_win) cannot see any key of this tile.
    const int t_first = max(0, j0 - n_win) / kRows * kRows;
    auto issue = [&](int t0, int buf) {
        load_tile_async<HD>(qbuf[buf], static_cast<const __nv_bfloat16 *>(p.qh) + (static_cast<size_t>(h) * p.T + t0) * HD, HD, min(kRows, p.T - t0));
        cp_async_commit();
    };
    if (t_first < p.T) issue(t_first, 0);
    for (int t0 = t_first, it = 0; t0 < p.T; t0 += kRows, ++it) {
        if (t0 + kRows < p.T) {
            issue(t0 + kRows, (it + 1) & 1);
            cp_async_wait<1>();
        } else {
            cp_async_wait<0>();
        }
        __syncthreads();
        tile_logits<HD>(qbuf[it & 1], ks, ss);
        __syncwarp();
        for (int r = 0; r < 16; ++r) {
            const int t = t0 + warp * 16 + r;
            if (t >= p.T) break;
            const float m = p.stats[(static_cast<size_t>(h) * p.T + t) * 2], inv = 1.0f / p.stats[(static_cast<size_t>(h) * p.T + t) * 2 + 1];
            const float * srow = ss + (warp * 16 + r) * S::ld_s;
            const int lim = n_win + t + 1 - j0; // visible columns of this row
            if (lane < lim && lane < n_keys) acc0 += expf(srow[lane] * p.scale - m) * inv;
            if (lane + 32 < lim && lane + 32 < n_keys) acc1 += expf(srow[lane + 32] * p.scale - m) * inv;
        }
        __syncthreads(); // this Q buffer is refilled two iterations on
    }
    colsum[warp * kKeys + lane] = acc0;
    colsum[warp * kKeys + lane + 32] = acc1;
    __syncthreads();
    for (int c = threadIdx.x; c < n_keys; c += kThreads) {
        float s = 0.0f;
        for (int w = 0; w < kWarps; ++w) s += colsum[w * kKeys + c];
        p.win_score[static_cast<size_t>(j0 + c) * p.n_head + h] += s;
    }
}

template <int HD> cudaError_t launch(const FlashReadingParams & p, cudaStream_t stream) {
    using S = Smem<HD>;
    static bool configured = false; // the opt-in to more than 48 KiB of shared memory, once
    if (!configured) {
        cudaError_t e = cudaFuncSetAttribute(flash_pass1<HD>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(S::pass1));
        if (e == cudaSuccess) e = cudaFuncSetAttribute(flash_pass2<HD>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(S::pass2));
        if (e != cudaSuccess) return e;
        configured = true;
    }
    const dim3 g1(static_cast<unsigned>((p.T + kRows - 1) / kRows), static_cast<unsigned>(p.n_head));
    flash_pass1<HD><<<g1, kThreads, S::pass1, stream>>>(p);
    const dim3 g2(static_cast<unsigned>((p.n_loc_max + kKeys - 1) / kKeys), static_cast<unsigned>(p.n_head));
    flash_pass2<HD><<<g2, kThreads, S::pass2, stream>>>(p);
    return cudaGetLastError();
}
} // namespace

// Head dim 64 compiles but its model-level error against fp32 was 5x the batched-GEMM path's on
// the H200 (2026-11-29): not enabled until that is understood.
bool flash_reading_supported(int head_dim) { return head_dim == 128; }

cudaError_t launch_flash_reading(const FlashReadingParams & p, cudaStream_t stream) {
    if (!flash_reading_supported(p.head_dim) || p.T <= 0 || p.n_loc_max <= 0 || p.n_head % p.n_head_kv) return cudaErrorInvalidValue;
    return p.head_dim == 64 ? launch<64>(p, stream) : launch<128>(p, stream);
}

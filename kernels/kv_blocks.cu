// Block store and gather.
#include "kv_blocks.cuh"

#include "detail/block_reduce.cuh"
#include "detail/kv_access.cuh"

#include <cstdint>

namespace quire {

namespace {
constexpr int kThreads = 512;
constexpr float kFp8Max = 448.0f;
} // namespace

// ---------------------------------------------------------------------------------------------
// grid: (stored block, slice). FP8 first reduces each block's |max| into amax (as int bits:
// non-negative floats order like their bit patterns), then scales.
// blockIdx.z: the set (one layer's keys or values).
template <KvType CT>
static __global__ void blocks_amax_kernel(BlockStoreSets sets, float * amax, long long n) {
    using EC = KvElem<CT>;
    const auto * s = static_cast<const typename EC::type *>(sets.s[blockIdx.z].src) + static_cast<size_t>(blockIdx.x) * n;
    amax += static_cast<size_t>(blockIdx.z) * gridDim.x;
    float m = 0.0f;
    for (long long i = blockIdx.y * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.y) * blockDim.x)
        m = fmaxf(m, fabsf(EC::load(s, i)));
    m = warp_max(m);
    if ((threadIdx.x & 31) == 0) atomicMax(reinterpret_cast<int *>(amax) + blockIdx.x, __float_as_int(m));
}

template <KvType CT, KvType ST>
static __global__ void blocks_store_kernel(BlockStoreSets sets, const float * amax, int stride, long long n) {
    using EC = KvElem<CT>;
    using ES = KvElem<ST>;
    const BlockStoreSet & set = sets.s[blockIdx.z];
    const auto * s = static_cast<const typename EC::type *>(set.src) + static_cast<size_t>(blockIdx.x) * n;
    auto * d = static_cast<typename ES::type *>(set.dst[static_cast<size_t>(blockIdx.x) * stride]);
    float inv = 1.0f;
    if constexpr (ST == KvType::FP8) {
        const float m = amax[static_cast<size_t>(blockIdx.z) * gridDim.x + blockIdx.x];
        const float sc = m > 0.0f ? m / kFp8Max : 1.0f;
        if (blockIdx.y == 0 && threadIdx.x == 0) set.scale[static_cast<size_t>(blockIdx.x) * stride] = sc;
        inv = 1.0f / sc;
    }
    for (long long i = blockIdx.y * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.y) * blockDim.x)
        ES::store(d, i, EC::load(s, i) * inv);
}

// grid: (selected block, K or V, slice of the block).
template <KvType ST, KvType CT> static __global__ void blocks_gather_kernel(GatherParams p) {
    using ES = KvElem<ST>;
    using EC = KvElem<CT>;
    const size_t b = static_cast<size_t>(p.sel[blockIdx.x]) * p.stride;
    const bool is_v = blockIdx.y == 1;
    const auto * s = static_cast<const typename ES::type *>(is_v ? p.v[b] : p.k[b]);
    auto * d = static_cast<typename EC::type *>(is_v ? p.dst_v : p.dst_k) + p.dst_offset + static_cast<size_t>(blockIdx.x) * p.block_elems;
    const float sc = ST == KvType::FP8 ? (is_v ? p.v_scale[b] : p.k_scale[b]) : 1.0f;
    if constexpr (ST == CT) {
        if (((reinterpret_cast<uintptr_t>(s) | reinterpret_cast<uintptr_t>(d)) & 15) == 0) { // same type: 16-byte copies
            const long long n16 = p.block_elems * static_cast<long long>(sizeof(typename ES::type)) / 16;
            const uint4 * s4 = reinterpret_cast<const uint4 *>(s);
            uint4 * d4 = reinterpret_cast<uint4 *>(d);
            for (long long i = blockIdx.z * static_cast<long long>(blockDim.x) + threadIdx.x; i < n16; i += static_cast<long long>(gridDim.z) * blockDim.x)
                d4[i] = s4[i];
            const long long done = n16 * 16 / static_cast<long long>(sizeof(typename ES::type));
            for (long long i = done + blockIdx.z * static_cast<long long>(blockDim.x) + threadIdx.x; i < p.block_elems;
                 i += static_cast<long long>(gridDim.z) * blockDim.x)
                d[i] = s[i];
            return;
        }
    }
    {
        for (long long i = blockIdx.z * static_cast<long long>(blockDim.x) + threadIdx.x; i < p.block_elems; i += static_cast<long long>(gridDim.z) * blockDim.x)
            EC::store(d, i, ES::load(s, i) * sc);
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_blocks_store_sets(const BlockStoreSets & sets, int n_sets, KvType ct, int stride, KvType st, int n_blocks, long long block_elems,
                                     float * amax, cudaStream_t stream) {
    if (ct == KvType::FP8 || n_blocks <= 0 || n_sets <= 0 || n_sets > kBlockStoreSets) return cudaErrorInvalidValue;
    if (st == KvType::FP8 && !amax) return cudaErrorInvalidValue;
    for (int i = 0; i < n_sets; ++i)
        if (st == KvType::FP8 && !sets.s[i].scale) return cudaErrorInvalidValue;
    const long long slices = (block_elems + 8LL * kThreads - 1) / (8LL * kThreads);
    const dim3 grid(static_cast<unsigned>(n_blocks), static_cast<unsigned>(slices < 1 ? 1 : slices > 64 ? 64 : slices), static_cast<unsigned>(n_sets));
    if (st == KvType::FP8) {
        cudaError_t e = cudaMemsetAsync(amax, 0, sizeof(float) * static_cast<size_t>(n_blocks) * static_cast<size_t>(n_sets), stream);
        if (e != cudaSuccess) return e;
        if (ct == KvType::F32) blocks_amax_kernel<KvType::F32><<<grid, kThreads, 0, stream>>>(sets, amax, block_elems);
        else blocks_amax_kernel<KvType::BF16><<<grid, kThreads, 0, stream>>>(sets, amax, block_elems);
    }
    if (ct == KvType::F32) {
        KV_DISPATCH(st, blocks_store_kernel<KvType::F32, KT><<<grid, kThreads, 0, stream>>>(sets, amax, stride, block_elems))
    } else {
        KV_DISPATCH(st, blocks_store_kernel<KvType::BF16, KT><<<grid, kThreads, 0, stream>>>(sets, amax, stride, block_elems))
    }
    return cudaGetLastError();
}
cudaError_t launch_blocks_store(const void * src, KvType ct, void * const * dst, float * scale, int stride, KvType st, int n_blocks,
                                long long block_elems, float * amax, cudaStream_t stream) {
    if (st == KvType::FP8 && !scale) return cudaErrorInvalidValue;
    BlockStoreSets sets{};
    sets.s[0] = {src, dst, scale};
    return launch_blocks_store_sets(sets, 1, ct, stride, st, n_blocks, block_elems, amax, stream);
}
cudaError_t launch_blocks_gather(const GatherParams & p, cudaStream_t stream) {
    if (p.n_sel <= 0 || p.ct == KvType::FP8) return cudaErrorInvalidValue;
    const long long slices = (p.block_elems + 8LL * kThreads - 1) / (8LL * kThreads);
    const dim3 grid(static_cast<unsigned>(p.n_sel), 2, static_cast<unsigned>(slices < 1 ? 1 : slices > 64 ? 64 : slices));
    if (p.ct == KvType::F32) {
        KV_DISPATCH(p.st, blocks_gather_kernel<KT, KvType::F32><<<grid, kThreads, 0, stream>>>(p))
    } else {
        KV_DISPATCH(p.st, blocks_gather_kernel<KT, KvType::BF16><<<grid, kThreads, 0, stream>>>(p))
    }
    return cudaGetLastError();
}

} // namespace quire

// Block-wide top-k in the order "larger value first, then lower index" (internal to kernels/):
// k rounds, round r picking the best element after pick r-1 in that order, so nothing is marked
// and the input stays untouched. Used by block selection, the argmax and token sampling: the
// one warp arg-best of kernels/.
#pragma once
#include <cuda_runtime.h>

namespace quire {

namespace topk {

__device__ __forceinline__ bool better(float va, int ia, float vb, int ib) { return va > vb || (va == vb && ia < ib); }

constexpr int kNone = 0x7fffffff; // the index of an empty (value, index) pair

// Warp-wide arg-best: every lane ends with the warp's best (value, index) pair; lanes that hold
// nothing have index kNone and never win.
__device__ __forceinline__ void warp_best(float & v, int & i) {
    for (int o = 16; o > 0; o >>= 1) {
        const float ov = __shfl_xor_sync(0xffffffff, v, o);
        const int oi = __shfl_xor_sync(0xffffffff, i, o);
        // Selects rather than a branch: the lanes disagree on which pairs win.
        const bool take = oi != kNone && (i == kNone || better(ov, oi, v, i));
        v = take ? ov : v;
        i = take ? oi : i;
    }
}

// Block-wide arg-best of (value, index) pairs; sv/si: shared arrays of blockDim.x / 32 entries.
__device__ inline void block_best(float & v, int & i, float * sv, int * si) {
    warp_best(v, i);
    if ((threadIdx.x & 31) == 0) sv[threadIdx.x >> 5] = v, si[threadIdx.x >> 5] = i;
    __syncthreads();
    v = sv[0], i = si[0];
    for (int w = 1; w < static_cast<int>(blockDim.x) / 32; ++w)
        if (si[w] != kNone && (i == kNone || better(sv[w], si[w], v, i))) v = sv[w], i = si[w];
    __syncthreads();
}

// out[0..k) = indices of the k best of v[j * stride], j < n.
__device__ inline void top_k_block(const float * v, int stride, int n, int k, int * out, float * sv, int * si) {
    float last_v = INFINITY;
    int last_i = -1;
    for (int r = 0; r < k; ++r) {
        float bv = -INFINITY;
        int bi = kNone;
        for (int j = threadIdx.x; j < n; j += blockDim.x) {
            const float x = v[static_cast<size_t>(j) * stride];
            if (better(last_v, last_i, x, j) && (bi == kNone || better(x, j, bv, bi))) bv = x, bi = j;
        }
        block_best(bv, bi, sv, si);
        if (threadIdx.x == 0) out[r] = bi;
        last_v = bv, last_i = bi;
    }
}

} // namespace topk

} // namespace quire

// Warp-wide and block-wide max and sum of one float per thread (internal to kernels/): warp shuffles, then the
// warps' partials through `red` (shared, blockDim.x / 32 floats). Every thread gets the result.
#pragma once
#include <cuda_runtime.h>

namespace quire {

template <bool IsMax> __device__ inline float warp_reduce(float v) {
    for (int o = 16; o > 0; o >>= 1) {
        const float w = __shfl_xor_sync(0xffffffff, v, o);
        v = IsMax ? fmaxf(v, w) : v + w;
    }
    return v;
}
__device__ inline float warp_max(float v) { return warp_reduce<true>(v); }
__device__ inline float warp_sum(float v) { return warp_reduce<false>(v); }
// Two warp sums at once, their shuffles interleaved (each one's latency hides the other's).
__device__ inline void warp_sum2(float & a, float & b) {
    for (int o = 16; o > 0; o >>= 1) {
        a += __shfl_xor_sync(0xffffffff, a, o);
        b += __shfl_xor_sync(0xffffffff, b, o);
    }
}

template <bool IsMax> __device__ inline float block_reduce(float v, float * red) {
    v = warp_reduce<IsMax>(v);
    if ((threadIdx.x & 31) == 0) red[threadIdx.x >> 5] = v;
    __syncthreads();
    float r = red[0];
    for (int w = 1; w < static_cast<int>(blockDim.x) / 32; ++w) r = IsMax ? fmaxf(r, red[w]) : r + red[w];
    __syncthreads();
    return r;
}
__device__ inline float block_max(float v, float * red) { return block_reduce<true>(v, red); }
__device__ inline float block_sum(float v, float * red) { return block_reduce<false>(v, red); }

} // namespace quire

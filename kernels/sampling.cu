// Argmax in one block.
#include "sampling.cuh"

namespace {
constexpr int kThreads = 1024;
}

static __global__ void argmax_kernel(const float * x, int n, int * out) {
    __shared__ float sv[kThreads / 32];
    __shared__ int si[kThreads / 32];
    float bv = -INFINITY;
    int bi = 0x7fffffff;
    for (int i = threadIdx.x; i < n; i += kThreads)
        if (x[i] > bv || bi == 0x7fffffff) bv = x[i], bi = i;
    for (int o = 16; o > 0; o >>= 1) {
        const float ov = __shfl_xor_sync(0xffffffff, bv, o);
        const int oi = __shfl_xor_sync(0xffffffff, bi, o);
        if (ov > bv || (ov == bv && oi < bi)) bv = ov, bi = oi;
    }
    if ((threadIdx.x & 31) == 0) sv[threadIdx.x >> 5] = bv, si[threadIdx.x >> 5] = bi;
    __syncthreads();
    if (threadIdx.x == 0) {
        for (int w = 1; w < kThreads / 32; ++w)
            if (sv[w] > bv || (sv[w] == bv && si[w] < bi)) bv = sv[w], bi = si[w];
        *out = bi;
    }
}

cudaError_t launch_argmax(const float * logits, int n, int * out, cudaStream_t stream) {
    if (n <= 0) return cudaErrorInvalidValue;
    argmax_kernel<<<1, kThreads, 0, stream>>>(logits, n, out);
    return cudaGetLastError();
}

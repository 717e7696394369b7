// Box-Muller over a splitmix64 hash of (seed, index).
#include "random_fill.cuh"

#include "detail/kv_access.cuh"

namespace quire {

namespace {
__device__ __forceinline__ unsigned long long splitmix64(unsigned long long z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
} // namespace

template <KvType T> static __global__ void fill_normal_kernel(void * x, long long n, unsigned long long seed, float sd) {
    using E = KvElem<T>;
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x) {
        const unsigned long long h = splitmix64(seed * 0x2545F4914F6CDD1Dull + static_cast<unsigned long long>(i));
        const float u1 = (static_cast<float>(h >> 40) + 1.0f) * (1.0f / 16777217.0f);
        const float u2 = static_cast<float>(h & 0xFFFFFF) * (1.0f / 16777216.0f);
        E::store(static_cast<typename E::type *>(x), i, sd * sqrtf(-2.0f * logf(u1)) * cospif(2.0f * u2));
    }
}

cudaError_t launch_fill_normal(void * x, KvType t, long long n, unsigned long long seed, float sd, cudaStream_t stream) {
    if (n <= 0) return cudaSuccess;
    KV_DISPATCH(t, fill_normal_kernel<KT><<<grid_1d(n), 256, 0, stream>>>(x, n, seed, sd))
    return cudaGetLastError();
}

} // namespace quire

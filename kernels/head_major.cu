// Token-major <-> head-major permutes.
#include "head_major.cuh"

#include "detail/kv_access.cuh"

namespace quire {

// ---------------------------------------------------------------------------------------------
// Element i of the token-major layout [T][H][HD] and its place in the head-major [H][T][HD]; y
// receives x in the compute type, in the direction ToHead says.
template <KvType CT, bool ToHead> static __global__ void permute_kernel(const float * x, void * y, int T, int H, int HD) {
    using E = KvElem<CT>;
    const long long n = static_cast<long long>(T) * H * HD;
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x) {
        const int d = static_cast<int>(i % HD);
        const long long th = i / HD;
        const int h = static_cast<int>(th % H), t = static_cast<int>(th / H);
        const size_t hm = (static_cast<size_t>(h) * T + t) * HD + d;
        if constexpr (ToHead) E::store(static_cast<typename E::type *>(y), hm, x[i]);
        else E::store(static_cast<typename E::type *>(y), i, x[hm]);
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_to_head_major(const float * x, void * y, int T, int H, int HD, KvType ct, cudaStream_t stream) {
    if (ct == KvType::FP8) return cudaErrorInvalidValue;
    const unsigned grid = grid_1d(static_cast<long long>(T) * H * HD);
    KV_DISPATCH(ct, permute_kernel<KT, true><<<grid, 256, 0, stream>>>(x, y, T, H, HD))
    return cudaGetLastError();
}
cudaError_t launch_from_head_major(const float * x, void * y, int T, int H, int HD, KvType ct, cudaStream_t stream) {
    if (ct == KvType::FP8) return cudaErrorInvalidValue;
    KV_DISPATCH(ct, permute_kernel<KT, false><<<grid_1d(static_cast<long long>(T) * H * HD), 256, 0, stream>>>(x, y, T, H, HD))
    return cudaGetLastError();
}

} // namespace quire

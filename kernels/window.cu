// Window bookkeeping kernels.
#include "window.cuh"

#include "detail/kv_access.cuh"

namespace quire {

// ---------------------------------------------------------------------------------------------
static __global__ void step_advance_kernel(StepCounters * c, int T) {
    c->pos0 += T;
    c->n_win += T;
}
template <KvType CT>
static __global__ void window_append_kernel(const StepCounters * c, const float * k, const float * k_rot, const float * v, void * win_k,
                                            void * win_krot, void * win_v, float * win_score, int T, int kvd, int n_head) {
    using E = KvElem<CT>;
    using T_ = typename E::type;
    const size_t base = static_cast<size_t>(c->n_win) * kvd;
    const long long n = static_cast<long long>(T) * kvd;
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n; i += static_cast<long long>(gridDim.x) * blockDim.x) {
        E::store(static_cast<T_ *>(win_k), base + i, k[i]);
        E::store(static_cast<T_ *>(win_krot), base + i, k_rot[i]);
        E::store(static_cast<T_ *>(win_v), base + i, v[i]);
    }
    const size_t sbase = static_cast<size_t>(c->n_win) * n_head;
    for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < static_cast<long long>(T) * n_head;
         i += static_cast<long long>(gridDim.x) * blockDim.x)
        win_score[sbase + i] = 0.0f;
}

// blockIdx.y: the layer.
static __global__ void window_shift_kernel(WindowShift p) {
    const int l = blockIdx.y;
    for (int a = 0; a < p.n; ++a) {
        const unsigned * s = static_cast<const unsigned *>(p.src[l][a]) + p.skip[a];
        unsigned * d = static_cast<unsigned *>(p.dst[l][a]);
        for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < p.words[a]; i += static_cast<long long>(gridDim.x) * blockDim.x)
            d[i] = s[i];
    }
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_window_shift(const WindowShift & p, cudaStream_t stream) {
    if (p.n < 0 || p.n > 4 || p.n_layers < 0 || p.n_layers > kWindowShiftLayers) return cudaErrorInvalidValue;
    long long most = 0;
    for (int a = 0; a < p.n; ++a) most = p.words[a] > most ? p.words[a] : most;
    if (most == 0 || p.n_layers == 0) return cudaSuccess;
    const long long per_layer = (most + 255) / 256;
    window_shift_kernel<<<dim3(static_cast<unsigned>(per_layer < 256 ? per_layer : 256), static_cast<unsigned>(p.n_layers)), 256, 0, stream>>>(p);
    return cudaGetLastError();
}
cudaError_t launch_step_advance(StepCounters * c, int T, cudaStream_t stream) {
    step_advance_kernel<<<1, 1, 0, stream>>>(c, T);
    return cudaGetLastError();
}
cudaError_t launch_window_append(const StepCounters * c, const float * k, const float * k_rot, const float * v, void * win_k, void * win_krot,
                                 void * win_v, float * win_score, int T, int kvd, int n_head, KvType ct, cudaStream_t stream) {
    if (ct == KvType::FP8 || T <= 0) return cudaErrorInvalidValue;
    const unsigned grid = grid_1d(static_cast<long long>(T) * kvd);
    KV_DISPATCH(ct, window_append_kernel<KT><<<grid, 256, 0, stream>>>(c, k, k_rot, v, win_k, win_krot, win_v, win_score, T, kvd, n_head))
    return cudaGetLastError();
}

} // namespace quire

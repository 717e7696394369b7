// RoPE: one thread per (token, head, pair).
#include "rope.cuh"

namespace quire {

// ---------------------------------------------------------------------------------------------
static __global__ void rope_f32_kernel(float * x, int n_tok, int n_heads, int head_dim, const int * positions, const float * inv_freq, bool adjacent) {
    const int half = head_dim / 2;
    const long long idx = static_cast<long long>(blockIdx.x) * blockDim.x + threadIdx.x;
    const long long total = static_cast<long long>(n_tok) * n_heads * half;
    if (idx >= total) return;
    const int i = static_cast<int>(idx % half);
    const int h = static_cast<int>((idx / half) % n_heads);
    const int t = static_cast<int>(idx / (static_cast<long long>(half) * n_heads));
    const double theta = static_cast<double>(positions[t]) * static_cast<double>(inv_freq[i]);
    const float c = static_cast<float>(cos(theta)), s = static_cast<float>(sin(theta));
    float * v = x + (static_cast<size_t>(t) * n_heads + h) * head_dim;
    const int a = adjacent ? 2 * i : i, b = adjacent ? 2 * i + 1 : i + half;
    const float x0 = v[a], x1 = v[b];
    v[a] = x0 * c - x1 * s;
    v[b] = x0 * s + x1 * c;
}

// ---------------------------------------------------------------------------------------------
cudaError_t launch_rope_f32(float * x, int n_tok, int n_heads, int head_dim, const int * positions, const float * inv_freq, bool adjacent_pairs,
                            cudaStream_t stream) {
    if (n_tok <= 0 || n_heads <= 0 || head_dim <= 0 || head_dim % 2) return cudaErrorInvalidValue;
    const long long total = static_cast<long long>(n_tok) * n_heads * (head_dim / 2);
    const int threads = 256;
    rope_f32_kernel<<<static_cast<unsigned>((total + threads - 1) / threads), threads, 0, stream>>>(x, n_tok, n_heads, head_dim, positions, inv_freq,
                                                                                                    adjacent_pairs);
    return cudaGetLastError();
}

} // namespace quire

// Bandwidth-bound bf16 GEMV: one warp per output row (two rows in flight per warp), 16-byte
// streaming loads of the weights (four per row in flight per lane), x in shared memory.
#include "gemv.cuh"

#include <cuda_bf16.h>
#include <cstdint>

namespace quire {

namespace {

constexpr int kWarps = 8;
constexpr int kUnroll = 4;
constexpr int kMaxSmem = 200 * 1024;

enum class Mode { F32, BF16, SWIGLU };

__device__ __forceinline__ void fma8(const uint4 & w, const uint4 & x, float & acc) {
    const __nv_bfloat162 * a = reinterpret_cast<const __nv_bfloat162 *>(&w);
    const __nv_bfloat162 * b = reinterpret_cast<const __nv_bfloat162 *>(&x);
#pragma unroll
    for (int i = 0; i < 4; ++i) {
        const float2 fa = __bfloat1622float2(a[i]), fb = __bfloat1622float2(b[i]);
        acc = fmaf(fa.x, fb.x, acc);
        acc = fmaf(fa.y, fb.y, acc);
    }
}

// Each warp: two physical rows (rows r, r + 1; for SWIGLU the gate row r and the up row n + r).
template <Mode M> __global__ void __launch_bounds__(kWarps * 32) gemv_kernel(const uint4 * __restrict__ w, const uint4 * __restrict__ x, int rows, int cols8, void * y) {
    extern __shared__ uint4 xs[];
    for (int i = threadIdx.x; i < cols8; i += kWarps * 32) xs[i] = x[i];
    __syncthreads();
    const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
    const int unit = blockIdx.x * kWarps + warp; // rows (SWIGLU: pairs) handled by this warp
    int ra, rb;
    if constexpr (M == Mode::SWIGLU) {
        if (unit >= rows) return;
        ra = unit, rb = rows + unit;
    } else {
        ra = 2 * unit, rb = 2 * unit + 1;
        if (ra >= rows) return;
        if (rb >= rows) rb = ra; // odd row count: the last warp computes its row twice, writes once
    }
    const uint4 * wa = w + static_cast<size_t>(ra) * cols8, * wb = w + static_cast<size_t>(rb) * cols8;
    float acc_a = 0.0f, acc_b = 0.0f;
    for (int k = lane; k < cols8; k += 32 * kUnroll) {
        uint4 va[kUnroll], vb[kUnroll];
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const int i = k + 32 * u;
            if (i < cols8) {
                va[u] = __ldcs(wa + i);
                vb[u] = __ldcs(wb + i);
            } else {
                va[u] = vb[u] = make_uint4(0, 0, 0, 0);
            }
        }
#pragma unroll
        for (int u = 0; u < kUnroll; ++u) {
            const int i = k + 32 * u;
            if (i < cols8) {
                const uint4 xv = xs[i];
                fma8(va[u], xv, acc_a);
                fma8(vb[u], xv, acc_b);
            }
        }
    }
#pragma unroll
    for (int o = 16; o > 0; o >>= 1) {
        acc_a += __shfl_xor_sync(0xffffffffu, acc_a, o);
        acc_b += __shfl_xor_sync(0xffffffffu, acc_b, o);
    }
    if (lane != 0) return;
    if constexpr (M == Mode::SWIGLU) {
        static_cast<__nv_bfloat16 *>(y)[ra] = __float2bfloat16_rn(acc_a / (1.0f + expf(-acc_a)) * acc_b);
    } else if constexpr (M == Mode::F32) {
        static_cast<float *>(y)[ra] = acc_a;
        if (rb != ra) static_cast<float *>(y)[rb] = acc_b;
    } else {
        static_cast<__nv_bfloat16 *>(y)[ra] = __float2bfloat16_rn(acc_a);
        if (rb != ra) static_cast<__nv_bfloat16 *>(y)[rb] = __float2bfloat16_rn(acc_b);
    }
}

template <Mode M> cudaError_t launch(const void * w, const void * x, int rows, int cols, void * y, cudaStream_t stream) {
    if (rows <= 0 || !gemv_bf16_supported(cols, w, x)) return cudaErrorInvalidValue;
    const int cols8 = cols / 8;
    const size_t smem = static_cast<size_t>(cols8) * sizeof(uint4);
    if (smem > 48 * 1024) {
        const cudaError_t e = cudaFuncSetAttribute(gemv_kernel<M>, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem));
        if (e != cudaSuccess) return e;
    }
    const int per_block = M == Mode::SWIGLU ? kWarps : 2 * kWarps;
    const unsigned grid = static_cast<unsigned>((rows + per_block - 1) / per_block);
    gemv_kernel<M><<<grid, kWarps * 32, smem, stream>>>(static_cast<const uint4 *>(w), static_cast<const uint4 *>(x), rows, cols8, y);
    return cudaGetLastError();
}

} // namespace

bool gemv_bf16_supported(int cols, const void * w, const void * x) {
    return cols > 0 && cols % 8 == 0 && static_cast<size_t>(cols) * 2 <= kMaxSmem && reinterpret_cast<uintptr_t>(w) % 16 == 0 &&
           reinterpret_cast<uintptr_t>(x) % 16 == 0;
}

cudaError_t launch_gemv_bf16(const void * w, const void * x, int rows, int cols, float * y, cudaStream_t stream) {
    return launch<Mode::F32>(w, x, rows, cols, y, stream);
}
cudaError_t launch_gemv_bf16_out_bf16(const void * w, const void * x, int rows, int cols, void * y, cudaStream_t stream) {
    return launch<Mode::BF16>(w, x, rows, cols, y, stream);
}
cudaError_t launch_gemv_swiglu_bf16(const void * w, const void * x, int n, int cols, void * y, cudaStream_t stream) {
    return launch<Mode::SWIGLU>(w, x, n, cols, y, stream);
}

} // namespace quire

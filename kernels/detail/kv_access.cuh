// Device-side loads and stores of KvType elements (internal to kernels/).
#pragma once
#include "kv_type.cuh"

#include <cuda_bf16.h>
#include <cuda_fp8.h>

namespace quire {

template <KvType T> struct KvElem;
template <> struct KvElem<KvType::F32> {
    using type = float;
    static __device__ __forceinline__ float load(const float * p, size_t i) { return p[i]; }
    static __device__ __forceinline__ void store(float * p, size_t i, float v) { p[i] = v; }
};
template <> struct KvElem<KvType::BF16> {
    using type = __nv_bfloat16;
    static __device__ __forceinline__ float load(const __nv_bfloat16 * p, size_t i) { return __bfloat162float(p[i]); }
    static __device__ __forceinline__ void store(__nv_bfloat16 * p, size_t i, float v) { p[i] = __float2bfloat16_rn(v); }
};
template <> struct KvElem<KvType::FP8> {
    using type = __nv_fp8_e4m3;
    static __device__ __forceinline__ float load(const __nv_fp8_e4m3 * p, size_t i) { return static_cast<float>(p[i]); }
    static __device__ __forceinline__ void store(__nv_fp8_e4m3 * p, size_t i, float v) { p[i] = __nv_fp8_e4m3(v); }
};

// Calls f.template operator()<T>() with the KvType known at compile time.
#define KV_DISPATCH(kt, ...)                                                                          \
    switch (kt) {                                                                                     \
    case KvType::F32: { constexpr KvType KT = KvType::F32; __VA_ARGS__; } break;                      \
    case KvType::BF16: { constexpr KvType KT = KvType::BF16; __VA_ARGS__; } break;                    \
    case KvType::FP8: { constexpr KvType KT = KvType::FP8; __VA_ARGS__; } break;                      \
    }

inline unsigned grid_1d(long long n, int threads = 256) {
    const long long g = (n + threads - 1) / threads;
    return static_cast<unsigned>(g < 1 ? 1 : g > 65535 ? 65535 : g);
}

} // namespace quire

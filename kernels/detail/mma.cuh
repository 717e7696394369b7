// The tensor-core and asynchronous-copy instructions the hand-written attention kernels use
// (internal to kernels/), as PTX: cp.async 16-byte copies global -> shared, ldmatrix (plain and
// transposed) from shared memory into mma operands, mma.sync m16n8k16 with bf16 inputs and fp32
// accumulation, and bf16 packing. Needs compute capability 8.0 (Ampere) or later.
#pragma once
#include <cuda_bf16.h>
#include <cuda_runtime.h>

namespace quire {

namespace mma {

__device__ __forceinline__ unsigned smem_addr(const void * p) { return static_cast<unsigned>(__cvta_generic_to_shared(p)); }

// Asynchronous 16-byte copies global -> shared (cp.async), zero-filled when !pred.
__device__ __forceinline__ void cp_async16(void * smem, const void * gmem, bool pred) {
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(smem_addr(smem)), "l"(gmem), "r"(pred ? 16 : 0));
}
__device__ __forceinline__ void cp_async_commit() { asm volatile("cp.async.commit_group;\n" ::); }
template <int N> __device__ __forceinline__ void cp_async_wait() { asm volatile("cp.async.wait_group %0;\n" ::"n"(N)); }

__device__ __forceinline__ void ldmatrix_x4(unsigned (&r)[4], const void * p) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0, %1, %2, %3}, [%4];\n"
                 : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
                 : "r"(smem_addr(p)));
}
__device__ __forceinline__ void ldmatrix_x4_trans(unsigned (&r)[4], const void * p) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0, %1, %2, %3}, [%4];\n"
                 : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
                 : "r"(smem_addr(p)));
}
// d (16 x 8 fp32) += a (16 x 16 bf16, row-major) . b (16 x 8 bf16, column-major)
__device__ __forceinline__ void mma16816(float (&d)[4], const unsigned (&a)[4], unsigned b0, unsigned b1) {
    asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, {%0, %1, %2, %3};\n"
                 : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
                 : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}
__device__ __forceinline__ unsigned pack_bf16(float lo, float hi) {
    __nv_bfloat162 v = __floats2bfloat162_rn(lo, hi);
    return *reinterpret_cast<unsigned *>(&v);
}

} // namespace mma

} // namespace quire

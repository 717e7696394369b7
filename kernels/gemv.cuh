// Matrix-vector products of decoding (one token): y = W . x with W [rows][cols] bf16 row-major
// (the layout of the engine's GpuMatrix) and x bf16, fp32 accumulation. A weight GEMV is a pure
// stream of the matrix, so the kernel is built for bandwidth: 16-byte streaming loads of W with
// several in flight per warp, x staged once per block in shared memory, one warp per output
// row. The SwiGLU variant reads the gate row n and the up row n_ff + n of a fused gate/up matrix
// and writes silu(g) * u, so the FFN's hidden vector never makes a round trip through memory.
// CPU twins: cpu::matmul, cpu::swiglu (engine/cpu/ops.h).
#pragma once
#include <cuda_runtime.h>

namespace quire {

// cols must be a multiple of 8 and W, x 16-byte aligned (gemv_bf16_supported); y fp32 or bf16.
bool gemv_bf16_supported(int cols, const void * w, const void * x);
cudaError_t launch_gemv_bf16(const void * w, const void * x, int rows, int cols, float * y, cudaStream_t stream);
cudaError_t launch_gemv_bf16_out_bf16(const void * w, const void * x, int rows, int cols, void * y, cudaStream_t stream);
// w: [2 n][cols] (gate rows, then up rows); y: [n] bf16 = silu(w_gate . x) * (w_up . x).
cudaError_t launch_gemv_swiglu_bf16(const void * w, const void * x, int n, int cols, void * y, cudaStream_t stream);

} // namespace quire

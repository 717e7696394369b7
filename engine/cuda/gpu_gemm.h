// y[T][rows] = x[T][cols] . w^T on one stream. fp32 weights: cuBLAS SGEMM without TF32 (exact
// agreement with the CPU backend). bf16 weights: tensor cores with fp32 accumulation; single rows
// (decoding) through the bandwidth-bound GEMV kernel of kernels/gemv.cu (or cuBLAS's, where its
// layout limits do not hold or set_custom_gemv(false) asks for them); more rows through
// cuBLASLt with the algorithm for each shape chosen by timing its candidates once (cuBLAS's pick
// ran 512-row QKV products at half the speed of the best on the H200).
#pragma once

#include "cuda/device_buffer.h"
#include "cuda/gpu_weights.h"

#include <cublasLt.h>
#include <cublas_v2.h>
#include <map>
#include <tuple>
#include <vector>

namespace quire {

class GpuGemm {
public:
    GpuGemm(cudaStream_t stream, bool pedantic_fp32);
    ~GpuGemm();
    GpuGemm(const GpuGemm &) = delete;
    GpuGemm & operator=(const GpuGemm &) = delete;

    // x in fp32, converted to the matrix's type first.
    void operator()(const float * x, int T, const GpuMatrix & w, float * y);
    // x already in the matrix's type (bf16 for bf16 weights, else fp32).
    void mul(const void * x, int T, const GpuMatrix & w, float * y);
    // The same with y in bf16 (bf16 weights only): half the bytes for products that only feed a
    // kernel computing in fp32 (the fused QKV and gate/up products).
    void mul_bf16_out(const void * x, int T, const GpuMatrix & w, void * y);
    // One row (decoding) of a fused gate/up product [2n][cols] straight to silu(gate) * up, n bf16
    // values in y. False (nothing done) where the GEMV kernel does not apply: then mul_bf16_out
    // and a SwiGLU kernel.
    bool mul_swiglu(const void * x, const GpuMatrix & w_gu, void * y);
    // Single rows through cuBLAS instead of the GEMV kernel (A/B measurements).
    void set_custom_gemv(bool on) { custom_gemv_ = on; }
    // Choose the algorithms for these shapes now (no timing is possible inside a graph capture,
    // where an untuned shape runs cuBLASLt's first pick).
    void tune(const GpuMatrix & w, int T, bool bf16_out);
    // Make room for bf16 activations of `elems` elements now (no allocation inside a graph capture).
    void reserve(size_t elems) {
        if (x_bf16_.size() < elems) x_bf16_.resize(elems);
    }
    cublasHandle_t handle() const { return blas_; }

private:
    struct Plan {
        cublasLtMatmulDesc_t op = nullptr;
        cublasLtMatrixLayout_t a = nullptr, b = nullptr, c = nullptr;
        std::vector<cublasLtMatmulHeuristicResult_t> candidates; // cuBLASLt's, best guess first
        cublasLtMatmulAlgo_t algo{};
        bool tuned = false;
    };
    using Key = std::tuple<int, int, int, bool>; // rows, cols, T, bf16 out
    Plan & plan(int rows, int cols, int T, bool bf16_out);
    void lt_mul(const void * x, int T, const GpuMatrix & w, void * y, bool bf16_out);
    bool gemv_ok(const GpuMatrix & w, const void * x) const;
    void choose(Plan & p, const void * w, const void * x, void * y);

    static constexpr size_t kWorkspaceBytes = size_t(32) << 20;
    cudaStream_t stream_;
    cublasHandle_t blas_ = nullptr;
    cublasLtHandle_t lt_ = nullptr;
    DeviceBuffer<uint16_t> x_bf16_;
    DeviceBuffer<unsigned char> workspace_;
    std::map<Key, Plan> plans_;
    bool custom_gemv_ = true;
};

} // namespace quire

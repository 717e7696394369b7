// The CUDA backend's forward pass over a KV cache (full attention): weights on the device,
// GEMMs through cuBLAS, the other ops through kernels/. Weights are bf16 (tensor cores, fp32
// accumulation; activations stay fp32 between ops) or fp32, which checks tokens and logits
// exactly against the CPU backend. The block-memory kernels build on it.
#pragma once

#include "cuda/device_buffer.h"
#include "generate/backend.h"
#include "model/model.h"

#include <vector>

namespace quire {

enum class CudaPrecision { FP32, BF16 };

class CudaModel : public ForwardBackend {
public:
    // Throws Error(OUT_OF_MEMORY) when the GPU lacks room.
    CudaModel(const Model & model, int n_ctx, CudaPrecision precision = CudaPrecision::FP32);
    ~CudaModel() override;

    std::vector<float> eval(const std::vector<int> & tokens, std::vector<float> * all_logits = nullptr) override;
    int n_past() const override { return n_past_; }
    int n_ctx() const override { return n_ctx_; }
    const char * name() const override { return "cuda"; }

private:
    // A weight matrix on the device in one of the two precisions.
    struct Matrix {
        int rows = 0, cols = 0;
        DeviceBuffer<float> f32;
        DeviceBuffer<uint16_t> bf16;
    };
    struct Layer {
        DeviceBuffer<float> attn_norm, ffn_norm, bq, bk, bv, k_cache, v_cache;
        Matrix wq, wk, wv, wo, w_gate, w_up, w_down;
    };
    Matrix upload(const Tensor & t) const;
    void gemm(const float * x, int T, const Matrix & w, float * y);
    void ensure_scratch(int T);

    const Model & m_;
    const HParams & hp_;
    int n_ctx_;
    int n_past_ = 0;
    cudaStream_t stream_ = nullptr;
    cublasHandle_t blas_ = nullptr;
    CudaPrecision precision_;
    Matrix tok_embd_, output_;
    DeviceBuffer<float> out_norm_, inv_freq_;
    DeviceBuffer<uint16_t> x_bf16_; // activations converted for bf16 GEMMs
    std::vector<Layer> layers_;
    int scratch_T_ = 0;
    DeviceBuffer<float> x_, xn_, q_, k_, v_, att_, o_, g_, u_, logits_;
    DeviceBuffer<int> ids_, pos_;
};

} // namespace quire

// The CUDA backend's forward pass over a KV cache (full attention): weights on the device,
// GEMMs through cuBLAS, the other ops through kernels/. This first version computes in fp32,
// so that its tokens and logits can be checked exactly against the CPU backend; bf16 weights
// and the block-memory kernels build on it.
#pragma once

#include "cuda/device_buffer.h"
#include "generate/backend.h"
#include "model/model.h"

#include <vector>

namespace quire {

class CudaModel : public ForwardBackend {
public:
    CudaModel(const Model & model, int n_ctx); // throws Error(OUT_OF_MEMORY) when the GPU lacks room
    ~CudaModel() override;

    std::vector<float> eval(const std::vector<int> & tokens, std::vector<float> * all_logits = nullptr) override;
    int n_past() const override { return n_past_; }
    int n_ctx() const override { return n_ctx_; }
    const char * name() const override { return "cuda"; }

private:
    struct Layer {
        DeviceBuffer<float> attn_norm, ffn_norm, wq, wk, wv, wo, bq, bk, bv, w_gate, w_up, w_down, k_cache, v_cache;
    };
    void gemm(const float * x, int T, const DeviceBuffer<float> & w, int rows, int cols, float * y);
    void ensure_scratch(int T);

    const Model & m_;
    const HParams & hp_;
    int n_ctx_;
    int n_past_ = 0;
    cudaStream_t stream_ = nullptr;
    cublasHandle_t blas_ = nullptr;
    DeviceBuffer<float> tok_embd_, out_norm_, output_, inv_freq_;
    std::vector<Layer> layers_;
    int scratch_T_ = 0;
    DeviceBuffer<float> x_, xn_, q_, k_, v_, att_, o_, g_, u_, logits_;
    DeviceBuffer<int> ids_, pos_;
};

} // namespace quire

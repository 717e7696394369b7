// The CUDA backend's forward pass over a KV cache (full attention): weights on the device
// (GpuWeights), GEMMs through cuBLAS, the other ops through kernels/. Weights are bf16 (tensor
// cores, fp32 accumulation; activations stay fp32 between ops) or fp32, which checks tokens and
// logits exactly against the CPU backend.
#pragma once

#include "cuda/gpu_gemm.h"
#include "cuda/gpu_weights.h"
#include "backend/forward_backend.h"
#include "model/model.h"

#include <memory>
#include <vector>

namespace quire {

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
    void ensure_scratch(int T);

    const HParams & hp_;
    int n_ctx_;
    int n_past_ = 0;
    cudaStream_t stream_ = nullptr;
    std::shared_ptr<const GpuWeights> w_;
    std::unique_ptr<GpuGemm> gemm_;
    std::vector<DeviceBuffer<float>> k_cache_, v_cache_;
    int scratch_T_ = 0;
    DeviceBuffer<float> x_, xn_, qkv_, q_, k_, v_, att_, o_, g_, gu_, logits_;
    DeviceBuffer<int> ids_, pos_;
};

} // namespace quire

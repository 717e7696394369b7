// A decoder's weights on the GPU, shared by the CUDA backend's forward passes (full-attention
// CudaModel and block-memory CudaMemoryModel): bf16 (tensor cores, fp32 accumulation; half the
// memory) or fp32 (exact agreement with the CPU backend). Uploaded from a loaded model, slab by
// slab, or filled with random values on the device for benchmarks of a model shape.
#pragma once

#include "cuda/device_buffer.h"
#include "model/hparams.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace quire {

struct Model;

enum class CudaPrecision { FP32, BF16 };

struct GpuMatrix {
    int rows = 0, cols = 0;
    DeviceBuffer<float> f32;
    DeviceBuffer<uint16_t> bf16;
    bool empty() const { return rows == 0; }
};

// Projections that read the same input are stacked into one matrix (one GEMM): wqkv holds the
// rows of wq, wk, wv; w_gu those of w_gate, then w_up.
struct GpuLayer {
    DeviceBuffer<float> attn_norm, ffn_norm, bq, bk, bv;
    GpuMatrix wqkv, wo, w_gu, w_down;
};

struct GpuWeights {
    HParams hp;
    CudaPrecision precision = CudaPrecision::FP32;
    GpuMatrix tok_embd, output;
    DeviceBuffer<float> out_norm, inv_freq;
    std::vector<GpuLayer> layers;

    const GpuMatrix & lm_head() const { return output.empty() ? tok_embd : output; }

    // Bytes the matrices take on the device.
    static uint64_t bytes_needed(const HParams & hp, CudaPrecision p);
    // Throws Error(OUT_OF_MEMORY) when the GPU lacks `bytes_needed + reserve` free bytes (only
    // `reserve` when the model's weights are on the GPU already in p: Model::device_weights).
    static void check_room(const Model & model, CudaPrecision p, uint64_t reserve, const std::string & what);

    static std::shared_ptr<GpuWeights> upload(const Model & model, CudaPrecision p);
    // The model's weights on the device in precision p: uploaded once and kept with the model
    // (Model::device_weights) for the readings and questions that follow; another precision
    // replaces them.
    static std::shared_ptr<const GpuWeights> shared(const Model & model, CudaPrecision p);
    // Normal(0, 0.02) matrices, unit norms (a Llama-style initialisation).
    static std::shared_ptr<GpuWeights> random(const HParams & hp, CudaPrecision p, uint64_t seed);
};

} // namespace quire

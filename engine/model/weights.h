// The model's weights as the CPU backend uses them. Matrices stay as stored in the model file
// (any GGML type, memory-mapped, no copy) and are dequantised a row at a time where they are
// used, so an 8B Q4_K_M model needs its 5 GB, not 32 GB of fp32. Small vectors (norms, biases)
// are fp32 copies. Matrices are row-major [rows][cols], rows = output features.
#pragma once

#include "model/ggml_type.h"
#include "model/hparams.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace quire {

struct Tensor {
    int64_t rows = 0;
    int64_t cols = 0;
    GgmlType type = GgmlType::F32;
    const uint8_t * data = nullptr; // rows * row_bytes bytes, owned by Weights::storage
    uint64_t row_bytes = 0;

    bool empty() const { return rows == 0; }
    // The row itself when stored as aligned fp32, else nullptr (then use dequantize_row).
    const float * f32_row(int64_t r) const {
        return type == GgmlType::F32 ? reinterpret_cast<const float *>(data + static_cast<uint64_t>(r) * row_bytes) : nullptr;
    }
    void dequantize_row(int64_t r, float * out) const {
        ggml_dequantize(type, data + static_cast<uint64_t>(r) * row_bytes, out, static_cast<uint64_t>(cols));
    }
};

using Vector = std::vector<float>;

struct LayerWeights {
    Vector attn_norm, ffn_norm;
    Vector bq, bk, bv; // qwen2 only
    Tensor wq, wk, wv, wo;
    Tensor w_gate, w_up, w_down;
};

struct Weights {
    Tensor tok_embd; // [n_vocab][n_embd]
    Tensor output;   // [n_vocab][n_embd]; empty when tied to tok_embd
    Vector out_norm; // [n_embd]
    std::vector<LayerWeights> layers;
    // What the tensors point into: mapped model files, and copies where a file's data is misaligned.
    std::vector<std::shared_ptr<const void>> storage;

    const Tensor & lm_head() const { return output.empty() ? tok_embd : output; }
};

// What a loaded model file is: its hyper-parameters, weights, and a summary for `info`.
struct ModelInfo {
    std::string path;
    std::string format;                      // "gguf", "huggingface", "llama2.c"
    uint64_t n_params = 0;
    uint64_t weight_bytes = 0;               // bytes of weights as stored
    std::map<std::string, int> tensor_types; // type name -> tensor count, as stored in the file
    std::string file_type;                   // e.g. "Q4_1" (GGUF general.file_type), if known
};

} // namespace quire

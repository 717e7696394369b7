// The model's weights in the CPU backend's compute type (fp32), row-major [rows][cols]
// with rows = output features, so that y = W x is a dot product per row.
#pragma once

#include "model/hparams.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace quire {

struct Tensor {
    std::vector<float> data;
    int64_t rows = 0;
    int64_t cols = 0;
    bool empty() const { return data.empty(); }
    const float * row(int64_t r) const { return data.data() + r * cols; }
};

struct LayerWeights {
    Tensor attn_norm, wq, wk, wv, wo;
    Tensor bq, bk, bv; // qwen2 only (rows = 1)
    Tensor ffn_norm, w_gate, w_up, w_down;
};

struct Weights {
    Tensor tok_embd;   // [n_vocab][n_embd]
    Tensor out_norm;   // [1][n_embd]
    Tensor output;     // [n_vocab][n_embd]; empty when tied to tok_embd
    std::vector<LayerWeights> layers;
    const Tensor & lm_head() const { return output.empty() ? tok_embd : output; }
};

// What a loaded model file is: its hyper-parameters, weights, and a summary for `info`.
struct ModelInfo {
    std::string path;
    std::string format;                  // "gguf", "huggingface", "llama2.c"
    uint64_t n_params = 0;
    std::map<std::string, int> tensor_types; // type name -> tensor count, as stored in the file
    std::string file_type;                // e.g. "Q4_1" (GGUF general.file_type), if known
};

} // namespace quire

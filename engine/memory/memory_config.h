// Parameters of the block memory (InfLLM) and query-aware lookup (QLLM), with the presets of the
// method's table (../shared/design/method.md).
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct Model;

struct MemoryConfig {
    std::string preset = "2k";
    int n_init = 128;          // sink tokens, always attended at the memory distance
    int n_local = 1024;        // local window, attended with true relative positions
    int block_size = 128;      // tokens per memory block
    int topk = 8;              // memory blocks attended per step
    int exc_block_size = 512;  // tokens per execution block while reading
    int repr_topk = 4;         // keys (and question tokens) averaged into a representative
    float beta = 1.0f;         // weight of the question score s(B,Q); 0 is plain InfLLM
    int anchors = 0;           // of the topk slots, given to blocks by word match with the question (lexical_anchors.h)
    uint64_t host_budget_bytes = 0; // block K/V kept in RAM up to this; beyond it in a mapped file (0: no limit)
    uint64_t gpu_budget_bytes = 0;  // CUDA backend: block K/V on the GPU up to this; beyond it pinned host memory (0: no limit)
};

// "512", "1k", "2k" or "infllm"; throws Error(BAD_INPUT) for other names.
MemoryConfig memory_preset(const std::string & name);

// The method's default beta for a model: 4 for Llama 3 vocabularies, 1 otherwise (Mistral, Qwen2).
float memory_default_beta(const Model & model);

// Throws Error(BAD_INPUT) for inconsistent values.
void memory_config_validate(const MemoryConfig & c);

} // namespace quire

// Parameters of the block memory (InfLLM) and query-aware lookup (QLLM), with the presets of the
// method's table (../shared/design/method.md).
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct Model;

// How a question looks blocks up (QLLM): s(B) = s(B,H) + beta * s(B,Q), and `anchors` of the
// topk slots given to blocks by word match with the question (lexical_anchors.h). A state runs
// with one (MemoryConfig::lookup), a question asks for one (AskParams::lookup); the apps keep the
// user's in their settings. kModelBeta stands for the model's default (memory_default_beta),
// resolved by lookup_for before a state runs with it.
struct Lookup {
    static constexpr float kModelBeta = -1.0f;
    float beta = 1.0f; // 0 is plain InfLLM
    int anchors = 0;   // 0 is the paper's method
};

struct MemoryConfig {
    std::string preset = "2k";
    int n_init = 128;          // sink tokens, always attended at the memory distance
    int n_local = 1024;        // local window, attended with true relative positions
    int block_size = 128;      // tokens per memory block
    int topk = 8;              // memory blocks attended per step
    int exc_block_size = 512;  // tokens per execution block while reading
    int repr_topk = 4;         // keys (and question tokens) averaged into a representative
    Lookup lookup;
    uint64_t host_budget_bytes = 0; // block K/V kept in RAM up to this; beyond it in a mapped file (0: no limit)
    // The GPU's share of block K/V is the device's (DeviceParams::gpu_block_budget).
};

// "512", "1k", "2k" or "infllm" (the method's table), or "auto" and "whole", which take 2k's values
// until memory_for_reading (reading_plan.h) resolves them for a document; throws Error(BAD_INPUT)
// for other names.
MemoryConfig memory_preset(const std::string & name);

// The method's default beta for a model: 4 for Llama 3 vocabularies, 1 otherwise (Mistral, Qwen2).
float memory_default_beta(const Model & model);

// The lookup a state of `model` with `topk` memory blocks runs with when `asked` is asked for:
// kModelBeta resolved, anchors capped at topk. Throws Error(BAD_INPUT) for negative values.
Lookup lookup_for(const Lookup & asked, const Model & model, int topk);

// Throws Error(BAD_INPUT) for inconsistent values (lookup.beta may be kModelBeta).
void memory_config_validate(const MemoryConfig & c);

} // namespace quire

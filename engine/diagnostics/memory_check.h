// The CUDA block-memory pass against its twins: the CPU MemoryModel on the same tokens (logits
// at every step, block selections of every layer and step, greedy continuation), and, with a
// window at least as long as the sequence, the full-attention CudaModel.
#pragma once

#include "diagnostics/backend_check.h"
#include "memory/memory_config.h"

#include <string>
#include <vector>

namespace quire {

struct Model;

struct MemoryCheck {
    int steps = 0;
    double max_logit_error = 0;      // worst normalised ||gpu - cpu|| / ||cpu|| over steps
    int selections = 0;              // (step, layer) pairs with blocks to choose from
    int selections_equal = 0;        // ... where both picked the same blocks in the same order
    int selections_near_tie = 0;     // ... that differ only where the CPU's scores are within 1e-4 (relative)
    int anchored_selections = 0;     // ... where the CPU gave slots to word-match anchors
    bool greedy_equal = false;
    std::vector<int> greedy_cpu, greedy_cuda;
    int blocks = 0;                  // blocks cut by the end
    uint64_t cache_hits = 0, cache_misses = 0; // offload: selections served from GPU slots or not
    std::string detail;              // first disagreement, if any
};

// doc: fed in execution blocks (DOCUMENT); then question (QUESTION), then n_greedy tokens.
// question_first: the question before the document (deep reading).
MemoryCheck cuda_memory_check(const Model & model, const std::vector<int> & doc, const std::vector<int> & question, const MemoryConfig & cfg,
                              int n_greedy, bool bf16, bool kv_fp8 = false, bool decode_kernel = false, bool offload = false,
                              bool question_first = false);

// Normalised error between the block-memory pass with a window covering all of `tokens` and
// full attention (CudaModel), last-position logits of each execution block.
double cuda_memory_vs_full(const Model & model, const std::vector<int> & tokens, bool bf16);

// The block-memory checks of one model as pass/fail rows (the test suite and quire-cli
// backend-check --memory run the same): fp32 against the CPU (logits < 1e-4, selections equal
// up to near-ties, greedy identical), bf16 and bf16 + fp8 blocks against the CPU (logits < 8e-2 and
// 0.15 on these small random-weight models; the share of agreeing selections is reported),
// window >= sequence against full attention (fp32 1e-5, bf16 2e-2). `summary` receives one line
// per check.
std::vector<OpCheck> cuda_memory_checks(const Model & model, std::vector<std::string> * summary = nullptr);

// The flash reading kernel inside a whole model (random weights, 2 layers, 8B shape):
// its logits' error against the fp32 pass may exceed the batched-GEMM path's by at most 25% + 5e-3.
std::vector<OpCheck> cuda_flash_checks(std::vector<std::string> * summary = nullptr);

// The 8B-shape parity against transformers from the folder that
// tests/reference/make_llama3_8b_2layer.py wrote: full attention and block memory (window >=
// sequence), bf16, normalised logit error < 2e-2 each.
std::vector<OpCheck> cuda_l8b_checks(const std::string & dir, std::vector<std::string> * summary = nullptr);

} // namespace quire

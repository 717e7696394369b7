// Benchmark of the CUDA block memory on a model shape (random weights) or a loaded model: for
// each document length, ingest time and rate, peak GPU and host memory, decode time per token
// at that context, and ask latency (a question of q tokens, then a greedy answer of a tokens, on
// a fork of the document's state). Used by quire-cli bench and recorded in docs/performance.md.
#pragma once

#include "memory/memory_config.h"
#include "model/hparams.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quire {

struct Model;

struct BenchOptions {
    std::vector<int64_t> lengths;
    MemoryConfig cfg;
    bool kv_fp8 = false;
    double gpu_mem_gib = 0;  // > 0: the process's GPU budget; blocks beyond it go to pinned host memory
    int decode_tokens = 32;
    int question_tokens = 64, answer_tokens = 128;
    bool graphs = true;
    bool flash = true;
    bool decode_kernel = false;
    bool custom_gemv = true;
    bool cache = true;       // offload: GPU slots caching hot host-resident blocks
    uint64_t seed = 1;
};

struct BenchRow {
    int64_t tokens = 0;
    std::string preset; // as read: "auto" resolves per length (memory_for_reading)
    double ingest_s = 0, ingest_tok_s = 0;
    double peak_gpu_gib = 0, host_gib = 0, block_gpu_gib = 0, block_host_gib = 0;
    double gpu_ingest_gib = 0, gpu_ask_gib = 0; // GPU memory in use after the ingest, and with the ask fork alive
    double decode_ms = 0, ask_s = 0;
    int blocks = 0;
    uint64_t cache_hits = 0, cache_misses = 0; // offload: the document state's cache, ingest and decode together
    std::string error;
};

// HParams of a named shape: "llama3-8b" (32 layers unless n_layer > 0), "llama3-1b", "qwen2.5-1.5b",
// "smollm2-135m".
HParams bench_shape(const std::string & name, int n_layer = 0);

// Random bf16 weights of `hp` (model == nullptr) or the model's own weights in bf16.
std::vector<BenchRow> memory_bench(const HParams & hp, const Model * model, const BenchOptions & opt,
                                   const std::function<void(const BenchRow &)> & on_row = {});

} // namespace quire

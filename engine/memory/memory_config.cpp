// Presets and checks.
#include "memory/memory_config.h"

#include "core/error.h"
#include "memory/reading_plan.h"
#include "model/model.h"

#include <algorithm>

namespace quire {

MemoryConfig memory_preset(const std::string & name) {
    MemoryConfig c;
    c.preset = name;
    if (name == "512") {
        c.n_local = 256, c.block_size = 64, c.topk = 4, c.exc_block_size = 256;
    } else if (name == "1k") {
        c.n_local = 512, c.block_size = 64, c.topk = 8, c.exc_block_size = 512;
    } else if (name == "2k") {
        c.n_local = 1024, c.block_size = 128, c.topk = 8, c.exc_block_size = 512;
    } else if (name == "infllm") {
        c.n_local = 4096, c.block_size = 128, c.topk = 16, c.exc_block_size = 512;
    } else if (chosen_per_document(name)) {
        // Resolved per document and model before a reading (memory_for_reading, reading_plan.h);
        // until then the 2k table's values.
        c = memory_preset("2k");
        c.preset = name;
    } else {
        fail(Status::BAD_INPUT, "unknown memory preset '" + name + "' (known: auto, whole, 512, 1k, 2k, infllm)");
    }
    return c;
}

float memory_default_beta(const Model & m) {
    if (m.tokenizer && m.tokenizer->find_token("<|start_header_id|>") >= 0 && m.hp.arch == Arch::LLAMA) return 4.0f;
    return 1.0f;
}

Lookup lookup_for(const Lookup & asked, const Model & model, int topk) {
    if (asked.beta < 0.0f && asked.beta != Lookup::kModelBeta) fail(Status::BAD_INPUT, "beta must be >= 0");
    if (asked.anchors < 0) fail(Status::BAD_INPUT, "anchors must be >= 0");
    return {asked.beta == Lookup::kModelBeta ? memory_default_beta(model) : asked.beta, std::min(asked.anchors, topk)};
}

void memory_config_validate(const MemoryConfig & c) {
    auto check = [](bool ok, const std::string & what) {
        if (!ok) fail(Status::BAD_INPUT, "invalid memory configuration: " + what);
    };
    check(c.n_init >= 0, "n_init must be >= 0");
    check(c.n_local >= 1, "n_local must be >= 1");
    check(c.block_size >= 1, "block_size must be >= 1");
    check(c.topk >= 0, "topk must be >= 0");
    check(c.exc_block_size >= 1, "exc_block_size must be >= 1");
    check(c.repr_topk >= 1 && c.repr_topk <= c.block_size, "repr_topk must be in 1..block_size");
    check(c.lookup.beta >= 0.0f || c.lookup.beta == Lookup::kModelBeta, "beta must be >= 0");
    check(c.lookup.anchors >= 0, "anchors must be >= 0"); // more than topk: all topk slots
}

} // namespace quire

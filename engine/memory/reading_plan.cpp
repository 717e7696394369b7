// Whole or block memory, per document and model.
#include "memory/reading_plan.h"

#include "memory/memory_settings.h"
#include "model/hparams.h"

#include <algorithm>

namespace quire {

bool chosen_per_document(const std::string & preset) { return preset == kAutoPreset || preset == kWholePreset; }

int whole_window(const HParams & hp) {
    const int ctx = hp.n_ctx_train > 0 ? hp.n_ctx_train : 2048;
    return std::min(ctx, kWholeMaxTokens);
}

bool fits_whole(const HParams & hp, int64_t doc_tokens) { return doc_tokens + kWholeRoom <= whole_window(hp); }

const char * memory_preset_for(const HParams & hp) { return hp.n_ctx_train >= 16384 ? "infllm" : "2k"; }

MemoryConfig memory_for_reading(const HParams & hp, const MemoryConfig & asked, int64_t doc_tokens) {
    MemoryConfig c = asked;
    const bool whole = asked.preset == kWholePreset || (asked.preset == kAutoPreset && fits_whole(hp, doc_tokens));
    if (whole) {
        memory_use_preset(c, "2k");
        c.preset = kWholePreset;
        c.n_local = whole_window(hp);
    } else if (chosen_per_document(asked.preset)) { // auto, too long to read whole
        memory_use_preset(c, memory_preset_for(hp));
    }
    return c;
}

MemoryConfig whole_reading_for(const HParams & hp, const MemoryConfig & asked, int64_t tokens) {
    MemoryConfig w = asked;
    w.preset = kWholePreset;
    MemoryConfig c = memory_for_reading(hp, w, tokens);
    const int64_t need = (std::max<int64_t>(tokens, 1) + c.block_size - 1) / c.block_size * c.block_size;
    c.n_local = static_cast<int>(std::min<int64_t>(c.n_local, need));
    return c;
}

} // namespace quire

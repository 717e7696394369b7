// The decoder forward pass over a block memory (CPU backend): each layer attends, in one
// softmax, to the sinks and the top-k memory blocks (query at the fixed memory distance, keys
// un-rotated) and to the local window plus the causal current tokens (true relative positions).
#pragma once

#include "backend/memory_backend.h"
#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"
#include "model/model.h"

#include <vector>

namespace quire {

class MemoryModel : public MemoryBackend {
public:
    MemoryModel(const Model & model, MemoryState & state);

    // Feed one execution block. kind QUESTION sets each layer's question vector if it has none.
    // Returns the last token's logits when want_logits. Fills trace (if given) with the lookup.
    std::vector<float> step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace = nullptr) override;

    MemoryState & state() { return st_; }
    const MemoryConfig & config() const override { return st_.cfg; }
    std::vector<MemoryBlock> memory_blocks() const override { return st_.blocks; }
    std::vector<int> consumed_tokens() const override { return st_.tokens; }
    void to_host(MemoryState & out) const override { out = st_; }
    bool state_in_place() const override { return true; }
    const char * name() const override { return "cpu"; }

private:
    const Model & m_;
    const HParams & hp_;
    MemoryState & st_;
    std::vector<float> inv_freq_;
};

} // namespace quire

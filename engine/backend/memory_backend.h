// The block-memory forward pass as the reader sees it, whatever runs it: the CPU MemoryModel
// (cpu/memory_model.h: state in a host MemoryState) or the CUDA CudaMemoryModel (state on the GPU);
// reading/make_memory_backend.h picks one.
#pragma once

#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"
#include "sampling/sampler.h"

#include <vector>

namespace quire {

class MemoryBackend {
public:
    virtual ~MemoryBackend() = default;
    // Feed one execution block; the last token's logits when want_logits; the lookup into trace.
    virtual std::vector<float> step(const std::vector<int> & tokens, StepKind kind, bool want_logits, RetrievalStep * trace = nullptr) = 0;
    virtual const MemoryConfig & config() const = 0;
    virtual std::vector<MemoryBlock> memory_blocks() const = 0;
    virtual std::vector<int> consumed_tokens() const = 0;
    // The state in host form (for block stores and the CPU).
    virtual void to_host(MemoryState & out) const = 0;
    // Whether steps update the MemoryState the backend was made from (the CPU) rather than a
    // copy of it (the GPU: then to_host brings it back).
    virtual bool state_in_place() const { return false; }
    virtual const char * name() const = 0;
    // Decoding with the pick on the backend itself (the GPU): whether it can use these sampling
    // parameters, and one step that feeds `token` and returns the next pick, drawn with the
    // uniform number r. The default backend cannot (callers sample from step()'s logits).
    virtual bool picks_on_device(const SamplerParams &) const { return false; }
    virtual int step_pick(int, const SamplerParams &, double, RetrievalStep *) { return -1; }
};

} // namespace quire

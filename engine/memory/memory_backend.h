// The block-memory forward pass as the reader sees it, whatever runs it: the CPU MemoryModel
// (state in a host MemoryState) or the CUDA CudaMemoryModel (state on the GPU).
#pragma once

#include "generate/backend.h"
#include "generate/sampler.h"
#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"

#include <memory>
#include <vector>

namespace quire {

struct Model;

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
    virtual const char * name() const = 0;
    // Decoding with the pick on the backend itself (the GPU): whether it can use these sampling
    // parameters, and one step that feeds `token` and returns the next pick, drawn with the
    // uniform number r. The default backend cannot (callers sample from step()'s logits).
    virtual bool picks_on_device(const SamplerParams &) const { return false; }
    virtual int step_pick(int, const SamplerParams &, double, RetrievalStep *) { return -1; }
};

// A backend that continues `state` (CPU: in place; CUDA: a GPU copy; `state` is then not
// updated, use to_host). CUDA weights are bf16 above a billion parameters (GpuPrecision AUTO),
// fp32 below. AUTO falls back to the CPU, saying why in the log, when the GPU cannot be used.
std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, BackendKind kind,
                                                   GpuPrecision precision = GpuPrecision::AUTO);

} // namespace quire

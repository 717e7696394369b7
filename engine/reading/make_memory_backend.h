// The block-memory backend for a reading or a question: the GPU when the choice and the machine
// allow, else the CPU.
#pragma once

#include "backend/backend_choice.h"
#include "backend/memory_backend.h"

#include <memory>

namespace quire {

// A backend that continues `state` (CPU: in place; CUDA: a GPU copy; `state` is then not
// updated, use to_host). CUDA weights are bf16 unless GpuPrecision::FP32 is asked for. AUTO
// falls back to the CPU, saying why in the log, when the GPU cannot be used.
std::unique_ptr<MemoryBackend> make_memory_backend(const Model & model, MemoryState & state, const DeviceParams & device);

} // namespace quire

// The forward backend for generation: the GPU when the choice and the machine allow, else the CPU.
#pragma once

#include "backend/backend_choice.h"
#include "backend/forward_backend.h"

#include <memory>

namespace quire {

struct Model;

// AUTO uses the GPU when this build has CUDA and a usable device, else the CPU (saying why in
// the log); CUDA fails with a clear Error if the GPU cannot be used.
std::unique_ptr<ForwardBackend> make_backend(const Model & model, int n_ctx, BackendKind kind, GpuPrecision precision = GpuPrecision::AUTO);

} // namespace quire

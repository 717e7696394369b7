// Loading the CUDA backend (libquire-cuda.so, backend/cuda_api.h) at run time.
#pragma once

#include "backend/device_info.h"

#include <string>

namespace quire {

struct CudaApi;

// The CUDA backend's entry table, loaded once (thread-safe) from $QUIRE_CUDA_BACKEND or from
// libquire-cuda.so beside the engine library; nullptr when this build has no CUDA backend or the
// library cannot be loaded (e.g. the CUDA runtime or cuBLAS is not installed): `why` says which.
const CudaApi * cuda_backend(std::string * why = nullptr);

// The GPU as the backend sees it; without the backend, not usable, with the reason.
CudaDeviceInfo cuda_device_status();

// Another table the backend library exports (diagnostics/cuda_diagnostics.h), by its symbol;
// nullptr without the backend or without that symbol.
void * cuda_backend_symbol(const char * name);

} // namespace quire

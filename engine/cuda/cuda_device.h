// The device query inside the CUDA backend (the struct is the backend layer's).
#pragma once

#include "backend/device_info.h"

namespace quire {

// The device as the CUDA runtime reports it; never throws.
CudaDeviceInfo cuda_device_info();

} // namespace quire

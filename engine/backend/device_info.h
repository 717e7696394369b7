// What GPU (if any) the CUDA backend can use: filled by the backend (cuda/cuda_device.h), seen
// by the rest of Quire through backend/cuda_loader.h.
#pragma once

#include <cstdint>
#include <string>

namespace quire {

struct CudaDeviceInfo {
    bool usable = false;   // a device of compute capability >= 8.0 with a working driver
    int count = 0;
    std::string name;
    int cc_major = 0, cc_minor = 0;
    uint64_t total_bytes = 0, free_bytes = 0;
    int driver_version = 0, runtime_version = 0;
    std::string error;     // why not usable
};

// A CUDA version number as CUDA writes it: 12040 -> "12.4".
inline std::string cuda_version_name(int v) { return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10); }

} // namespace quire

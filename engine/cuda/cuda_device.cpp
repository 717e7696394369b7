// Device query through the CUDA runtime; never throws.
#include "cuda/cuda_device.h"

#include <string>

#include <cuda_runtime.h>

namespace quire {

CudaDeviceInfo cuda_device_info() {
    CudaDeviceInfo d;
    cudaDriverGetVersion(&d.driver_version);
    cudaRuntimeGetVersion(&d.runtime_version);
    const cudaError_t e = cudaGetDeviceCount(&d.count);
    if (e != cudaSuccess || d.count == 0) {
        // No driver at all (its version reads 0) is a machine without an NVIDIA GPU, not an old
        // driver, whatever the runtime calls it.
        if (e == cudaSuccess || e == cudaErrorNoDevice || d.driver_version == 0)
            d.error = "no NVIDIA GPU found";
        else if (e == cudaErrorInsufficientDriver)
            d.error = "the NVIDIA driver (CUDA " + cuda_version_name(d.driver_version) + ") is older than Quire's CUDA runtime (" + cuda_version_name(d.runtime_version) +
                      "): update the driver to use the GPU";
        else
            d.error = cudaGetErrorString(e);
        cudaGetLastError(); // clear the sticky error
        return d;
    }
    cudaDeviceProp p{};
    if (cudaGetDeviceProperties(&p, 0) != cudaSuccess) {
        d.error = "cannot read the device's properties";
        return d;
    }
    d.name = p.name;
    d.cc_major = p.major;
    d.cc_minor = p.minor;
    size_t fr = 0, tot = 0;
    if (cudaMemGetInfo(&fr, &tot) == cudaSuccess) {
        d.free_bytes = fr;
        d.total_bytes = tot;
    }
    if (p.major < 8) {
        d.error = d.name + " has compute capability " + std::to_string(p.major) + "." + std::to_string(p.minor) +
                  "; Quire's kernels need 8.0 or newer (Ampere: bf16 tensor cores)";
        return d;
    }
    d.usable = true;
    return d;
}

} // namespace quire

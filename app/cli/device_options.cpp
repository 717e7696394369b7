#include "cli/device_options.h"

namespace quire::cli {

const std::set<std::string> kDeviceOptions = {"--backend", "--gpu-precision"};
const char * const kDeviceHelp =
    "device options:\n"
    "  --backend auto|cpu|cuda     the GPU when there is one (auto, default), or force the CPU / the GPU\n"
    "  --gpu-precision auto|bf16|fp32\n"
    "                              the GPU's weights: bf16 (tensor cores, the flash reading kernel, half the\n"
    "                              memory; auto, the default) or fp32 (agrees with the CPU exactly: parity checks)\n";

DeviceParams device_from_args(const Args & a) {
    DeviceParams d;
    try {
        d.backend = backend_kind_from_string(a.get("--backend").value_or("auto"));
        d.precision = gpu_precision_from_string(a.get("--gpu-precision").value_or("auto"));
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    return d;
}

} // namespace quire::cli

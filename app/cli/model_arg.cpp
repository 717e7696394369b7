#include "cli/model_arg.h"

#include "quire.h"

namespace quire::cli {

std::string model_arg(const Args & a) {
    if (auto m = a.get("--model")) return *m;
    const CudaDeviceInfo gpu = cuda_device_status();
    const std::string cache = model_cache_dir();
    std::string why;
    const std::string path = model_default_path(gpu.usable, gpu.total_bytes, cache, &why);
    if (path.empty())
        throw UsageError{"no --model given, and the default model is neither in " + cache + " nor installed with Quire (quire-cli models fetch " +
                         catalog_default_for(gpu.usable, gpu.total_bytes).name + ")"};
    log()->info("no --model given: using {} ({})", why, path);
    return path;
}

} // namespace quire::cli

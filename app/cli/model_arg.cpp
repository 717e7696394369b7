#include "cli/model_arg.h"

#include "quire.h"

namespace quire::cli {

std::string model_arg(const Args & a) {
    if (auto m = a.get("--model")) return *m;
    const CatalogModel & d = catalog_default();
    const std::string cache = model_cache_dir();
    const std::string path = model_find(d, cache);
    if (path.empty())
        throw UsageError{"no --model given, and the default model is neither in " + cache + " nor installed with Quire (quire-cli models fetch " +
                         d.name + ")"};
    log()->info("no --model given: using the default model {} ({})", d.name, path);
    return path;
}

} // namespace quire::cli

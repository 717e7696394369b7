#include "cli/model_arg.h"

#include "core/log.h"
#include "model/model_fetch.h"

namespace quire::cli {

std::string model_arg(const Args & a) {
    if (auto m = a.get("--model")) return *m;
    const CatalogModel & d = catalog_default();
    const std::string cache = model_cache_dir();
    if (model_cache_state(d, cache) != CacheState::PRESENT)
        throw UsageError{"no --model given, and the default model is not in " + cache + " (quire-cli models fetch " + d.name + ")"};
    log()->info("no --model given: using the default model {}", d.name);
    return model_cache_path(d, cache);
}

} // namespace quire::cli

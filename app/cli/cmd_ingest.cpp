// quire-cli ingest: read a document into block memory and save the block store.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/model_arg.h"
#include "cli/memory_options.h"
#include "core/error.h"
#include "memory/block_store_file.h"
#include "memory/document_ingest.h"
#include "memory/store_target.h"
#include "model/model.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace quire::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void on_sigint(int) { g_interrupted = true; }

const char * kHelp = R"(usage: quire-cli ingest --model PATH --doc FILE --store OUT [--force] [--password P] [--backend auto|cpu|cuda] [memory options]
Reads the document (.pdf, .epub, .md, or text: UTF-8, UTF-16 with BOM, Windows-1252) once into the
model's block memory and saves it as a block store. --password opens a protected PDF.
An existing store is left as it is unless --force is given (a read-only one always is); the
store's folder is checked before reading starts.
--backend: the GPU when there is one (auto, default), or force cpu / cuda.
Progress goes to stderr; a JSON summary (tokens, blocks per layer, seconds, bytes) to stdout.
Ctrl+C cancels and leaves no store behind.
)";

} // namespace

int cmd_ingest(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--model", "--tokenizer", "--doc", "--store", "--backend", "--password"};
    opts.insert(kMemoryOptions.begin(), kMemoryOptions.end());
    const Args a(argv, opts, {"--help", "--force"});
    if (a.has("--help")) {
        std::printf("%s%s", kHelp, kMemoryHelp);
        return 0;
    }
    const MemoryConfig cfg = memory_config_from_args(a);
    BackendKind backend = BackendKind::AUTO;
    try {
        backend = backend_kind_from_string(a.get("--backend").value_or("auto"));
    } catch (const Error & e) {
        throw UsageError{e.what()};
    }
    const std::string doc_path = a.require("--doc"), store_path = a.require("--store");
    StoreTarget target;
    target.replace = a.has("--force");
    store_check_target(store_path, target);
    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    auto model = model_load(model_arg(a), lo);

    std::signal(SIGINT, on_sigint);
    const bool tty = isatty(STDERR_FILENO);
    auto last = std::chrono::steady_clock::now();
    int last_decile = -1;
    auto progress = [&](const IngestProgress & p) {
        const auto now = std::chrono::steady_clock::now();
        const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0.0;
        const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0.0;
        const int decile = static_cast<int>(10 * p.done / std::max<int64_t>(p.total, 1));
        if ((tty && now - last > std::chrono::milliseconds(200)) || (!tty && decile != last_decile) || p.done == p.total) {
            std::fprintf(stderr, "%singest: %lld/%lld tokens, %.0f tokens/s, ETA %.0fs%s", tty ? "\r" : "", static_cast<long long>(p.done),
                         static_cast<long long>(p.total), rate, eta, tty ? "   " : "\n");
            last = now;
            last_decile = decile;
        }
        return !g_interrupted.load();
    };
    StoredDocument doc;
    double seconds = 0;
    try {
        doc = document_ingest(*model, doc_path, cfg, progress, backend, a.get("--password").value_or(""), &seconds);
    } catch (const Error & e) {
        if (tty) std::fputc('\n', stderr);
        throw;
    }
    if (tty) std::fputc('\n', stderr);
    const int64_t n_tokens = static_cast<int64_t>(doc.spans.size());
    store_save(store_path, doc, [] { return g_interrupted.load(); });

    nlohmann::ordered_json j = {{"store", store_path},
                                {"document", doc_path},
                                {"tokens", n_tokens},
                                {"layers", doc.state.n_layer},
                                {"blocks_per_layer", doc.state.n_blocks()},
                                {"sinks", doc.state.n_sink},
                                {"window", doc.state.n_win()},
                                {"preset", cfg.preset},
                                {"seconds", std::round(seconds * 1000) / 1000},
                                {"tokens_per_second", std::round(static_cast<double>(n_tokens) / std::max(seconds, 1e-9))},
                                {"memory_bytes", doc.state.bytes()},
                                {"bytes", std::filesystem::file_size(store_path)}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
}

} // namespace quire::cli

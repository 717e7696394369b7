// quire-cli ingest: read a document into block memory and save the block store.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/interrupt.h"
#include "cli/device_options.h"
#include "cli/model_arg.h"
#include "cli/memory_options.h"
#include "quire.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace quire::cli {

namespace {

const char * kHelp = R"(usage: quire-cli ingest --model PATH --doc FILE --store OUT [--force] [--restart] [--checkpoint-every SECONDS] [--no-space-check] [--keep-free GIB] [--password P] [device options] [memory options]
Reads the document (.pdf, .epub, .md, or text: UTF-8, UTF-16 with BOM, Windows-1252) once into the
model's block memory and saves it as a block store. --password opens a protected PDF.
An existing store is left as it is unless --force is given (a read-only one always is). Before
reading starts the store's folder is checked and the store's size and the memory the reading needs
are estimated: a reading that does not fit the free disk (keeping --keep-free GiB, default 1) or
the available memory is refused with the numbers; --no-space-check reads anyway.
Progress goes to stderr; a JSON summary (tokens, blocks per layer, seconds, bytes) to stdout.
While it reads, the reading saves its place beside the store (OUT.partial) every --checkpoint-every
seconds (default 300; 0: after every execution block), and when Ctrl+C stops it. Run the same
command again after Ctrl+C, kill -9 or a power loss and it goes on from there; --restart starts
over. A checkpoint of another reading (other document text, model or settings) is refused with the
reason unless --restart is given. The checkpoint is removed once the store is saved.
)";

std::string human_bytes(uint64_t b) {
    char out[32];
    if (b >= (1ull << 30)) std::snprintf(out, sizeof(out), "%.1f GiB", static_cast<double>(b) / (1ull << 30));
    else std::snprintf(out, sizeof(out), "%.1f MiB", static_cast<double>(b) / (1ull << 20));
    return out;
}

} // namespace

int cmd_ingest(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--model", "--tokenizer", "--doc", "--store", "--password", "--keep-free", "--checkpoint-every"};
    opts.insert(kMemoryOptions.begin(), kMemoryOptions.end());
    opts.insert(kDeviceOptions.begin(), kDeviceOptions.end());
    const Args a(argv, opts, {"--help", "--force", "--no-space-check", "--restart"});
    if (a.has("--help")) {
        std::printf("%s%s%s", kHelp, kMemoryHelp.c_str(), kDeviceHelp);
        return 0;
    }
    const MemoryConfig cfg = memory_config_from_args(a);
    const DeviceParams device = device_from_args(a);
    const std::string doc_path = a.require("--doc"), store_path = a.require("--store");
    StoreTarget target;
    target.replace = a.has("--force");
    store_check_target(store_path, target);
    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    auto model = model_load(model_arg(a), lo);

    catch_interrupts();
    const bool tty = isatty(STDERR_FILENO);
    auto last = std::chrono::steady_clock::now();
    int last_decile = -1;
    IngestPhase last_phase = IngestPhase::TEXT;
    bool estimated_time = false, said_resumed = false;
    auto progress = [&](const IngestProgress & p) {
        const auto now = std::chrono::steady_clock::now();
        if (p.phase != last_phase) last_decile = -1, last_phase = p.phase;
        const int decile = static_cast<int>(10 * p.done / std::max<int64_t>(p.total, 1));
        const bool show = (tty && now - last > std::chrono::milliseconds(200)) || (!tty && decile != last_decile) || p.done == p.total;
        if (p.phase != IngestPhase::MEMORY) {
            if (show) {
                if (p.phase == IngestPhase::TEXT) std::fprintf(stderr, "%spreparing: page %lld of %lld%s", tty ? "\r" : "", static_cast<long long>(p.done + 1), static_cast<long long>(p.total), tty ? "   " : "\n");
                else std::fprintf(stderr, "%spreparing: tokenizing %.1f of %.1f MB%s", tty ? "\r" : "", static_cast<double>(p.done) / 1e6, static_cast<double>(p.total) / 1e6, tty ? "   " : "\n");
                last = now, last_decile = decile;
            }
            return !interrupted();
        }
        const double rate = p.rate(), eta = p.eta();
        if (p.first > 0 && !said_resumed) {
            std::fprintf(stderr, "%singest: going on from the checkpoint, where %lld of %lld tokens were read\n", tty ? "\r" : "", static_cast<long long>(p.first),
                         static_cast<long long>(p.total));
            said_resumed = true;
        }
        if (!estimated_time && p.done > 0 && p.done < p.total && rate > 0) {
            // The time, once the first execution block has measured this machine's speed.
            std::fprintf(stderr, "%singest: reading %lld tokens will take about %.0f s at %.0f tokens/s\n", tty ? "\r" : "", static_cast<long long>(p.total), eta + p.seconds, rate);
            estimated_time = true;
        }
        if (show) {
            std::fprintf(stderr, "%singest: %lld/%lld tokens, %.0f tokens/s, ETA %.0fs%s", tty ? "\r" : "", static_cast<long long>(p.done),
                         static_cast<long long>(p.total), rate, eta, tty ? "   " : "\n");
            last = now;
            last_decile = decile;
        }
        return !interrupted();
    };
    StoredDocument doc;
    double seconds = 0;
    uint64_t estimated = 0;
    Checkpoints checkpoints;
    checkpoints.store_path = store_path;
    checkpoints.restart = a.has("--restart");
    checkpoints.refuse_other = true;
    checkpoints.policy.every_s = a.get_double("--checkpoint-every", checkpoints.policy.every_s);
    if (checkpoints.policy.every_s < 0) fail(Status::BAD_INPUT, "--checkpoint-every must be >= 0 seconds");
    try {
        PreparedDocument prepared = document_prepare(*model, doc_path, a.get("--password").value_or(""), progress);
        if (tty) std::fputc('\n', stderr);
        // What the reading will take, before it starts.
        const IngestEstimate est = ingest_estimate(*model, cfg, prepared);
        estimated = est.store_bytes;
        const uint64_t keep_free = static_cast<uint64_t>(a.get_double("--keep-free", 1.0) * (1ull << 30));
        const SpaceCheck space = space_check(store_path, est.store_bytes, est.memory_bytes, keep_free);
        const uint64_t free_disk = space.free_disk, avail = space.available_memory;
        std::fprintf(stderr, "ingest: %lld tokens; the store will take about %s (%s free on its disk), the reading about %s of memory (%s available)\n",
                     static_cast<long long>(est.tokens), human_bytes(est.store_bytes).c_str(), human_bytes(free_disk).c_str(), human_bytes(est.memory_bytes).c_str(),
                     avail == UINT64_MAX ? "?" : human_bytes(avail).c_str());
        if (!a.has("--no-space-check")) {
            if (!space.disk_fits)
                fail(Status::IO, "the block store " + store_path + " would need about " + human_bytes(est.store_bytes) + " of disk, and its folder has " +
                                     human_bytes(free_disk) + " free (keeping " + human_bytes(keep_free) +
                                     "); free some space, choose another --store, or give --no-space-check to read anyway");
            if (!space.memory_fits)
                fail(Status::OUT_OF_MEMORY, doc_path + ": reading " + std::to_string(est.tokens) + " tokens would need about " + human_bytes(est.memory_bytes) +
                                                " of memory, and " + human_bytes(avail) + " is available; use a smaller preset or --host-budget-mib, or give --no-space-check to read anyway");
        }
        doc = document_ingest(*model, std::move(prepared), cfg, progress, device, &seconds, &checkpoints);
    } catch (const Error & e) {
        if (tty) std::fputc('\n', stderr);
        if (e.status() == Status::CANCELLED)
            if (const auto place = checkpoint_place(store_path))
                std::fprintf(stderr, "ingest: stopped; %lld of %lld tokens read are kept in %s: run the same command again to go on (--restart starts over)\n",
                             static_cast<long long>(place->read), static_cast<long long>(place->total), checkpoint_path(store_path).c_str());
        throw;
    }
    if (tty) std::fputc('\n', stderr);
    const int64_t n_tokens = static_cast<int64_t>(doc.spans.size());
    store_save_finished(store_path, doc, [] { return interrupted(); });

    nlohmann::ordered_json j = {{"store", store_path},
                                {"document", doc_path},
                                {"tokens", n_tokens},
                                {"layers", doc.state.n_layer},
                                {"blocks_per_layer", doc.state.n_blocks()},
                                {"sinks", doc.state.n_sink},
                                {"window", doc.state.n_win()},
                                {"preset", cfg.preset},
                                {"resumed_from", checkpoints.resumed_from},
                                {"checkpoints", checkpoints.written},
                                {"seconds", std::round(seconds * 1000) / 1000},
                                {"tokens_per_second", std::round(static_cast<double>(n_tokens - checkpoints.resumed_from) / std::max(seconds, 1e-9))},
                                {"memory_bytes", doc.state.bytes()},
                                {"bytes", std::filesystem::file_size(store_path)},
                                {"estimated_bytes", estimated}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
}

} // namespace quire::cli

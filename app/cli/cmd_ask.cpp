// quire-cli ask: answer a question about an ingested document with query-aware lookup.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/device_options.h"
#include "cli/memory_options.h"
#include "cli/model_arg.h"
#include "cli/trace_json.h"
#include "quire.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace quire::cli {

namespace {
const char * kHelp = R"(usage: quire-cli ask --model PATH --store S [--store S2 ...] --question TEXT [--mode ask|deep] [--beta B] [--anchors N]
                     [--evidence-tokens N|auto] [--evidence-alone] [--trace T.json [--trace-limit N]] [-n N] [--temp T] [--top-k K] [--top-p P] [--seed S]
                     [--preset P] [device options]
Prints the answer on stdout. --mode ask (default) appends the question to the stored document;
deep re-reads the document with the question first (slower, the paper's procedure). --beta
weighs the question in block selection (default: 4 for Llama 3, else 1; 0 is plain InfLLM).
--anchors gives N of the top-k blocks to those that share the question's rarest tokens (BM25;
default 2; 0 is the paper's method, attention scores alone). --evidence-tokens re-reads the
blocks the question's lookup ranks best, up to N tokens, as text before asking again (default
auto, as the app: 3/4 of the window, at most 2048; 0 is the paper's method). --evidence-alone
answers from those passages alone, in a fresh full-attention context (a block memory's reading;
a whole reading answers in its window).
Several --store options ask a shelf: one lookup over the blocks of every store (read by the
same model with the same block size), each document's passages read under its title; the
sources (document, section, page) follow the answer.
--trace writes every step's block scores and selections as JSON: every block's scores up to
--trace-limit blocks (default 256), beyond that the top ones and statistics. --preset checks
the store's preset.
)";
} // namespace

int cmd_ask(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--model", "--tokenizer", "--store", "--question", "--mode", "--beta", "--anchors", "--evidence-tokens", "--trace",
                                  "-n", "--temp", "--top-k", "--top-p", "--seed", "--preset", "--trace-limit"};
    opts.insert(kDeviceOptions.begin(), kDeviceOptions.end());
    const Args a(argv, opts, {"--help", "--evidence-alone"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
        std::fputs(kDeviceHelp, stdout);
        return 0;
    }
    const std::string question = a.require("--question");
    const std::vector<std::string> store_paths = a.get_all("--store");
    if (store_paths.empty()) throw UsageError{"missing required option --store"};
    const std::string & store_path = store_paths.front();
    AskParams ap;
    const std::string mode = a.get("--mode").value_or("ask");
    if (mode == "ask") ap.mode = AskMode::ASK;
    else if (mode == "deep") ap.mode = AskMode::DEEP;
    else throw UsageError{"--mode must be ask or deep"};
    ap.lookup.beta = static_cast<float>(a.get_double("--beta", kAppLookup.beta));
    if (a.has("--beta") && ap.lookup.beta < 0) throw UsageError{"--beta must be >= 0"};
    ap.lookup.anchors = a.get_int("--anchors", kAppLookup.anchors);
    if (ap.lookup.anchors < 0) throw UsageError{"--anchors must be >= 0"};
    ap.evidence_tokens = evidence_tokens_from_args(a, kAutoEvidence);
    ap.evidence_alone = a.has("--evidence-alone");
    if (ap.evidence_alone && ap.evidence_tokens == 0) throw UsageError{"--evidence-alone needs evidence (--evidence-tokens)"};
    ap.gen.n_predict = a.get_int("-n", 256);
    ap.gen.sampling.temperature = static_cast<float>(a.get_double("--temp", 0.0));
    ap.gen.sampling.top_k = a.get_int("--top-k", 40);
    ap.gen.sampling.top_p = static_cast<float>(a.get_double("--top-p", 0.95));
    ap.gen.sampling.seed = static_cast<uint64_t>(a.get_double("--seed", 0));
    ap.gen.device = device_from_args(a);

    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    const std::string model_path = model_arg(a);
    auto model = model_load(model_path, lo);
    std::vector<StoredDocument> docs;
    for (const std::string & path : store_paths) docs.push_back(store_load(path, *model, a.get("--preset").value_or("")));
    const StoredDocument & doc = docs.front();
    const bool shelf_asked = docs.size() > 1;
    if (shelf_asked && ap.mode == AskMode::DEEP) throw UsageError{"--mode deep asks one store"};
    std::optional<ShelfMemory> shelf;
    if (shelf_asked) {
        std::vector<ShelfInput> in;
        for (const StoredDocument & d : docs) in.push_back({&d.state, d.prefix_len, document_title(d)});
        shelf = shelf_memory(in);
    }

    const int trace_limit = a.get_int("--trace-limit", 256);
    if (trace_limit < 1) throw UsageError{"--trace-limit must be >= 1"};
    TraceJson trace(trace_limit);
    const auto trace_path = a.get("--trace");
    RetrievalCallback on_step;
    if (trace_path) on_step = [&](const RetrievalStep & s) { trace.add(s); };
    const TextCallback print = [](const std::string & piece) {
        std::fwrite(piece.data(), 1, piece.size(), stdout);
        std::fflush(stdout);
        return true;
    };
    const AskResult res = shelf ? shelf_ask(*model, *shelf, question, ap, print, on_step) : memory_ask(*model, doc.state, doc.prefix_len, question, ap, print, on_step);
    std::fputc('\n', stdout);
    nlohmann::ordered_json sources = nlohmann::json::array();
    if (shelf) { // which document each re-read passage came from, best ranked first
        std::vector<TokenSpan> spans = res.evidence;
        std::stable_sort(spans.begin(), spans.end(), [](const TokenSpan & x, const TokenSpan & y) { return x.rank < y.rank; });
        if (!spans.empty()) std::fputs("\nSources:\n", stdout);
        for (const TokenSpan & sp : spans) {
            const int d = shelf->document_of(sp.begin);
            if (d < 0) continue;
            const StoredDocument & from = docs[static_cast<size_t>(d)];
            const Passage p = passage_for_tokens(from, shelf->position_in(d, sp.begin), shelf->position_in(d, sp.end));
            const int page = p.pages.empty() ? -1 : p.pages.front();
            const MappedOutline * section = page >= 0 ? from.map.section_of(page) : nullptr;
            std::string where = shelf->titles[static_cast<size_t>(d)];
            if (section) where += ", " + section->title;
            if (page >= 0 && from.map.page_starts.size() > 1) where += ", p. " + std::to_string(page + 1);
            std::printf("  %s\n", where.c_str());
            sources.push_back({{"document", d}, {"store", store_paths[static_cast<size_t>(d)]}, {"title", shelf->titles[static_cast<size_t>(d)]},
                               {"page", page + 1}, {"token_start", p.token_start}, {"token_end", p.token_end}});
        }
    }
    if (trace_path) {
        const Lookup used = lookup_for(ap.lookup, *model, doc.state.cfg.topk);
        nlohmann::ordered_json header = {{"model", model_path},     {"store", store_path},       {"document", doc.source},
                                         {"question", question},    {"answer", res.text},        {"mode", mode},
                                         {"beta", used.beta},       {"anchors", used.anchors}, {"preset", doc.state.cfg.preset},
                                         {"topk", doc.state.cfg.topk}, {"block_size", doc.state.cfg.block_size},
                                         {"seconds", res.seconds}};
        if (shelf) {
            nlohmann::ordered_json parts = nlohmann::json::array();
            for (int d = 0; d < shelf->documents(); ++d)
                parts.push_back({{"store", store_paths[static_cast<size_t>(d)]}, {"title", shelf->titles[static_cast<size_t>(d)]},
                                 {"first_block", shelf->first_block[static_cast<size_t>(d)]}, {"blocks", shelf->first_block[static_cast<size_t>(d) + 1] - shelf->first_block[static_cast<size_t>(d)]}});
            header["shelf"] = std::move(parts);
            header["sources"] = std::move(sources);
        }
        trace.write(*trace_path, std::move(header), model->tok(), res);
    }
    return 0;
}

} // namespace quire::cli

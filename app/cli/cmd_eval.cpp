// quire-cli eval: the evaluation harness. Generates long-context retrieval instances (passkey,
// kv, needle, multihop) at each length and depth, or takes a real document and its questions
// (docqa), runs them with full attention, InfLLM (beta = 0) and QLLM (query-aware lookup) in ask
// and deep mode and with what users would pick instead (rag, truncate), scores them, and writes
// results.csv, summary.md and a length x depth heatmap per task, method and mode into --out.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "cli/device_options.h"
#include "cli/model_arg.h"
#include "cli/memory_options.h"
#include "quire.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>

namespace quire::cli {

namespace {

const char * kHelp = R"(usage: quire-cli eval --model PATH --task T[,T...] --lengths L[,L...] --out DIR
                     [--depths N] [--method M[,M...]] [--mode ask|deep|ask,deep] [--samples N]
                     [--seed S] [--beta B] [--anchors N] [--answer-tokens N] [--rag-tokens N] [--rag-passages N] [--evidence-tokens N|auto]
                     [--evidence-alone] [device options] [memory options]
       quire-cli eval --model PATH --task docqa --doc FILE --questions FILE.jsonl [--shelf FILE[,FILE...]] --out DIR [...]
  --task      passkey, kv, needle, multihop (generated), docqa (a real document's questions)
  --lengths   tokens per instance (document and question): 4k = 4096, 1m = 1048576, or a number
              (not for docqa)
  --doc, --questions
              docqa: the document (PDF, EPUB, Markdown, text) and its questions, one JSON object
              per line: {"question", "answers": [...], "evidence": [...], "style"}
  --shelf     docqa: other documents asked together with --doc (a shelf): infllm and qllm read
              each and answer with one lookup over all their blocks, rag ranks the passages of
              all of them; full, truncate and deep mode do not run
  --depths    N depths from 0% to 100% of the document (default 10)
  --method    full (the whole document in one KV cache, also beyond the trained context),
              infllm (block memory, beta = 0; the anchors and evidence as for qllm), qllm
              (query-aware lookup), rag (the BM25-best
              passages of ~200 words in the prompt), truncate (the document's first tokens that
              fit the trained context); default full, infllm, qllm
  --evidence-tokens
              infllm and qllm re-read the blocks their lookup ranks best, up to N tokens, as
              text before the question is asked again (default 0: the paper's method; auto:
              as the app, 3/4 of the reading's window, at most 2048)
  --evidence-alone
              and answer from those passages alone, in a fresh full-attention context (the
              block memory ranks them; a whole reading answers in its window as before)
  --rag-tokens
              rag's passages in tokens (default: what the block memory attends, sinks + window
              + top-k blocks)
  --rag-passages
              and at most N passages (default 0: as many as the tokens allow; GPT4All's LocalDocs
              puts 3 snippets in the prompt by default, of 512 characters each)
  --mode      ask (read once, then the question) and/or deep (read again after the question);
              default ask. full attention has no mode.
  --samples   instances per length and depth (default 1)
  --answer-tokens
              the longest answer (default 64 for docqa, 24 for the generated tasks)
  --anchors   of the top-k blocks, how many are chosen by word match with the question
              (default 0: the paper's method; quire-cli ask and the app use 2)
Writes DIR/results.csv (every instance), DIR/summary.md (accuracy per task, method, mode and
length) and DIR/heatmap-TASK-METHOD[-MODE].svg; they are rewritten after each instance.
)";

int parse_length(const std::string & s) {
    if (s.empty()) throw UsageError{"--lengths: empty length"};
    double mult = 1;
    std::string num = s;
    if (s.back() == 'k' || s.back() == 'K') mult = 1024, num.pop_back();
    else if (s.back() == 'm' || s.back() == 'M') mult = 1 << 20, num.pop_back();
    try {
        size_t used = 0;
        const double v = std::stod(num, &used);
        if (used != num.size() || v <= 0 || v * mult > 1e9) throw std::invalid_argument(s);
        return static_cast<int>(v * mult);
    } catch (const std::exception &) {
        throw UsageError{"--lengths: not a length: '" + s + "'"};
    }
}

std::vector<std::string> split(const std::string & s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string item; std::getline(ss, item, ',');)
        if (!item.empty()) out.push_back(item);
    return out;
}

template <typename T, typename F> std::vector<T> parse_list(const std::string & s, F from) {
    std::vector<T> out;
    for (const auto & item : split(s)) {
        try {
            out.push_back(from(item));
        } catch (const Error & e) {
            throw UsageError{e.what()};
        }
    }
    if (out.empty()) throw UsageError{"an empty list: '" + s + "'"};
    return out;
}

} // namespace

int cmd_eval(const std::vector<std::string> & argv) {
    std::set<std::string> opts = {"--model", "--tokenizer", "--task", "--lengths", "--depths", "--method", "--mode", "--samples", "--seed",
                                  "--beta", "--anchors", "--answer-tokens", "--rag-tokens", "--rag-passages", "--evidence-tokens", "--out", "--doc", "--questions", "--shelf"};
    opts.insert(kMemoryOptions.begin(), kMemoryOptions.end());
    opts.insert(kDeviceOptions.begin(), kDeviceOptions.end());
    const Args a(argv, opts, {"--help", "--evidence-alone"});
    if (a.has("--help")) {
        std::printf("%s%s%s", kHelp, kMemoryHelp.c_str(), kDeviceHelp);
        return 0;
    }
    const auto tasks = parse_list<EvalTask>(a.require("--task"), eval_task_from_name);
    const bool docqa = std::find(tasks.begin(), tasks.end(), EvalTask::DOCQA) != tasks.end();
    const bool generated = std::any_of(tasks.begin(), tasks.end(), [](EvalTask t) { return t != EvalTask::DOCQA; });
    const auto lengths = generated ? parse_list<int>(a.require("--lengths"), parse_length) : std::vector<int>{};
    if (docqa && (!a.has("--doc") || !a.has("--questions"))) throw UsageError{"--task docqa needs --doc and --questions"};
    const auto methods = parse_list<EvalMethod>(a.get("--method").value_or("full,infllm,qllm"), eval_method_from_name);
    const auto modes = parse_list<AskMode>(a.get("--mode").value_or("ask"), [](const std::string & m) {
        if (m == "ask") return AskMode::ASK;
        if (m == "deep") return AskMode::DEEP;
        fail(Status::BAD_INPUT, "unknown mode '" + m + "' (ask or deep)");
    });
    const int depths = a.get_int("--depths", 10), samples = a.get_int("--samples", 1);
    if (depths < 1 || samples < 1) throw UsageError{"--depths and --samples must be at least 1"};
    const std::string out_dir = a.require("--out");
    EvalOptions opt;
    opt.memory = memory_config_from_args(a);
    opt.lookup.beta = static_cast<float>(a.get_double("--beta", Lookup::kModelBeta));
    if (a.has("--beta") && opt.lookup.beta < 0) throw UsageError{"--beta must be >= 0"};
    opt.lookup.anchors = a.get_int("--anchors", 0);
    if (opt.lookup.anchors < 0) throw UsageError{"--anchors must be >= 0"};
    // docqa's answers are sentences about a manual or a book (24 tokens cut a third of the 1.5B
    // model's right answers short); the generated tasks' are a key or a word.
    opt.answer_tokens = a.get_int("--answer-tokens", docqa ? 64 : 24);
    if (opt.answer_tokens < 1) throw UsageError{"--answer-tokens must be at least 1"};
    opt.evidence_tokens = evidence_tokens_from_args(a, 0);
    opt.evidence_alone = a.has("--evidence-alone");
    if (opt.evidence_alone && opt.evidence_tokens == 0) throw UsageError{"--evidence-alone needs --evidence-tokens"};
    opt.rag_tokens = a.get_int("--rag-tokens", 0);
    if (opt.rag_tokens < 0) throw UsageError{"--rag-tokens must be >= 0"};
    opt.rag_passages = a.get_int("--rag-passages", 0);
    if (opt.rag_passages < 0) throw UsageError{"--rag-passages must be >= 0"};
    const uint64_t seed = static_cast<uint64_t>(a.get_double("--seed", 20261129));
    opt.device = device_from_args(a);
    if (a.has("--shelf")) {
        if (!docqa) throw UsageError{"--shelf needs --task docqa"};
        for (const std::string & path : parse_list<std::string>(a.require("--shelf"), [](const std::string & p) { return p; }))
            opt.beside.push_back({std::filesystem::path(path).stem().string(), document_read_map(path).text});
    }
    for (int L : lengths)
        if (L < kQuestionRoom + 64) throw UsageError{"--lengths: " + std::to_string(L) + " is too short"};

    ModelLoadOptions lo;
    lo.tokenizer_path = a.get("--tokenizer").value_or("");
    auto model = model_load(model_arg(a), lo);
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) fail(Status::IO, "cannot create " + out_dir + ": " + ec.message());

    std::string command = "quire-cli eval";
    for (const auto & s : argv) command += " " + s;
    const std::string model_name = model->hp.name.empty() ? std::filesystem::path(model->info.path).filename().string() : model->hp.name;
    std::vector<EvalRow> rows;
    auto save = [&] {
        write_file_atomic(out_dir + "/results.csv", eval_csv(rows));
        write_file_atomic(out_dir + "/summary.md", eval_summary(rows, model_name + "\n\n`" + command + "`"));
        for (const auto & [name, svg] : eval_heatmaps(rows, model_name)) write_file_atomic(out_dir + "/" + name, svg);
    };
    const bool memory_ask = std::any_of(methods.begin(), methods.end(), eval_method_uses_memory) &&
                            std::find(modes.begin(), modes.end(), AskMode::ASK) != modes.end();
    // Every method on one instance; `reading` (the document in block memory, ask mode) may serve
    // several instances of one document.
    auto run = [&](const EvalInstance & inst, const EvalReading * reading) {
        for (EvalMethod m : methods) {
            const bool modal = eval_method_uses_memory(m);
            for (AskMode mode : modal ? modes : std::vector<AskMode>{AskMode::ASK}) {
                EvalRow r{inst.task, inst.length, inst.doc_tokens, inst.sample, inst.depth, m, mode, inst.answer, {}, inst.style};
                r.outcome = eval_run(*model, inst, m, mode, opt, reading);
                std::fprintf(stderr, "eval: %s %d tokens depth %.0f%% #%d %s%s: %s (%s) %.1f s\n", eval_task_name(inst.task), inst.doc_tokens, 100 * inst.depth,
                             inst.sample, eval_method_name(m), !modal ? "" : mode == AskMode::DEEP ? " deep" : " ask",
                             r.outcome.status != "ok" ? r.outcome.status.c_str() : r.outcome.correct ? "right" : "wrong", r.outcome.answer.c_str(),
                             r.outcome.ingest_seconds + r.outcome.answer_seconds);
                rows.push_back(std::move(r));
                save();
            }
        }
    };
    for (EvalTask task : tasks) {
        if (task == EvalTask::DOCQA) {
            const DocQaSet set = docqa_load(a.require("--doc"), a.require("--questions"));
            const std::vector<EvalInstance> insts = docqa_instances(model->tok(), set);
            std::optional<EvalReading> reading; // one reading for every question
            if (memory_ask) reading = eval_read(*model, insts.front(), opt);
            std::fprintf(stderr, "eval: docqa %s: %zu questions, %d tokens%s\n", set.document.c_str(), insts.size(), insts.front().doc_tokens,
                         reading ? (", read in " + std::to_string(reading->seconds) + " s with preset " + reading->ingest.state.cfg.preset +
                                    (reading->shelf ? ", on a shelf of " + std::to_string(reading->shelf->documents()) + " documents, " +
                                                          std::to_string(reading->shelf->state.n_tokens) + " tokens, " + std::to_string(reading->shelf->state.n_blocks()) + " blocks"
                                                    : std::string()))
                                       .c_str()
                                 : "");
            for (const auto & inst : insts) run(inst, reading ? &*reading : nullptr);
            continue;
        }
        for (int L : lengths)
            for (int di = 0; di < depths; ++di)
                for (int s = 0; s < samples; ++s) {
                    const double depth = depths == 1 ? 0.5 : static_cast<double>(di) / (depths - 1);
                    const EvalInstance inst = eval_make_instance(model->tok(), task, L, depth, s, seed);
                    // One reading serves every block-memory method in ask mode.
                    std::optional<EvalReading> reading;
                    if (memory_ask) reading = eval_read(*model, inst, opt);
                    run(inst, reading ? &*reading : nullptr);
                }
    }
    std::printf("%s", eval_summary(rows, model_name).c_str());
    return 0;
}

} // namespace quire::cli

// Running evaluation instances: full attention (the whole document at true positions in one
// window: the block memory's path with nothing cut into blocks), InfLLM (block memory, beta = 0) and QLLM (block memory with the question's lookup),
// in ask or deep mode, and what users would pick instead: rag (the BM25-best passages in the
// prompt, eval/rag.h) and truncate (the document's first tokens that fit the trained context).
// All see the chat frame's prefix, the document (or its passages, or its start),
// "\n\nQuestion: " and the question, the frame's suffix; answers are greedy.
#pragma once

#include "eval/eval_task.h"
#include "backend/backend_choice.h"
#include "memory/memory_config.h"
#include "reading/reader.h"
#include "model/model.h"

#include <optional>
#include <string>

namespace quire {

enum class EvalMethod { FULL, INFLLM, QLLM, RAG, TRUNCATE };

const char * eval_method_name(EvalMethod m);
// INFLLM and QLLM read the document into block memory (ask or deep mode); the others are one
// prompt, all of it in one window (full attention).
bool eval_method_uses_memory(EvalMethod m);
EvalMethod eval_method_from_name(const std::string & s); // throws Error(BAD_INPUT)

struct EvalOptions {
    MemoryConfig memory = memory_preset("2k");
    Lookup lookup{Lookup::kModelBeta, 0}; // QLLM's; InfLLM's is beta 0 with the same anchors (none: the paper's method)
    DeviceParams device;
    int answer_tokens = 24;
    int evidence_tokens = 0; // infllm and qllm re-read their best-ranked blocks, up to this many tokens (AskParams::evidence_tokens)
    bool evidence_alone = false; // and answer from them alone (AskParams::evidence_alone)
    int rag_tokens = 0;   // rag's passages, in tokens (0: what the block memory attends, eval_rag_budget)
    int rag_passages = 0; // and at most this many of them (0: as many as the tokens allow)
    // A shelf: other documents asked beside the instance's (docqa --shelf). infllm and qllm read
    // each and ask one lookup over all of them (shelf_ask; the instance's document second, after
    // the first of these); rag ranks the passages of all of them. full and truncate do not run.
    struct Beside {
        std::string title, text;
    };
    std::vector<Beside> beside;
};

// rag's token budget: rag_tokens, or the block memory's attention span (sinks, window, top-k
// blocks), so that both answer from the same number of document tokens; with the presets "auto"
// and "whole", the span of the block memory preset "auto" picks for the model (reading_plan.h).
int eval_rag_budget(const EvalOptions & opt, const HParams & hp);

struct EvalOutcome {
    std::string answer;
    bool correct = false;
    std::string status = "ok"; // "ok", or why the instance did not run ("does not fit: ...")
    double ingest_seconds = 0, answer_seconds = 0;
};

// An instance read into block memory once, for the block-memory methods in ask mode; with
// EvalOptions::beside, their readings too and the shelf over all of them.
struct EvalReading {
    IngestResult ingest;
    std::vector<IngestResult> beside;
    std::shared_ptr<const ShelfMemory> shelf;
    double seconds = 0; // every reading's
};

// Reads the instance's document into block memory (beta = 0, as every reading is).
EvalReading eval_read(const Model & model, const EvalInstance & inst, const EvalOptions & opt);

// Runs one method; `reading` is used by INFLLM and QLLM in ask mode (deep mode reads again).
// Out of memory is an outcome (status "does not fit"), not an error.
EvalOutcome eval_run(const Model & model, const EvalInstance & inst, EvalMethod method, AskMode mode, const EvalOptions & opt,
                     const EvalReading * reading);

} // namespace quire

// Reading a document into block memory and answering questions about it, on the backend the
// caller picks (BackendKind):
//   ingest   stream the document once, query-agnostic (beta = 0), into a MemoryState;
//   ask      append a question to a fork of that state and generate with query-aware lookup;
//   deep     re-read the document with the question before it, then answer (the paper's way).
#pragma once

#include "generate/generator.h"
#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"
#include "memory/shelf_memory.h"
#include "model/model.h"
#include "reading/evidence.h"

#include <functional>
#include <string>
#include <vector>

namespace quire {

// What a reading is doing: taking the text out of the document (pages), tokenizing it (bytes),
// reading the tokens into block memory (tokens). done / total count the phase's units.
enum class IngestPhase { TEXT, TOKENS, MEMORY };
struct IngestProgress {
    int64_t done = 0, total = 0; // tokens (MEMORY), bytes (TOKENS), pages (TEXT)
    double seconds = 0;          // since this phase started in this run
    IngestPhase phase = IngestPhase::MEMORY;
    int64_t first = 0;           // units done before this run (a reading resumed from a checkpoint)
    // Units per second in this run, and the seconds left at that rate (0 while unknown).
    double rate() const { return seconds > 0 ? static_cast<double>(done - first) / seconds : 0.0; }
    double eta() const { return rate() > 0 ? static_cast<double>(total - done) / rate() : 0.0; }
};
// Return false to cancel; the ingest then throws Error(CANCELLED).
using IngestCallback = std::function<bool(const IngestProgress &)>;

// The document framed for the model: chat prefix, then the document's tokens. `doc_tokens`
// must not include the prefix. prefix_len tokens of state.tokens are the frame.
struct IngestResult {
    MemoryState state;
    int prefix_len = 0;
    double seconds = 0;
};
IngestResult memory_ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg,
                           const IngestCallback & progress = {}, const RetrievalCallback & on_retrieval = {}, const DeviceParams & device = {});

// The configuration a reading of doc_tokens tokens runs with: memory_for_reading's, with no
// question yet (beta 0: plain InfLLM selection while reading).
MemoryConfig reading_config(const HParams & hp, const MemoryConfig & asked, int64_t doc_tokens);

// A reading that goes on from a saved place and saves its own (reading/ingest_checkpoint.h keeps
// them on disk). Places are execution-block boundaries of the document, so that a resumed reading
// cuts the same blocks as an uninterrupted one.
struct IngestPlaces {
    // The state after the chat frame and the document's first `read` tokens (null: the start).
    const MemoryState * from = nullptr;
    int64_t read = 0;
    // Asked after each execution block of the document (cancelling: the reading is being
    // cancelled there) whether to save this place; save gets the state in host form.
    std::function<bool(int64_t read, bool cancelling)> due;
    std::function<void(const MemoryState & state, int64_t read)> save;
};
IngestResult memory_ingest(const Model & model, const std::vector<int> & doc_tokens, const MemoryConfig & cfg, const IngestCallback & progress,
                           const DeviceParams & device, const IngestPlaces & places);

enum class AskMode { ASK, DEEP };

// The apps' default lookup: the model's beta, two word-match anchors (the engine's own default,
// no anchors, is the paper's method).
constexpr int kDefaultAnchors = 2;
constexpr Lookup kAppLookup{Lookup::kModelBeta, kDefaultAnchors};

struct AskParams {
    AskMode mode = AskMode::ASK;
    Lookup lookup{Lookup::kModelBeta, 0}; // resolved with lookup_for (anchors capped at the reading's topk)
    // > 0: re-read the question's best-ranked blocks (a whole reading: passages) as text, up to
    // this many tokens, and ask again (reading/evidence.h); kAutoEvidence: evidence_budget of the
    // reading; 0: the paper's method.
    int evidence_tokens = 0;
    // With evidence from a block memory: answer from the passages alone, in a fresh full-attention
    // context (chat frame, the passages at their own relative positions, the question), as from a
    // short prompt; the block memory's lookup ranks the passages and the citations (the retrieval
    // callback sees the steps up to the question's, whose lookup ranked them; the answer's steps
    // read no memory and report nothing). A whole reading holds its document in the window
    // already and answers there.
    bool evidence_alone = false;
    GenerateParams gen; // gen.device: the CPU or the GPU, and the GPU's share of the block memory
};

struct AskResult {
    std::vector<int> tokens; // answer ids
    std::vector<MemoryBlock> blocks;   // the session's blocks (the document's, then any it cut)
    std::vector<int> session_tokens;   // every token the session consumed (document, question, answer)
    std::vector<TokenSpan> evidence;   // the document's spans re-read before answering (evidence_tokens > 0)
    bool answered_from_evidence = false; // evidence_alone took effect: the answer saw the passages, not the memory
    std::string text;
    std::string stop_reason; // "eos", "length", "stopped"
    double seconds = 0;
};

// doc: an ingested state (never modified). doc_prefix_len: tokens of the chat frame at its start.
AskResult memory_ask(const Model & model, const MemoryState & doc, int doc_prefix_len, const std::string & question, const AskParams & params,
                     const TextCallback & on_text = {}, const RetrievalCallback & on_retrieval = {});

// A question to a shelf of documents (memory/shelf_memory.h): one lookup over the blocks of all of
// them, the answer as memory_ask gives it (ASK mode only: Error(BAD_INPUT) for DEEP). Positions in
// the result (blocks, evidence, session_tokens) are the shelf's: ShelfMemory::document_of and
// position_in lead back to each document's reading. With evidence, each document's passages are
// read under its title.
AskResult shelf_ask(const Model & model, const ShelfMemory & shelf, const std::string & question, const AskParams & params,
                    const TextCallback & on_text = {}, const RetrievalCallback & on_retrieval = {});

} // namespace quire

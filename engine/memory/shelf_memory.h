// A shelf: one block memory over several documents' readings, so that one question's lookup
// (s(B) = s(B,H) + beta * s(B,Q), anchors, top-k) chooses among the blocks of every book at once.
//
// Each document's reading ends with parts of its text outside its blocks: its sinks (the first
// n_init tokens) and its local window (the last n_local or more). A single document's question
// attends to them directly; on a shelf they would be one book's privilege, or lost. So the shelf
// cuts every document's text that no block holds into blocks of its own (sealed blocks: the
// rows' pre-RoPE keys and values, copied; the representative from the window's local scores, as
// a reading cuts blocks, or the mean key for rows that have none), keeps the first document's
// sinks as the shelf's sinks and starts with an empty window. Memory keys are attended at a
// fixed distance (the method's fixed-distance RoPE), so blocks of different books meet a question
// exactly as their own book's would. The documents' blocks are shared, not copied.
//
// Positions: the shelf's tokens are the first document's (its chat frame, then its text) followed
// by each further document's text without its frame; `starts` says where each text begins, so
// every block keeps its document (document_of) and its place in that document's own reading
// (position_in, for passages and pages).
#pragma once

#include "memory/memory_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quire {

struct ShelfInput {
    const MemoryState * state = nullptr; // a finished reading (never modified; must outlive the shelf)
    int prefix_len = 0;                  // its chat frame's tokens
    std::string title;                   // how passages from it are introduced to the model
};

struct ShelfMemory {
    MemoryState state;                // the union: ready to be forked and asked
    int prefix_len = 0;               // the chat frame at its start (the first document's)
    std::vector<int64_t> starts;      // per document: where its text begins in state.tokens; then the end of the last
    std::vector<int> origins;         // per document: where its text begins in its own reading (its prefix_len)
    std::vector<int> first_block;     // per document: its first block in state.blocks; then n_blocks
    std::vector<std::string> titles;  // per document
    int n_sealed = 0;                 // blocks cut from sinks and windows

    int documents() const { return static_cast<int>(titles.size()); }
    // The document position p of state.tokens belongs to; -1 for the frame, or past the documents
    // (a question, an answer).
    int document_of(int64_t p) const;
    // p (a position of document d's text in state.tokens) in d's own reading.
    int64_t position_in(int d, int64_t p) const { return p - starts[static_cast<size_t>(d)] + origins[static_cast<size_t>(d)]; }
};

// Throws Error(BAD_INPUT) for no documents, readings of different models (layer shapes) or with
// different block or sink sizes. The shelf's settings are those of the first reading into blocks
// (a document read whole has none of its own), else the 2k preset's, with the first's lookup.
ShelfMemory shelf_memory(const std::vector<ShelfInput> & docs);

} // namespace quire

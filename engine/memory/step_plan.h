// The rules of one block-memory step that both backends follow (cpu/memory_model.cpp on the host,
// cuda/cuda_memory_model.cpp on the GPU), written once: the shape of the step's attention, the
// fixed RoPE distance of memory keys, and what leaves the local window afterwards. The anchors a
// step gives slots to are LexicalIndex::step_anchors (lexical_anchors.h), also shared.
#pragma once

#include "memory/memory_config.h"
#include "memory/retrieval_trace.h"

namespace quire {

// The position at which a query meets the memory keys (sinks and blocks, stored un-rotated):
// the far end of the local window, n_local - 1, whatever the query's true position.
int memory_position(const MemoryConfig & cfg);

// The attention of one step of T tokens, in the order its key rows are laid out:
// [sinks | selected blocks] (memory, at memory_position) then [window | this step's tokens]
// (local, at true positions, causal).
struct StepShape {
    int n_sel = 0;              // blocks the lookup selects: min(topk, blocks)
    int n_mem = 0;              // memory key rows: sinks + n_sel * block_size
    int n_local = 0;            // local key rows for the step's last token: window + T
    bool with_question = false; // the question vector takes part in s(B) (a question was read or is being read)
    bool sets_question = false; // this step computes the question vector (the first QUESTION step)
};
StepShape plan_step(const MemoryConfig & cfg, StepKind kind, int T, int n_blocks, int n_sink, int n_win, bool has_question);

// After a step the window keeps its newest n_local tokens. The older ones become sinks while
// there are fewer than n_init, then whole blocks of block_size; a partial block waits in the
// window for its remaining tokens.
struct TrimPlan {
    int to_sinks = 0;   // oldest window tokens that become sinks
    int new_blocks = 0; // whole blocks cut from the window after them
};
TrimPlan plan_trim(const MemoryConfig & cfg, int n_sink, int n_win);

} // namespace quire

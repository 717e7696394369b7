// The block memory of one document, for every layer: sink tokens, memory blocks (pre-RoPE keys,
// values, representative), and the local window with its tokens' local scores. Blocks are shared
// between a document's state and the ask sessions forked from it; new blocks go to a pool owned
// by the state that cut them, so asking never changes the document's state.
#pragma once

#include "memory/lexical_anchors.h"
#include "memory/memory_config.h"
#include "memory/slab_pool.h"
#include "model/hparams.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace quire {

struct MemoryBlock {
    int64_t start = 0; // first token position
    int32_t len = 0;
    int32_t reserved = 0; // stored as is: the padding is a member, so every store byte is defined
};
static_assert(sizeof(MemoryBlock) == 16, "stored as is (block store BLOCKS section)");

struct LayerMemory {
    std::vector<float> sink_k, sink_v;                 // [n_sink][kv_dim], pre-RoPE keys
    std::vector<const float *> blk_k, blk_v, blk_repr;  // per block: [block_size][kv_dim] x2, [q_dim]
    std::vector<float> win_k, win_krot, win_v;         // window, oldest first: [n_win][kv_dim]
    std::vector<float> win_score;                      // [n_win][n_head] accumulated local scores
    std::vector<float> qvec;                           // question vector [q_dim]; empty without a question
};

struct MemoryState {
    MemoryConfig cfg;
    int n_layer = 0, n_head = 0, n_head_kv = 0, head_dim = 0;
    int64_t n_tokens = 0;  // tokens consumed = position of the next token
    int n_sink = 0;
    int64_t win_start = 0; // position of the oldest window token
    std::vector<MemoryBlock> blocks;
    std::vector<LayerMemory> layers;
    std::vector<int> tokens; // ids consumed, in order
    LexicalIndex lexical;    // the question's tokens over the blocks (word-match anchors)
    std::vector<std::shared_ptr<const void>> storage; // what block pointers point into (shared)
    std::shared_ptr<SlabPool> pool;                   // where this state's new blocks' K/V go (spills past the budget)
    std::shared_ptr<SlabPool> repr_pool;              // representatives: always in RAM

    MemoryState() = default;
    MemoryState(const HParams & hp, const MemoryConfig & cfg);

    int kv_dim() const { return n_head_kv * head_dim; }
    int q_dim() const { return n_head * head_dim; }
    int n_win() const { return static_cast<int>(n_tokens - win_start); }
    int n_blocks() const { return static_cast<int>(blocks.size()); }

    // A copy that shares the blocks and puts new ones in a pool of its own.
    MemoryState fork() const;

    // Move tokens that left the local window into sinks and whole blocks as plan_trim says
    // (step_plan.h), building each block's representative from its tokens' local scores.
    void trim_window();

    // Bytes held: sinks, window, blocks (K, V, representatives).
    uint64_t bytes() const;
};

} // namespace quire

// Word-match anchors: the memory blocks that share the question's rare tokens. The attention
// scores s(B,H) and s(B,Q) rank blocks through the model's own keys and queries; in small models
// (SmolLM2-135M: docs/evaluation.md) they do not find the block that names the thing a question
// asks about, while the block's tokens plainly contain it. Anchors give `n` of a step's top-k
// slots to the blocks with the highest BM25 score of the question's token ids (the model's own
// tokenizer: any language, no word list); the remaining slots go by s(B). Training-free like the
// rest of the lookup, computed on the host for both backends from the tokens and blocks they hold.
#pragma once

#include "memory/memory_config.h"

#include <cstdint>
#include <vector>

namespace quire {

struct MemoryBlock;

class LexicalIndex {
public:
    // The question's tokens; a question fed in several chunks adds each (duplicates count once).
    void add_question(const std::vector<int> & question_tokens);
    bool has_question() const { return !qtok_.empty(); }

    // Up to n blocks, best first: those whose BM25 score over the question's tokens is highest,
    // among blocks that contain at least one question token found in at most a quarter of the
    // blocks (common tokens alone never make an anchor). Blocks cut since the last call are
    // indexed first; tokens[b.start, b.start + b.len) are block b's ids.
    const std::vector<int> & anchors(const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens, int n);

    // A step's anchors under cfg: min(cfg.lookup.anchors, cfg.topk) of them once a question was given,
    // whatever beta is (anchors and beta are independent settings); none before. Both backends call this.
    const std::vector<int> & step_anchors(const MemoryConfig & cfg, const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens);

private:
    void reset_index();
    std::vector<int> qtok_;                    // distinct question tokens, sorted
    std::vector<std::vector<uint16_t>> tf_;    // per indexed block: count of each question token
    std::vector<int> df_;                      // per question token: blocks that contain it
    std::vector<int> anchors_;
    int cached_blocks_ = -1, cached_n_ = -1;
};

} // namespace quire

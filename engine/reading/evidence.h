// Re-reading the evidence (Quire's extension of QLLM, off unless asked for): after the question
// has been read, its lookup has scored every memory block in every layer; the best-ranked blocks
// are read again as text, at true positions in the local window, just before the question is
// asked a second time, so that the model sees its evidence as ordinary context instead of as
// memory keys at a fixed distance. The same ranking is what the app cites.
//   rank: word-match anchors first (best first), then the blocks by their combined score
//   s(B) = s(B,H) + beta * s(B,Q), standardised within each layer and summed over layers.
//   spans: the ranked blocks, each widened by a quarter block before and half a block after
//   (a fact cut by a block boundary, or just after the words that matched, stays whole),
//   taken best first while they fit the budget, then merged and put in document order.
#pragma once

#include "memory/memory_state.h"
#include "memory/retrieval_trace.h"

#include <cstdint>
#include <vector>

namespace quire {

// AskParams::evidence_tokens' "as the reading suits": three quarters of the reading's local
// window, at most 2048 tokens (2k: 768; infllm: 2048, the budgets measured in docs/evaluation.md).
inline constexpr int kAutoEvidence = -1;
int evidence_budget(const MemoryConfig & reading);

// Block indices of `n_blocks`, best first, from the question step's trace.
std::vector<int> evidence_ranking(const RetrievalStep & question_step, int n_blocks);

struct TokenSpan {
    int64_t begin = 0, end = 0; // token positions [begin, end)
};

// Spans of the document (positions in [first, last)) holding the ranked blocks, at most `budget`
// tokens in all, in document order.
std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, int64_t first, int64_t last);

} // namespace quire

// Re-reading the evidence (Quire's extension of QLLM; the apps' default, the engine's is off):
// after the question has been read, its lookup has scored every memory block in every layer;
// the best-ranked blocks are read again as text, at true positions in the local window, just
// before the question is asked a second time, so that the model sees its evidence as ordinary
// context instead of as memory keys at a fixed distance. The same ranking orders the chips the
// app cites.
//   rank: two rankings taken in turn, best first, each block once: the blocks by the BM25 score
//   of the question's token ids (word_ranking; the anchors are its first), and the blocks by
//   their combined score s(B) = s(B,H) + beta * s(B,Q), standardised within each layer and
//   summed over layers. The words find what the question names, the attention what it means.
//   A whole reading (reading_plan.h) has no memory blocks: its document, in the window, is cut
//   into passages of a block's length and ranked by the words alone.
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
// window, at most 2048 tokens (2k: 768; infllm: 2048, the budgets measured in
// docs/evaluation.md); a whole reading of `read_tokens` (frame and document) gets what its
// window has left beside them and kWholeRoom, at most 2048.
inline constexpr int kAutoEvidence = -1;
int evidence_budget(const MemoryConfig & reading, int64_t read_tokens);

// Blocks (indices into `blocks`) that hold a rare token of the question, best BM25 score first
// (LexicalIndex::anchors over all of them); tokens[b.start, b.start + b.len) are block b's ids.
std::vector<int> word_ranking(const std::vector<MemoryBlock> & blocks, const std::vector<int> & tokens, const std::vector<int> & question);

// Block indices of `n_blocks`, best first: `words` (word_ranking) and the question step's
// attention ranking in turn, each block once; without `words`, the step's anchors lead.
std::vector<int> evidence_ranking(const RetrievalStep & question_step, int n_blocks, const std::vector<int> & words = {});

// [first, last) cut into passages of `len` tokens (the last may be shorter): the blocks a whole
// reading ranks.
std::vector<MemoryBlock> passages_of(int64_t first, int64_t last, int len);

struct TokenSpan {
    int64_t begin = 0, end = 0; // token positions [begin, end)
    int rank = 0;               // where its best block stood in the ranking (0: first)
};

// Spans of the document (positions in [first, last)) holding the ranked blocks, at most `budget`
// tokens in all, in document order (their ranks say which came first).
std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, int64_t first, int64_t last);

// The same over several texts (a shelf's documents: disjoint ranges of positions, in order): a
// span stays within the text its block starts in, and spans of two texts are never merged.
struct TextRange {
    int64_t first = 0, last = 0;
};
std::vector<TokenSpan> evidence_spans(const std::vector<MemoryBlock> & blocks, const std::vector<int> & ranked, int budget, const std::vector<TextRange> & texts);
// The text position p lies in (an index into texts), texts.size() when none.
size_t text_of(const std::vector<TextRange> & texts, int64_t p);

} // namespace quire

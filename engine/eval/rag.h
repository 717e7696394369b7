// Retrieval into the prompt (RAG), the way GPT4All's LocalDocs or AnythingLLM answer about a
// document, with BM25 standing in for their embeddings: the document cut into passages of about
// 200 words, the passages ranked by BM25 against the question's words, and the best of them,
// best first, placed before the question up to a token budget. The evaluation's `rag` method;
// the block memory must beat it.
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct TextPassage {
    size_t begin = 0, end = 0; // bytes of the text
};

// Consecutive passages of `words` words (white-space separated), covering every word once.
std::vector<TextPassage> split_passages(std::string_view text, int words = 200);

// A byte of a word: an ASCII letter or digit, or any byte of a multi-byte UTF-8 character. The
// word rule of bm25_words and of answer matching (docqa.h).
bool is_word_byte(unsigned char c);

// Words for BM25: runs of word bytes, ASCII letters in lower case.
std::vector<std::string> bm25_words(std::string_view text);

// BM25 (k1 = 1.2, b = 0.75) of each passage for the query's words.
std::vector<double> bm25_scores(std::string_view text, const std::vector<TextPassage> & passages, std::string_view query);

// The passages for a question: ranked by BM25, best first, as many as fit `token_budget` tokens
// (the first always, cut to the budget if it alone is longer) and at most `max_passages` of them
// (0: no limit; GPT4All's LocalDocs puts 3 snippets of 512 characters in the prompt by default),
// joined by blank lines.
std::string rag_context(const Tokenizer & tok, std::string_view text, std::string_view question, int token_budget, int words = 200,
                        int max_passages = 0);

} // namespace quire

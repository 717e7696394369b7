// Where each token of an encoded text lies in that text: byte ranges recovered from the
// tokens' decoded bytes (exact for byte-level BPE; SentencePiece's dummy-prefix space is
// accounted for). Spans of tokens that straddle a UTF-8 sequence share its bytes.
#pragma once

#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <vector>

namespace quire {

struct SourceSpan {
    int64_t start = 0;
    int64_t len = 0;
};

std::vector<SourceSpan> token_spans(const Tokenizer & tok, const std::vector<int> & ids);

} // namespace quire

// The passage a memory block covers: from the block's tokens through their source spans to the
// document text, its pages and (for PDFs) the boxes of its words, for highlighting.
#pragma once

#include "memory/block_store_file.h"

#include <cstdint>
#include <string>
#include <vector>

namespace quire {

struct PassageBox {
    int page = 0; // 0-based
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Passage {
    int64_t token_start = 0, token_end = 0; // positions in the stored token sequence
    int64_t byte_start = -1, byte_end = -1; // in the document text; -1 when no document token is covered
    std::vector<int> pages;                 // 0-based pages it touches
    std::string excerpt;                    // the document text it covers
    std::vector<PassageBox> boxes;          // the boxes of its words (PDF)
};

// Tokens [token_start, token_end) of doc.state.tokens (chat-frame tokens are skipped).
Passage passage_for_tokens(const StoredDocument & doc, int64_t token_start, int64_t token_end);

// How a document is named where its passages are cited: its title, else its file's name.
std::string document_title(const StoredDocument & doc);

// Block `block` (0-based) of the document's block memory; Error(BAD_INPUT) for a block the store
// does not have, or a store without a document map.
Passage passage_for_block(const StoredDocument & doc, int block);

} // namespace quire

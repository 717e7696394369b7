// The persistent block store: an ingested document's block memory on disk, so reopening a book
// costs nothing. Sections (metadata JSON, token ids, token source spans, block ranges, per-layer
// sinks and window, per-layer block data) each carry a CRC-32. Writes are atomic (temporary file,
// fsync, rename); loading maps the file and uses block data in place, never holding two copies.
#pragma once

#include "memory/memory_state.h"
#include "model/model.h"
#include "tokenizer/token_spans.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace quire {

// Where the ingested text came from: the text itself (pages joined), where each page starts,
// and, for PDFs, every word's box, so that a block's tokens lead back to a passage on a page.
struct MappedWord {
    int32_t page = 0;   // 0-based
    int32_t len = 0;    // bytes
    int64_t start = 0;  // byte offset in text
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
static_assert(sizeof(MappedWord) == 32, "stored as is");
struct MappedStyle { // a StyledSpan (document/document_source.h) in the joined text
    int64_t start = 0;  // byte offset in text
    int32_t len = 0;    // bytes
    uint8_t style = 0;  // TextStyle
    uint8_t level = 0;
    uint16_t reserved = 0; // stored as is: every store byte defined
};
static_assert(sizeof(MappedStyle) == 16, "stored as is");
struct MappedOutline {
    std::string title;
    int level = 0; // 0 for top level
    int page = -1; // 0-based, -1 when its destination is not known
};

struct DocumentMap {
    std::string format, title, author;
    std::string text;                  // what was tokenised (spans index into it)
    std::vector<int64_t> page_starts;  // byte offset of each page in text
    std::vector<MappedWord> words;     // PDF only, in text order
    std::vector<MappedOutline> outline; // the document's outline (bookmarks, table of contents, headings)
    std::vector<MappedStyle> styles;   // EPUB: styled spans (headings, emphasis, lists), in the order their elements end
    // While the text is still being taken out (a map shown before it is complete): the document's
    // page count, page_starts having the pages read so far; 0 in a complete map (never stored).
    int pages_total = 0;
    bool empty() const { return page_starts.empty(); }
    // The outline entry a page lies under: the last one, in document order, that starts at or
    // before it (nullptr when none does).
    const MappedOutline * section_of(int page) const;
};

// Where an unfinished reading stopped (a checkpoint, reading/ingest_checkpoint.h): after `read`
// of the document's `total` tokens, whose ids have the CRC-32 tokens_crc.
struct ReadingPlace {
    int64_t read = 0, total = 0;
    uint32_t tokens_crc = 0;
};

struct StoredDocument {
    MemoryState state;
    int prefix_len = 0;              // chat-frame tokens at the start of state.tokens
    std::vector<SourceSpan> spans;   // one per document token (state.tokens after the prefix)
    std::string source;              // the document's path when ingested
    std::string model_name;
    uint64_t fingerprint = 0;
    DocumentMap map;                 // empty for documents ingested from bare token ids
    std::optional<ReadingPlace> unfinished; // a checkpoint's place; none in a finished store
};

constexpr uint32_t kStoreVersion = 2;

// Writes atomically; `cancelled` (optional) is polled between sections and aborts the write
// with Error(CANCELLED), leaving no file behind.
void store_save(const std::string & path, const StoredDocument & doc, const std::function<bool()> & cancelled = {});
// The same with `state` in place of doc.state (a reading's live state, not copied).
void store_save(const std::string & path, const StoredDocument & doc, const MemoryState & state, const std::function<bool()> & cancelled = {});

// Loads and verifies a store for `model`. A wrong model, preset (when `preset` is neither empty
// nor "auto"), version or checksum, or a truncated file, is Error(BAD_INPUT) saying which.
StoredDocument store_load(const std::string & path, const Model & model, const std::string & preset = {});

// What a store's metadata says, read without the rest of the file (cheap for a store of
// gigabytes; its sections are verified when it is loaded). Error(BAD_INPUT) for a file that is
// no store, or a damaged header or metadata.
struct StoreSummary {
    std::string model_name;
    uint64_t fingerprint = 0;
    int64_t n_tokens = 0;
    std::optional<ReadingPlace> unfinished;
};
StoreSummary store_peek(const std::string & path);

// The parts of a store that map blocks to passages (spans, blocks, prefix, the document map), with
// no model and no block data: for quire-cli passage and the reader view.
StoredDocument store_load_map(const std::string & path);

} // namespace quire

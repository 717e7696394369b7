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
#include <string>
#include <vector>

namespace quire {

struct StoredDocument {
    MemoryState state;
    int prefix_len = 0;              // chat-frame tokens at the start of state.tokens
    std::vector<SourceSpan> spans;   // one per document token (state.tokens after the prefix)
    std::string source;              // the document's path when ingested
    std::string model_name;
    uint64_t fingerprint = 0;
};

constexpr uint32_t kStoreVersion = 1;

// Writes atomically; `cancelled` (optional) is polled between sections and aborts the write
// with Error(CANCELLED), leaving no file behind.
void store_save(const std::string & path, const StoredDocument & doc, const std::function<bool()> & cancelled = {});

// Loads and verifies a store for `model`. A wrong model, preset (when `preset` is not empty),
// version or checksum, or a truncated file, is Error(BAD_INPUT) saying which.
StoredDocument store_load(const std::string & path, const Model & model, const std::string & preset = {});

} // namespace quire

// A document read into block memory, from its file to a StoredDocument ready to save: the text
// of every page (joined so that offsets stay exact), the word boxes of PDFs, the tokens, the
// ingest itself, and the spans that lead each token back to its text. Shared by quire-cli ingest
// and the desktop app's worker. In two steps, so that a reading that cannot fit is refused before
// it starts: document_prepare (text and tokens, cancellable, memory bounded by the text and its
// tokens), ingest_estimate (the store's size and the memory the reading needs), document_ingest.
#pragma once

#include "memory/block_store_file.h"
#include "reading/ingest_checkpoint.h"
#include "reading/reader.h"

#include <functional>
#include <string>

namespace quire {

// Sees a document's map while it is read: pages so far (map.pages_total set), then the whole.
using MapCallback = std::function<void(const DocumentMap &)>;

// The document's text and map, pages joined (a blank line between PDF pages, a newline between
// the sections of other formats). Error(BAD_INPUT) for an empty document; the document's own
// errors (LOCKED, UNSUPPORTED, ...) pass through. `progress` (phase TEXT, pages) may cancel.
// `mapped`, if given, sees the map as it grows: its outline and first pages within a fraction of
// a second (a book of a thousand pages is shown and searchable long before its last page is
// read), then every second, then the complete map.
DocumentMap document_read_map(const std::string & path, const std::string & password = {}, const IngestCallback & progress = {},
                              const MapCallback & mapped = {});

struct PreparedDocument {
    std::string path;
    DocumentMap map;
    std::vector<int> tokens; // the text's tokens (Tokenizer::encode_long), no chat frame
};

// Text and tokens; `progress` reports phases TEXT and TOKENS and may cancel (Error(CANCELLED)).
// `mapped`, if given, sees the document's map as it is read (document_read_map), before the tokenising.
PreparedDocument document_prepare(const Model & model, const std::string & path, const std::string & password = {}, const IngestCallback & progress = {},
                                  const MapCallback & mapped = {});

struct IngestEstimate {
    int64_t tokens = 0;
    uint64_t store_bytes = 0;  // the block store on disk
    uint64_t memory_bytes = 0; // the block memory the reading holds in RAM (0 with a host budget: spilled to a mapped file)
};
// For the configuration the reading will use (memory_for_reading: "auto" resolved).
IngestEstimate ingest_estimate(const Model & model, const MemoryConfig & cfg, const PreparedDocument & doc);

// Reads a prepared document into the model's block memory. `progress` (phase MEMORY) may cancel
// (Error(CANCELLED)); *seconds (if given) receives the ingest's time. With `checkpoints`
// (reading/ingest_checkpoint.h) the reading goes on from the checkpoint beside their store when
// one of this reading is there, and saves its place now and then (and when cancelled).
StoredDocument document_ingest(const Model & model, PreparedDocument doc, const MemoryConfig & cfg, const IngestCallback & progress = {},
                               const DeviceParams & device = {}, double * seconds = nullptr, Checkpoints * checkpoints = nullptr);

// document_prepare, then document_ingest.
StoredDocument document_ingest(const Model & model, const std::string & path, const MemoryConfig & cfg, const IngestCallback & progress = {},
                               const DeviceParams & device = {}, const std::string & password = {}, double * seconds = nullptr);

} // namespace quire

// A document read into block memory, from its file to a StoredDocument ready to save: the text
// of every page (joined so that offsets stay exact), the word boxes of PDFs, the tokens, the
// ingest itself, and the spans that lead each token back to its text. Shared by quire-cli ingest
// and the desktop app's worker.
#pragma once

#include "memory/block_store_file.h"
#include "memory/reader.h"

#include <string>

namespace quire {

// The document's text and map, pages joined (a blank line between PDF pages, a newline between
// the sections of other formats). Error(BAD_INPUT) for an empty document; the document's own
// errors (LOCKED, UNSUPPORTED, ...) pass through.
DocumentMap document_read_map(const std::string & path, const std::string & password = {});

// Reads the document at `path` into a model's block memory. `progress` may cancel
// (Error(CANCELLED)); *seconds (if given) receives the ingest's time.
StoredDocument document_ingest(const Model & model, const std::string & path, const MemoryConfig & cfg, const IngestCallback & progress = {},
                               BackendKind backend = BackendKind::AUTO, const std::string & password = {}, double * seconds = nullptr);

} // namespace quire

// EPUB documents through libzip and libxml2 (internal to engine/document; use document_open).
#pragma once

#include "document/document_source.h"

namespace quire {

std::unique_ptr<DocumentSource> epub_open(const std::string & path);
// The same from an EPUB's bytes in memory, named `name` in errors (the fuzzer's entry).
std::unique_ptr<DocumentSource> epub_open_bytes(const std::string & bytes, const std::string & name);

} // namespace quire

// EPUB documents through libzip and libxml2 (internal to engine/document; use document_open).
#pragma once

#include "document/document_source.h"

namespace quire {

std::unique_ptr<DocumentSource> epub_open(const std::string & path);

} // namespace quire

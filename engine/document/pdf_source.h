// PDF documents through poppler-cpp (internal to engine/document; use document_open).
#pragma once

#include "document/document_source.h"

namespace quire {

std::unique_ptr<DocumentSource> pdf_open(const std::string & path, const std::string & password);

} // namespace quire

// Plain text and Markdown documents (internal to engine/document; use document_open).
#pragma once

#include "document/document_source.h"

namespace quire {

std::unique_ptr<DocumentSource> text_open(const std::string & path, bool markdown);

} // namespace quire

// The outline (bookmarks) of a PDF with the page each entry points to, through Debian's libqpdf:
// poppler-cpp gives outline titles but not their destinations.
#pragma once

#include "document/document_source.h"

#include <optional>
#include <string>
#include <vector>

namespace quire {

// The outline in document order, each entry with its 0-based target page (-1 when its destination
// names no page). std::nullopt when the file cannot be read this way (the caller falls back to
// titles without pages); never throws.
std::optional<std::vector<OutlineItem>> pdf_outline(const std::string & path, const std::string & password);

} // namespace quire

// A text page's styles (DocumentMap::styles: an EPUB chapter's headings, emphasis, lists, quotes
// and code) drawn on the page's plain text in the reader: formats only, never a character added
// or removed, so that the reading's positions (highlights of passages, finds) stay exact.
#pragma once

#include "quire.h"

class QTextDocument;

namespace quire::ui {

// Applies the styles that overlap the page's bytes [page_start, page_end) of map.text to `doc`,
// which holds exactly that text (QTextDocument::setPlainText).
void apply_styles(QTextDocument & doc, const DocumentMap & map, int64_t page_start, int64_t page_end);

} // namespace quire::ui

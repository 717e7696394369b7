// A document a user brings, behind one interface whatever its format (in the spirit of
// Okular's generators): metadata, outline, and per page the text with word boxes. A "page" is
// a PDF page, an EPUB spine item (chapter), or a section of a text (Markdown headings, or
// paragraphs of plain text). Opening
// fails with Error: BAD_INPUT (damaged, truncated, empty, no text), UNSUPPORTED (format or
// build), LOCKED (a password is needed or was wrong), IO.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace quire {

struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0; // page coordinates (PDF points, origin top left)
};

struct Word {
    int64_t start = 0, len = 0; // bytes of the page's text
    Rect box;
};

// A span of a page's text that its markup shows styled (EPUB chapters): the reader draws the
// same text with the style, so that positions in the text stay those of the reading.
enum class TextStyle : uint8_t { HEADING = 1, EMPHASIS, STRONG, LIST_ITEM, QUOTE, CODE };
struct StyledSpan {
    int64_t start = 0, len = 0; // bytes of the page's text
    TextStyle style = TextStyle::EMPHASIS;
    int level = 0; // HEADING: 1-6; LIST_ITEM: nesting depth from 1
};

struct Page {
    std::string text;          // UTF-8, words separated by spaces, lines by '\n', paragraphs by "\n\n"
    std::vector<Word> words;   // PDF: every word with its box; text formats: none
    double width = 0, height = 0;
    std::string title;         // the section's heading (text formats), or empty
    std::vector<StyledSpan> styles; // EPUB: headings, emphasis, lists, quotes, code; others: none
};

struct OutlineItem {
    std::string title;
    int level = 0;  // 0 for top level
    int page = -1;  // -1 when the format does not say (PDF outlines through poppler-cpp)
};

struct DocumentInfo {
    std::string format; // "pdf", "epub", "text", "markdown"
    std::string title, author;
    int pages = 0;
};

class DocumentSource {
public:
    virtual ~DocumentSource() = default;
    virtual const DocumentInfo & info() const = 0;
    virtual const std::vector<OutlineItem> & outline() const = 0;
    virtual Page page(int index) const = 0; // 0-based
};

// Opens by content (PDF magic) and extension (.epub, .md / .markdown; anything else is text).
std::unique_ptr<DocumentSource> document_open(const std::string & path, const std::string & password = {});

// Error(BAD_INPUT) for a document in which no text was found (a PDF: neither a text layer nor
// words OCR could read), naming the file.
[[noreturn]] void fail_no_text(const std::string & path, const std::string & format);

// Whether this build reads PDFs (poppler-cpp) and EPUBs (libzip + libxml2).
bool document_pdf_supported();
bool document_epub_supported();

} // namespace quire

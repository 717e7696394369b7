// EPUB's markup, read so that no input can make it large or slow: XML (container, package,
// navigation, NCX) is parsed with no entity declarations at all, no DTD loaded, nothing fetched
// and libxml2's size limits on; XHTML chapters are streamed through libxml2's HTML parser (SAX),
// so a chapter's text is never held twice and has no length cut, with any DOCTYPE (and the
// internal subset inside it) taken out first. Neither follows an entity reference, so the text of
// an entry is never longer than the entry itself.
#pragma once

#include "document/document_source.h"

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct XmlDocFree {
    void operator()(xmlDoc * d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// The parsed document, or null when the bytes hold no root element.
XmlDoc xml_parse(std::string_view bytes, const std::string & name);

// An element's attribute (empty when absent), its local name, and the text of its text and
// CDATA descendants with whitespace runs collapsed to one space, at most `max_bytes`.
std::string xml_attr(xmlNode * n, const char * name);
std::string xml_name(xmlNode * n);
std::string xml_text(xmlNode * n, size_t max_bytes = 4096);

// Calls f on every element under and after n, in document order.
template <typename F> void xml_walk(xmlNode * n, const F & f) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) f(n);
        xml_walk(n->children, f);
    }
}

// An (X)HTML chapter as text: block elements (p, div, h1-h6, li, ...) end paragraphs ("\n\n"),
// <br> ends a line, script, style and head are skipped, whitespace collapses; `heading` is the
// first h1-h6's text.
struct ChapterText {
    std::string text, heading;
    std::vector<StyledSpan> styles; // in text, in the order the elements end
};
ChapterText html_chapter_text(std::string_view bytes, const std::string & name);

// The bytes without a leading <!DOCTYPE ...> declaration (internal subset included), which the
// HTML parser would otherwise show as text.
std::string_view without_doctype(std::string_view bytes);

} // namespace quire

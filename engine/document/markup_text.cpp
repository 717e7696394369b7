#include "document/markup_text.h"

#include "core/error.h"

#include <algorithm>
#include <cstring>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

namespace quire {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Appends text with whitespace runs collapsed: a run becomes one space, written only when text
// follows it (and not at a line's start).
struct Collapser {
    std::string & out;
    bool pending = false;
    void add(const char * s, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            if (is_space(s[i])) {
                pending = true;
                continue;
            }
            if (pending && !out.empty() && out.back() != '\n') out += ' ';
            pending = false;
            out += s[i];
        }
    }
};

void text_into(xmlNode * n, Collapser & c, size_t max_bytes) {
    for (; n && c.out.size() < max_bytes; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            const char * s = reinterpret_cast<const char *>(n->content);
            c.add(s, std::min(std::strlen(s), max_bytes - c.out.size()));
        } else if (n->type == XML_ELEMENT_NODE) {
            text_into(n->children, c, max_bytes); // entity references (XML_ENTITY_REF_NODE) are not followed
        }
    }
}

// The chapter parser's state, driven by libxml2's SAX callbacks.
struct ChapterSax {
    ChapterText result;
    Collapser text{result.text};
    std::string heading_raw;
    Collapser heading{heading_raw};
    int skip = 0;          // depth inside script / style / head
    int in_heading = 0;    // depth inside the first heading
    bool heading_done = false;
    struct Open {
        std::string tag;
        StyledSpan span;
    };
    std::vector<Open> open; // styled elements not closed yet
    int list_depth = 0;

    // The style an element gives its text, if any.
    bool style_of(const char * n, StyledSpan & s) const {
        if (heading_tag(n)) s.style = TextStyle::HEADING, s.level = n[1] - '0';
        else if (!std::strcmp(n, "em") || !std::strcmp(n, "i") || !std::strcmp(n, "cite")) s.style = TextStyle::EMPHASIS;
        else if (!std::strcmp(n, "strong") || !std::strcmp(n, "b")) s.style = TextStyle::STRONG;
        else if (!std::strcmp(n, "li")) s.style = TextStyle::LIST_ITEM, s.level = std::max(list_depth, 1);
        else if (!std::strcmp(n, "blockquote")) s.style = TextStyle::QUOTE;
        else if (!std::strcmp(n, "pre") || !std::strcmp(n, "code")) s.style = TextStyle::CODE;
        else return false;
        return true;
    }
    // Where the next character goes: after the space a pending run of whitespace will write.
    int64_t next_at() const {
        const std::string & o = result.text;
        return static_cast<int64_t>(o.size()) + (text.pending && !o.empty() && o.back() != '\n' ? 1 : 0);
    }
    void close_style(const char * n) {
        if (open.empty() || open.back().tag != n) {
            // Misnested markup: close the innermost element of this name, dropping those inside it.
            auto it = std::find_if(open.rbegin(), open.rend(), [&](const Open & o) { return o.tag == n; });
            if (it == open.rend()) return;
            open.erase(std::next(it).base() + 1, open.end());
        }
        StyledSpan s = open.back().span;
        open.pop_back();
        const std::string & o = result.text;
        int64_t end = static_cast<int64_t>(o.size());
        while (end > s.start && (o[static_cast<size_t>(end - 1)] == ' ' || o[static_cast<size_t>(end - 1)] == '\n')) --end;
        if (end > s.start && result.styles.size() < (1u << 20)) result.styles.push_back({s.start, end - s.start, s.style, s.level});
    }

    static bool block(const char * n) {
        static const char * names[] = {"p",  "div", "h1",         "h2",      "h3",      "h4",   "h5",   "h6", "li", "blockquote",
                                       "section", "tr", "pre", "article", "dd", "dt", "ul", "ol", "table", "body", "hr", "figure", "aside", "header", "footer", "nav"};
        for (const char * b : names)
            if (std::strcmp(n, b) == 0) return true;
        return false;
    }
    static bool skipped(const char * n) { return !std::strcmp(n, "script") || !std::strcmp(n, "style") || !std::strcmp(n, "head"); }
    static bool heading_tag(const char * n) { return n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0'; }

    void end_paragraph() {
        text.pending = false;
        std::string & o = result.text;
        while (!o.empty() && (o.back() == ' ' || o.back() == '\n')) o.pop_back();
        if (!o.empty()) o += "\n\n";
    }
    void start(const char * n) {
        if (skipped(n) || skip) {
            ++skip;
            return;
        }
        if (in_heading) ++in_heading;
        else if (!heading_done && heading_tag(n)) in_heading = 1;
        if (!std::strcmp(n, "br")) {
            text.pending = false;
            std::string & o = result.text;
            while (!o.empty() && o.back() == ' ') o.pop_back();
            o += '\n';
        } else if (block(n)) {
            end_paragraph();
        }
        if (!std::strcmp(n, "ul") || !std::strcmp(n, "ol")) ++list_depth;
        StyledSpan s;
        if (open.size() < 256 && style_of(n, s)) {
            s.start = next_at();
            open.push_back({n, s});
        }
    }
    void end(const char * n) {
        if (skip) {
            --skip;
            return;
        }
        if (in_heading && --in_heading == 0) {
            result.heading = heading_raw;
            heading_done = !heading_raw.empty();
            heading_raw.clear();
            heading.pending = false;
        }
        close_style(n);
        if ((!std::strcmp(n, "ul") || !std::strcmp(n, "ol")) && list_depth > 0) --list_depth;
        if (block(n)) end_paragraph();
    }
    void characters(const char * s, size_t len) {
        if (skip) return;
        text.add(s, len);
        if (in_heading && heading_raw.size() < 1024) heading.add(s, std::min<size_t>(len, 1024));
    }
};

ChapterSax & state(void * ctx) { return *static_cast<ChapterSax *>(static_cast<htmlParserCtxtPtr>(ctx)->_private); }

} // namespace

XmlDoc xml_parse(std::string_view bytes, const std::string & name) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) fail(Status::OUT_OF_MEMORY, name + ": no memory for the XML parser");
    // No entity is ever declared, so none is expanded, however often it is referenced; no DTD is
    // read (no XML_PARSE_DTDLOAD), nothing fetched (NONET), libxml2's limits stay (no HUGE).
    ctxt->sax->entityDecl = nullptr;
    ctxt->sax->unparsedEntityDecl = nullptr;
    ctxt->sax->externalSubset = nullptr;
    ctxt->sax->reference = nullptr;
    ctxt->sax->getParameterEntity = nullptr;
    const int size = static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX));
    xmlDoc * d = xmlCtxtReadMemory(ctxt, bytes.data(), size, name.c_str(), nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
    xmlFreeParserCtxt(ctxt);
    XmlDoc doc(d);
    if (doc && !xmlDocGetRootElement(doc.get())) doc.reset();
    return doc;
}

std::string xml_attr(xmlNode * n, const char * name) {
    xmlChar * v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar *>(name));
    if (!v) {
        // A namespaced attribute (epub:type) by its local name.
        for (xmlAttr * a = n->properties; a && !v; a = a->next)
            if (a->name && std::strcmp(reinterpret_cast<const char *>(a->name), name) == 0 && a->children && a->children->type == XML_TEXT_NODE)
                v = xmlStrdup(a->children->content);
    }
    if (!v) return {};
    std::string s(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}

std::string xml_name(xmlNode * n) { return n->name ? reinterpret_cast<const char *>(n->name) : ""; }

std::string xml_text(xmlNode * n, size_t max_bytes) {
    std::string out;
    Collapser c{out};
    if (n) text_into(n->children, c, max_bytes);
    return out;
}

std::string_view without_doctype(std::string_view b) {
    // The prolog: a BOM, blanks, the XML declaration, comments and processing instructions.
    size_t i = 0;
    if (b.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    for (;;) {
        while (i < b.size() && is_space(b[i])) ++i;
        if (b.substr(i, 2) == "<?") {
            const size_t e = b.find("?>", i);
            if (e == std::string_view::npos) return b;
            i = e + 2;
        } else if (b.substr(i, 4) == "<!--") {
            const size_t e = b.find("-->", i + 4);
            if (e == std::string_view::npos) return b;
            i = e + 3;
        } else {
            break;
        }
    }
    if (b.size() - i < 9 || strncasecmp(b.data() + i, "<!DOCTYPE", 9) != 0) return b;
    const size_t start = i;
    char quote = 0;
    int depth = 0; // inside [ ... ]
    for (i = start + 9; i < b.size(); ++i) {
        const char c = b[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (depth && b.substr(i, 4) == "<!--") {
            const size_t e = b.find("-->", i + 4);
            if (e == std::string_view::npos) return b.substr(b.size());
            i = e + 2;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']' && depth) {
            --depth;
        } else if (c == '>' && !depth) {
            // The prolog before it goes too: the chapter is read as UTF-8 whatever it declares.
            return b.substr(i + 1);
        }
    }
    return b.substr(b.size()); // an unterminated DOCTYPE swallows the file, as it would in XML
}

ChapterText html_chapter_text(std::string_view bytes, const std::string & name) {
    const std::string_view body = without_doctype(bytes);
    htmlSAXHandler sax{};
    sax.startElement = [](void * ctx, const xmlChar * n, const xmlChar **) { state(ctx).start(reinterpret_cast<const char *>(n)); };
    sax.endElement = [](void * ctx, const xmlChar * n) { state(ctx).end(reinterpret_cast<const char *>(n)); };
    sax.characters = [](void * ctx, const xmlChar * s, int len) { state(ctx).characters(reinterpret_cast<const char *>(s), static_cast<size_t>(len)); };
    sax.cdataBlock = sax.characters;
    ChapterSax st;
    htmlParserCtxtPtr ctxt = htmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, name.c_str(), XML_CHAR_ENCODING_UTF8);
    if (!ctxt) fail(Status::OUT_OF_MEMORY, name + ": no memory for the HTML parser");
    ctxt->_private = &st;
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    constexpr size_t kChunk = 1 << 16;
    for (size_t at = 0; at < body.size(); at += kChunk)
        htmlParseChunk(ctxt, body.data() + at, static_cast<int>(std::min(kChunk, body.size() - at)), 0);
    htmlParseChunk(ctxt, nullptr, 0, 1);
    htmlFreeParserCtxt(ctxt);
    while (!st.open.empty()) st.close_style(st.open.back().tag.c_str()); // elements never closed end with the chapter
    st.end_paragraph();
    std::string & t = st.result.text;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    for (StyledSpan & sp : st.result.styles) sp.len = std::min<int64_t>(sp.len, static_cast<int64_t>(t.size()) - sp.start);
    std::erase_if(st.result.styles, [](const StyledSpan & sp) { return sp.len <= 0; });
    return std::move(st.result);
}

} // namespace quire

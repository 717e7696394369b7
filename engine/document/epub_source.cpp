// EPUB 2 and 3 through libzip (the container) and libxml2 (container.xml, the OPF package, the
// EPUB 3 navigation document or the EPUB 2 NCX, and the XHTML chapters). Each spine item is a
// section ("page"); paragraphs, headings and list items become paragraphs of text.
#include "document/epub_source.h"

#include "core/error.h"
#include "document/memory_source.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <functional>
#include <map>
#include <memory>
#include <zip.h>

namespace quire {

namespace {

using XmlDoc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

std::string attr(xmlNode * n, const char * name) {
    xmlChar * v = xmlGetProp(n, reinterpret_cast<const xmlChar *>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}
std::string local(xmlNode * n) { return n->name ? reinterpret_cast<const char *>(n->name) : ""; }
std::string content(xmlNode * n) {
    xmlChar * v = xmlNodeGetContent(n);
    if (!v) return {};
    std::string s(reinterpret_cast<const char *>(v));
    xmlFree(v);
    return s;
}
template <typename F> void walk(xmlNode * n, const F & f) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) f(n);
        walk(n->children, f);
    }
}

// "a/b/../c.xhtml#x" relative to the OPF's folder -> "a/c.xhtml"
std::string resolve(const std::string & base_dir, const std::string & href) {
    std::string p = base_dir + href.substr(0, href.find('#'));
    std::vector<std::string> parts;
    size_t i = 0;
    while (i <= p.size()) {
        const size_t j = std::min(p.find('/', i), p.size());
        const std::string seg = p.substr(i, j - i);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto & s : parts) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string collapse_spaces(const std::string & s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') space = !out.empty();
        else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

class Zip {
public:
    explicit Zip(const std::string & path) {
        int err = 0;
        z_ = zip_open(path.c_str(), ZIP_RDONLY, &err);
        if (!z_) fail(Status::BAD_INPUT, path + " is not a readable EPUB (not a ZIP archive, or damaged)");
    }
    ~Zip() {
        if (z_) zip_discard(z_);
    }
    bool has(const std::string & name) const { return zip_name_locate(z_, name.c_str(), 0) >= 0; }
    std::string read(const std::string & name) const {
        zip_stat_t st;
        if (zip_stat(z_, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) fail(Status::BAD_INPUT, "EPUB lacks " + name);
        if (st.size > (256ull << 20)) fail(Status::BAD_INPUT, "EPUB entry " + name + " is larger than 256 MiB");
        zip_file_t * f = zip_fopen(z_, name.c_str(), 0);
        if (!f) fail(Status::BAD_INPUT, "EPUB entry " + name + " cannot be read");
        std::string out(static_cast<size_t>(st.size), '\0');
        const zip_int64_t n = zip_fread(f, out.data(), st.size);
        zip_fclose(f);
        if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail(Status::BAD_INPUT, "EPUB entry " + name + " is damaged");
        return out;
    }

private:
    zip_t * z_ = nullptr;
};

XmlDoc parse_xml(const std::string & bytes, const std::string & what) {
    XmlDoc d(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), what.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER),
             xmlFreeDoc);
    if (!d || !xmlDocGetRootElement(d.get())) fail(Status::BAD_INPUT, "EPUB: " + what + " is not well-formed XML");
    return d;
}

// Text of an XHTML chapter: block elements end paragraphs; script and style are skipped.
void chapter_text(xmlNode * n, std::string & out, std::string & first_heading) {
    static const char * blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "tr", "pre", "article", "dd", "dt"};
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            std::string t = collapse_spaces(reinterpret_cast<const char *>(n->content ? n->content : reinterpret_cast<const xmlChar *>("")));
            const char * raw = reinterpret_cast<const char *>(n->content ? n->content : reinterpret_cast<const xmlChar *>(""));
            const bool lead = *raw == ' ' || *raw == '\n' || *raw == '\t';
            if (!t.empty()) {
                if (lead && !out.empty() && out.back() != '\n' && out.back() != ' ') out += ' ';
                out += t;
                const char last = raw[std::char_traits<char>::length(raw) - 1];
                if (last == ' ' || last == '\n' || last == '\t') out += ' ';
            }
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        const std::string name = local(n);
        if (name == "script" || name == "style" || name == "head") continue;
        if (name == "br") {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '\n';
            continue;
        }
        bool block = false;
        for (const char * b : blocks) block = block || name == b;
        if (first_heading.empty() && name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') first_heading = collapse_spaces(content(n));
        chapter_text(n->children, out, first_heading);
        if (block) {
            while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
            if (!out.empty()) out += "\n\n";
        }
    }
}


} // namespace

std::unique_ptr<DocumentSource> epub_open(const std::string & path) {
    xmlInitParser();
    Zip zip(path);
    if (zip.has("META-INF/encryption.xml"))
        fail(Status::UNSUPPORTED, path + " is a DRM-protected (encrypted) EPUB, which Quire cannot read");
    // container.xml -> the package document.
    std::string opf_path;
    {
        XmlDoc c = parse_xml(zip.read("META-INF/container.xml"), "META-INF/container.xml");
        walk(xmlDocGetRootElement(c.get()), [&](xmlNode * n) {
            if (opf_path.empty() && local(n) == "rootfile") opf_path = attr(n, "full-path");
        });
    }
    if (opf_path.empty()) fail(Status::BAD_INPUT, path + ": EPUB container names no package document");
    const std::string base = opf_path.find('/') == std::string::npos ? "" : opf_path.substr(0, opf_path.rfind('/') + 1);
    XmlDoc opf = parse_xml(zip.read(opf_path), opf_path);
    DocumentInfo info;
    info.format = "epub";
    std::map<std::string, std::pair<std::string, std::string>> manifest; // id -> (resolved href, properties)
    std::vector<std::string> spine;
    std::string nav_href, ncx_id;
    walk(xmlDocGetRootElement(opf.get()), [&](xmlNode * n) {
        const std::string name = local(n);
        if (name == "title" && info.title.empty()) info.title = collapse_spaces(content(n));
        else if (name == "creator" && info.author.empty()) info.author = collapse_spaces(content(n));
        else if (name == "item") {
            manifest[attr(n, "id")] = {resolve(base, attr(n, "href")), attr(n, "properties")};
            if (attr(n, "properties").find("nav") != std::string::npos) nav_href = resolve(base, attr(n, "href"));
        } else if (name == "spine") ncx_id = attr(n, "toc");
        else if (name == "itemref" && attr(n, "linear") != "no") spine.push_back(attr(n, "idref"));
    });
    if (spine.empty()) fail(Status::BAD_INPUT, path + ": EPUB has an empty spine (no chapters)");

    std::vector<Page> pages;
    std::map<std::string, int> page_of; // resolved href -> section
    for (const auto & id : spine) {
        const auto it = manifest.find(id);
        if (it == manifest.end()) fail(Status::BAD_INPUT, path + ": EPUB spine names '" + id + "', which the manifest lacks");
        const std::string & href = it->second.first;
        const std::string bytes = zip.read(href);
        XmlDoc d(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), href.c_str(), "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
                 xmlFreeDoc);
        if (!d) continue;
        Page pg;
        chapter_text(xmlDocGetRootElement(d.get()), pg.text, pg.title);
        while (!pg.text.empty() && (pg.text.back() == '\n' || pg.text.back() == ' ')) pg.text.pop_back();
        if (pg.text.empty()) continue;
        pg.text += '\n';
        page_of[href] = static_cast<int>(pages.size());
        pages.push_back(std::move(pg));
    }
    if (pages.empty()) fail(Status::BAD_INPUT, path + ": EPUB chapters hold no text");

    // The outline: EPUB 3 navigation document, else the EPUB 2 NCX; titles name their sections.
    std::vector<OutlineItem> outline;
    std::vector<bool> titled(pages.size(), false); // a section's first outline entry names it
    auto add = [&](const std::string & title, const std::string & href, int level) {
        const auto it = page_of.find(href);
        const int page = it == page_of.end() ? -1 : it->second;
        outline.push_back({title, level, page});
        if (page >= 0 && !titled[static_cast<size_t>(page)] && !title.empty()) {
            pages[static_cast<size_t>(page)].title = title;
            titled[static_cast<size_t>(page)] = true;
        }
    };
    if (!nav_href.empty() && zip.has(nav_href)) {
        const std::string nav_base = nav_href.find('/') == std::string::npos ? "" : nav_href.substr(0, nav_href.rfind('/') + 1);
        XmlDoc nav = parse_xml(zip.read(nav_href), nav_href);
        // Links inside the <nav epub:type="toc">; depth counted in nested lists.
        std::function<void(xmlNode *, int)> visit = [&](xmlNode * n, int depth) {
            for (; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE) continue;
                if (local(n) == "a") add(collapse_spaces(content(n)), resolve(nav_base, attr(n, "href")), std::max(depth - 1, 0));
                visit(n->children, depth + (local(n) == "ol" || local(n) == "ul"));
            }
        };
        walk(xmlDocGetRootElement(nav.get()), [&](xmlNode * n) {
            if (local(n) == "nav" && outline.empty() && attr(n, "type") != "landmarks" && attr(n, "type") != "page-list") visit(n->children, 0);
        });
    } else if (const auto it = manifest.find(ncx_id); it != manifest.end() && zip.has(it->second.first)) {
        const std::string ncx_href = it->second.first;
        const std::string ncx_base = ncx_href.find('/') == std::string::npos ? "" : ncx_href.substr(0, ncx_href.rfind('/') + 1);
        XmlDoc ncx = parse_xml(zip.read(ncx_href), ncx_href);
        std::function<void(xmlNode *, int)> visit = [&](xmlNode * n, int depth) {
            for (; n; n = n->next) {
                if (n->type != XML_ELEMENT_NODE || local(n) != "navPoint") {
                    if (n->type == XML_ELEMENT_NODE) visit(n->children, depth);
                    continue;
                }
                std::string title, src;
                for (xmlNode * c = n->children; c; c = c->next) {
                    if (c->type != XML_ELEMENT_NODE) continue;
                    if (local(c) == "navLabel") title = collapse_spaces(content(c));
                    if (local(c) == "content") src = attr(c, "src");
                }
                add(title, resolve(ncx_base, src), depth);
                visit(n->children, depth + 1);
            }
        };
        visit(xmlDocGetRootElement(ncx.get()), 0);
    }
    return std::make_unique<MemorySource>(std::move(info), std::move(pages), std::move(outline));
}

} // namespace quire

// EPUB 2 and 3 through libzip (the container) and libxml2 (container.xml, the OPF package, the
// EPUB 3 navigation document or the EPUB 2 NCX, and the XHTML chapters; document/markup_text.h
// reads them with no entity expansion and no length cut). Each spine item is a section ("page");
// paragraphs, headings and list items become paragraphs of text. Every error names the EPUB and
// the entry. Bounds: 16 MiB for an XML entry, 256 MiB for a chapter, 1 GiB of text in all.
#include "document/epub_source.h"

#include "core/error.h"
#include "document/markup_text.h"
#include "document/memory_source.h"

#include <functional>
#include <map>
#include <memory>
#include <zip.h>

namespace quire {

namespace {

constexpr uint64_t kMaxXmlEntry = 16ull << 20, kMaxChapter = 256ull << 20, kMaxText = 1ull << 30;

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

std::string folder_of(const std::string & entry) { return entry.find('/') == std::string::npos ? "" : entry.substr(0, entry.rfind('/') + 1); }

class Zip {
public:
    // From a file, or (path empty) from bytes in memory named `name`.
    Zip(const std::string & name, const std::string * bytes) : name_(name) {
        zip_error_t err;
        zip_error_init(&err);
        if (bytes) {
            zip_source_t * src = zip_source_buffer_create(bytes->data(), bytes->size(), 0, &err);
            if (src && !(z_ = zip_open_from_source(src, ZIP_RDONLY, &err))) zip_source_free(src);
        } else {
            int code = 0;
            z_ = zip_open(name.c_str(), ZIP_RDONLY, &code);
        }
        zip_error_fini(&err);
        if (!z_) fail(Status::BAD_INPUT, name + " is not a readable EPUB (not a ZIP archive, or damaged)");
    }
    ~Zip() {
        if (z_) zip_discard(z_);
    }
    Zip(const Zip &) = delete;
    Zip & operator=(const Zip &) = delete;
    const std::string & name() const { return name_; }
    bool has(const std::string & entry) const { return zip_name_locate(z_, entry.c_str(), 0) >= 0; }
    // The entry's bytes; `what` says what it is for the message ("the package document").
    std::string read(const std::string & entry, const std::string & what, uint64_t limit) const {
        zip_stat_t st;
        if (zip_stat(z_, entry.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            fail(Status::BAD_INPUT, name_ + ": the EPUB lacks " + what + " (" + entry + "); the file is incomplete or damaged");
        if (st.size > limit)
            fail(Status::BAD_INPUT, name_ + ": EPUB entry " + entry + " (" + what + ") would unpack to " + std::to_string(st.size >> 20) + " MiB, more than the " +
                                        std::to_string(limit >> 20) + " MiB Quire reads from one entry");
        zip_file_t * f = zip_fopen(z_, entry.c_str(), 0);
        if (!f) fail(Status::BAD_INPUT, name_ + ": EPUB entry " + entry + " (" + what + ") cannot be read (damaged or encrypted)");
        std::string out(static_cast<size_t>(st.size), '\0');
        const zip_int64_t n = zip_fread(f, out.data(), st.size);
        zip_fclose(f);
        if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail(Status::BAD_INPUT, name_ + ": EPUB entry " + entry + " (" + what + ") is damaged");
        return out;
    }
    XmlDoc xml(const std::string & entry, const std::string & what) const {
        XmlDoc d = xml_parse(read(entry, what, kMaxXmlEntry), entry);
        if (!d) fail(Status::BAD_INPUT, name_ + ": EPUB entry " + entry + " (" + what + ") is not well-formed XML");
        return d;
    }

private:
    std::string name_;
    zip_t * z_ = nullptr;
};

// The outline: EPUB 3 navigation document, else the EPUB 2 NCX. `add(title, href, level)`.
using AddEntry = std::function<void(const std::string &, const std::string &, int)>;

void nav_outline(const Zip & zip, const std::string & nav_href, const AddEntry & add) {
    const std::string nav_base = folder_of(nav_href);
    XmlDoc nav = zip.xml(nav_href, "the navigation document");
    bool done = false;
    // Links inside the <nav epub:type="toc">; depth counted in nested lists.
    std::function<void(xmlNode *, int, int)> visit = [&](xmlNode * n, int depth, int nesting) {
        if (nesting > 64) return; // deeper than any table of contents: a crafted file
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string name = xml_name(n);
            if (name == "a") add(xml_text(n), resolve(nav_base, xml_attr(n, "href")), std::max(depth - 1, 0));
            visit(n->children, depth + (name == "ol" || name == "ul"), nesting + 1);
        }
    };
    xml_walk(xmlDocGetRootElement(nav.get()), [&](xmlNode * n) {
        const std::string type = xml_attr(n, "type");
        if (!done && xml_name(n) == "nav" && type != "landmarks" && type != "page-list") {
            visit(n->children, 0, 0);
            done = true;
        }
    });
}

void ncx_outline(const Zip & zip, const std::string & ncx_href, const AddEntry & add) {
    const std::string ncx_base = folder_of(ncx_href);
    XmlDoc ncx = zip.xml(ncx_href, "the NCX table of contents");
    std::function<void(xmlNode *, int, int)> visit = [&](xmlNode * n, int depth, int nesting) {
        if (nesting > 64) return;
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (xml_name(n) != "navPoint") {
                visit(n->children, depth, nesting + 1);
                continue;
            }
            std::string title, src;
            for (xmlNode * c = n->children; c; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                if (xml_name(c) == "navLabel") title = xml_text(c);
                if (xml_name(c) == "content") src = xml_attr(c, "src");
            }
            add(title, resolve(ncx_base, src), depth);
            visit(n->children, depth + 1, nesting + 1);
        }
    };
    visit(xmlDocGetRootElement(ncx.get()), 0, 0);
}

std::unique_ptr<DocumentSource> epub_read(const Zip & zip) {
    const std::string & path = zip.name();
    if (zip.has("META-INF/encryption.xml"))
        fail(Status::UNSUPPORTED, path + " is a DRM-protected (encrypted) EPUB, which Quire cannot read");
    // container.xml -> the package document.
    std::string opf_path;
    {
        XmlDoc c = zip.xml("META-INF/container.xml", "the container file");
        xml_walk(xmlDocGetRootElement(c.get()), [&](xmlNode * n) {
            if (opf_path.empty() && xml_name(n) == "rootfile") opf_path = xml_attr(n, "full-path");
        });
    }
    if (opf_path.empty()) fail(Status::BAD_INPUT, path + ": the EPUB's META-INF/container.xml names no package document (rootfile)");
    const std::string base = folder_of(opf_path);
    XmlDoc opf = zip.xml(opf_path, "the package document");
    DocumentInfo info;
    info.format = "epub";
    std::map<std::string, std::string> manifest; // id -> resolved href
    std::vector<std::string> spine;
    std::string nav_href, ncx_id;
    xml_walk(xmlDocGetRootElement(opf.get()), [&](xmlNode * n) {
        const std::string name = xml_name(n);
        if (name == "title" && info.title.empty()) info.title = xml_text(n);
        else if (name == "creator" && info.author.empty()) info.author = xml_text(n);
        else if (name == "item") {
            manifest[xml_attr(n, "id")] = resolve(base, xml_attr(n, "href"));
            if (xml_attr(n, "properties").find("nav") != std::string::npos) nav_href = resolve(base, xml_attr(n, "href"));
        } else if (name == "spine") ncx_id = xml_attr(n, "toc");
        else if (name == "itemref" && xml_attr(n, "linear") != "no") spine.push_back(xml_attr(n, "idref"));
    });
    if (spine.empty()) fail(Status::BAD_INPUT, path + ": the EPUB's package document " + opf_path + " has an empty spine (no chapters)");

    std::vector<Page> pages;
    std::map<std::string, int> page_of; // resolved href -> section
    uint64_t text_bytes = 0;
    for (const auto & id : spine) {
        const auto it = manifest.find(id);
        if (it == manifest.end()) fail(Status::BAD_INPUT, path + ": the EPUB's spine names '" + id + "', which its manifest (" + opf_path + ") lacks");
        const std::string & href = it->second;
        if (page_of.count(href)) continue; // a chapter listed twice is read once
        ChapterText ch = html_chapter_text(zip.read(href, "a chapter named in the spine", kMaxChapter), href);
        if (ch.text.empty()) continue;
        text_bytes += ch.text.size();
        if (text_bytes > kMaxText) fail(Status::BAD_INPUT, path + ": the EPUB holds more than 1 GiB of text, more than Quire reads from one document");
        Page pg;
        pg.text = std::move(ch.text);
        pg.text += '\n';
        pg.title = std::move(ch.heading);
        pg.styles = std::move(ch.styles);
        page_of[href] = static_cast<int>(pages.size());
        pages.push_back(std::move(pg));
    }
    if (pages.empty()) fail(Status::BAD_INPUT, path + ": the EPUB's chapters hold no text");

    std::vector<OutlineItem> outline;
    std::vector<bool> titled(pages.size(), false); // a section's first outline entry names it
    const AddEntry add = [&](const std::string & title, const std::string & href, int level) {
        if (outline.size() >= 100000) return;
        const auto it = page_of.find(href);
        const int page = it == page_of.end() ? -1 : it->second;
        outline.push_back({title, level, page});
        if (page >= 0 && !titled[static_cast<size_t>(page)] && !title.empty()) {
            pages[static_cast<size_t>(page)].title = title;
            titled[static_cast<size_t>(page)] = true;
        }
    };
    if (!nav_href.empty() && zip.has(nav_href)) nav_outline(zip, nav_href, add);
    else if (const auto it = manifest.find(ncx_id); it != manifest.end() && zip.has(it->second)) ncx_outline(zip, it->second, add);
    return std::make_unique<MemorySource>(std::move(info), std::move(pages), std::move(outline));
}

} // namespace

std::unique_ptr<DocumentSource> epub_open(const std::string & path) {
    xmlInitParser();
    const Zip zip(path, nullptr);
    return epub_read(zip);
}

std::unique_ptr<DocumentSource> epub_open_bytes(const std::string & bytes, const std::string & name) {
    xmlInitParser();
    const Zip zip(name, &bytes);
    return epub_read(zip);
}

} // namespace quire

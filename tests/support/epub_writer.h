// EPUBs (ZIP archives) written by the tests and the EPUB fuzzer through libzip, entries stored or
// deflated, in a file or in memory.
#pragma once

#include <cstdio>
#include <list>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>
#include <zip.h>

namespace quire::test {

using EpubEntries = std::vector<std::pair<std::string, std::string>>; // name, bytes

// The ZIP's bytes; `path` empty: in memory only, else also written there.
inline std::string write_zip(const EpubEntries & entries, const std::string & path = {}, bool deflate = false) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t * mem = zip_source_buffer_create(nullptr, 0, 0, &err);
    if (!mem) throw std::runtime_error("zip_source_buffer_create");
    zip_source_keep(mem);
    zip_t * z = zip_open_from_source(mem, ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("zip_open_from_source");
    for (const auto & [name, bytes] : entries) {
        zip_source_t * s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        const zip_int64_t i = zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (i < 0) throw std::runtime_error("zip_file_add " + name);
        zip_set_file_compression(z, static_cast<zip_uint64_t>(i), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 1 : 0);
    }
    if (zip_close(z) != 0) throw std::runtime_error("zip_close");
    std::string out;
    if (zip_source_open(mem) == 0) {
        zip_source_seek(mem, 0, SEEK_END);
        out.resize(static_cast<size_t>(zip_source_tell(mem)));
        zip_source_seek(mem, 0, SEEK_SET);
        zip_source_read(mem, out.data(), out.size());
        zip_source_close(mem);
    }
    zip_source_free(mem);
    zip_error_fini(&err);
    if (!path.empty()) {
        FILE * f = std::fopen(path.c_str(), "wb");
        if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size()) throw std::runtime_error("cannot write " + path);
        std::fclose(f);
    }
    return out;
}

// A minimal EPUB 3: container, package document (title, creator, manifest, spine), navigation
// document, and the given chapters ("c1.xhtml" ...). Parts may be replaced before writing.
struct EpubParts {
    std::string container = R"(<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">)"
                            R"(<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>)";
    std::string title = "The Lighthouse";
    std::string opf_prolog;                 // before <package> (a DOCTYPE, for instance)
    std::vector<std::string> chapters = {"<html><body><h1>One</h1><p>The keeper lit the lamp.</p></body></html>"};
    std::string nav = R"(<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>)"
                      R"(<li><a href="c1.xhtml">Chapter One</a></li></ol></nav></body></html>)";

    std::string opf() const {
        std::string m, s;
        for (size_t i = 0; i < chapters.size(); ++i) {
            const std::string id = "c" + std::to_string(i + 1);
            m += "<item id=\"" + id + "\" href=\"" + id + ".xhtml\" media-type=\"application/xhtml+xml\"/>";
            s += "<itemref idref=\"" + id + "\"/>";
        }
        return "<?xml version=\"1.0\"?>" + opf_prolog +
               "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title +
               "</dc:title><dc:creator>A. Keeper</dc:creator></metadata><manifest><item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" "
               "properties=\"nav\"/>" + m + "</manifest><spine>" + s + "</spine></package>";
    }
    EpubEntries entries() const {
        EpubEntries e = {{"mimetype", "application/epub+zip"}, {"META-INF/container.xml", container}, {"OEBPS/content.opf", opf()}, {"OEBPS/nav.xhtml", nav}};
        for (size_t i = 0; i < chapters.size(); ++i) e.push_back({"OEBPS/c" + std::to_string(i + 1) + ".xhtml", chapters[i]});
        return e;
    }
};

} // namespace quire::test

// libFuzzer target for the EPUB reader and its XML/HTML parsing: the input is cut at "\n--8<--\n"
// into the container, the package document, the navigation document, the NCX and chapters,
// stored in a ZIP (tests/support/epub_writer.h) and opened as an EPUB. Any input must open or raise
// quire::Error, never crash, hang or grow past the run's memory limit (entity expansion, deep
// nesting, huge text). Built and run by tests/fuzz/run-fuzz.sh epub.
#include "core/error.h"
#include "document/epub_source.h"
#include "epub_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size) {
    const std::string in(reinterpret_cast<const char *>(data), size), cut = "\n--8<--\n";
    std::vector<std::string> parts;
    for (size_t at = 0;;) {
        const size_t next = in.find(cut, at);
        parts.push_back(in.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) break;
        at = next + cut.size();
    }
    static const char * names[] = {"META-INF/container.xml", "OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/toc.ncx"};
    quire::test::EpubEntries entries = {{"mimetype", "application/epub+zip"}};
    for (size_t i = 0; i < parts.size(); ++i)
        entries.push_back({i < 4 ? names[i] : "OEBPS/c" + std::to_string(i - 3) + ".xhtml", parts[i]});
    try {
        const auto doc = quire::epub_open_bytes(quire::test::write_zip(entries), "fuzz.epub");
        size_t bytes = doc->info().title.size();
        for (int p = 0; p < doc->info().pages; ++p) bytes += doc->page(p).text.size();
        for (const auto & o : doc->outline()) bytes += o.title.size();
        // Nothing is expanded: the text is bounded by the input (plus a separator per page).
        if (bytes > 4 * size + 64 * static_cast<size_t>(doc->info().pages) + 4096) __builtin_trap();
    } catch (const quire::Error &) {
    }
    return 0;
}

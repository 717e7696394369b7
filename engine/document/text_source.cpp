// Plain text and Markdown as documents: sections are pages. Markdown's ATX headings ("# Title")
// start sections and make the outline; plain text is cut into sections of about kSectionBytes
// at paragraph breaks, so that passages name a place in a long book.
#include "document/text_source.h"

#include "core/error.h"
#include "document/memory_source.h"
#include "document/text_decode.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace quire {

namespace {

constexpr size_t kSectionBytes = 6000;


// "## Title" -> level 1, "Title"; -1 for other lines.
int heading(const std::string & line, std::string & title) {
    size_t n = 0;
    while (n < line.size() && line[n] == '#') ++n;
    if (n == 0 || n > 6 || n >= line.size() || line[n] != ' ') return -1;
    title = line.substr(n + 1);
    while (!title.empty() && (title.back() == '#' || title.back() == ' ')) title.pop_back();
    return static_cast<int>(n) - 1;
}

} // namespace

std::unique_ptr<DocumentSource> text_open(const std::string & path, bool markdown) {
    std::ifstream f(path, std::ios::binary);
    if (!f) fail(Status::IO, "cannot open " + path);
    std::stringstream ss;
    ss << f.rdbuf();
    const DecodedText d = decode_text(ss.str());
    if (d.utf8.find_first_not_of(" \t\n") == std::string::npos) fail(Status::BAD_INPUT, path + " is empty");
    DocumentInfo info;
    info.format = markdown ? "markdown" : "text";
    info.title = std::filesystem::path(path).stem().string();
    std::vector<Page> pages;
    std::vector<OutlineItem> outline;
    Page cur;
    auto flush = [&] {
        if (cur.text.find_first_not_of(" \t\n") != std::string::npos) pages.push_back(std::move(cur));
        cur = Page{};
    };
    std::istringstream lines(d.utf8);
    std::string line;
    while (std::getline(lines, line)) {
        std::string title;
        const int level = markdown ? heading(line, title) : -1;
        if (level >= 0) {
            flush();
            cur.title = title;
            outline.push_back({title, level, static_cast<int>(pages.size())});
            if (info.title.empty() || (level == 0 && outline.size() == 1)) info.title = title;
        } else if (!markdown && line.empty() && cur.text.size() >= kSectionBytes) {
            flush();
            continue;
        }
        cur.text += line;
        cur.text += '\n';
    }
    flush();
    return std::make_unique<MemorySource>(std::move(info), std::move(pages), std::move(outline));
}

} // namespace quire

// Plain text and Markdown as documents: sections are pages. Markdown's ATX headings ("# Title")
// start sections and make the outline; plain text is cut into sections of about kSectionBytes
// at paragraph breaks, so that passages name a place in a long book. Whitespace is tidied line by
// line (tidy_line) and blank lines collapse to one.
#include "document/text_source.h"

#include "core/error.h"
#include "core/mapped_file.h"
#include "document/memory_source.h"
#include "document/text_decode.h"

#include <filesystem>
#include <algorithm>
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

// Whitespace the model should not pay tokens for: trailing blanks go, runs of spaces and tabs
// after the indentation become one space (indentation stays: it is structure in Markdown and
// code), control characters go. The text the passages point into is this tidied text.
std::string tidy_line(const std::string & line) {
    std::string out;
    out.reserve(line.size());
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) out += line[i++];
    bool gap = false;
    for (; i < line.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if (c == ' ' || c == '\t') {
            gap = true;
            continue;
        }
        if (c < 0x20 || c == 0x7f) continue;
        if (gap) out += ' ';
        gap = false;
        out += static_cast<char>(c);
    }
    return out;
}

} // namespace

std::unique_ptr<DocumentSource> text_open(const std::string & path, bool markdown) {
    const DecodedText d = decode_text(read_file(path), path);
    if (d.utf8.find_first_not_of(" \t\n\v\f") == std::string::npos) fail(Status::BAD_INPUT, path + " is empty (no text)");
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
    bool prev_blank = true; // no blank lines at the start of a section either
    while (std::getline(lines, line)) {
        line = tidy_line(line);
        const bool blank = line.find_first_not_of(" \t") == std::string::npos;
        if (blank) line.clear();
        if (blank && prev_blank) continue; // one blank line at most between paragraphs
        prev_blank = blank;
        std::string title;
        const int level = markdown ? heading(line, title) : -1;
        if (level >= 0) {
            flush();
            cur.title = title;
            outline.push_back({title, level, static_cast<int>(pages.size())});
            if (info.title.empty() || (level == 0 && outline.size() == 1)) info.title = title;
        } else if (!markdown && line.empty() && cur.text.size() >= kSectionBytes) {
            flush();
            prev_blank = true;
            continue;
        }
        cur.text += line;
        cur.text += '\n';
    }
    flush();
    if (pages.empty()) fail(Status::BAD_INPUT, path + " is empty (no text)");
    return std::make_unique<MemorySource>(std::move(info), std::move(pages), std::move(outline));
}

} // namespace quire

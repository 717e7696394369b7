// quire-cli text: a document's extracted text per page, with word positions (--json), for
// checking what ingest will read.
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "quire.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace quire::cli {

namespace {
const char * kHelp = R"(usage: quire-cli text --doc FILE [--password P] [--json] [--pages A-B]
Prints the text Quire extracts from a PDF, Markdown or plain text file, page by page (sections
for text formats). --json adds metadata, the outline and each word's box in page coordinates
(PDF points, origin top left) as [start byte, length, x0, y0, x1, y1].
)";

// "3" or "2-5", 1-based inclusive, clamped to the document.
std::pair<int, int> page_range(const std::string & s, int n) {
    try {
        const size_t dash = s.find('-');
        const int a = std::stoi(s.substr(0, dash)), b = dash == std::string::npos ? a : std::stoi(s.substr(dash + 1));
        if (a < 1 || b < a) throw std::invalid_argument(s);
        return {a - 1, std::min(b, n) - 1};
    } catch (const std::exception &) {
        throw UsageError{"--pages: expected N or A-B, got '" + s + "'"};
    }
}
} // namespace

int cmd_text(const std::vector<std::string> & argv) {
    const Args a(argv, {"--doc", "--password", "--pages"}, {"--json", "--help"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    const auto doc = document_open(a.require("--doc"), a.get("--password").value_or(""));
    const DocumentInfo & info = doc->info();
    const auto [first, last] = a.has("--pages") ? page_range(*a.get("--pages"), info.pages) : std::pair<int, int>{0, info.pages - 1};
    if (!a.has("--json")) {
        std::vector<Page> pages;
        bool any = false;
        for (int i = first; i <= last; ++i) {
            pages.push_back(doc->page(i));
            any = any || pages.back().text.find_first_not_of(" \t\r\n") != std::string::npos;
        }
        if (!any && first == 0 && last == info.pages - 1) fail_no_text(a.require("--doc"), info.format); // as ingest says
        for (int i = first; i <= last; ++i) {
            const Page & p = pages[static_cast<size_t>(i - first)];
            std::printf("=== page %d%s%s ===\n%s\n", i + 1, p.title.empty() ? "" : ": ", p.title.c_str(), p.text.c_str());
        }
        return 0;
    }
    nlohmann::ordered_json j;
    j["format"] = info.format;
    j["title"] = info.title;
    j["author"] = info.author;
    j["pages"] = info.pages;
    j["outline"] = nlohmann::json::array();
    for (const auto & o : doc->outline()) j["outline"].push_back({{"title", o.title}, {"level", o.level}, {"page", o.page >= 0 ? o.page + 1 : -1}});
    j["page_list"] = nlohmann::json::array();
    for (int i = first; i <= last; ++i) {
        const Page p = doc->page(i);
        nlohmann::ordered_json pj;
        pj["page"] = i + 1;
        if (!p.title.empty()) pj["title"] = p.title;
        pj["width"] = p.width;
        pj["height"] = p.height;
        pj["text"] = p.text;
        nlohmann::json words = nlohmann::json::array();
        for (const Word & w : p.words) words.push_back({w.start, w.len, w.box.x0, w.box.y0, w.box.x1, w.box.y1});
        pj["words"] = words;
        j["page_list"].push_back(pj);
    }
    std::printf("%s\n", j.dump(1).c_str());
    return 0;
}

} // namespace quire::cli

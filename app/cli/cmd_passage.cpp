// quire-cli passage: the passage a memory block covers (pages, excerpt, word boxes) as JSON,
// from the block store alone (no model needed).
#include "cli/cli_args.h"
#include "cli/commands.h"
#include "quire.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace quire::cli {

namespace {
const char * kHelp = R"(usage: quire-cli passage --store S --block ID [--layer L]
Prints, as JSON, the passage memory block ID (0-based) of an ingested document covers: its token
range, pages (1-based), the excerpt, and the boxes of its words on their pages (PDF points,
origin top left). Every layer cuts the same blocks, so --layer only checks its range.
)";
} // namespace

int cmd_passage(const std::vector<std::string> & argv) {
    const Args a(argv, {"--store", "--block", "--layer"}, {"--help"});
    if (a.has("--help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    const std::string store = a.require("--store");
    const int block = a.get_int("--block", -1);
    if (!a.has("--block") || block < 0) throw UsageError{"--block needs a block number >= 0"};
    const StoredDocument doc = store_load_map(store);
    const int layer = a.get_int("--layer", 0);
    if (layer < 0 || layer >= doc.state.n_layer)
        throw UsageError{"--layer must be in 0.." + std::to_string(doc.state.n_layer - 1)};
    nlohmann::ordered_json j;
    const Passage p = passage_for_block(doc, block);
    j["store"] = store;
    j["source"] = doc.source;
    j["block"] = block;
    j["layer"] = layer;
    j["tokens"] = {p.token_start, p.token_end};
    j["bytes"] = {p.byte_start, p.byte_end};
    j["pages"] = nlohmann::json::array();
    for (int pg : p.pages) j["pages"].push_back(pg + 1);
    j["excerpt"] = p.excerpt;
    j["boxes"] = nlohmann::json::array();
    for (const auto & b : p.boxes) j["boxes"].push_back({{"page", b.page + 1}, {"x0", b.x0}, {"y0", b.y0}, {"x1", b.x1}, {"y1", b.y1}});
    std::printf("%s\n", j.dump(1).c_str());
    return 0;
}

} // namespace quire::cli

// Block -> passage.
#include "memory/passage.h"

#include "core/error.h"

#include <algorithm>
#include <filesystem>

namespace quire {

Passage passage_for_tokens(const StoredDocument & doc, int64_t token_start, int64_t token_end) {
    Passage p;
    p.token_start = token_start;
    p.token_end = token_end;
    const DocumentMap & m = doc.map;
    // Document tokens come after the chat frame's prefix_len tokens, one span each.
    const int64_t first = std::max<int64_t>(token_start - doc.prefix_len, 0);
    const int64_t last = std::min<int64_t>(token_end - doc.prefix_len, static_cast<int64_t>(doc.spans.size()));
    if (first >= last || m.text.empty()) return p;
    p.byte_start = doc.spans[static_cast<size_t>(first)].start;
    p.byte_end = p.byte_start;
    for (int64_t i = first; i < last; ++i) {
        const SourceSpan & s = doc.spans[static_cast<size_t>(i)];
        p.byte_start = std::min(p.byte_start, s.start);
        p.byte_end = std::max(p.byte_end, s.start + s.len);
    }
    p.byte_end = std::min<int64_t>(p.byte_end, static_cast<int64_t>(m.text.size()));
    p.excerpt = m.text.substr(static_cast<size_t>(p.byte_start), static_cast<size_t>(p.byte_end - p.byte_start));
    // Pages: the one holding the first byte through the one holding the last.
    auto page_of = [&](int64_t byte) {
        const auto it = std::upper_bound(m.page_starts.begin(), m.page_starts.end(), byte);
        return static_cast<int>(std::max<std::ptrdiff_t>(it - m.page_starts.begin() - 1, 0));
    };
    for (int pg = page_of(p.byte_start); pg <= page_of(std::max(p.byte_end - 1, p.byte_start)); ++pg) p.pages.push_back(pg);
    // Words that overlap the byte range (words are in text order).
    auto it = std::lower_bound(m.words.begin(), m.words.end(), p.byte_start, [](const MappedWord & w, int64_t b) { return w.start + w.len <= b; });
    for (; it != m.words.end() && it->start < p.byte_end; ++it) p.boxes.push_back({it->page, it->x0, it->y0, it->x1, it->y1});
    return p;
}

std::string document_title(const StoredDocument & doc) {
    if (!doc.map.title.empty()) return doc.map.title;
    const std::string name = std::filesystem::path(doc.source).filename().string();
    return name.empty() ? "document" : name;
}

Passage passage_for_block(const StoredDocument & doc, int block) {
    if (doc.map.empty()) fail(Status::BAD_INPUT, "this block store has no document map (ingested from token ids)");
    const auto & blocks = doc.state.blocks;
    if (block < 0 || static_cast<size_t>(block) >= blocks.size())
        fail(Status::BAD_INPUT, "no block " + std::to_string(block) + " (the store has " + std::to_string(blocks.size()) + ")");
    const MemoryBlock & b = blocks[static_cast<size_t>(block)];
    return passage_for_tokens(doc, b.start, b.start + b.len);
}

} // namespace quire

// Token byte spans from cumulative decoded lengths.
#include "tokenizer/token_spans.h"

namespace quire {

std::vector<SourceSpan> token_spans(const Tokenizer & tok, const std::vector<int> & ids) {
    std::vector<SourceSpan> spans;
    spans.reserve(ids.size());
    // The decoded text may be shorter than the sum of token bytes by the dummy-prefix space.
    int64_t total = 0;
    for (int id : ids) total += static_cast<int64_t>(tok.token_bytes(id).size());
    int64_t pos = static_cast<int64_t>(tok.decode(ids).size()) - total; // 0, or -1 for a dummy prefix
    for (int id : ids) {
        const int64_t n = static_cast<int64_t>(tok.is_control(id) ? 0 : tok.token_bytes(id).size());
        const int64_t start = std::max<int64_t>(pos, 0);
        spans.push_back({start, std::max<int64_t>(pos + n, 0) - start});
        pos += n;
    }
    return spans;
}

} // namespace quire

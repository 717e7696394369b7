// The chips' evidence of an answer: the passages it re-read or the blocks its lookup selected
// most, as pages and sections of the document (or, on a shelf, of each passage's document).
#include "services/engine_worker.h"

#include <algorithm>
#include <map>

namespace quire::app {

namespace {

// Pages, section and excerpt of a passage; false when it holds no text of the document.
bool describe_passage(const Passage & p, const DocumentMap & map, Evidence & e) {
    for (int pg : p.pages) e.pages << pg + 1;
    if (!p.pages.empty())
        if (const MappedOutline * s = map.section_of(p.pages.front())) e.section = QString::fromStdString(s->title).simplified();
    e.excerpt = QString::fromStdString(p.excerpt).simplified();
    if (e.excerpt.size() > 320) e.excerpt = e.excerpt.left(317) + "...";
    return !e.pages.isEmpty();
}

} // namespace

QList<Evidence> reread_evidence(const std::vector<TokenSpan> & spans, const StoredDocument & doc, int n) {
    std::vector<TokenSpan> ranked = spans;
    std::stable_sort(ranked.begin(), ranked.end(), [](const TokenSpan & a, const TokenSpan & b) { return a.rank < b.rank; });
    QList<Evidence> out;
    for (const TokenSpan & s : ranked) {
        if (static_cast<int>(out.size()) >= n) break;
        Evidence e;
        e.token_start = s.begin, e.token_end = s.end;
        if (!doc.map.empty()) {
            try {
                if (!describe_passage(passage_for_tokens(doc, s.begin, s.end), doc.map, e)) continue;
            } catch (const Error &) {
                continue;
            }
        }
        out << e;
    }
    return out;
}

namespace {

struct Tally {
    int count = 0;
    double sum = 0;
};

// Blocks by selections over layers and steps, then by mean score.
std::vector<std::pair<int, Tally>> most_selected(const std::vector<RetrievalFramePtr> & frames) {
    std::map<int, Tally> t;
    for (const auto & f : frames)
        for (int l = 0; l < f->n_layers; ++l)
            for (int b : f->selected[static_cast<size_t>(l)]) {
                Tally & x = t[b];
                ++x.count;
                x.sum += f->score(2, l, b);
            }
    std::vector<std::pair<int, Tally>> v(t.begin(), t.end());
    std::sort(v.begin(), v.end(), [](const auto & a, const auto & b) {
        if (a.second.count != b.second.count) return a.second.count > b.second.count;
        return a.second.sum / a.second.count > b.second.sum / b.second.count;
    });
    return v;
}

} // namespace

QList<Evidence> answer_evidence(const std::vector<RetrievalFramePtr> & frames, const StoredDocument & doc, int n) {
    QList<Evidence> out;
    for (const auto & [block, tally] : most_selected(frames)) {
        if (static_cast<int>(out.size()) >= n) break;
        Evidence e;
        e.block = block;
        e.selections = tally.count;
        e.score = tally.sum / tally.count;
        if (!doc.map.empty()) {
            try {
                if (!describe_passage(passage_for_block(doc, block), doc.map, e)) continue;
            } catch (const Error &) {
                continue; // a block of the question or the answer: no passage of the document
            }
        }
        out << e;
    }
    return out;
}

bool ShelfView::locate_block(int block, int & doc, qint64 & token_start, qint64 & token_end) const {
    if (!memory || block < 0 || block >= memory->state.n_blocks()) return false;
    const MemoryBlock & b = memory->state.blocks[static_cast<size_t>(block)];
    doc = memory->document_of(b.start);
    if (doc < 0 || static_cast<size_t>(doc) >= docs.size()) return false;
    const int64_t end = std::min<int64_t>(b.start + b.len, memory->starts[static_cast<size_t>(doc) + 1]);
    token_start = memory->position_in(doc, b.start), token_end = memory->position_in(doc, end);
    return true;
}

QList<Evidence> shelf_evidence(const std::vector<TokenSpan> & spans, const std::vector<RetrievalFramePtr> & frames, const ShelfView & shelf, int n) {
    // Each passage as a span of its own document, best first.
    struct Found {
        int doc;
        TokenSpan span;
        const Tally * tally;
    };
    std::vector<Found> found;
    std::vector<TokenSpan> ranked = spans;
    std::stable_sort(ranked.begin(), ranked.end(), [](const TokenSpan & a, const TokenSpan & b) { return a.rank < b.rank; });
    for (const TokenSpan & s : ranked) {
        const int d = shelf.memory->document_of(s.begin);
        if (d >= 0) found.push_back({d, {shelf.memory->position_in(d, s.begin), shelf.memory->position_in(d, s.end), s.rank}, nullptr});
    }
    const auto blocks = spans.empty() ? most_selected(frames) : std::vector<std::pair<int, Tally>>{};
    for (const auto & [block, tally] : blocks) {
        int d = -1;
        qint64 b = 0, e = 0;
        if (shelf.locate_block(block, d, b, e)) found.push_back({d, {b, e, 0}, &tally});
    }
    QList<Evidence> out;
    for (const Found & f : found) {
        if (static_cast<int>(out.size()) >= n) break;
        const StoredDocument & doc = *shelf.docs[static_cast<size_t>(f.doc)];
        QList<Evidence> one = reread_evidence({f.span}, doc, 1);
        if (one.isEmpty()) continue;
        Evidence & e = one.front();
        e.doc_id = shelf.ids.value(f.doc);
        e.document = QString::fromStdString(document_title(doc));
        if (f.tally) e.selections = f.tally->count, e.score = f.tally->sum / f.tally->count;
        out << e;
    }
    return out;
}

} // namespace quire::app

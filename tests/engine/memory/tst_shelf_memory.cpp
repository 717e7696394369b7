// A shelf (memory/shelf_memory.h) and a question to it (reader.h, shelf_ask), with stories260K:
// the union holds every text position of every document in a block, with that position's own
// key and value rows (found here by a plain search of the reading: sinks, blocks, window) and
// its own token; the documents' blocks are shared, not copied; a document shorter than a block
// is one short block whose padding repeats its rows; the lookup of a shelf question scores the
// blocks of every book; the passage re-read first for a question whose words are in one book
// comes from that book, whichever place it has on the shelf, under its title; settings that
// cannot share one lookup are refused.
#include "core/error.h"
#include "memory/shelf_memory.h"
#include "reading/evidence.h"
#include "reading/reader.h"
#include "test_env.h"

#include <QtTest>

#include <algorithm>
#include <cstring>

using namespace quire;

namespace {

MemoryConfig small_config(int block_size = 16) {
    MemoryConfig cfg = memory_preset("512");
    cfg.n_init = 16, cfg.n_local = 64, cfg.block_size = block_size, cfg.topk = 3, cfg.exc_block_size = 32;
    return cfg;
}

std::string sentences(int n, int special_at, const std::string & usual, const std::string & special) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i == special_at ? special : usual;
    return s;
}

IngestResult read_text(const Model & m, const std::string & text, const MemoryConfig & cfg = small_config()) {
    return memory_ingest(m, m.tok().encode(text), cfg);
}

// Position p's key (or value) row in layer l of a reading, found the plain way.
const float * plain_row(const MemoryState & s, size_t l, int64_t p, bool value = false) {
    const size_t kvd = static_cast<size_t>(s.kv_dim());
    const LayerMemory & L = s.layers[l];
    if (p < s.n_sink) return (value ? L.sink_v : L.sink_k).data() + static_cast<size_t>(p) * kvd;
    if (p >= s.win_start) return (value ? L.win_v : L.win_k).data() + static_cast<size_t>(p - s.win_start) * kvd;
    for (size_t b = 0; b < s.blocks.size(); ++b)
        if (p >= s.blocks[b].start && p < s.blocks[b].start + s.blocks[b].len) return (value ? L.blk_v : L.blk_k)[b] + static_cast<size_t>(p - s.blocks[b].start) * kvd;
    return nullptr;
}

std::string decode(const Model & m, const std::vector<int> & ids, int64_t b, int64_t e) {
    return m.tok().decode(std::vector<int>(ids.begin() + b, ids.begin() + e));
}

} // namespace

class TstShelfMemory : public QObject {
    Q_OBJECT
private slots:
    void unionHoldsEveryPositionWithItsOwnRows() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        const IngestResult a = read_text(m, sentences(40, 30, "Tom went to the park and played with a red ball. ", "Lily had a blue kite called Zip. "));
        const IngestResult b = read_text(m, sentences(25, 5, "Sue ate a big cake at home. ", "Ben had a green boat called Splash. "));
        const IngestResult c = read_text(m, "The cat sat."); // shorter than a block
        QVERIFY(a.state.n_blocks() > 0 && b.state.n_blocks() > 0 && c.state.n_blocks() == 0);
        const std::vector<const IngestResult *> docs = {&a, &b, &c};
        const ShelfMemory sh = shelf_memory({{&a.state, a.prefix_len, "A"}, {&b.state, b.prefix_len, "B"}, {&c.state, c.prefix_len, "C"}});
        const MemoryState & u = sh.state;
        QCOMPARE(sh.documents(), 3);
        QCOMPARE(u.n_win(), 0);
        QCOMPARE(u.n_tokens, static_cast<int64_t>(u.tokens.size()));
        QCOMPARE(sh.starts.front(), static_cast<int64_t>(a.prefix_len));
        QCOMPARE(sh.first_block.back(), u.n_blocks());
        QVERIFY(sh.n_sealed > 0);
        QCOMPARE(sh.document_of(0), -1); // the chat frame
        QCOMPARE(sh.document_of(u.n_tokens), -1);
        const size_t kvd = static_cast<size_t>(u.kv_dim());
        // The shelf's sinks are the first reading's first tokens.
        for (size_t l = 0; l < u.layers.size(); ++l)
            for (int p = 0; p < u.n_sink; ++p)
                QVERIFY(std::memcmp(u.layers[l].sink_k.data() + p * kvd, plain_row(a.state, l, p), kvd * sizeof(float)) == 0);
        for (int d = 0; d < 3; ++d) {
            const MemoryState & s = docs[static_cast<size_t>(d)]->state;
            const int first_block = sh.first_block[static_cast<size_t>(d)], end_block = sh.first_block[static_cast<size_t>(d) + 1];
            QVERIFY(end_block > first_block);
            for (int k = first_block; k < end_block; ++k) QCOMPARE(sh.document_of(u.blocks[static_cast<size_t>(k)].start), d);
            for (int64_t p = docs[static_cast<size_t>(d)]->prefix_len; p < s.n_tokens; ++p) {
                const int64_t at = sh.starts[static_cast<size_t>(d)] + p - docs[static_cast<size_t>(d)]->prefix_len;
                QCOMPARE(sh.document_of(at), d);
                QCOMPARE(sh.position_in(d, at), p);
                QCOMPARE(u.tokens[static_cast<size_t>(at)], s.tokens[static_cast<size_t>(p)]);
                // Some block of this document holds it, with the reading's own rows.
                int holder = -1;
                for (int k = first_block; k < end_block && holder < 0; ++k)
                    if (at >= u.blocks[static_cast<size_t>(k)].start && at < u.blocks[static_cast<size_t>(k)].start + u.blocks[static_cast<size_t>(k)].len) holder = k;
                QVERIFY2(holder >= 0, qPrintable(QString("document %1 position %2 is in no block").arg(d).arg(p)));
                const size_t row = static_cast<size_t>(at - u.blocks[static_cast<size_t>(holder)].start) * kvd;
                for (size_t l : {size_t(0), u.layers.size() - 1}) {
                    QVERIFY(std::memcmp(u.layers[l].blk_k[static_cast<size_t>(holder)] + row, plain_row(s, l, p), kvd * sizeof(float)) == 0);
                    QVERIFY(std::memcmp(u.layers[l].blk_v[static_cast<size_t>(holder)] + row, plain_row(s, l, p, true), kvd * sizeof(float)) == 0);
                }
            }
        }
        // The readings' own blocks are shared, not copied.
        for (size_t l = 0; l < u.layers.size(); ++l)
            for (int k = 0; k < a.state.n_blocks(); ++k)
                QVERIFY(std::find(u.layers[l].blk_k.begin(), u.layers[l].blk_k.end(), a.state.layers[l].blk_k[static_cast<size_t>(k)]) != u.layers[l].blk_k.end());
        // The short document: one block as long as its text, its padding its own rows again.
        const int cb = sh.first_block[2];
        QCOMPARE(sh.first_block[3] - cb, 1);
        const MemoryBlock & short_block = u.blocks[static_cast<size_t>(cb)];
        QCOMPARE(static_cast<int64_t>(short_block.len), c.state.n_tokens - c.prefix_len);
        QVERIFY(short_block.len < u.cfg.block_size);
        for (int t = short_block.len; t < u.cfg.block_size; ++t)
            QVERIFY(std::memcmp(u.layers[0].blk_k[static_cast<size_t>(cb)] + static_cast<size_t>(t) * kvd,
                                u.layers[0].blk_k[static_cast<size_t>(cb)] + static_cast<size_t>(t % short_block.len) * kvd, kvd * sizeof(float)) == 0);
    }

    void questionFindsTheBookThatHoldsTheAnswer() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        const IngestResult kite = read_text(m, sentences(60, 45, "Tom went to the park and played with a red ball. ", "Lily had a blue kite called Zip. "));
        const IngestResult boat = read_text(m, sentences(60, 12, "Sue ate a big cake at home. ", "Ben had a green boat called Splash. "));
        const IngestResult cake = read_text(m, sentences(50, -1, "Mom made a cake and a pie for the party. ", ""));
        AskParams ap;
        ap.lookup = {Lookup::kModelBeta, 2};
        ap.gen.n_predict = 4;
        ap.gen.sampling.temperature = 0;
        ap.evidence_tokens = 64;
        for (bool boat_first : {false, true}) {
            std::vector<ShelfInput> in = {{&kite.state, kite.prefix_len, "The kite"}, {&boat.state, boat.prefix_len, "The boat"}, {&cake.state, cake.prefix_len, "The cake"}};
            if (boat_first) std::swap(in[0], in[1]);
            const int boat_doc = boat_first ? 0 : 1;
            const ShelfMemory sh = shelf_memory(in);
            std::vector<RetrievalStep> steps;
            const AskResult r = shelf_ask(m, sh, "What was Ben's boat called?", ap, {}, [&](const RetrievalStep & s) { steps.push_back(s); });
            QVERIFY(!r.evidence.empty());
            // Every passage lies in one document's text; the best ranked is the boat's sentence.
            const TokenSpan * best = nullptr;
            for (const TokenSpan & sp : r.evidence) {
                const int d = sh.document_of(sp.begin);
                QVERIFY(d >= 0);
                QCOMPARE(sh.document_of(sp.end - 1), d);
                if (!best || sp.rank < best->rank) best = &sp;
            }
            QCOMPARE(sh.document_of(best->begin), boat_doc);
            QVERIFY2(decode(m, sh.state.tokens, best->begin, best->end).find("boat") != std::string::npos, decode(m, sh.state.tokens, best->begin, best->end).c_str());
            std::string passages;
            for (const TokenSpan & sp : r.evidence) passages += decode(m, sh.state.tokens, sp.begin, sp.end);
            QVERIFY2(passages.find("Splash") != std::string::npos, passages.c_str());
            // The passages were read under their document's title.
            const std::string session = decode(m, r.session_tokens, sh.state.n_tokens, static_cast<int64_t>(r.session_tokens.size()));
            QVERIFY2(session.find("From \"The boat\":") != std::string::npos, session.c_str());
            QVERIFY(session.find("Passages of the documents") != std::string::npos);
            // The question's lookup scored the blocks of every book.
            const auto q = std::find_if(steps.begin(), steps.end(), [](const RetrievalStep & s) { return s.kind == StepKind::QUESTION; });
            QVERIFY(q != steps.end());
            for (const BlockScores & L : q->layers) {
                QCOMPARE(static_cast<int>(L.combined.size()), sh.state.n_blocks());
                for (int b : L.selected) QVERIFY(b >= 0 && b < sh.state.n_blocks());
            }
        }
    }

    void answerFromTheEvidenceAloneAndThePapersWay() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        const IngestResult kite = read_text(m, sentences(60, 45, "Tom went to the park and played with a red ball. ", "Lily had a blue kite called Zip. "));
        const IngestResult boat = read_text(m, sentences(60, 12, "Sue ate a big cake at home. ", "Ben had a green boat called Splash. "));
        const ShelfMemory sh = shelf_memory({{&kite.state, kite.prefix_len, "The kite"}, {&boat.state, boat.prefix_len, "The boat"}});
        AskParams ap;
        ap.lookup = {Lookup::kModelBeta, 2};
        ap.gen.n_predict = 6;
        ap.gen.sampling.temperature = 0;
        const AskResult paper = shelf_ask(m, sh, "What was Lily's kite called?", ap); // no evidence: the memory answers
        QVERIFY(paper.evidence.empty());
        QVERIFY(!paper.tokens.empty() || paper.stop_reason == "eos");
        QVERIFY(static_cast<int64_t>(paper.session_tokens.size()) > sh.state.n_tokens);
        ap.evidence_tokens = 24;
        ap.evidence_alone = true;
        const AskResult alone = shelf_ask(m, sh, "What was Lily's kite called?", ap);
        QVERIFY(alone.answered_from_evidence);
        QVERIFY(!alone.evidence.empty());
        // The shelf is never changed by a question: the same question gives the same passages.
        const AskResult again = shelf_ask(m, sh, "What was Lily's kite called?", ap);
        QCOMPARE(again.evidence.size(), alone.evidence.size());
        QCOMPARE(again.text, alone.text);
        ap.mode = AskMode::DEEP;
        QVERIFY_THROWS_EXCEPTION(Error, shelf_ask(m, sh, "What was Lily's kite called?", ap));
    }

    void readingsThatCannotShareALookupAreRefused() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        const std::string text = sentences(30, -1, "Tom went to the park. ", "");
        const IngestResult a = read_text(m, text), b = read_text(m, text, small_config(32));
        QVERIFY_THROWS_EXCEPTION(Error, shelf_memory({{&a.state, a.prefix_len, "A"}, {&b.state, b.prefix_len, "B"}}));
        QVERIFY_THROWS_EXCEPTION(Error, shelf_memory({}));
        // Two readings of the same settings make one.
        QCOMPARE(shelf_memory({{&a.state, a.prefix_len, "A"}, {&a.state, a.prefix_len, "A again"}}).documents(), 2);
    }

    void spansStayInTheirText() {
        // Texts [10, 42) and [42, 90); block 1 = [26, 42) ends the first text: its span, widened,
        // stops at 42, and block 2's span (the second text, from 42) is not merged with it.
        const std::vector<MemoryBlock> blocks = {{10, 16}, {26, 16}, {42, 16}, {58, 16}, {74, 16}};
        const std::vector<TextRange> texts = {{10, 42}, {42, 90}};
        const auto s = evidence_spans(blocks, {1, 2}, 100, texts);
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE(s[0].begin, int64_t(22));
        QCOMPARE(s[0].end, int64_t(42));
        QCOMPARE(s[1].begin, int64_t(42));
        QCOMPARE(s[1].end, int64_t(66));
        QCOMPARE(s[0].rank, 0);
        QCOMPARE(s[1].rank, 1);
        // One text: the same two blocks make one span.
        QCOMPARE(evidence_spans(blocks, {1, 2}, 100, 10, 90).size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TstShelfMemory)
#include "tst_shelf_memory.moc"

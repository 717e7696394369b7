// Re-reading the evidence (reading/evidence.h): the ranking puts word-match anchors first, then
// the blocks whose combined scores stand out over the layers; the spans widen each block, keep
// to the budget, stay inside the document, merge and come in document order; and memory_ask
// with stories260K re-reads exactly those spans of the document, verbatim, after the question,
// while evidence_tokens = 0 leaves the paper's ask as it was.
#include "reading/evidence.h"
#include "reading/reader.h"
#include "test_env.h"

#include <QtTest>

#include <algorithm>

using namespace quire;

class TstEvidence : public QObject {
    Q_OBJECT
private slots:
    void rankingPutsAnchorsFirstThenScores() {
        RetrievalStep step;
        BlockScores a, b;
        a.combined = {0.0f, 5.0f, 1.0f, 0.0f, 2.0f};
        b.combined = {10.0f, 30.0f, 20.0f, 10.0f, 10.0f}; // another scale: standardised per layer
        b.anchors = {3};
        step.layers = {a, b};
        const auto r = evidence_ranking(step, 5);
        QCOMPARE(r.size(), size_t(5));
        QCOMPARE(r[0], 3); // the anchor
        QCOMPARE(r[1], 1); // best in both layers
        QCOMPARE(r[2], 2);
        std::vector<int> sorted = r;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(sorted, (std::vector<int>{0, 1, 2, 3, 4})); // each block once
    }

    void spansWidenFitMergeAndStayInside() {
        std::vector<MemoryBlock> blocks;
        for (int i = 0; i < 6; ++i) blocks.push_back({10 + 16 * i, 16}); // [10, 106)
        // Block 2 = [42, 58) widened to [38, 66); block 3 = [58, 74) to [54, 82): merged [38, 82).
        auto s = evidence_spans(blocks, {3, 2, 0}, 44, 10, 106);
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(s[0].begin, int64_t(38));
        QCOMPARE(s[0].end, int64_t(82));
        // With room for block 0 too: [10, 34) after clipping at the document's start, first.
        s = evidence_spans(blocks, {3, 2, 0}, 80, 10, 106);
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE(s[0].begin, int64_t(10));
        QCOMPARE(s[0].end, int64_t(34));
        QCOMPARE(s[1].begin, int64_t(38));
        // The last block is clipped at the document's end; a budget below one block cuts the best.
        s = evidence_spans(blocks, {5}, 100, 10, 106);
        QCOMPARE(s[0].end, int64_t(106));
        s = evidence_spans(blocks, {4, 1}, 5, 10, 106);
        QCOMPARE(s.size(), size_t(1));
        QCOMPARE(s[0].end - s[0].begin, int64_t(5));
        QVERIFY(evidence_spans(blocks, {}, 100, 10, 106).empty());
    }

    void askReReadsTheSpansVerbatim() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        std::string story;
        for (int i = 0; i < 120; ++i) story += i == 70 ? "Lily had a blue kite called Zip. " : "Tom went to the park and played with a red ball. ";
        MemoryConfig cfg = memory_preset("512");
        cfg.n_local = 64, cfg.block_size = 16, cfg.topk = 3, cfg.exc_block_size = 32;
        const IngestResult doc = memory_ingest(m, m.tok().encode(story), cfg);
        AskParams ap;
        ap.lookup = {Lookup::kModelBeta, 2};
        ap.gen.n_predict = 4;
        ap.gen.sampling.temperature = 0;
        const AskResult plain = memory_ask(m, doc.state, doc.prefix_len, "What was Lily's kite called?", ap);
        QVERIFY(plain.evidence.empty());
        ap.evidence_tokens = 40;
        const AskResult with = memory_ask(m, doc.state, doc.prefix_len, "What was Lily's kite called?", ap);
        QVERIFY(!with.evidence.empty());
        int64_t total = 0;
        const std::vector<int> & ids = doc.state.tokens;
        const std::vector<int> & s = with.session_tokens;
        for (const auto & sp : with.evidence) {
            QVERIFY(sp.begin >= doc.prefix_len && sp.end <= static_cast<int64_t>(ids.size()) && sp.begin < sp.end);
            total += sp.end - sp.begin;
            // The span's tokens come again after the document and the first question.
            const auto it = std::search(s.begin() + static_cast<std::ptrdiff_t>(ids.size()), s.end(), ids.begin() + sp.begin, ids.begin() + sp.end);
            QVERIFY(it != s.end());
        }
        QVERIFY(total <= 40);
        // The anchored block (it holds "Lily" and "kite") is among them.
        std::string text;
        for (const auto & sp : with.evidence) text += m.tok().decode(std::vector<int>(ids.begin() + sp.begin, ids.begin() + sp.end));
        QVERIFY2(text.find("kite") != std::string::npos, text.c_str());
        QVERIFY(with.session_tokens.size() > plain.session_tokens.size() + static_cast<size_t>(total));
    }
};

QTEST_GUILESS_MAIN(TstEvidence)
#include "tst_evidence.moc"

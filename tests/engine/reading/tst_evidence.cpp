// Re-reading the evidence (reading/evidence.h): the ranking takes the word ranking (BM25 of the
// question's token ids) and the blocks whose combined scores stand out over the layers in turn,
// or the anchors first without a word ranking; the spans widen each block, keep to the budget,
// stay inside the document, merge and come in document order; the budget follows the reading;
// and memory_ask with stories260K re-reads exactly those spans of the document, verbatim, after
// the question, in block memory and in a whole reading, while evidence_tokens = 0 leaves the
// paper's ask as it was; answering from the evidence alone gives what full attention over the
// chat frame, those passages and the question generates (an independent path: generate()).
#include "generate/generator.h"
#include "tokenizer/chat_template.h"
#include "memory/reading_plan.h"
#include "reading/evidence.h"
#include "reading/reader.h"
#include "test_env.h"

#include <QtTest>

#include <algorithm>

using namespace quire;

// A story of 120 sentences, the kite in the 71st, read into a small block memory (windows of 64,
// blocks of 16, top-3).
IngestResult read_kite_story(const Model & m) {
    std::string story;
    for (int i = 0; i < 120; ++i) story += i == 70 ? "Lily had a blue kite called Zip. " : "Tom went to the park and played with a red ball. ";
    MemoryConfig cfg = memory_preset("512");
    cfg.n_local = 64, cfg.block_size = 16, cfg.topk = 3, cfg.exc_block_size = 32;
    return memory_ingest(m, m.tok().encode(story), cfg);
}

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

    void rankingTakesWordsAndAttentionInTurn() {
        RetrievalStep step;
        BlockScores a;
        a.combined = {0.0f, 5.0f, 3.0f, 1.0f, 2.0f}; // attention order 1, 2, 4, 3, 0
        a.anchors = {3};
        step.layers = {a};
        QCOMPARE(evidence_ranking(step, 5, {3, 2}), (std::vector<int>{3, 1, 2, 4, 0}));
        QCOMPARE(evidence_ranking(step, 5, {0}), (std::vector<int>{0, 1, 2, 4, 3}));
        QCOMPARE(evidence_ranking(step, 5, {7, -1}), (std::vector<int>{1, 2, 4, 3, 0})); // not blocks: skipped
    }

    void wordRankingFindsTheBlocksThatNameIt() {
        // Eight blocks of four ids; ids 50 and 51 are the question's rare words, 1 a common one.
        std::vector<int> tokens;
        for (int b = 0; b < 8; ++b) tokens.insert(tokens.end(), {1, 2, 3, 4});
        tokens[5 * 4 + 1] = 50, tokens[5 * 4 + 2] = 51; // block 5 holds both
        tokens[2 * 4 + 3] = 51;                         // block 2 one
        const std::vector<MemoryBlock> blocks = passages_of(0, static_cast<int64_t>(tokens.size()), 4);
        QCOMPARE(blocks.size(), size_t(8));
        QCOMPARE(word_ranking(blocks, tokens, {1, 50, 51}), (std::vector<int>{5, 2})); // blocks with only "1" are not ranked
        QVERIFY(word_ranking(blocks, tokens, {1, 2}).empty());
        QVERIFY(word_ranking({}, tokens, {50}).empty());
    }

    void passagesCoverTheRange() {
        const auto p = passages_of(10, 45, 16);
        QCOMPARE(p.size(), size_t(3));
        QCOMPARE(p[0].start, int64_t(10));
        QCOMPARE(p[1].start, int64_t(26));
        QCOMPARE(p[2].start, int64_t(42));
        QCOMPARE(p[2].len, 3);
        QVERIFY(passages_of(10, 10, 16).empty());
        QVERIFY(passages_of(0, 10, 0).empty());
    }

    void budgetFollowsTheReading() {
        QCOMPARE(evidence_budget(memory_preset("2k"), 50000), 768);
        QCOMPARE(evidence_budget(memory_preset("infllm"), 50000), 2048);
        MemoryConfig whole = memory_preset("2k");
        whole.preset = kWholePreset;
        whole.n_local = 32768;
        QCOMPARE(evidence_budget(whole, 20000), 2048);
        QCOMPARE(evidence_budget(whole, 32768 - kWholeRoom - 500), 500); // what the window has left
        QCOMPARE(evidence_budget(whole, 32768), 0);
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
        QCOMPARE(s[0].rank, 2); // block 0 came third
        QCOMPARE(s[1].rank, 0); // the merged span holds the first
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
        const IngestResult doc = read_kite_story(m);
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
        // Block memory reads the question before the passages (its lookup ranks them) and after.
        const std::vector<int> q = m.tok().encode("What was Lily's kite called?");
        const auto after_doc = s.begin() + static_cast<std::ptrdiff_t>(ids.size());
        const auto first_q = std::search(after_doc, s.end(), q.begin(), q.end());
        QVERIFY(first_q != s.end());
        QVERIFY(std::search(first_q + 1, s.end(), q.begin(), q.end()) != s.end());
    }

    void evidenceAloneAnswersAsFullAttentionOverThePassages() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        const IngestResult doc = read_kite_story(m);
        const std::string question = "What was Lily's kite called?";
        AskParams ap;
        ap.lookup = {Lookup::kModelBeta, 2};
        ap.gen.n_predict = 12;
        ap.gen.sampling.temperature = 0;
        ap.evidence_tokens = 40;
        const AskResult in_memory = memory_ask(m, doc.state, doc.prefix_len, question, ap);
        ap.evidence_alone = true;
        std::vector<RetrievalStep> steps; // what the retrieval panel is given
        const AskResult alone = memory_ask(m, doc.state, doc.prefix_len, question, ap, {}, [&](const RetrievalStep & st) { steps.push_back(st); });
        QVERIFY(!in_memory.answered_from_evidence);
        // The panel gets the lookup that ranked the passages (the question's step, every layer's
        // blocks scored and some selected) and nothing of the answer, which read no memory.
        QVERIFY(!steps.empty());
        QCOMPARE(steps.back().kind, StepKind::QUESTION);
        QCOMPARE(static_cast<int>(steps.back().layers.size()), m.hp.n_layer);
        for (const auto & L : steps.back().layers) QVERIFY(!L.selected.empty());
        for (const auto & st : steps) QVERIFY(st.kind != StepKind::TOKEN);
        QVERIFY(alone.answered_from_evidence);
        // The same ranking chose the same passages.
        QCOMPARE(alone.evidence.size(), in_memory.evidence.size());
        for (size_t i = 0; i < alone.evidence.size(); ++i) {
            QCOMPARE(alone.evidence[i].begin, in_memory.evidence[i].begin);
            QCOMPARE(alone.evidence[i].end, in_memory.evidence[i].end);
        }
        // Full attention over frame, passages, question and request gives the same answer.
        const Tokenizer & tok = m.tok();
        const ChatFrame frame = chat_frame(m.chat, tok);
        const std::vector<int> & ids = doc.state.tokens;
        std::vector<int> prompt = frame.prefix;
        auto add = [&](const std::vector<int> & t) { prompt.insert(prompt.end(), t.begin(), t.end()); };
        add(tok.encode("\n\nPassages of the document about the question below:\n\n"));
        for (size_t i = 0; i < alone.evidence.size(); ++i) {
            if (i) add(tok.encode("\n\n[...]\n\n"));
            add(std::vector<int>(ids.begin() + alone.evidence[i].begin, ids.begin() + alone.evidence[i].end));
        }
        add(tok.encode("\n\nQuestion: ")); // each part encoded on its own, as the engine frames it
        add(tok.encode(question));
        add(tok.encode("\nAnswer briefly, from the document."));
        add(frame.suffix);
        GenerateParams gp = ap.gen;
        const GenerateResult full = generate(m, prompt, gp);
        QCOMPARE(alone.tokens, full.tokens);
        QVERIFY(!alone.tokens.empty());
    }

    void wholeReadingReReadsThePassagesThatNameIt() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        // About 400 tokens (4 passages of 128, so that a word can be rare among them) in the
        // model's 512; the kite in the second passage.
        std::string story;
        for (int i = 0; m.tok().encode(story).size() < 400; ++i) story += i == 10 ? "Lily had a blue kite called Zip. " : "Tom went to the park and played with a red ball. ";
        const IngestResult doc = memory_ingest(m, m.tok().encode(story), memory_preset(kWholePreset));
        QCOMPARE(doc.state.n_blocks(), 0);
        AskParams ap;
        ap.gen.n_predict = 4;
        ap.gen.sampling.temperature = 0;
        ap.evidence_tokens = 24;
        const AskResult a = memory_ask(m, doc.state, doc.prefix_len, "What was Lily's kite called?", ap);
        // One span: the passage that holds the kite, widened a quarter passage back, cut to 24.
        QCOMPARE(a.evidence.size(), size_t(1));
        const TokenSpan sp = a.evidence[0];
        const std::vector<int> & ids = doc.state.tokens;
        QCOMPARE(sp.end - sp.begin, int64_t(24));
        bool at_kite = false;
        for (const MemoryBlock & p : passages_of(doc.prefix_len, static_cast<int64_t>(ids.size()), 128)) {
            const std::string text = m.tok().decode(std::vector<int>(ids.begin() + p.start, ids.begin() + p.start + p.len));
            at_kite = at_kite || (text.find("kite") != std::string::npos && sp.begin == std::max<int64_t>(doc.prefix_len, p.start - p.len / 4));
        }
        QVERIFY(at_kite);
        // Read again, verbatim, after the document; the question once, after the passage.
        const auto after_doc = a.session_tokens.begin() + static_cast<std::ptrdiff_t>(ids.size());
        const auto passage = std::search(after_doc, a.session_tokens.end(), ids.begin() + sp.begin, ids.begin() + sp.end);
        QVERIFY(passage != a.session_tokens.end());
        const std::vector<int> q = m.tok().encode("What was Lily's kite called?");
        const auto first_q = std::search(after_doc, a.session_tokens.end(), q.begin(), q.end());
        QVERIFY(first_q > passage && first_q != a.session_tokens.end());
        QVERIFY(std::search(first_q + 1, a.session_tokens.end(), q.begin(), q.end()) == a.session_tokens.end());
    }
};

QTEST_GUILESS_MAIN(TstEvidence)
#include "tst_evidence.moc"

// Block memory and query-aware lookup on the CPU backend: equals full attention when the window
// holds everything; the question vector steers selection; representatives come from the
// highest local scores; long texts read deterministically with linear memory; asking never
// changes the ingested document; cancelling an ingest stops it; word-match anchors find the
// blocks that hold the question's rare tokens and take their slots in every layer.
#include "core/error.h"
#include "cpu/cpu_model.h"
#include "memory/block_select.h"
#include "memory/lexical_anchors.h"
#include "cpu/memory_model.h"
#include "reading/reader.h"
#include "memory/slab_pool.h"
#include "model/model.h"
#include "test_env.h"

#include <random>

using namespace quire;

namespace {

// Public-domain prose written for these tests, varied per paragraph so that blocks differ.
std::string long_story(int paragraphs) {
    static const char * names[] = {"Lily", "Tom", "Sue", "Max", "Ben", "Anna", "Sam", "Mia"};
    static const char * things[] = {"a red ball", "a big box", "a shiny key", "a little boat", "a blue kite", "a warm hat"};
    static const char * places[] = {"the park", "the river", "the old house", "the garden", "the shop", "the hill"};
    std::string s;
    for (int p = 0; p < paragraphs; ++p) {
        const std::string who = names[p % 8], what = things[(p * 5) % 6], where = places[(p * 7) % 6];
        s += "Once upon a time, " + who + " went to " + where + ". There, " + who + " found " + what +
             ". It was day " + std::to_string(p + 1) + " of the long summer. " + who + " was happy and played with " + what +
             " until the sun went down. Then " + who + " walked home and told Mom all about it.\n";
    }
    return s;
}

} // namespace

class TestBlockMemory : public QObject {
    Q_OBJECT
    std::unique_ptr<Model> stories_;

private slots:
    void initTestCase() {
        stories_ = test::load_stories260k();
    }

    void equalsFullAttentionWhenWindowHoldsAll_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("stories260K") << "stories260K";
        QTest::newRow("llama3-style") << "arch/llama3/hf";
        QTest::newRow("qwen2-style") << "arch/qwen2/model-f32.gguf";
    }
    void equalsFullAttentionWhenWindowHoldsAll() {
        QFETCH(QString, model);
        std::unique_ptr<Model> own;
        const Model * m;
        std::vector<int> ids;
        if (model == "stories260K") {
            if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
            m = stories_.get();
            ids = m->tok().tokenize(long_story(6), true);
        } else {
            own = model_load(test::data(model.toStdString()));
            m = own.get();
            std::mt19937 rng(3);
            for (int i = 0; i < 200; ++i) ids.push_back(static_cast<int>(rng() % static_cast<unsigned>(m->hp.n_vocab)));
        }
        QVERIFY(ids.size() > 150);
        MemoryConfig cfg = memory_preset("512");
        cfg.n_local = 4096;
        cfg.exc_block_size = 37; // odd chunks: the causal part and the window meet at every offset
        MemoryState st(m->hp, cfg);
        MemoryModel mm(*m, st);
        cpu::CpuModel full(*m, static_cast<int>(ids.size()));
        float worst = 0;
        for (size_t i = 0; i < ids.size(); i += 37) {
            const std::vector<int> chunk(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + 37)));
            const auto a = mm.step(chunk, StepKind::DOCUMENT, true);
            const auto b = full.eval(chunk);
            worst = std::max(worst, test::max_abs_diff(a, b));
        }
        qInfo("max |logit difference| vs full attention: %.2e", static_cast<double>(worst));
        QVERIFY2(worst <= 1e-5f, qPrintable(QString::number(worst)));
        QCOMPARE(st.n_blocks(), 0);
    }

    void questionVectorSteersSelection() {
        // Four blocks; block 2 is the only one aligned with the question, block 0 with the
        // current queries. With beta = 0 block 0 wins; with beta > 0 block 2 does.
        const int dim = 4;
        const std::vector<float> reprs = {1, 0, 0, 0, /**/ 0.2f, 0.1f, 0, 0, /**/ 0, 0, 1, 0, /**/ 0.1f, 0, 0, 0.1f};
        const std::vector<float> qmean = {1, 0, 0.5f, 0}, qvec = {0, 0, 1, 0};
        const float * rows[4] = {&reprs[0], &reprs[4], &reprs[8], &reprs[12]};
        const auto plain = block_scores(rows, 4, dim, qmean.data(), qvec.data(), 0.0f, 1);
        QCOMPARE(plain.selected, std::vector<int>{0});
        const auto aware = block_scores(rows, 4, dim, qmean.data(), qvec.data(), 1.0f, 1);
        QCOMPARE(aware.selected, std::vector<int>{2});
        QCOMPARE(aware.s_q[2], 1.0f);
        QCOMPARE(aware.combined[2], aware.s_h[2] + aware.s_q[2]);
        const auto none = block_scores(rows, 4, dim, qmean.data(), nullptr, 4.0f, 2);
        QVERIFY(none.s_q.empty());
        QCOMPARE(none.selected, (std::vector<int>{0, 2}));
    }

    void lexicalAnchorsFindRareTokens() {
        // 40 blocks of 16 tokens: tokens 1-5 in every block; 100 only in block 23 (twice), 101
        // in blocks 23 and 30, 102 in every third block (more than a quarter: not rare).
        std::vector<int> tokens;
        std::vector<MemoryBlock> blocks;
        for (int b = 0; b < 40; ++b) {
            blocks.push_back({static_cast<int64_t>(tokens.size()), 16});
            for (int i = 0; i < 16; ++i) tokens.push_back(1 + i % 5);
            int * t = &tokens[tokens.size() - 16];
            if (b == 23) t[3] = t[9] = 100, t[12] = 101;
            if (b == 30) t[7] = 101;
            if (b % 3 == 0) t[5] = 102;
        }
        LexicalIndex ix;
        QVERIFY(ix.anchors(blocks, tokens, 2).empty()); // no question yet
        ix.add_question({1, 2, 100, 101, 102, 2});
        QCOMPARE(ix.anchors(blocks, tokens, 2), (std::vector<int>{23, 30}));
        QCOMPARE(ix.anchors(blocks, tokens, 1), std::vector<int>{23});
        // Blocks indexed in two batches give what one batch gives.
        LexicalIndex inc;
        inc.add_question({1, 2, 100, 101, 102});
        const std::vector<MemoryBlock> first(blocks.begin(), blocks.begin() + 25);
        QCOMPARE(inc.anchors(first, tokens, 3), (std::vector<int>{23}));
        QCOMPARE(inc.anchors(blocks, tokens, 3), ix.anchors(blocks, tokens, 3));
        // Common tokens alone (in every block, or in more than a quarter of them) anchor nothing.
        LexicalIndex common;
        common.add_question({1, 2, 3, 102});
        QVERIFY(common.anchors(blocks, tokens, 2).empty());
        // Anchors rank as +infinity in the selection, lower index first, then the scores.
        const std::vector<float> reprs = {1, 0, /**/ 0.5f, 0, /**/ 0.9f, 0, /**/ 0.1f, 0};
        const float * rows[4] = {&reprs[0], &reprs[2], &reprs[4], &reprs[6]};
        const std::vector<float> qm = {1, 0};
        const std::vector<int> anchors = {3, 1};
        const auto s = block_scores(rows, 4, 2, qm.data(), nullptr, 0.0f, 3, &anchors);
        QCOMPARE(s.selected, (std::vector<int>{1, 3, 0}));
        QCOMPARE(s.anchors, anchors);
        QCOMPARE(s.combined[3], 0.1f); // the scores themselves are not changed
    }

    void anchorsTakeSlotsInEveryLayer() {
        if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
        const Model & m = *stories_;
        const auto doc = memory_ingest(m, m.tok().encode(long_story(40)), memory_preset("512"));
        const std::string question = "Who found the shiny key on day 17?";
        std::vector<int> qtok = m.tok().encode(question);
        std::sort(qtok.begin(), qtok.end());
        AskParams ap;
        ap.gen.n_predict = 8;
        ap.lookup.anchors = 2;
        int anchored = 0;
        const auto with = memory_ask(m, doc.state, doc.prefix_len, question, ap, {}, [&](const RetrievalStep & s) {
            if (s.kind != StepKind::QUESTION && s.kind != StepKind::TOKEN) return;
            for (const BlockScores & l : s.layers) {
                if (l.selected.empty()) continue;
                QVERIFY(!l.anchors.empty() && l.anchors.size() <= 2);
                ++anchored;
                for (size_t i = 0; i < l.anchors.size(); ++i) {
                    // Anchors come first in every layer and hold a question token.
                    QVERIFY(std::find(l.selected.begin(), l.selected.end(), l.anchors[i]) != l.selected.end());
                    const MemoryBlock & b = doc.state.blocks[static_cast<size_t>(l.anchors[i])];
                    bool shares = false;
                    for (int64_t p = b.start; p < b.start + b.len; ++p)
                        shares = shares || std::binary_search(qtok.begin(), qtok.end(), doc.state.tokens[static_cast<size_t>(p)]);
                    QVERIFY(shares);
                }
            }
        });
        QVERIFY(anchored > 0);
        // Anchors and beta are independent: with beta 0 (InfLLM's scores) the anchors still lead.
        ap.lookup.beta = 0.0f;
        int anchored_beta0 = 0;
        memory_ask(m, doc.state, doc.prefix_len, question, ap, {}, [&](const RetrievalStep & s) {
            for (const BlockScores & l : s.layers)
                if (!l.selected.empty() && (s.kind == StepKind::QUESTION || s.kind == StepKind::TOKEN)) {
                    QVERIFY(!l.anchors.empty());
                    QCOMPARE(l.selected.front(), l.anchors.front());
                    ++anchored_beta0;
                }
        });
        QVERIFY(anchored_beta0 > 0);
        ap.lookup.beta = Lookup::kModelBeta;
        ap.lookup.anchors = 0; // the paper's method: no anchors, selection by the scores alone
        memory_ask(m, doc.state, doc.prefix_len, question, ap, {}, [&](const RetrievalStep & s) {
            for (const BlockScores & l : s.layers) {
                QVERIFY(l.anchors.empty());
                if (!l.selected.empty()) QCOMPARE(l.selected, top_k_indices(l.combined.data(), static_cast<int>(l.combined.size()), 4));
            }
        });
        QVERIFY(!with.tokens.empty());
    }

    void representativeUsesHighestLocalScores() {
        // Six keys of dim 2; scores pick keys 1 and 4 (repr_topk = 2): the mean of those two.
        const std::vector<float> keys = {9, 9, 1, 2, 9, 9, 9, 9, 3, 4, 9, 9};
        const std::vector<float> scores = {0.1f, 0.9f, 0.2f, 0.3f, 0.8f, 0.0f};
        float out[2];
        block_representative(keys.data(), 2, scores.data(), 1, 6, 2, 2, out);
        QCOMPARE(out[0], 2.0f);
        QCOMPARE(out[1], 3.0f);
    }

    void longTextReadsDeterministicallyWithLinearMemory() {
        if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
        const Model & m = *stories_;
        const auto ids = m.tok().encode(long_story(200));
        QVERIFY2(ids.size() >= 20000, qPrintable(QString::number(ids.size())));
        const MemoryConfig cfg = memory_preset("512");
        const std::vector<int> half(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(ids.size() / 2));
        const auto a = memory_ingest(m, half, cfg);
        const auto b = memory_ingest(m, ids, cfg);
        const double per_token_a = static_cast<double>(a.state.bytes()) / static_cast<double>(a.state.n_tokens);
        const double per_token_b = static_cast<double>(b.state.bytes()) / static_cast<double>(b.state.n_tokens);
        qInfo("%lld tokens: %d blocks, %.1f MB", static_cast<long long>(b.state.n_tokens), b.state.n_blocks(), b.state.bytes() / 1e6);
        QVERIFY(std::abs(per_token_b / per_token_a - 1.0) < 0.05); // linear growth
        QCOMPARE(b.state.n_sink, cfg.n_init);
        QVERIFY(b.state.n_win() >= cfg.n_local && b.state.n_win() < cfg.n_local + cfg.block_size);
        QCOMPARE(static_cast<int64_t>(b.state.n_sink) + b.state.n_blocks() * cfg.block_size + b.state.n_win(), b.state.n_tokens);

        AskParams ap;
        ap.gen.n_predict = 24;
        std::vector<RetrievalStep> trace1, trace2;
        const auto r1 = memory_ask(m, b.state, b.prefix_len, "Where did Lily go?", ap, {}, [&](const RetrievalStep & s) { trace1.push_back(s); });
        const auto r2 = memory_ask(m, b.state, b.prefix_len, "Where did Lily go?", ap, {}, [&](const RetrievalStep & s) { trace2.push_back(s); });
        QCOMPARE(r1.tokens, r2.tokens);
        QCOMPARE(trace1.size(), trace2.size());
        for (size_t i = 0; i < trace1.size(); ++i)
            for (size_t l = 0; l < trace1[i].layers.size(); ++l) {
                QCOMPARE(trace1[i].layers[l].selected, trace2[i].layers[l].selected);
                QCOMPARE(trace1[i].layers[l].combined, trace2[i].layers[l].combined);
            }
        // Every question and answer step scored every block in every layer (the document's and
        // those the session cut from its own window), with s(B,Q) once the question was read.
        int question_steps = 0;
        for (const auto & s : trace1) {
            for (const auto & L : s.layers) {
                QVERIFY(static_cast<int>(L.combined.size()) >= b.state.n_blocks());
                QCOMPARE(static_cast<int>(L.selected.size()), cfg.topk);
                if (s.kind == StepKind::TOKEN) QCOMPARE(L.s_q.size(), L.s_h.size());
            }
            question_steps += s.kind == StepKind::QUESTION;
        }
        QVERIFY(question_steps >= 1);
    }

    void askNeverChangesTheDocument() {
        if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
        const Model & m = *stories_;
        const auto doc = memory_ingest(m, m.tok().encode(long_story(40)), memory_preset("512"));
        const auto tokens = doc.state.tokens;
        const auto blocks = doc.state.n_blocks();
        const auto win = doc.state.layers[0].win_k;
        AskParams ap;
        ap.gen.n_predict = 200; // long enough to push document tokens out of the session's window
        const auto first = memory_ask(m, doc.state, doc.prefix_len, "What did Tom find?", ap);
        QCOMPARE(doc.state.tokens, tokens);
        QCOMPARE(doc.state.n_blocks(), blocks);
        QCOMPARE(doc.state.layers[0].win_k, win);
        QVERIFY(doc.state.layers[0].qvec.empty());
        QCOMPARE(memory_ask(m, doc.state, doc.prefix_len, "What did Tom find?", ap).tokens, first.tokens);
        ap.mode = AskMode::DEEP;
        const auto deep = memory_ask(m, doc.state, doc.prefix_len, "What did Tom find?", ap);
        QVERIFY(!deep.tokens.empty());
        QCOMPARE(doc.state.tokens, tokens);
    }

    void hostBudgetSpillsToFileWithSameResults() {
        if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
        const Model & m = *stories_;
        const auto ids = m.tok().encode(long_story(60));
        MemoryConfig cfg = memory_preset("512");
        const auto ram = memory_ingest(m, ids, cfg);
        cfg.host_budget_bytes = 1; // everything past the first slab goes to the spill file
        const auto spilled = memory_ingest(m, ids, cfg);
        QVERIFY(spilled.state.pool->file_bytes() > 0);
        QCOMPARE(spilled.state.repr_pool->file_bytes(), uint64_t(0)); // representatives stay in RAM
        QCOMPARE(ram.state.pool->file_bytes(), uint64_t(0));
        AskParams ap;
        ap.gen.n_predict = 16;
        QCOMPARE(memory_ask(m, spilled.state, spilled.prefix_len, "Who found a shiny key?", ap).tokens,
                 memory_ask(m, ram.state, ram.prefix_len, "Who found a shiny key?", ap).tokens);
    }

    void slabPoolSpillsPastItsBudget() {
        SlabPool pool(4096, {}, 1024); // 4 KiB of RAM in 4 KiB slabs
        float * a = pool.alloc(1000);
        float * b = pool.alloc(1000); // second slab: past the budget, so in the file
        QCOMPARE(pool.ram_bytes(), uint64_t(4096));
        QCOMPARE(pool.file_bytes(), uint64_t(4096));
        for (int i = 0; i < 1000; ++i) a[i] = static_cast<float>(i), b[i] = static_cast<float>(-i);
        QCOMPARE(b[999], -999.0f);
        QCOMPARE(reinterpret_cast<uintptr_t>(b) % 64, uintptr_t(0));
    }

    void cancelledIngestStops() {
        if (!stories_) QSKIP("stories260K not found in ../shared: skipped");
        const Model & m = *stories_;
        const auto ids = m.tok().encode(long_story(60));
        int calls = 0;
        try {
            memory_ingest(m, ids, memory_preset("512"), [&](const IngestProgress & p) {
                ++calls;
                return p.done < p.total / 2;
            });
            QFAIL("ingest was not cancelled");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::CANCELLED);
        }
        QVERIFY(calls >= 2);
    }

    void presetsAndValidation() {
        QCOMPARE(memory_preset("1k").n_local, 512);
        QCOMPARE(memory_preset("infllm").topk, 16);
        QVERIFY_THROWS_EXCEPTION(Error, memory_preset("3k"));
        MemoryConfig c = memory_preset("2k");
        c.repr_topk = 0;
        QVERIFY_THROWS_EXCEPTION(Error, memory_config_validate(c));
    }
};

QTEST_GUILESS_MAIN(TestBlockMemory)
#include "tst_block_memory.moc"

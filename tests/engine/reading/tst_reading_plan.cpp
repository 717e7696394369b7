// How a document is read (memory/reading_plan.h): "auto" reads a document whole when it fits the
// trained context beside kWholeRoom tokens, else with the block memory preset that suits the
// model; other presets are kept as asked, with the lookup and host budget. A whole reading of
// stories260K has no memory blocks and answers with the same tokens as full attention over the
// same prompt (generate), while block memory of the same document does cut blocks.
#include "generate/generator.h"
#include "memory/reading_plan.h"
#include "reading/reader.h"
#include "tokenizer/chat_template.h"
#include "test_env.h"

#include <QtTest>

using namespace quire;

namespace {
HParams with_context(int n) {
    HParams hp;
    hp.n_ctx_train = n;
    return hp;
}
} // namespace

class TstReadingPlan : public QObject {
    Q_OBJECT
private slots:
    void autoReadsWholeWhenItFits() {
        MemoryConfig asked = memory_preset(kAutoPreset);
        asked.lookup = {2.5f, 3};
        asked.host_budget_bytes = 12345;
        const HParams smol = with_context(8192), qwen = with_context(32768), llama = with_context(131072);
        MemoryConfig c = memory_for_reading(smol, asked, 8192 - kWholeRoom);
        QCOMPARE(c.preset, std::string(kWholePreset));
        QCOMPARE(c.n_local, 8192);
        QCOMPARE(c.lookup.beta, 2.5f);
        QCOMPARE(c.lookup.anchors, 3);
        QCOMPARE(c.host_budget_bytes, uint64_t(12345));
        c = memory_for_reading(smol, asked, 8192 - kWholeRoom + 1); // one token too many: block memory
        QCOMPARE(c.preset, std::string("2k"));
        QCOMPARE(c.n_local, memory_preset("2k").n_local);
        QCOMPARE(c.lookup.anchors, 3);
        c = memory_for_reading(qwen, asked, 40000);
        QCOMPARE(c.preset, std::string("infllm"));
        QCOMPARE(c.topk, memory_preset("infllm").topk);
        QCOMPARE(memory_for_reading(qwen, asked, 28574).preset, std::string(kWholePreset));
        // A 128K trained context reads whole only up to kWholeMaxTokens.
        QCOMPARE(whole_window(llama), kWholeMaxTokens);
        QVERIFY(!fits_whole(llama, 60000));
        QCOMPARE(whole_window(with_context(0)), 2048); // a model that does not say
    }

    void otherPresetsStayAsAsked() {
        MemoryConfig asked = memory_preset("512");
        asked.n_local = 300; // edited by the user
        const MemoryConfig c = memory_for_reading(with_context(32768), asked, 100);
        QCOMPARE(c.preset, std::string("512"));
        QCOMPARE(c.n_local, 300);
        // "whole" asked for reads whole even when the document is longer than the window.
        const MemoryConfig w = memory_for_reading(with_context(4096), memory_preset(kWholePreset), 100000);
        QCOMPARE(w.preset, std::string(kWholePreset));
        QCOMPARE(w.n_local, 4096);
        memory_config_validate(w);
    }

    void wholeReadingAnswersAsFullAttention() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K)");
        const Model & m = *model;
        std::string story;
        for (int i = 0; i < 12; ++i) story += i == 7 ? "Lily had a blue kite called Zip. " : "Tom went to the park and played with a red ball. ";
        const std::vector<int> doc = m.tok().encode(story);
        const std::string question = "What was Lily's kite called?";
        const int n_predict = 12;
        QVERIFY(static_cast<int>(doc.size()) + 64 + n_predict < m.hp.n_ctx_train);

        const IngestResult whole = memory_ingest(m, doc, memory_preset(kWholePreset));
        QCOMPARE(whole.state.cfg.preset, std::string(kWholePreset));
        QCOMPARE(whole.state.n_blocks(), 0);
        AskParams ap;
        ap.lookup = {Lookup::kModelBeta, 2};
        ap.evidence_tokens = 64; // nothing to re-read: no blocks
        ap.gen.n_predict = n_predict;
        ap.gen.sampling.temperature = 0;
        ap.gen.sampling.repeat_penalty = 1.0f;
        int selected = 0;
        const AskResult a = memory_ask(m, whole.state, whole.prefix_len, question, ap, {}, [&](const RetrievalStep & s) {
            for (const auto & l : s.layers) selected += static_cast<int>(l.selected.size());
        });
        QCOMPARE(selected, 0);
        QVERIFY(a.evidence.empty());

        // The same prompt in an ordinary KV cache.
        const ChatFrame frame = chat_frame(m.chat, m.tok());
        std::vector<int> prompt = frame.prefix;
        prompt.insert(prompt.end(), doc.begin(), doc.end());
        for (const auto & part : {m.tok().encode("\n\nQuestion: "), m.tok().encode(question)}) prompt.insert(prompt.end(), part.begin(), part.end());
        prompt.insert(prompt.end(), frame.suffix.begin(), frame.suffix.end());
        GenerateParams g;
        g.n_predict = n_predict;
        g.sampling = ap.gen.sampling;
        const GenerateResult full = generate(m, prompt, g);
        QCOMPARE(a.tokens, full.tokens);

        // The block memory of the same document cuts blocks.
        MemoryConfig small = memory_preset("512");
        small.n_local = 64, small.block_size = 16;
        QVERIFY(memory_ingest(m, doc, small).state.n_blocks() > 0);
    }
};

QTEST_GUILESS_MAIN(TstReadingPlan)
#include "tst_reading_plan.moc"

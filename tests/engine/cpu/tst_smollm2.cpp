// The real SmolLM2-135M-Instruct (Q4_1 GGUF) against transformers computing on the same GGUF:
// last-position logits of raw prompts, and greedy chat answers identical for 32 tokens.
// Fixtures: tests/reference/make_smollm2_reference.py. Skips when the model is not in the cache.
#include "cpu/cpu_model.h"
#include "generate/generator.h"
#include "model/model.h"
#include "test_env.h"

using namespace quire;

class TestSmolLM2 : public QObject {
    Q_OBJECT
    std::unique_ptr<Model> m_;
    nlohmann::json ref_;

private slots:
    void initTestCase() {
        QUIRE_REQUIRE_FILE(test::smollm2_path(), "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        ref_ = test::read_json(test::data("smollm2/reference.json"));
        m_ = model_load(test::smollm2_path());
        QCOMPARE(m_->hp.n_layer, 30);
        QCOMPARE(m_->info.file_type, std::string("Q4_1"));
    }

    void rawPromptLogits() {
        for (const auto & r : ref_["raw"]) {
            const auto ids = r["ids"].get<std::vector<int>>();
            QCOMPARE(m_->tok().encode(r["text"].get<std::string>()), ids);
            cpu::CpuModel cm(*m_, 64);
            const auto got = cm.eval(ids);
            const auto expected = test::read_f32(test::data("smollm2/" + r["logits"].get<std::string>()));
            const float diff = test::max_abs_diff(got, expected);
            qInfo("%s: max |logit difference| = %.2e", r["text"].get<std::string>().c_str(), static_cast<double>(diff));
            QVERIFY2(diff < 2e-3f, qPrintable(QString("max abs diff %1").arg(diff)));
            QCOMPARE(argmax(got), argmax(expected));
        }
    }

    void greedyChatAnswers() {
        for (const auto & c : ref_["chat"]) {
            GenerateParams gp;
            gp.n_predict = 32;
            // transformers was run without stopping at <|im_end|>; compare the same 32 tokens.
            std::vector<int> prompt = c["prompt_ids"].get<std::vector<int>>();
            cpu::CpuModel cm(*m_, 128);
            auto logits = cm.eval(prompt);
            std::vector<int> got;
            for (int i = 0; i < 32; ++i) {
                got.push_back(argmax(logits));
                if (i + 1 < 32) logits = cm.eval({got.back()});
            }
            QCOMPARE(got, c["greedy"].get<std::vector<int>>());
            if (&c == &ref_["chat"][0]) {
                // And the generator's answer (which stops at the end of turn) is its prefix.
                const auto res = generate(*m_, prompt, gp);
                QVERIFY(res.tokens.size() <= got.size());
                QVERIFY(std::equal(res.tokens.begin(), res.tokens.end(), got.begin()));
            }
        }
    }

    void capitalOfFrance() {
        const auto ids = chat_template_apply(m_->chat, m_->tok(), {{"user", "What is the capital of France?"}});
        GenerateParams gp;
        gp.n_predict = 32;
        const auto res = generate(*m_, ids, gp);
        QVERIFY2(res.text.find("Paris") != std::string::npos, res.text.c_str());
        QCOMPARE(res.stop_reason, std::string("eos"));
    }
};

QTEST_GUILESS_MAIN(TestSmolLM2)
#include "tst_smollm2.moc"

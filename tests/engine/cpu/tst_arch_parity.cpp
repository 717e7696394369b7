// Architecture parity with Hugging Face transformers on small random Llama-3-style (llama3 rope
// scaling), Mistral-style and Qwen2-style (q/k/v biases, tied embeddings) models, loaded from
// safetensors folders and from GGUF files (F32, F16, Q8_0) written like llama.cpp's converter.
// Fixtures: tests/reference/make_arch_fixtures.py.
#include "cpu/cpu_model.h"
#include "generate/generator.h"
#include "model/model.h"
#include "test_env.h"

using namespace quire;

class TestArchParity : public QObject {
    Q_OBJECT
private slots:
    void logits_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("file");
        for (const char * a : {"llama3", "mistral", "qwen2"})
            for (const char * f : {"hf", "model-f32.gguf"}) QTest::newRow(qPrintable(QString("%1/%2").arg(a, f))) << a << f;
    }
    // F32 weights: every position's logits within 1e-3 of transformers'.
    void logits() {
        QFETCH(QString, arch);
        QFETCH(QString, file);
        const std::string dir = test::data("arch/" + arch.toStdString());
        const auto ref = test::read_json(dir + "/reference.json");
        const auto expected = test::read_f32(dir + "/logits_f32.bin");
        auto m = model_load(dir + "/" + file.toStdString());
        const auto prompt = ref["prompt"].get<std::vector<int>>();
        cpu::CpuModel cm(*m, 64);
        std::vector<float> all;
        cm.eval(prompt, &all);
        QCOMPARE(all.size(), expected.size());
        const float diff = test::max_abs_diff(all, expected);
        qInfo("%s %s: max |logit difference| = %.2e", qPrintable(arch), qPrintable(file), static_cast<double>(diff));
        QVERIFY2(diff <= 1e-3f, qPrintable(QString("max abs diff %1").arg(diff)));
    }

    void greedy_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("tag");
        for (const char * a : {"llama3", "mistral", "qwen2"}) {
            QTest::newRow(qPrintable(QString("%1/hf").arg(a))) << a << "hf" << "hf";
            for (const char * t : {"f32", "f16", "q8_0"})
                QTest::newRow(qPrintable(QString("%1/%2").arg(a, t))) << a << QString("model-%1.gguf").arg(t) << t;
        }
    }
    // Greedy continuation of 32 tokens identical to transformers running the same (dequantised) weights.
    void greedy() {
        QFETCH(QString, arch);
        QFETCH(QString, file);
        QFETCH(QString, tag);
        const std::string dir = test::data("arch/" + arch.toStdString());
        const auto ref = test::read_json(dir + "/reference.json");
        auto m = model_load(dir + "/" + file.toStdString());
        GenerateParams gp;
        gp.n_predict = 32;
        const auto res = generate(*m, ref["prompt"].get<std::vector<int>>(), gp);
        QCOMPARE(res.tokens, ref["greedy"][tag.toStdString()].get<std::vector<int>>());
    }

    void ggufAndSafetensorsAgree() {
        // Same weights, two layouts of q/k rows (permuted GGUF vs Hugging Face halves).
        const std::string dir = test::data("arch/llama3");
        auto a = model_load(dir + "/hf");
        auto b = model_load(dir + "/model-f32.gguf");
        QCOMPARE(a->hp.rope_layout, RopeLayout::HALVES);
        QCOMPARE(b->hp.rope_layout, RopeLayout::ADJACENT);
        cpu::CpuModel ca(*a, 8), cb(*b, 8);
        QVERIFY(test::max_abs_diff(ca.eval({5, 6, 7}), cb.eval({5, 6, 7})) < 1e-4f);
    }
};

QTEST_GUILESS_MAIN(TestArchParity)
#include "tst_arch_parity.moc"

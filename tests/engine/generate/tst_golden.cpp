// The golden test: stories260K (real llama2.c weights), greedy from BOS for 200 positions,
// reproduces the llama2.c reference program's text byte for byte.
#include "generate/generator.h"
#include "model/model.h"
#include "test_env.h"

using namespace quire;

class TestGolden : public QObject {
    Q_OBJECT
    const std::string dir_ = test::shared("models/stories260K");
    std::unique_ptr<Model> m_;

private slots:
    void initTestCase() {
        QUIRE_REQUIRE_FILE(dir_ + "/stories260K.bin", "stories260K");
        m_ = test::load_stories260k();
    }

    void stories260KGreedy() {
        const Model * m = m_.get();
        GenerateParams gp;
        gp.n_predict = 200;
        std::string streamed;
        const auto res = generate(*m, {m->tok().special().bos}, gp, [&](const std::string & p) {
            streamed += p;
            return true;
        });
        const std::string expected = test::read_bytes(dir_ + "/expected-greedy-200.txt");
        QCOMPARE(res.tokens.size(), size_t(200));
        QCOMPARE(streamed, res.text);
        if (res.text != expected) {
            size_t i = 0;
            while (i < expected.size() && i < res.text.size() && expected[i] == res.text[i]) ++i;
            QFAIL(qPrintable(QString("text differs at byte %1:\n got: %2\n exp: %3")
                                 .arg(i)
                                 .arg(QString::fromStdString(res.text.substr(i, 60)), QString::fromStdString(expected.substr(i, 60)))));
        }
    }

    void chunkedPromptEqualsOneShot() {
        // Feeding a prompt in chunks of 7 or all at once gives the same continuation (KV cache).
        const Model * m = m_.get();
        const auto prompt = m->tok().tokenize("Once upon a time, a little dog named Max found a shiny key", true);
        GenerateParams a, b;
        a.n_predict = b.n_predict = 40;
        a.n_batch = 7;
        b.n_batch = 512;
        QCOMPARE(generate(*m, prompt, a).tokens, generate(*m, prompt, b).tokens);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"

// The evaluation harness: instances are reproducible from their seed, have the length asked
// for, hold their fact once at the depth asked for and nowhere else; scoring follows each task's
// rule; the report's CSV, summary and heatmaps hold every instance. With the default model
// (real-model label): the passkey is found from memory blocks through `quire-cli eval`, whose
// files are checked.
#include "eval/eval_report.h"
#include "eval/eval_task.h"
#include "test_env.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace quire;

namespace {

int count_of(const std::string & hay, const std::string & needle) {
    int n = 0;
    for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

EvalInstance with_answer(EvalTask t, const std::string & answer, const std::string & question = {}) {
    EvalInstance e;
    e.task = t;
    e.answer = answer;
    e.question = question;
    return e;
}

} // namespace

class TstEval : public QObject {
    Q_OBJECT
    std::unique_ptr<Model> model_; // stories260K: its tokenizer measures lengths

private slots:
    void initTestCase() {
        model_ = test::load_stories260k();
        if (!model_) QSKIP("stories260K is absent (../shared/models/stories260K): its tokenizer measures the instances");
    }

    void instancesAreReproducible() {
        for (EvalTask t : {EvalTask::PASSKEY, EvalTask::KV, EvalTask::NEEDLE, EvalTask::MULTIHOP}) {
            const EvalInstance a = eval_make_instance(model_->tok(), t, 2048, 0.3, 0, 7), b = eval_make_instance(model_->tok(), t, 2048, 0.3, 0, 7);
            QCOMPARE(a.document, b.document);
            QCOMPARE(a.answer, b.answer);
            const EvalInstance c = eval_make_instance(model_->tok(), t, 2048, 0.3, 1, 7), d = eval_make_instance(model_->tok(), t, 2048, 0.3, 0, 8);
            QVERIFY(c.document != a.document);
            QVERIFY(d.document != a.document);
        }
    }

    void lengthDepthAndUniqueFact_data() {
        QTest::addColumn<int>("task");
        QTest::addColumn<int>("length");
        QTest::addColumn<double>("depth");
        for (EvalTask t : {EvalTask::PASSKEY, EvalTask::KV, EvalTask::NEEDLE, EvalTask::MULTIHOP})
            for (int L : {1024, 8192})
                for (double d : {0.0, 0.25, 0.5, 1.0})
                    QTest::newRow(qPrintable(QString("%1 %2 %3").arg(eval_task_name(t)).arg(L).arg(d))) << static_cast<int>(t) << L << d;
    }
    void lengthDepthAndUniqueFact() {
        QFETCH(int, task);
        QFETCH(int, length);
        QFETCH(double, depth);
        const EvalInstance e = eval_make_instance(model_->tok(), static_cast<EvalTask>(task), length, depth, 0, 11);
        // The document fills the length less the room for the question, within a sentence or 1%.
        const int budget = length - kQuestionRoom;
        QVERIFY2(e.doc_tokens <= budget && e.doc_tokens >= budget - std::max(48, budget / 100), qPrintable(QString("%1 tokens for %2").arg(e.doc_tokens).arg(budget)));
        QCOMPARE(static_cast<int>(model_->tok().encode(e.document).size()), e.doc_tokens);
        // The answer is in the document exactly where the fact was planted (twice in the passkey
        // sentence), and nowhere else.
        const EvalTask t = static_cast<EvalTask>(task);
        QCOMPARE(count_of(e.document, e.answer), t == EvalTask::PASSKEY ? 2 : 1);
        const double at = static_cast<double>(e.document.find(t == EvalTask::MULTIHOP ? "is served only at" : e.answer)) / e.document.size();
        QVERIFY2(std::abs(at - depth) < std::max(0.05, 100.0 / e.document.size()), qPrintable(QString("fact at %1, asked for %2").arg(at).arg(depth)));
        QVERIFY(!e.question.empty());
        QVERIFY(eval_score(e, e.answer)); // the expected answer scores as right
    }

    void scoringRules() {
        const EvalInstance pk = with_answer(EvalTask::PASSKEY, "48213");
        QVERIFY(eval_score(pk, "The pass key is 48213."));
        QVERIFY(eval_score(pk, "48213"));
        QVERIFY(!eval_score(pk, "The pass key is 482130."));
        QVERIFY(!eval_score(pk, "12 then 48213")); // the first number counts
        QVERIFY(!eval_score(pk, "I do not know."));
        const EvalInstance kv = with_answer(EvalTask::KV, "70455eff", "what is the value of the key \"0afdb77a\"?");
        QVERIFY(eval_score(kv, "The value of the key \"0afdb77a\" is 70455eff."));
        QVERIFY(eval_score(kv, "70455EFF"));
        QVERIFY(!eval_score(kv, "The value is 121b88aa, not 70455eff."));
        QVERIFY(!eval_score(kv, "70455eff0")); // not an 8-digit word
        const EvalInstance nd = with_answer(EvalTask::NEEDLE, "wild fennel");
        QVERIFY(eval_score(nd, "It is Wild Fennel."));
        QVERIFY(!eval_score(nd, "fennel, wild"));
    }

    void reportHoldsEveryInstance() {
        std::vector<EvalRow> rows;
        for (int L : {4096, 16384})
            for (double d : {0.0, 1.0})
                for (EvalMethod m : {EvalMethod::FULL, EvalMethod::QLLM}) {
                    EvalRow r{EvalTask::PASSKEY, L, L - 100, 0, d, m, AskMode::ASK, "12345", {}, {}};
                    r.outcome.answer = "12345, \"quoted\"";
                    r.outcome.correct = !(m == EvalMethod::FULL && L == 16384);
                    if (m == EvalMethod::FULL && L == 16384 && d == 1.0) r.outcome.status = "does not fit: out of memory";
                    rows.push_back(r);
                }
        const std::string csv = eval_csv(rows);
        QCOMPARE(count_of(csv, "\n"), static_cast<int>(rows.size()) + 1);
        QVERIFY(csv.find("\"12345, \"\"quoted\"\"\"") != std::string::npos);
        const std::string md = eval_summary(rows, "test");
        QVERIFY2(md.find("| full | - | 100% (2/2) | 0% (0/1) |") != std::string::npos, md.c_str());
        QVERIFY2(md.find("| qllm | ask | 100% (2/2) | 100% (2/2) |") != std::string::npos, md.c_str());
        const auto maps = eval_heatmaps(rows, "m");
        QCOMPARE(maps.size(), size_t(2));
        for (const auto & [name, svg] : maps) {
            QVERIFY(name.rfind("heatmap-passkey-", 0) == 0);
            QCOMPARE(count_of(svg, "<rect x="), 4); // 2 depths x 2 lengths
            QVERIFY(svg.find("</svg>") != std::string::npos);
        }
    }

    // The default model through the command line: the passkey at the start (in memory blocks, a
    // window of 256 tokens) and at the end of 1k tokens, found by InfLLM and QLLM.
    void defaultModelThroughTheCli() {
        QUIRE_REQUIRE_FILE(test::smollm2_path(), "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        QTemporaryDir out;
        QProcess p;
        p.start(QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli")),
                {"eval", "--model", QString::fromStdString(test::smollm2_path()), "--task", "passkey", "--lengths", "1k", "--depths", "2",
                 "--method", "infllm,qllm", "--preset", "512", "--n-local", "256", "--backend", "cpu", "--out", out.path(), "-q"});
        QVERIFY(p.waitForFinished(600000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const std::string csv = test::read_bytes(out.filePath("results.csv").toStdString());
        QCOMPARE(count_of(csv, "\n"), 1 + 2 * 2); // depths x methods
        QCOMPARE(count_of(csv, ",1,\""), 4);       // every one right
        QVERIFY(QFile::exists(out.filePath("summary.md")));
        QVERIFY(QFile::exists(out.filePath("heatmap-passkey-qllm-ask.svg")));
        QVERIFY(QFile::exists(out.filePath("heatmap-passkey-infllm-ask.svg")));
    }
};

QTEST_GUILESS_MAIN(TstEval)
#include "tst_eval.moc"

// The docqa task and the rag baseline: the question sets shipped in tests/data/docqa load (every
// evidence is in its document, an accepted answer is in the text, the styles are balanced, the
// depths spread, some questions need two places), the demo book's questions load, bad files
// are refused naming the file; answers match as words, whatever the quotes and dashes; passages
// cover the text once and BM25 ranks the passage with the rare word first; the rag context
// keeps to its token budget; with stories260K, `quire-cli eval --task docqa` writes a row per
// question and method.
#include "eval/docqa.h"
#include "eval/eval_task.h"
#include "eval/rag.h"
#include "core/error.h"
#include "test_env.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <set>

using namespace quire;

namespace {

// One line of a questions file.
QByteArray question_line(const std::string & q, const std::vector<std::string> & answers, const std::vector<std::string> & evidence) {
    const nlohmann::json j = {{"question", q}, {"answers", answers}, {"evidence", evidence}, {"style", "lexical"}};
    return QByteArray::fromStdString(j.dump() + "\n");
}

} // namespace

class TstDocqa : public QObject {
    Q_OBJECT
private slots:
    void shippedSetsAreSound_data() {
        QTest::addColumn<QString>("name");
        for (const char * n : {"gzip-manual", "grep-manual", "coreutils-manual"}) QTest::newRow(n) << n;
    }
    void shippedSetsAreSound() {
        QFETCH(QString, name);
        const std::string base = test::data("docqa/" + name.toStdString());
        const DocQaSet set = docqa_load(base + ".txt", base + ".jsonl"); // throws if an evidence is missing
        QVERIFY(set.questions.size() >= 20);
        int paraphrased = 0, two_places = 0;
        double lo = 1, hi = 0;
        for (const auto & q : set.questions) {
            QVERIFY2(q.style == "lexical" || q.style == "paraphrase", q.question.c_str());
            QVERIFY2(!q.evidence.empty(), q.question.c_str());
            QVERIFY2(answer_matches(set.text, q.answers), q.question.c_str()); // the answer is in the document
            paraphrased += q.style == "paraphrase";
            two_places += q.evidence.size() > 1;
            lo = std::min(lo, q.depth), hi = std::max(hi, q.depth);
        }
        const double share = static_cast<double>(paraphrased) / static_cast<double>(set.questions.size());
        QVERIFY2(share >= 0.35 && share <= 0.65, qPrintable(QString::number(share)));
        QVERIFY(two_places >= 1);
        QVERIFY(lo < 0.1);
        QVERIFY(hi > 0.6);
    }

    void demoBookQuestionsLoad() {
        const std::string demo = std::string(QUIRE_SOURCE_DIR) + "/resources/demo/the-keepers-of-halden-light";
        const DocQaSet set = docqa_load(demo + ".md", demo + ".questions.json");
        QCOMPARE(set.questions.size(), size_t(23));
        for (const auto & q : set.questions) {
            QVERIFY(!q.answers.empty());
            QVERIFY2(answer_matches(set.text, q.answers), q.question.c_str());
        }
    }

    void badFilesAreRefusedNamingThem() {
        QTemporaryDir dir;
        const QString doc = test::write_file(dir.filePath("doc.txt"), "The lighthouse keeper's cat was called Marmalade.\n");
        const QString missing = test::write_file(dir.filePath("missing.jsonl"), question_line("Cat?", {"Marmalade"}, {"the dog was called Rex"}));
        const QString broken = test::write_file(dir.filePath("broken.jsonl"), "{\"question\": \"Cat?\", \"answers\": [\"Marmalade\"]}\n{not json\n");
        const QString empty = test::write_file(dir.filePath("empty.jsonl"), "\n\n");
        const QString no_answer = test::write_file(dir.filePath("none.jsonl"), question_line("Cat?", {}, {}));
        for (const auto & [file, says] : std::vector<std::pair<QString, std::string>>{
                 {missing, "is not in"}, {broken, "broken.jsonl:2"}, {empty, "no questions"}, {no_answer, "at least one answer"}}) {
            try {
                docqa_load(doc.toStdString(), file.toStdString());
                QFAIL(qPrintable("accepted " + file));
            } catch (const Error & e) {
                QCOMPARE(e.status(), Status::BAD_INPUT);
                const std::string what = e.what();
                QVERIFY2(what.find(file.toStdString()) != std::string::npos, e.what());
                QVERIFY2(what.find(says) != std::string::npos, e.what());
            }
        }
        const QString ok_file = test::write_file(dir.filePath("ok.jsonl"), question_line("Cat?", {"Marmalade"}, {"cat \t  was called"}));
        const DocQaSet ok = docqa_load(doc.toStdString(), ok_file.toStdString());
        QCOMPARE(ok.questions.size(), size_t(1));
        QVERIFY(ok.questions[0].depth > 0.2 && ok.questions[0].depth < 0.5); // "cat" starts a third of the way in
    }

    void answersMatchAsWords() {
        QVERIFY(answer_matches("It was MARMALADE, the cat.", {"Marmalade"}));
        QVERIFY(answer_matches("Use the ‘--keep’ option.", {"'--keep'"}));
        QVERIFY(answer_matches("reduced by 60–70% typically", {"60-70%"}));
        QVERIFY(answer_matches("reduced by 60-70%", {"60–70%"}));
        QVERIFY(answer_matches("use -k.", {"-k"}));
        QVERIFY(answer_matches("Answer: C", {"C"}));
        QVERIFY(answer_matches("in  the\nmorning", {"the morning"}));
        QVERIFY(!answer_matches("after 25 passes", {"5"}));      // not inside a number
        QVERIFY(!answer_matches("Cats are nice", {"C"}));        // not inside a word
        QVERIFY(!answer_matches("use --keep", {"-k"}));          // "-k" is not in "--keep"
        QVERIFY(!answer_matches("no idea", {"Marmalade", "cat"}));
        QVERIFY(answer_matches("no idea, a cat", {"Marmalade", "cat"})); // any one of them
        QVERIFY(!answer_matches("", {"x"}));
        QVERIFY(!answer_matches("anything", {""}));
    }

    void passagesAndBm25() {
        std::string text;
        for (int i = 0; i < 450; ++i) text += (i == 300 ? "zebra" : "word" + std::to_string(i % 7)) + std::string(i % 13 == 12 ? "\n\n" : " ");
        const auto p = split_passages(text, 200);
        QCOMPARE(p.size(), size_t(3));
        size_t words = 0;
        for (size_t i = 0; i < p.size(); ++i) {
            const auto w = bm25_words(std::string_view(text).substr(p[i].begin, p[i].end - p[i].begin));
            QVERIFY(w.size() <= 200);
            words += w.size();
            if (i) QVERIFY(p[i].begin >= p[i - 1].end);
        }
        QCOMPARE(words, size_t(450));
        const auto s = bm25_scores(text, p, "Where is the ZEBRA?");
        QVERIFY(s[1] > s[0] && s[1] > s[2]); // the passage with the rare word
        QCOMPARE(s[0], 0.0);
        QCOMPARE(bm25_words("Ünïcode x-ray 42"), (std::vector<std::string>{"Ünïcode", "x", "ray", "42"}));
    }

    void ragContextKeepsItsBudget() {
        auto model = test::load_stories260k();
        if (!model) QSKIP("stories260K is absent (../shared/models/stories260K): its tokenizer counts the passages");
        std::string text;
        for (int i = 0; i < 2000; ++i) text += (i == 1500 ? "The owl was named Hoot. " : "Tom saw a big red ball in the park. ");
        for (int budget : {30, 300, 1000}) {
            const std::string c = rag_context(model->tok(), text, "What was the owl named?", budget);
            QVERIFY(!c.empty());
            QVERIFY2(static_cast<int>(model->tok().encode(c).size()) <= budget + 2, qPrintable(QString::number(budget)));
            if (budget >= 300) QVERIFY(c.rfind("The owl was named Hoot.", 0) != std::string::npos || c.find("Hoot") < 1500); // best first
        }
        // At most N passages (GPT4All's way), within the budget, the best first.
        auto count = [](const std::string & c) { size_t n = 1, at = 0; while ((at = c.find("\n\n", at)) != std::string::npos) ++n, at += 2; return n; };
        QVERIFY(count(rag_context(model->tok(), text, "What was the owl named?", 4000)) > 3);
        for (int n : {1, 3}) {
            const std::string c = rag_context(model->tok(), text, "What was the owl named?", 4000, 200, n);
            QCOMPARE(count(c), size_t(n));
            QVERIFY(c.find("Hoot") < 1500);
        }
    }

    // The command line with stories260K (fast): one row per question and method, the style column.
    void docqaThroughTheCli() {
        if (!test::exists(test::stories260k_dir() + "/stories260K.bin")) QSKIP("stories260K is absent (../shared/models/stories260K)");
        QTemporaryDir dir;
        std::string story;
        for (int i = 0; i < 60; ++i) story += i == 40 ? "Lily had a red kite called Zip. " : "Tom played with a ball in the park. ";
        const QString doc = test::write_file(dir.filePath("story.txt"), QByteArray::fromStdString(story));
        const QString qs = test::write_file(dir.filePath("story.jsonl"), question_line("What was Lily's kite called?", {"Zip"}, {"a red kite called Zip"}) +
                                                                             question_line("Who played with a ball?", {"Tom"}, {"Tom played with a ball"}));
        QProcess p;
        p.start(QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli")),
                {"eval", "--model", QString::fromStdString(test::stories260k_dir() + "/stories260K.bin"), "--tokenizer",
                 QString::fromStdString(test::stories260k_dir() + "/tok512.bin"), "--task", "docqa", "--doc", doc, "--questions", qs, "--method",
                 "qllm,infllm,rag,truncate", "--preset", "512", "--n-local", "64", "--block-size", "16", "--exc-block-size", "32", "--answer-tokens", "8",
                 "--backend", "cpu", "--out", dir.filePath("out"), "-q"});
        QVERIFY(p.waitForFinished(300000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const std::string csv = test::read_bytes(dir.filePath("out/results.csv").toStdString());
        int rows = 0;
        for (char c : csv) rows += c == '\n';
        QCOMPARE(rows, 1 + 2 * 4); // header, questions x methods
        QVERIFY(csv.find(",style\n") != std::string::npos);
        QVERIFY(csv.find("docqa,") != std::string::npos);
        QVERIFY(csv.find(",rag,-,") != std::string::npos);
        QVERIFY(csv.find(",truncate,-,") != std::string::npos);
        const std::string summary = test::read_bytes(dir.filePath("out/summary.md").toStdString());
        QVERIFY(summary.find("docqa by question style") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TstDocqa)
#include "tst_docqa.moc"

// The demo book shipped in resources/demo: the generator writes the same bytes again (so the
// shipped file is the generator's, not hand-edited), every planted answer occurs exactly once,
// every question says whether the app suggests it, the chapters are the outline, and the length
// is within 20,000-50,000 tokens of the default model's tokenizer (when the model cache has it).
#include "document/document_source.h"
#include "model/model.h"
#include "test_env.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSrc = QUIRE_SOURCE_DIR;
const QString kBook = "the-keepers-of-halden-light.md", kQuestions = "the-keepers-of-halden-light.questions.json";
QByteArray slurp(const QString & p) {
    QFile f(p);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TstDemoBook : public QObject {
    Q_OBJECT
private slots:
    void generatorReproducesTheShippedBook() {
        QTemporaryDir dir;
        QProcess py;
        py.start("python3", {kSrc + "/scripts/make-demo-book.py", "--out", dir.path()});
        QVERIFY(py.waitForFinished(60000));
        QCOMPARE(py.exitCode(), 0);
        for (const QString & f : {kBook, kQuestions}) {
            const QByteArray shipped = slurp(kSrc + "/resources/demo/" + f), again = slurp(dir.filePath(f));
            QVERIFY2(!shipped.isEmpty(), qPrintable(f));
            QVERIFY2(shipped == again, qPrintable(f + " differs from what scripts/make-demo-book.py writes"));
        }
    }

    void plantedAnswersOccurOnce() {
        const QString book = QString::fromUtf8(slurp(kSrc + "/resources/demo/" + kBook));
        const QJsonArray qs = QJsonDocument::fromJson(slurp(kSrc + "/resources/demo/" + kQuestions)).object()["questions"].toArray();
        QVERIFY(qs.size() >= 5);
        for (const QJsonValue & v : qs) {
            const QString a = v.toObject()["answer"].toString();
            QVERIFY(!v.toObject()["question"].toString().isEmpty());
            QCOMPARE(book.count(a), 1);
        }
    }

    // The app suggests the questions marked "suggest" (those the default model was measured to
    // answer, scripts/make-demo-book.py): every question says whether, as a JSON boolean.
    void everyQuestionSaysWhetherSuggested() {
        const QJsonArray qs = QJsonDocument::fromJson(slurp(kSrc + "/resources/demo/" + kQuestions)).object()["questions"].toArray();
        for (const QJsonValue & v : qs) QVERIFY2(v.toObject()["suggest"].isBool(), qPrintable(v.toObject()["question"].toString()));
    }

    void chaptersAreTheOutline() {
        const auto doc = quire::document_open((kSrc + "/resources/demo/" + kBook).toStdString());
        QCOMPARE(doc->info().format, std::string("markdown"));
        int chapters = 0;
        for (const auto & o : doc->outline()) chapters += o.title.rfind("Chapter ", 0) == 0;
        QCOMPARE(chapters, 24);
    }

    void lengthInTokens() {
        const std::string m = quire::test::smollm2_path();
        if (!quire::test::exists(m)) QSKIP("the default model is not in the model cache: no token count");
        quire::ModelLoadOptions lo;
        lo.load_weights = false;
        const auto model = quire::model_load(m, lo);
        const size_t n = model->tok().encode(slurp(kSrc + "/resources/demo/" + kBook).toStdString()).size();
        qInfo("demo book: %zu tokens", n);
        QVERIFY(n >= 20000 && n <= 50000);
    }
};

QTEST_GUILESS_MAIN(TstDemoBook)
#include "tst_demo_book.moc"

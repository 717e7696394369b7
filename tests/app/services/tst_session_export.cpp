// Session export: each format is written and read back by an independent reader (Qt's JSON
// parser with a schema check, the text of Markdown and HTML, poppler through the engine's PDF
// source); writes are atomic (a failed export leaves the previous file).
#include "document/document_source.h"
#include "services/session_export.h"

#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace quire::app;

namespace {

SessionExport sample() {
    SessionExport s;
    s.document.path = "/books/moby-dick.pdf";
    s.document.title = "Moby Dick";
    s.document.format = "pdf";
    s.document.pages = 635;
    s.document.tokens = 300123;
    s.session.title = "Whales & <men>";
    s.session.model = "SmolLM2-135M-Instruct.Q4_1.gguf";
    s.session.settings_json = R"({"preset":"2k","beta":1.0,"topk":8})";
    s.session.created = QDateTime::fromString("2026-11-29T10:00:00.000Z", Qt::ISODateWithMs);
    s.session.updated = QDateTime::fromString("2026-11-29T10:05:00.000Z", Qt::ISODateWithMs);
    const QStringList qs = {"Who is Ishmael?", "What is the Pequod's captain called?", "Does \"Stubb\" <like> whales & oil?"};
    const QStringList as = {"Ishmael is the narrator.", "Captain Ahab.", "Stubb likes whale steak; 50% of the time."};
    for (int i = 0; i < qs.size(); ++i) {
        ExchangeRecord x;
        x.position = i;
        x.question = qs[i];
        x.answer = as[i];
        x.asked = s.session.created.addSecs(60 * i);
        x.answered = x.asked.addSecs(3);
        x.evidence_json = QString(R"([{"block":%1,"pages":[%2,%3],"excerpt":"Call me Ishmael, part %1.","score":0.%4}])").arg(i + 3).arg(i + 1).arg(i + 2).arg(7 - i);
        x.retrieval_json = R"({"steps":2,"selected":[[3,4],[3,5]]})";
        s.exchanges << x;
    }
    s.exchanges.back().stopped = true;
    return s;
}

QString read_all(const QString & path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TstSessionExport : public QObject {
    Q_OBJECT
private slots:
    void jsonIsCompleteAndParses() {
        QTemporaryDir dir;
        const SessionExport s = sample();
        const QString f = dir.filePath("s.json");
        export_session(s, export_format_for(f), f);
        QJsonParseError err{};
        const QJsonDocument d = QJsonDocument::fromJson(read_all(f).toUtf8(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonObject root = d.object();
        QCOMPARE(root["format"].toString(), QString("quire-session"));
        QCOMPARE(root["version"].toInt(), 1);
        const QJsonObject doc = root["document"].toObject(), ses = root["session"].toObject();
        QCOMPARE(doc["title"].toString(), s.document.title);
        QCOMPARE(doc["pages"].toInt(), 635);
        QCOMPARE(doc["tokens"].toInteger(), qint64(300123));
        QCOMPARE(ses["model"].toString(), s.session.model);
        QCOMPARE(ses["settings"].toObject()["preset"].toString(), QString("2k"));
        QCOMPARE(QDateTime::fromString(ses["created"].toString(), Qt::ISODateWithMs), s.session.created);
        const QJsonArray ex = root["exchanges"].toArray();
        QCOMPARE(ex.size(), s.exchanges.size());
        for (int i = 0; i < ex.size(); ++i) {
            const QJsonObject x = ex[i].toObject();
            for (const char * key : {"position", "question", "answer", "stopped", "asked", "answered", "evidence", "retrieval"})
                QVERIFY2(x.contains(key), key);
            QCOMPARE(x["question"].toString(), s.exchanges[i].question);
            QCOMPARE(x["answer"].toString(), s.exchanges[i].answer);
            const QJsonObject e = x["evidence"].toArray().first().toObject();
            QCOMPARE(e["block"].toInt(), i + 3);
            QCOMPARE(e["pages"].toArray().first().toInt(), i + 1);
            QVERIFY(e["excerpt"].toString().startsWith("Call me Ishmael"));
            QVERIFY(e["score"].toDouble() > 0);
            QCOMPARE(x["retrieval"].toObject()["steps"].toInt(), 2);
        }
        QVERIFY(ex.last().toObject()["stopped"].toBool());
    }

    void markdownAndHtmlHoldEveryExchange() {
        QTemporaryDir dir;
        const SessionExport s = sample();
        const QString md = dir.filePath("s.md"), html = dir.filePath("s.html");
        export_session(s, export_format_for(md), md);
        export_session(s, export_format_for(html), html);
        const QString m = read_all(md);
        QTextDocument td;
        td.setHtml(read_all(html));
        const QString h = td.toPlainText(); // the text a browser shows (entities decoded)
        for (const ExchangeRecord & x : s.exchanges) {
            QVERIFY2(m.contains(x.question), qPrintable(x.question));
            QVERIFY2(m.contains(x.answer), qPrintable(x.answer));
            QVERIFY2(h.contains(x.question), qPrintable(x.question));
            QVERIFY2(h.contains(x.answer), qPrintable(x.answer));
        }
        QVERIFY(m.contains("pp. 1-2"));
        QVERIFY(h.contains("Whales & <men>"));
        QVERIFY(!read_all(html).contains("<men>")); // escaped in the markup
    }

    void pdfOpensWithPoppler() {
        if (!quire::document_pdf_supported()) QSKIP("this build reads no PDFs (poppler-cpp absent)");
        QTemporaryDir dir;
        const SessionExport s = sample();
        const QString f = dir.filePath("s.pdf");
        export_session(s, export_format_for(f), f);
        const auto doc = quire::document_open(f.toStdString());
        QVERIFY(doc->info().pages >= 1);
        std::string text;
        for (int p = 0; p < doc->info().pages; ++p) text += doc->page(p).text + "\n";
        const QString t = QString::fromStdString(text).simplified();
        for (const ExchangeRecord & x : s.exchanges) {
            QVERIFY2(t.contains(x.question), qPrintable(x.question + " not in: " + t.left(400)));
            QVERIFY2(t.contains(x.answer), qPrintable(x.answer));
        }
    }

    void failedExportKeepsPreviousFile() {
        QTemporaryDir dir;
        const QString f = dir.filePath("s.md");
        {
            QFile old(f);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous export\n");
        }
        // The folder becomes read-only: the temporary file cannot be created, the old file stays.
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        bool threw = false;
        try {
            export_session(sample(), ExportFormat::Markdown, f);
        } catch (const ExportError &) {
            threw = true;
        }
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        // Either the export failed and the previous file is intact, or (as root, where the
        // permissions do not stop it) the new file is complete: never a partial file.
        const QString now = read_all(f);
        if (threw) QCOMPARE(now, QString("previous export\n"));
        else QVERIFY(now.contains("Who is Ishmael?") && now.contains("Stubb likes whale steak"));
        QVERIFY_THROWS_EXCEPTION(ExportError, export_format_for("session.docx"));
    }
};

int main(int argc, char ** argv) {
    QGuiApplication app(argc, argv); // fonts for the PDF
    TstSessionExport t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_session_export.moc"

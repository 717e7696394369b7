// Translations: every .ts file is complete (no unfinished, empty or obsolete entries), the .ts
// files hold exactly the strings the sources mark with tr() (lupdate run afresh), and the
// compiled translations load and change what the widgets say.
#include "chat_view.h"
#include "i18n.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {
const QString kSrc = QUIRE_SOURCE_DIR;

struct TsInfo {
    QSet<QString> messages; // context + '\x1f' + source
    QStringList problems;
};

TsInfo read_ts(const QString & path) {
    TsInfo info;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        info.problems << "cannot open " + path;
        return info;
    }
    QXmlStreamReader x(&f);
    QString context, source;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement()) continue;
        if (x.name() == u"name") context = x.readElementText();
        else if (x.name() == u"source") source = x.readElementText();
        else if (x.name() == u"translation") {
            const QString type = x.attributes().value("type").toString();
            info.messages.insert(context + '\x1f' + source);
            if (!type.isEmpty()) info.problems << QString("%1 / \"%2\": %3").arg(context, source, type);
            QString text;
            bool any_form = false, empty_form = false;
            while (!(x.isEndElement() && x.name() == u"translation") && !x.atEnd()) {
                x.readNext();
                if (x.isCharacters()) text += x.text();
                if (x.isStartElement() && x.name() == u"numerusform") {
                    any_form = true;
                    empty_form = empty_form || x.readElementText().trimmed().isEmpty();
                }
            }
            if ((!any_form && text.trimmed().isEmpty()) || empty_form) info.problems << QString("%1 / \"%2\": empty").arg(context, source);
        }
    }
    if (x.hasError()) info.problems << path + ": " + x.errorString();
    return info;
}
} // namespace

class TstTranslations : public QObject {
    Q_OBJECT
private slots:
    void filesAreComplete() {
        for (const QString & l : quire::ui::available_languages()) {
            const TsInfo t = read_ts(kSrc + "/translations/quire_" + l + ".ts");
            QVERIFY2(t.problems.isEmpty(), qPrintable(l + ": " + t.problems.join("; ")));
            QVERIFY(t.messages.size() > 150);
        }
    }

    void filesMatchTheSources() {
        const QString lupdate = QUIRE_LUPDATE;
        if (!QFile::exists(lupdate)) QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        const QString fresh = dir.filePath("fresh.ts");
        QProcess p;
        p.setWorkingDirectory(kSrc);
        p.start(lupdate, {"-no-obsolete", "-locations", "none", "-I", "app", "app/gui", "app/services", "ui", "engine/memory/memory_settings.cpp", "-ts", fresh});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QSet<QString> want = read_ts(fresh).messages;
        for (const QString & l : quire::ui::available_languages()) {
            const QSet<QString> have = read_ts(kSrc + "/translations/quire_" + l + ".ts").messages;
            QStringList missing, extra;
            for (const QString & m : want)
                if (!have.contains(m)) missing << QString(m).replace('\x1f', " / ");
            for (const QString & m : have)
                if (!want.contains(m)) extra << QString(m).replace('\x1f', " / ");
            QVERIFY2(missing.isEmpty() && extra.isEmpty(),
                     qPrintable(l + ": not translated: " + missing.join("; ") + " | no longer in the sources: " + extra.join("; ") +
                                " (bash scripts/update-translations.sh, then translate)"));
        }
    }

    void translatorsChangeTheWidgets() {
        const QHash<QString, QString> ask = {{"de", "Fragen"}, {"fr", "Demander"}, {"es", "Preguntar"}, {"zh_CN", "提问"}, {"ja", "質問"}};
        for (const QString & l : quire::ui::available_languages()) {
            QCOMPARE(quire::ui::install_translations(l, QUIRE_QM_DIR), l);
            QCOMPARE(QCoreApplication::translate("quire::ui::ChatView", "Ask"), ask[l]);
            QVERIFY(QCoreApplication::translate("quire::app::EngineWorker", "No model is loaded.") != "No model is loaded.");
            QVERIFY(QCoreApplication::translate("quire::ui::LibraryModel", "%n page(s)", nullptr, 3).contains("3"));
            quire::ui::ChatView chat;
            bool found = false;
            for (auto * b : chat.findChildren<QPushButton *>()) found = found || b->text() == ask[l];
            QVERIFY2(found, qPrintable(l));
        }
        QCOMPARE(quire::ui::install_translations("en", QUIRE_QM_DIR), QString("en"));
        QCOMPARE(QCoreApplication::translate("quire::ui::ChatView", "Ask"), QString("Ask"));
    }
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"

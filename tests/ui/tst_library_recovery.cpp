// A damaged library at start (pages overwritten, as a failing disk or a crash leaves them): the
// app's dialog offers a fresh library; accepted, the damaged file and its -wal/-shm are moved
// aside with a timestamp and a new library opens; declined, nothing is touched. No abort.
#include "library_recovery.h"
#include "support/damaged_library.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace quire;

namespace {

QByteArray file_hash(const QString & path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A damaged library (tests/support/damaged_library.h), with the -wal and -shm a crash leaves.
void make_damaged_library(const QString & f) {
    QVERIFY(test::make_damaged_library(f));
    QFile(f + "-wal").open(QIODevice::WriteOnly);
    QFile(f + "-shm").open(QIODevice::WriteOnly);
}

// Clicks the button named `button` of the damaged-library dialog once it shows; the text it said.
void answer_dialog(const QString & button, QString * said) {
    auto * poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, said] {
        auto * box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != "library-damaged") return;
        *said = box->text() + "\n" + box->informativeText() + "\n" + box->detailedText();
        box->findChild<QPushButton *>(button)->click();
        poll->deleteLater();
    });
    poll->start(20);
}

} // namespace

class TstLibraryRecovery : public QObject {
    Q_OBJECT
private slots:
    void declinedLeavesTheLibraryUntouched() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        make_damaged_library(f);
        const QByteArray before = file_hash(f);
        QString said;
        answer_dialog("quit", &said);
        QVERIFY(ui::open_library(f) == nullptr);
        QVERIFY2(said.contains("damaged") && said.contains(f), qPrintable(said));
        QCOMPARE(file_hash(f), before);
        QCOMPARE(QDir(dir.path()).entryList({"*.damaged-*"}, QDir::Files), QStringList());
    }

    void freshLibraryAfterMovingTheDamagedOneAside() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        make_damaged_library(f);
        const QByteArray before = file_hash(f);
        QString said;
        answer_dialog("fresh", &said);
        auto db = ui::open_library(f);
        QVERIFY(db);
        QVERIFY(db->documents().isEmpty());
        const QStringList aside = QDir(dir.path()).entryList({"library.sqlite.damaged-*"}, QDir::Files, QDir::Name);
        QVERIFY(!aside.isEmpty()); // the file (SQLite itself removed the empty -wal and -shm when it closed it)
        QVERIFY2(QRegularExpression(R"(^library\.sqlite\.damaged-\d{8}-\d{6}$)").match(aside[0]).hasMatch(), qPrintable(aside.join(' ')));
        QCOMPARE(file_hash(dir.filePath(aside[0])), before);
        // Found damaged while the app ran: the same offer, from the reason given.
        db.reset();
        answer_dialog("fresh", &said);
        db = ui::open_library(f, "library query failed: database disk image is malformed");
        QVERIFY(db);
        QVERIFY(said.contains("malformed"));
        QVERIFY(QDir(dir.path()).entryList({"library.sqlite.damaged-*"}, QDir::Files).size() > aside.size());
    }
};

QTEST_MAIN(TstLibraryRecovery)
#include "tst_library_recovery.moc"

// The library database: schema creation and migration, documents and sessions round trips,
// refusal of newer or foreign files (left untouched), rollback of failed writes, and the data
// seen by a second process after the first one closed it (an app restart).
#include "services/library_db.h"
#include "support/damaged_library.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace quire::app;

namespace {

QByteArray file_hash(const QString & path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

DocumentRecord doc(const QString & path, const QString & title) {
    DocumentRecord d;
    d.path = path;
    d.title = title;
    d.format = "pdf";
    d.pages = 12;
    return d;
}

// The child half of restartInNewProcess: opens the library, prints what it holds, adds an exchange.
int child_main(const QString & file) {
    try {
        LibraryDb db(file);
        QTextStream out(stdout);
        for (const DocumentRecord & d : db.documents()) {
            out << "doc " << d.title << " " << ingest_state_name(d.state) << " " << d.tokens << "\n";
            for (const SessionRecord & s : db.sessions(d.id)) {
                out << "session " << s.title << "\n";
                for (const ExchangeRecord & e : db.exchanges(s.id)) out << "q " << e.question << " a " << e.answer << "\n";
                ExchangeRecord e;
                e.session_id = s.id;
                e.question = "From the child?";
                e.answer = "Yes.";
                db.add_exchange(e);
            }
        }
        return 0;
    } catch (const LibraryError & e) {
        QTextStream(stderr) << e.what() << "\n";
        return 1;
    }
}

} // namespace

class TstLibraryDb : public QObject {
    Q_OBJECT
private slots:
    void createsCurrentSchema() {
        QTemporaryDir dir;
        const QString f = dir.filePath("sub/library.sqlite"); // the folder is created too
        LibraryDb db(f);
        QCOMPARE(db.schema_version(), LibraryDb::kSchemaVersion);
        QVERIFY(QFile::exists(f));
        QVERIFY(db.documents().isEmpty());
        // Commits go to a write-ahead log (no fsync per commit on the window's thread).
        QVERIFY(QFile::exists(f + "-wal"));
    }

    void migratesAndKeepsData() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        qint64 id = 0;
        {
            LibraryDb v1(f, 1);
            QCOMPARE(v1.schema_version(), 1);
            id = v1.add_document(doc("/books/a.pdf", "A Book"));
        }
        LibraryDb db(f);
        QCOMPARE(db.schema_version(), LibraryDb::kSchemaVersion);
        const auto d = db.document(id);
        QVERIFY(d);
        QCOMPARE(d->title, QString("A Book"));
        QVERIFY(db.create_session(id, "First", "m.gguf", "{}") > 0);
    }

    void documentsRoundTrip() {
        QTemporaryDir dir;
        LibraryDb db(dir.filePath("library.sqlite"));
        const qint64 a = db.add_document(doc("/books/a.pdf", "A"));
        QTest::qWait(5); // distinct timestamps
        const qint64 b = db.add_document(doc("/books/b.epub", "B"));
        QVERIFY(a != b);
        QCOMPARE(db.add_document(doc("/books/a.pdf", "A again")), a); // one entry per path
        QCOMPARE(db.documents().size(), 2);
        QCOMPARE(db.documents().front().id, b); // most recently opened first
        QTest::qWait(5);
        db.touch_document(a);
        QCOMPARE(db.documents().front().id, a);

        DocumentRecord d = *db.document(b);
        d.state = IngestState::Ready;
        d.tokens = 123456;
        d.model = "/models/m.gguf";
        d.store_path = "/stores/b.qst";
        d.pages = 300;
        db.update_document(d);
        const DocumentRecord r = *db.document(b);
        QCOMPARE(r.state, IngestState::Ready);
        QCOMPARE(r.tokens, qint64(123456));
        QCOMPARE(r.store_path, QString("/stores/b.qst"));
        QCOMPARE(r.pages, 300);
        QCOMPARE(r.added, d.added);
        QVERIFY(db.document_by_path("/books/b.epub"));
        QVERIFY(!db.document_by_path("/books/none.pdf"));
    }

    void sessionsAndExchanges() {
        QTemporaryDir dir;
        LibraryDb db(dir.filePath("library.sqlite"));
        const qint64 d = db.add_document(doc("/books/a.pdf", "A"));
        const qint64 s1 = db.create_session(d, "One", "m.gguf", R"({"beta":1})");
        QTest::qWait(5);
        const qint64 s2 = db.create_session(d, "Two", "m.gguf", "{}");
        QCOMPARE(db.sessions(d).front().id, s2);
        for (int i = 0; i < 3; ++i) {
            ExchangeRecord e;
            e.session_id = s1;
            e.question = QString("Question %1").arg(i);
            e.answer = QString("Answer %1 — ünïcödé ✓").arg(i);
            e.evidence_json = R"([{"block":3,"pages":[4],"score":0.5}])";
            QTest::qWait(5);
            db.add_exchange(e);
        }
        QCOMPARE(db.sessions(d).front().id, s1); // updated by its exchanges
        auto ex = db.exchanges(s1);
        QCOMPARE(ex.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(ex[i].position, i);
            QCOMPARE(ex[i].question, QString("Question %1").arg(i));
        }
        QCOMPARE(ex[2].answer, QString("Answer 2 — ünïcödé ✓"));
        ex[1].answer = "Changed";
        ex[1].stopped = true;
        ex[1].answered = QDateTime::currentDateTimeUtc();
        db.update_exchange(ex[1]);
        const auto again = db.exchanges(s1);
        QCOMPARE(again[1].answer, QString("Changed"));
        QVERIFY(again[1].stopped);
        QVERIFY(again[1].answered.isValid());
        QCOMPARE(db.session(s1)->settings_json, QString(R"({"beta":1})"));
        db.rename_session(s2, "Renamed");
        QCOMPARE(db.session(s2)->title, QString("Renamed"));

        // Removing the document removes its sessions and exchanges.
        db.remove_document(d);
        QVERIFY(db.sessions(d).isEmpty());
        QVERIFY(db.exchanges(s1).isEmpty());
        QVERIFY(!db.session(s2));
    }

    void failedWriteLeavesNothing() {
        QTemporaryDir dir;
        LibraryDb db(dir.filePath("library.sqlite"));
        ExchangeRecord e;
        e.session_id = 4242; // no such session: the foreign key refuses it
        e.question = "orphan";
        QVERIFY_THROWS_EXCEPTION(LibraryError, db.add_exchange(e));
        QVERIFY(db.exchanges(4242).isEmpty());
        // The connection is usable afterwards.
        QVERIFY(db.add_document(doc("/x.pdf", "X")) > 0);
    }

    void refusesNewerSchema() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        { LibraryDb db(f); db.add_document(doc("/a.pdf", "A")); }
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase("QSQLITE", "raw");
            raw.setDatabaseName(f);
            QVERIFY(raw.open());
            QSqlQuery(raw).exec("PRAGMA user_version = 99");
            raw.close();
        }
        QSqlDatabase::removeDatabase("raw");
        const QByteArray before = file_hash(f);
        try {
            LibraryDb db(f);
            QFAIL("a newer schema was opened");
        } catch (const LibraryError & e) {
            QVERIFY2(QString(e.what()).contains("newer Quire"), e.what());
        }
        QCOMPARE(file_hash(f), before);
    }

    void refusesForeignFile() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        {
            QFile out(f);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QByteArray junk(4096, '\0');
            for (int i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919 + 13) & 0xff);
            out.write(junk);
        }
        const QByteArray before = file_hash(f);
        try {
            LibraryDb db(f);
            QFAIL("a file that is not a database was opened");
        } catch (const LibraryError & e) {
            QVERIFY2(QString(e.what()).contains("not a Quire library"), e.what());
        }
        QCOMPARE(file_hash(f), before);
    }

    // A library with damaged pages (bytes 4096-12287 overwritten) is refused at open as damaged,
    // left untouched; moved aside (with its -wal and -shm) a fresh library opens in its place.
    void damagedPagesFoundAtOpen() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        QVERIFY(quire::test::make_damaged_library(f));
        const QByteArray before = file_hash(f);
        try {
            LibraryDb db(f);
            QFAIL("a damaged library was opened");
        } catch (const LibraryError & e) {
            QVERIFY(e.damaged());
            QVERIFY2(QString(e.what()).contains("is damaged") && QString(e.what()).contains(f), e.what());
        }
        QCOMPARE(file_hash(f), before);
        QFile(f + "-wal").open(QIODevice::WriteOnly); // as a crash (kill -9) leaves them
        QFile(f + "-shm").open(QIODevice::WriteOnly);
        const QString aside = move_library_aside(f);
        QVERIFY2(aside.startsWith(f + ".damaged-2"), qPrintable(aside));
        QCOMPARE(file_hash(aside), before);
        QVERIFY(QFileInfo::exists(aside + "-wal") && QFileInfo::exists(aside + "-shm"));
        QVERIFY(!QFileInfo::exists(f) && !QFileInfo::exists(f + "-wal") && !QFileInfo::exists(f + "-shm"));
        LibraryDb fresh(f);
        QVERIFY(fresh.documents().isEmpty());
        // Foreign bytes count as damaged too; a newer Quire's library does not.
        try {
            QFile junk(dir.filePath("junk.sqlite"));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray(4096, 'j'));
            junk.close();
            LibraryDb db(junk.fileName());
            QFAIL("junk was opened");
        } catch (const LibraryError & e) {
            QVERIFY(e.damaged());
        }
    }

    // A new store's file never takes the name of a file that exists (a 0-byte library taken for
    // a new one, beside the old library's stores) nor one another document owns.
    void storeNamesNeverCollide() {
        QTemporaryDir dir;
        LibraryDb db(dir.filePath("library.sqlite"));
        const QString stores = dir.filePath("stores");
        QVERIFY(QDir().mkpath(stores));
        QCOMPARE(db.new_store_path(stores, 1), QDir(stores).absoluteFilePath("document-1.qst"));
        QFile(QDir(stores).filePath("document-1.qst")).open(QIODevice::WriteOnly);
        QCOMPARE(db.new_store_path(stores, 1), QDir(stores).absoluteFilePath("document-1-1.qst"));
        DocumentRecord d = doc("/books/a.pdf", "A");
        d.store_path = QDir(stores).absoluteFilePath("document-1-1.qst");
        db.add_document(d);
        QCOMPARE(db.new_store_path(stores, 1), QDir(stores).absoluteFilePath("document-1-2.qst"));
    }

    void survivesRestartInNewProcess() {
        QTemporaryDir dir;
        const QString f = dir.filePath("library.sqlite");
        qint64 s = 0;
        {
            LibraryDb db(f);
            DocumentRecord d = doc("/books/war-and-peace.pdf", "War-and-Peace");
            d.state = IngestState::Ready;
            d.tokens = 777;
            const qint64 id = db.add_document(d);
            s = db.create_session(id, "Reading", "m.gguf", "{}");
            ExchangeRecord e;
            e.session_id = s;
            e.question = "Who?";
            e.answer = "Pierre.";
            db.add_exchange(e);
        }
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QUIRE_LIBDB_CHILD", f);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), 0);
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QVERIFY2(out.contains("doc War-and-Peace ready 777"), qPrintable(out));
        QVERIFY2(out.contains("session Reading"), qPrintable(out));
        QVERIFY2(out.contains("q Who? a Pierre."), qPrintable(out));
        // What the child wrote is here after it exited.
        LibraryDb db(f);
        const auto ex = db.exchanges(s);
        QCOMPARE(ex.size(), 2);
        QCOMPARE(ex[1].question, QString("From the child?"));
    }
};

int main(int argc, char ** argv) {
    QCoreApplication app(argc, argv);
    const QString child = qEnvironmentVariable("QUIRE_LIBDB_CHILD");
    if (!child.isEmpty()) return child_main(child);
    TstLibraryDb t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_library_db.moc"

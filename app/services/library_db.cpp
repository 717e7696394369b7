#include "services/library_db.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace quire::app {

namespace {

// Each step takes the schema from version i to i + 1.
const QList<QStringList> & migrations() {
    static const QList<QStringList> steps = {
        { // 1: documents
         "CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, title TEXT NOT NULL, format TEXT NOT NULL,"
         " pages INTEGER NOT NULL DEFAULT 0, tokens INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'new',"
         " model TEXT NOT NULL DEFAULT '', store_path TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
         " added TEXT NOT NULL, last_opened TEXT)"},
        { // 2: Q&A sessions and their exchanges
         "CREATE TABLE sessions (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
         " title TEXT NOT NULL, model TEXT NOT NULL, settings TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL)",
         "CREATE INDEX sessions_document ON sessions(document_id)",
         "CREATE TABLE exchanges (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
         " position INTEGER NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL DEFAULT '', evidence TEXT NOT NULL DEFAULT '[]',"
         " retrieval TEXT NOT NULL DEFAULT '{}', stopped INTEGER NOT NULL DEFAULT 0, asked TEXT NOT NULL, answered TEXT,"
         " UNIQUE(session_id, position))"},
    };
    return steps;
}

QString stamp(const QDateTime & t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QDateTime unstamp(const QVariant & v) {
    if (v.isNull() || v.toString().isEmpty()) return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}
QVariant stamp_or_null(const QDateTime & t) { return t.isValid() ? QVariant(stamp(t)) : QVariant(); } // QVariant(): SQL NULL

} // namespace

QString ingest_state_name(IngestState s) {
    switch (s) {
    case IngestState::New: return "new";
    case IngestState::Reading: return "reading";
    case IngestState::Ready: return "ready";
    case IngestState::Failed: return "failed";
    case IngestState::Cancelled: return "cancelled";
    }
    return "failed";
}

IngestState ingest_state_from_name(const QString & s) {
    for (IngestState st : {IngestState::New, IngestState::Reading, IngestState::Ready, IngestState::Failed, IngestState::Cancelled})
        if (ingest_state_name(st) == s) return st;
    return IngestState::Failed;
}

// Commits at commit(); rolls back when left without it (an exception on the way).
class LibraryDb::Transaction {
public:
    explicit Transaction(const QString & conn) : db_(QSqlDatabase::database(conn, false)) {
        if (!db_.transaction()) throw LibraryError("cannot start a transaction: " + db_.lastError().text().toStdString());
    }
    ~Transaction() {
        if (!done_) db_.rollback();
    }
    void commit() {
        if (!db_.commit()) {
            const std::string why = db_.lastError().text().toStdString();
            db_.rollback();
            done_ = true;
            throw LibraryError("cannot save to the library: " + why);
        }
        done_ = true;
    }

private:
    QSqlDatabase db_;
    bool done_ = false;
};

namespace {

// SQLite's primary result codes that mean the file itself is bad.
bool damage_code(const QSqlError & e) {
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    return ok && (code == 11 /* SQLITE_CORRUPT */ || code == 26 /* SQLITE_NOTADB */);
}

[[noreturn]] void query_failed(const QSqlQuery & q) {
    const QSqlError e = q.lastError();
    throw LibraryError("library query failed: " + e.text().toStdString(), damage_code(e));
}

QSqlQuery run(const QString & conn, const QString & sql, const QVariantList & args = {}) {
    QSqlQuery q(QSqlDatabase::database(conn, false));
    if (!q.prepare(sql)) query_failed(q);
    for (const QVariant & a : args) // a null QString (one never set) is stored as '', not NULL
        q.addBindValue(!a.isNull() && a.typeId() == QMetaType::QString && a.toString().isNull() ? QVariant(QString("")) : a);
    if (!q.exec()) query_failed(q);
    return q;
}

DocumentRecord read_document(const QSqlQuery & q) {
    DocumentRecord d;
    d.id = q.value(0).toLongLong();
    d.path = q.value(1).toString();
    d.title = q.value(2).toString();
    d.format = q.value(3).toString();
    d.pages = q.value(4).toInt();
    d.tokens = q.value(5).toLongLong();
    d.state = ingest_state_from_name(q.value(6).toString());
    d.model = q.value(7).toString();
    d.store_path = q.value(8).toString();
    d.error = q.value(9).toString();
    d.added = unstamp(q.value(10));
    d.last_opened = unstamp(q.value(11));
    return d;
}
const char * kDocumentColumns = "id, path, title, format, pages, tokens, state, model, store_path, error, added, last_opened";

SessionRecord read_session(const QSqlQuery & q) {
    SessionRecord s;
    s.id = q.value(0).toLongLong();
    s.document_id = q.value(1).toLongLong();
    s.title = q.value(2).toString();
    s.model = q.value(3).toString();
    s.settings_json = q.value(4).toString();
    s.created = unstamp(q.value(5));
    s.updated = unstamp(q.value(6));
    return s;
}
const char * kSessionColumns = "id, document_id, title, model, settings, created, updated";

// The first row of a query's result through `read`, or nothing.
template <typename Read> auto first_row(QSqlQuery q, Read read) -> std::optional<decltype(read(q))> {
    if (!q.next()) return std::nullopt;
    return read(q);
}

} // namespace

LibraryDb::LibraryDb(const QString & file, int target_version) : file_(file) {
    static QAtomicInteger<int> counter;
    conn_ = QString("quire-library-%1").arg(counter.fetchAndAddRelaxed(1));
    const QFileInfo fi(file);
    if (!QDir().mkpath(fi.absolutePath())) throw LibraryError("cannot create the folder " + fi.absolutePath().toStdString());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", conn_);
        db.setDatabaseName(file);
        if (!db.open()) {
            const std::string why = db.lastError().text().toStdString();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(conn_);
            throw LibraryError("cannot open the library " + file.toStdString() + ": " + why);
        }
    }
    try {
        // The first read tells a database from any other file.
        QSqlQuery q = run(conn_, "PRAGMA user_version");
        const int version = q.next() ? q.value(0).toInt() : 0;
        q.finish(); // an open statement would hold a transaction the journal mode cannot change in
        // Damaged pages are found now, not by the first query that reads them.
        QSqlQuery check = run(conn_, "PRAGMA quick_check");
        const QString verdict = check.next() ? check.value(0).toString() : QString("no answer");
        check.finish();
        if (verdict != "ok")
            throw LibraryError("the library " + file.toStdString() + " is damaged (" + verdict.left(200).toStdString() + ")", true);
        if (version > kSchemaVersion)
            throw LibraryError("the library " + file.toStdString() + " was written by a newer Quire (schema " + std::to_string(version) +
                               ", this one knows up to " + std::to_string(kSchemaVersion) + "); it is left untouched");
        run(conn_, "PRAGMA foreign_keys = ON");
        run(conn_, "PRAGMA busy_timeout = 3000");
        // Write-ahead log, synced at checkpoints: a commit is atomic and survives a crash of the
        // app without an fsync on the window's thread (on a slow disk, tens of ms per commit).
        // A power cut may lose the last commits, never the file's consistency.
        run(conn_, "PRAGMA journal_mode = WAL");
        run(conn_, "PRAGMA synchronous = NORMAL");
        if (version < target_version) migrate(version, target_version);
    } catch (const LibraryError & e) {
        QSqlDatabase::database(conn_, false).close();
        QSqlDatabase::removeDatabase(conn_);
        const std::string what = e.what();
        if (what.find("not a database") != std::string::npos)
            throw LibraryError("the library " + file.toStdString() + " is damaged or not a Quire library (file is not a database)", true);
        throw;
    }
}

LibraryDb::~LibraryDb() {
    {
        QSqlDatabase db = QSqlDatabase::database(conn_, false);
        if (db.isValid()) db.close();
    }
    QSqlDatabase::removeDatabase(conn_);
}

void LibraryDb::migrate(int from, int to) {
    const auto & steps = migrations();
    for (int v = from; v < to && v < static_cast<int>(steps.size()); ++v) {
        Transaction t(conn_);
        for (const QString & sql : steps[v]) run(conn_, sql);
        run(conn_, QString("PRAGMA user_version = %1").arg(v + 1));
        t.commit();
    }
}

QString LibraryDb::new_store_path(const QString & stores_dir, qint64 id) const {
    QSet<QString> owned;
    for (const DocumentRecord & d : documents())
        if (!d.store_path.isEmpty()) owned.insert(QFileInfo(d.store_path).absoluteFilePath());
    const QDir dir(stores_dir);
    for (int n = 0;; ++n) {
        const QString name = n == 0 ? QString("document-%1.qst").arg(id) : QString("document-%1-%2.qst").arg(id).arg(n);
        const QString path = dir.absoluteFilePath(name);
        if (!QFileInfo::exists(path) && !owned.contains(path)) return path;
    }
}

QString move_library_aside(const QString & file) {
    const QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss");
    QString aside = file + ".damaged-" + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n) aside = file + ".damaged-" + stamp + "-" + QString::number(n);
    if (QFileInfo::exists(file) && !QFile::rename(file, aside))
        throw LibraryError("cannot move the damaged library " + file.toStdString() + " aside to " + aside.toStdString());
    for (const char * part : {"-wal", "-shm", "-journal"})
        if (QFileInfo::exists(file + part) && !QFile::rename(file + part, aside + part))
            throw LibraryError("cannot move " + (file + part).toStdString() + " aside to " + (aside + part).toStdString());
    return aside;
}

int LibraryDb::schema_version() const {
    QSqlQuery q = run(conn_, "PRAGMA user_version");
    return q.next() ? q.value(0).toInt() : 0;
}

// ---------------------------------------------------------------------------------------------
qint64 LibraryDb::add_document(const DocumentRecord & d) {
    if (auto existing = document_by_path(d.path)) return existing->id;
    Transaction t(conn_);
    const QDateTime added = d.added.isValid() ? d.added : QDateTime::currentDateTimeUtc();
    QSqlQuery q = run(conn_,
                      "INSERT INTO documents (path, title, format, pages, tokens, state, model, store_path, error, added, last_opened)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {d.path, d.title, d.format, d.pages, d.tokens, ingest_state_name(d.state), d.model, d.store_path, d.error, stamp(added),
                       stamp_or_null(d.last_opened.isValid() ? d.last_opened : added)});
    const qint64 id = q.lastInsertId().toLongLong();
    t.commit();
    return id;
}

std::optional<DocumentRecord> LibraryDb::document(qint64 id) const {
    return first_row(run(conn_, QString("SELECT %1 FROM documents WHERE id = ?").arg(kDocumentColumns), {id}), read_document);
}

std::optional<DocumentRecord> LibraryDb::document_by_path(const QString & path) const {
    return first_row(run(conn_, QString("SELECT %1 FROM documents WHERE path = ?").arg(kDocumentColumns), {path}), read_document);
}

QList<DocumentRecord> LibraryDb::documents() const {
    QSqlQuery q = run(conn_, QString("SELECT %1 FROM documents ORDER BY last_opened DESC, id DESC").arg(kDocumentColumns));
    QList<DocumentRecord> out;
    while (q.next()) out.push_back(read_document(q));
    return out;
}

void LibraryDb::update_document(const DocumentRecord & d) {
    Transaction t(conn_);
    run(conn_,
        "UPDATE documents SET path = ?, title = ?, format = ?, pages = ?, tokens = ?, state = ?, model = ?, store_path = ?, error = ?,"
        " last_opened = ? WHERE id = ?",
        {d.path, d.title, d.format, d.pages, d.tokens, ingest_state_name(d.state), d.model, d.store_path, d.error, stamp_or_null(d.last_opened), d.id});
    t.commit();
}

void LibraryDb::touch_document(qint64 id) {
    Transaction t(conn_);
    run(conn_, "UPDATE documents SET last_opened = ? WHERE id = ?", {stamp(QDateTime::currentDateTimeUtc()), id});
    t.commit();
}

void LibraryDb::remove_document(qint64 id) {
    Transaction t(conn_);
    run(conn_, "DELETE FROM documents WHERE id = ?", {id}); // sessions and exchanges by cascade
    t.commit();
}

// ---------------------------------------------------------------------------------------------
qint64 LibraryDb::create_session(qint64 document_id, const QString & title, const QString & model, const QString & settings_json) {
    Transaction t(conn_);
    const QString now = stamp(QDateTime::currentDateTimeUtc());
    QSqlQuery q = run(conn_, "INSERT INTO sessions (document_id, title, model, settings, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                      {document_id, title, model, settings_json, now, now});
    const qint64 id = q.lastInsertId().toLongLong();
    t.commit();
    return id;
}

std::optional<SessionRecord> LibraryDb::session(qint64 id) const {
    return first_row(run(conn_, QString("SELECT %1 FROM sessions WHERE id = ?").arg(kSessionColumns), {id}), read_session);
}

QList<SessionRecord> LibraryDb::sessions(qint64 document_id) const {
    QSqlQuery q = run(conn_, QString("SELECT %1 FROM sessions WHERE document_id = ? ORDER BY updated DESC, id DESC").arg(kSessionColumns), {document_id});
    QList<SessionRecord> out;
    while (q.next()) out.push_back(read_session(q));
    return out;
}

void LibraryDb::rename_session(qint64 id, const QString & title) {
    Transaction t(conn_);
    run(conn_, "UPDATE sessions SET title = ? WHERE id = ?", {title, id});
    t.commit();
}

void LibraryDb::remove_session(qint64 id) {
    Transaction t(conn_);
    run(conn_, "DELETE FROM sessions WHERE id = ?", {id});
    t.commit();
}

qint64 LibraryDb::add_exchange(const ExchangeRecord & e) {
    Transaction t(conn_);
    QSqlQuery pos = run(conn_, "SELECT COALESCE(MAX(position), -1) + 1 FROM exchanges WHERE session_id = ?", {e.session_id});
    const int position = pos.next() ? pos.value(0).toInt() : 0;
    const QDateTime asked = e.asked.isValid() ? e.asked : QDateTime::currentDateTimeUtc();
    QSqlQuery q = run(conn_,
                      "INSERT INTO exchanges (session_id, position, question, answer, evidence, retrieval, stopped, asked, answered)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      {e.session_id, position, e.question, e.answer, e.evidence_json.isEmpty() ? QString("[]") : e.evidence_json,
                       e.retrieval_json.isEmpty() ? QString("{}") : e.retrieval_json, e.stopped ? 1 : 0, stamp(asked), stamp_or_null(e.answered)});
    const qint64 id = q.lastInsertId().toLongLong();
    run(conn_, "UPDATE sessions SET updated = ? WHERE id = ?", {stamp(QDateTime::currentDateTimeUtc()), e.session_id});
    t.commit();
    return id;
}

void LibraryDb::update_exchange(const ExchangeRecord & e) {
    Transaction t(conn_);
    run(conn_, "UPDATE exchanges SET answer = ?, evidence = ?, retrieval = ?, stopped = ?, answered = ? WHERE id = ?",
        {e.answer, e.evidence_json.isEmpty() ? QString("[]") : e.evidence_json, e.retrieval_json.isEmpty() ? QString("{}") : e.retrieval_json,
         e.stopped ? 1 : 0, stamp_or_null(e.answered), e.id});
    run(conn_, "UPDATE sessions SET updated = ? WHERE id = (SELECT session_id FROM exchanges WHERE id = ?)", {stamp(QDateTime::currentDateTimeUtc()), e.id});
    t.commit();
}

QList<ExchangeRecord> LibraryDb::exchanges(qint64 session_id) const {
    QSqlQuery q = run(conn_,
                      "SELECT id, session_id, position, question, answer, evidence, retrieval, stopped, asked, answered FROM exchanges"
                      " WHERE session_id = ? ORDER BY position",
                      {session_id});
    QList<ExchangeRecord> out;
    while (q.next()) {
        ExchangeRecord e;
        e.id = q.value(0).toLongLong();
        e.session_id = q.value(1).toLongLong();
        e.position = q.value(2).toInt();
        e.question = q.value(3).toString();
        e.answer = q.value(4).toString();
        e.evidence_json = q.value(5).toString();
        e.retrieval_json = q.value(6).toString();
        e.stopped = q.value(7).toInt() != 0;
        e.asked = unstamp(q.value(8));
        e.answered = unstamp(q.value(9));
        out.push_back(e);
    }
    return out;
}

} // namespace quire::app

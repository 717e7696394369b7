// The app's library: documents the user added (title, format, pages, tokens, ingest state, the
// model and block store they were read with, when they were added and last opened) and their Q&A
// sessions (questions, answers, evidence, retrieval summaries, model and settings, timestamps).
// One SQLite file in the user's data folder through Qt Sql. The schema is versioned
// (PRAGMA user_version) and migrated step by step on open, each step in one transaction; every
// write is a transaction, so a crash or a full disk leaves the previous state. A file written by
// a newer Quire, or one that is not a database, is refused with a clear error and left untouched.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <stdexcept>

namespace quire::app {

class LibraryError : public std::runtime_error {
public:
    explicit LibraryError(const std::string & what, bool damaged = false) : std::runtime_error(what), damaged_(damaged) {}
    // The file is damaged or no database (SQLite's CORRUPT or NOTADB, a failed quick_check): a
    // fresh library may replace it. Other errors (a full disk, a newer Quire's file) are not.
    bool damaged() const { return damaged_; }

private:
    bool damaged_ = false;
};

enum class IngestState { New, Reading, Ready, Failed, Cancelled };
QString ingest_state_name(IngestState s);              // "new", "reading", ...
IngestState ingest_state_from_name(const QString & s); // unknown names: Failed

struct DocumentRecord {
    qint64 id = 0;
    QString path, title, format; // format: "pdf", "epub", "text", "markdown"
    int pages = 0;
    qint64 tokens = 0;
    IngestState state = IngestState::New;
    QString model;      // model file the block store was read with
    QString store_path; // the block store (.qst) once read
    QString error;      // last ingest error, if any
    QDateTime added, last_opened;
};

struct SessionRecord {
    qint64 id = 0, document_id = 0;
    QString title, model;
    QString settings_json; // memory and sampling settings the session ran with
    QDateTime created, updated;
};

struct ExchangeRecord {
    qint64 id = 0, session_id = 0;
    int position = 0;      // order within the session
    QString question, answer;
    QString evidence_json;  // [{block, pages, excerpt, score}, ...]
    QString retrieval_json; // per-step summary of the lookup
    bool stopped = false;   // the user stopped the answer
    QDateTime asked, answered;
};

class LibraryDb {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating if needed), checks (PRAGMA quick_check) and migrates to kSchemaVersion, or
    // to `target_version` (tests of the migrations). Throws LibraryError, damaged() when the file
    // is damaged or not a database.
    explicit LibraryDb(const QString & file, int target_version = kSchemaVersion);
    ~LibraryDb();
    LibraryDb(const LibraryDb &) = delete;
    LibraryDb & operator=(const LibraryDb &) = delete;

    int schema_version() const;
    QString file() const { return file_; }

    // Documents. add_document returns the id of the document with that path if there is one.
    qint64 add_document(const DocumentRecord & d);
    std::optional<DocumentRecord> document(qint64 id) const;
    std::optional<DocumentRecord> document_by_path(const QString & path) const;
    QList<DocumentRecord> documents() const; // most recently opened first
    void update_document(const DocumentRecord & d); // every field but id and added
    void touch_document(qint64 id);                  // last_opened = now
    void remove_document(qint64 id);                 // and its sessions

    // Sessions and their exchanges.
    qint64 create_session(qint64 document_id, const QString & title, const QString & model, const QString & settings_json);
    std::optional<SessionRecord> session(qint64 id) const;
    QList<SessionRecord> sessions(qint64 document_id) const; // most recent first
    void rename_session(qint64 id, const QString & title);
    void remove_session(qint64 id);
    // Appends (position = next) and returns the id; the session's updated time follows.
    qint64 add_exchange(const ExchangeRecord & e);
    void update_exchange(const ExchangeRecord & e); // answer, evidence, retrieval, stopped, answered
    QList<ExchangeRecord> exchanges(qint64 session_id) const;

    // A new block store's file in `stores_dir` for document `id`: "document-ID.qst", else
    // "document-ID-N.qst", never a file that exists or that another document of this library owns.
    QString new_store_path(const QString & stores_dir, qint64 id) const;

private:
    class Transaction;
    void migrate(int from, int to);
    QString conn_;
    QString file_;
};

// Moves a damaged library (and its -wal and -shm files) aside as FILE.damaged-YYYYMMDD-HHMMSS
// (-wal, -shm after it), so that a fresh library can take its place and nothing is lost. Returns
// the new name; throws LibraryError when it cannot be moved.
QString move_library_aside(const QString & file);

} // namespace quire::app

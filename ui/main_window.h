// Quire's main window: the library (left), the reader (centre), the chat and the retrieval panel
// (right), the ingest progress with Cancel in the status bar. The engine runs on a worker
// thread (EngineWorker); the window only ever posts requests and reacts to its signals, so it
// never waits for the model. Documents, sessions and answers go to the library database as they
// happen; errors show as non-modal messages with the detail available.
#pragma once

#include "services/app_settings.h"
#include "services/engine_worker.h"
#include "services/library_db.h"

#include <QHash>
#include <QSet>
#include <QMainWindow>
#include <QThread>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace quire::ui {

class ChatView;
class LibraryModel;
class OutlineView;
class ReaderView;
class RetrievalModel;
class RetrievalPanel;

struct WindowOptions {
    QString data_dir;    // library database and block stores
    QString model_cache; // where the model manager looks for models
    app::AppSettings settings; // settings.model_path: the model to load at start (empty: none)
    QString model_note; // why that model, when Quire chose it for this machine (shown once it loads)
    quint64 keep_free_bytes = 1ull << 30; // a reading whose store would leave less free on its disk asks first
    CheckpointPolicy checkpoints;         // how often a reading saves its place (tests: after every step)
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(app::LibraryDb & db, const WindowOptions & opt, QWidget * parent = nullptr);
    ~MainWindow() override;

    // Adds a file to the library (or finds it there) and opens it; returns its id (0 on error).
    qint64 add_document(const QString & path);
    void open_document(qint64 id);
    // A reading the app did not see end (it was closed, killed or crashed while reading) goes on
    // from its checkpoint once a model is loaded; returns whether one did.
    bool resume_interrupted_reading();
    void ask(const QString & question);
    void load_model(const QString & path, const QString & tokenizer = {});

    // For tests and scripting.
    ChatView * chat() const { return chat_; }
    ReaderView * reader() const { return reader_; }
    OutlineView * outline() const { return outline_; }
    RetrievalPanel * retrieval() const { return panel_; }
    RetrievalModel * retrieval_model() const { return retrieval_; }
    LibraryModel * library() const { return library_; }
    qint64 current_document() const { return doc_id_; }
    qint64 current_session() const { return session_id_; }
    bool model_ready() const { return model_ok_; }
    bool document_ready() const { return doc_ != nullptr; }
    bool shelf_ready() const { return shelf_ != nullptr; } // the checked documents are open to be asked together
    qint64 reader_document() const { return reader_doc_; } // the document the reader shows (on a shelf, maybe not the open one)
    bool answering() const { return answering_; }
    bool ingesting() const { return ingest_doc_ != 0; }
    QString last_error() const { return last_error_; }
    const std::optional<app::ModelSummary> & model_summary() const { return model_; }
    const app::AppSettings & settings() const { return opt_.settings; }
    void apply_settings(const app::AppSettings & s);
    void new_session();

public slots:
    void open_file_dialog();
    void export_dialog();
    void cancel_ingest();
    void stop_answer();
    void settings_dialog();
    void model_dialog();

signals:
    // The library database is damaged (found at any moment): the app closes this window and
    // offers a fresh library (ui/library_recovery.h).
    void library_failed(const QString & why);
    void document_opened(qint64 id);
    void answer_done(qint64 exchange_id);
    void ingest_done(qint64 id, bool ok);
    void settings_changed(const quire::app::AppSettings & s); // to be saved

protected:
    void dragEnterEvent(QDragEnterEvent * e) override;
    void dropEvent(QDropEvent * e) override;
    void closeEvent(QCloseEvent * e) override;

private:
    template <typename F> void post(F f) { QMetaObject::invokeMethod(worker_, std::move(f), Qt::QueuedConnection); }
    void build_menus();
    void connect_worker();
    void show_error(const QString & message, const QString & detail = {});
    // Runs f; a library error never escapes into Qt: a damaged library emits library_failed
    // (once), any other is shown.
    template <typename F> void guarded(F && f) {
        try {
            f();
        } catch (const app::LibraryError & e) {
            library_error(e);
        }
    }
    void library_error(const app::LibraryError & e);
    // A protected PDF: ask for its password (never stored) and read it with it.
    void ask_password(qint64 id, const QString & message);
    void update_ready();
    // restart: a reading that stopped starts over instead of going on from its checkpoint.
    void start_ingest(const app::DocumentRecord & d, bool ignore_space = false, bool restart = false);
    QString store_path_for(qint64 id) const;
    void restore_session();
    void fill_sessions();
    // The shelf (main_window_shelf.cpp): the checked documents asked at once.
    void update_shelf();
    void shelf_opened(const app::ShelfPtr & shelf);
    QString shelf_note() const;
    void show_in_reader(qint64 id, const app::StoredDocumentPtr & doc); // that reading of document id, with its outline
    void show_passage_of(qint64 doc_id, qint64 token_start, qint64 token_end);
    void show_block(int block);
    QString block_preview(int block) const;

    app::LibraryDb & db_;
    WindowOptions opt_;
    QThread thread_;
    app::EngineWorker * worker_ = nullptr;
    LibraryModel * library_;
    QListView * library_view_;
    ReaderView * reader_;
    OutlineView * outline_;
    ChatView * chat_;
    RetrievalModel * retrieval_;
    RetrievalPanel * panel_;
    QProgressBar * progress_;
    QPushButton * cancel_;
    QLabel * model_label_;
    QComboBox * sessions_;

    std::optional<app::ModelSummary> model_;
    bool model_ok_ = false, model_loading_ = false, answering_ = false;
    qint64 reading_shown_ = 0; // the document the reader shows from its map while it is read
    qint64 doc_id_ = 0, session_id_ = 0, ingest_doc_ = 0, exchange_id_ = 0, answer_session_ = 0;
    app::StoredDocumentPtr doc_;
    app::ShelfPtr shelf_;
    QList<qint64> shelf_wanted_;       // the checked documents the open (or opening) shelf is of
    qint64 reader_doc_ = 0;            // what the reader shows: this document,
    app::StoredDocumentPtr reader_ptr_; // from this reading
    std::vector<app::RetrievalFramePtr> frames_;
    QString last_error_, pending_question_, requested_tokenizer_;
    QHash<qint64, QString> passwords_; // for this run only, per document
    QSet<qint64> locked_;              // protected PDFs waiting for their password
    bool library_failed_ = false;
};

} // namespace quire::ui

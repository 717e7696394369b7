#include "main_window.h"

#include "chat_view.h"
#include "reading_note.h"
#include "theme.h"
#include "library_model.h"
#include "outline_view.h"
#include "reader_view.h"
#include "retrieval_model.h"
#include "retrieval_panel.h"

#include "quire.h"
#include "services/document_files.h"

#include <QAction>
#include <QLocale>
#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QCloseEvent>
#include <QComboBox>
#include <QVBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>

#include <algorithm>

namespace quire::ui {

MainWindow::MainWindow(app::LibraryDb & db, const WindowOptions & opt, QWidget * parent) : QMainWindow(parent), db_(db), opt_(opt) {
    setWindowTitle("Quire");
    setAcceptDrops(true);
    worker_ = new app::EngineWorker;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    // The engine's threads run behind the window's (and every other program's) work on every
    // core, or leave the window a core where they cannot (Settings › CPU threads): the window
    // must answer within a frame or two while a book is read.
    post([n = opt_.settings.cpu_threads] {
        app::EngineWorker::lower_thread_priority();
        app::EngineWorker::use_cpu_threads(n);
    });

    // A reading that was interrupted (the app closed, was killed or crashed) goes on from its
    // checkpoint (reading/ingest_checkpoint.h) once the model is loaded; one that saved none yet
    // starts over when the document is opened. (One app runs per data folder,
    // app/services/instance_lock.h, so no other instance's reading is touched.)
    guarded([&] {
        for (app::DocumentRecord d : db_.documents())
            if (d.state == app::IngestState::Reading) {
                if (!d.store_path.isEmpty() && checkpoint_place(d.store_path.toStdString())) {
                    d.error = tr("Reading was interrupted; it goes on where it stopped.");
                } else {
                    d.state = app::IngestState::New;
                    d.error = tr("Reading was interrupted; it starts again when the document is opened.");
                }
                db_.update_document(d);
            }
    });
    // Temporaries of stores whose writer was killed (kill -9, a power cut) are removed.
    remove_stale_temporaries(QDir(opt_.data_dir).filePath("stores").toStdString());

    library_ = new LibraryModel(db_, this);
    library_->set_error_handler([this](const app::LibraryError & e) { library_error(e); });
    library_view_ = new QListView(this);
    library_view_->setModel(library_);
    library_view_->setAccessibleName(tr("Library"));
    library_view_->setContextMenuPolicy(Qt::CustomContextMenu);
    library_view_->setWordWrap(true);
    library_view_->setSpacing(2);
    reader_ = new ReaderView(this);
    outline_ = new OutlineView(this);
    chat_ = new ChatView(this);
    retrieval_ = new RetrievalModel(this);
    panel_ = new RetrievalPanel(retrieval_, this);
    panel_->set_passage_provider([this](int block) { return block_preview(block); });

    sessions_ = new QComboBox(this);
    sessions_->setToolTip(tr("Sessions of this document: each keeps its questions and answers"));
    auto * chat_box = new QWidget(this);
    auto * chat_lay = new QVBoxLayout(chat_box);
    chat_lay->setContentsMargins(0, 0, 0, 0);
    chat_lay->addWidget(sessions_);
    chat_lay->addWidget(chat_, 1);
    auto * right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chat_box);
    right->addWidget(panel_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto * left = new QSplitter(Qt::Vertical, this); // the library, and the open document's outline under it
    left->addWidget(library_view_);
    left->addWidget(outline_);
    auto * main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(left);
    main->addWidget(reader_);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 3);
    main->setStretchFactor(2, 2);
    main->setSizes({220, 640, 460});
    setCentralWidget(main);

    progress_ = new QProgressBar(this);
    progress_->setObjectName("reading-progress");
    progress_->setRange(0, 1000);
    // Wide enough for the longest progress text on one line (a long book, hours left).
    progress_->setMinimumWidth(std::max(320, progress_->fontMetrics().horizontalAdvance(tr("Reading: %1 / %2 tokens · %3 tokens/s · %4 left")
                                                                                              .arg(QLocale().toString(8888888), QLocale().toString(8888888))
                                                                                              .arg(8888)
                                                                                              .arg("88:88:88")) +
                                                 24));
    progress_->setTextVisible(true);
    progress_->hide();
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop reading this document; a long reading keeps its place and goes on when the document is opened again"));
    cancel_->hide();
    model_label_ = new QLabel(tr("No model"), this);
    model_label_->setObjectName("model-label");
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    statusBar()->addPermanentWidget(model_label_);

    build_menus();
    connect_worker();
    connect(cancel_, &QPushButton::clicked, this, &MainWindow::cancel_ingest);
    connect(library_view_, &QListView::activated, this, [this](const QModelIndex & i) { open_document(i.data(LibraryModel::IdRole).toLongLong()); });
    connect(library_view_, &QListView::clicked, this, [this](const QModelIndex & i) {
        if (i.data(LibraryModel::IdRole).toLongLong() != doc_id_) open_document(i.data(LibraryModel::IdRole).toLongLong());
    });
    connect(library_view_, &QListView::customContextMenuRequested, this, [this](const QPoint & pos) {
        const QModelIndex i = library_view_->indexAt(pos);
        if (!i.isValid()) return;
        const qint64 id = i.data(LibraryModel::IdRole).toLongLong();
        QMenu m;
        m.addAction(tr("Open"), this, [this, id] { open_document(id); });
        m.addAction(tr("Read again"), this, [this, id] {
            guarded([&] {
                if (auto d = db_.document(id)) start_ingest(*d, false, true);
            });
        });
        m.addAction(tr("Remove from library"), this, [this, id] {
            if (ingest_doc_ == id) return show_error(tr("The document is being read; cancel first."));
            guarded([&] {
                if (auto d = db_.document(id); d && !d->store_path.isEmpty()) QFile::remove(d->store_path), checkpoint_remove(d->store_path.toStdString());
                db_.remove_document(id);
                if (id == doc_id_) doc_id_ = 0, doc_.reset(), session_id_ = 0, reader_->clear(), reader_doc_ = 0, outline_->set_outline({}), chat_->set_exchanges({}), retrieval_->clear();
            });
            library_->refresh();
            update_ready();
        });
        m.exec(library_view_->viewport()->mapToGlobal(pos));
    });
    connect(sessions_, &QComboBox::activated, this, [this](int i) {
        const qint64 id = sessions_->itemData(i).toLongLong();
        if (id == 0) return new_session();
        if (answering_) stop_answer();
        session_id_ = id;
        guarded([&] { chat_->set_exchanges(db_.exchanges(id)); });
    });
    connect(chat_, &ChatView::ask_requested, this, &MainWindow::ask);
    connect(chat_, &ChatView::stop_requested, this, &MainWindow::stop_answer);
    connect(chat_, &ChatView::regenerate_requested, this, [this] {
        if (session_id_ == 0) return;
        QList<app::ExchangeRecord> ex;
        guarded([&] { ex = db_.exchanges(session_id_); });
        if (!ex.isEmpty()) ask(ex.back().question);
    });
    connect(chat_, &ChatView::evidence_clicked, this, &MainWindow::show_block);
    connect(chat_, &ChatView::passage_clicked, this, [this](qint64 b, qint64 e) { show_passage_of(doc_id_, b, e); });
    connect(chat_, &ChatView::document_passage_clicked, this, &MainWindow::show_passage_of);
    connect(panel_, &RetrievalPanel::block_clicked, this, &MainWindow::show_block);
    connect(library_, &LibraryModel::shelf_changed, this, &MainWindow::update_shelf);
    connect(outline_, &OutlineView::page_clicked, reader_, &ReaderView::show_page);
    connect(reader_, &ReaderView::page_changed, outline_, &OutlineView::follow_page);
    connect(reader_, &ReaderView::status, this, [this](const QString & m) { statusBar()->showMessage(m, 6000); });

    update_ready();
    fill_sessions();
    if (!opt_.settings.model_path.isEmpty()) load_model(opt_.settings.model_path, opt_.settings.tokenizer_path);
}

MainWindow::~MainWindow() {
    worker_->cancel_ingest();
    worker_->stop_answer();
    thread_.quit();
    thread_.wait();
}

void MainWindow::show_error(const QString & message, const QString & detail) {
    last_error_ = detail.isEmpty() ? message : message + " " + detail;
    statusBar()->showMessage(message, 10000);
    auto * box = new QMessageBox(QMessageBox::Warning, tr("Quire"), message, QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    if (!detail.isEmpty()) box->setDetailedText(detail);
    box->show();
}

void MainWindow::update_ready() {
    if (!shelf_wanted_.isEmpty() && model_ok_) { // the checked documents, asked together
        chat_->set_ready(shelf_ && !shelf_wanted_.contains(ingest_doc_), shelf_ ? QString() : shelf_note());
        chat_->set_reading_note(shelf_note());
        return;
    }
    const bool ready = model_ok_ && doc_ && ingest_doc_ != doc_id_;
    QString why;
    std::optional<app::DocumentRecord> d;
    if (doc_id_ && !doc_ && ingest_doc_ != doc_id_) guarded([&] { d = db_.document(doc_id_); });
    if (!model_ok_ && model_loading_) why = tr("Loading the model…");
    else if (!model_ok_) why = tr("Load a model to ask questions (File › Models)");
    else if (!doc_id_) why = tr("Open a document to ask about it");
    else if (!doc_ && locked_.contains(doc_id_)) why = tr("This document needs a password: open it again to enter it.");
    else if (!doc_ && d && d->state == app::IngestState::Failed) why = tr("The document could not be read: %1").arg(d->error);
    else if (!doc_ && d && d->state == app::IngestState::Cancelled) why = tr("Reading was cancelled: open the document again to read it.");
    else if (!doc_) why = tr("The document is being read…");
    chat_->set_ready(ready, why);
    chat_->set_reading_note(doc_ ? reading_note(doc_->state.cfg, static_cast<int64_t>(doc_->state.tokens.size()), opt_.settings) : QString());
}


QString MainWindow::store_path_for(qint64 id) const { return db_.new_store_path(QDir(opt_.data_dir).filePath("stores"), id); }

void MainWindow::load_model(const QString & path, const QString & tokenizer) {
    model_ok_ = false;
    model_loading_ = true;
    requested_tokenizer_ = tokenizer;
    model_label_->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    post([w = worker_, path, tokenizer] { w->load_model(path, tokenizer); });
    update_ready();
}

qint64 MainWindow::add_document(const QString & path) {
    const QFileInfo fi(path);
    if (!fi.isFile()) {
        show_error(tr("There is no file %1.").arg(path));
        return 0;
    }
    app::DocumentRecord d;
    d.path = fi.absoluteFilePath();
    d.title = fi.completeBaseName();
    d.format = app::document_format(path);
    qint64 id = 0;
    guarded([&] { id = db_.add_document(d); });
    if (id == 0) return 0;
    library_->refresh();
    open_document(id);
    return id;
}

void MainWindow::open_document(qint64 id) {
    std::optional<app::DocumentRecord> d;
    guarded([&] {
        d = db_.document(id);
        if (d) db_.touch_document(id);
    });
    if (!d) return;
    if (answering_) stop_answer();
    library_->refresh();
    library_view_->setCurrentIndex(library_->index(library_->row_of(id)));
    if (id != doc_id_ || !doc_) {
        doc_id_ = id;
        doc_.reset();
        session_id_ = 0;
        fill_sessions();
        if (reading_shown_ != id) { // else it stays as its reading shows it
            reading_shown_ = 0;
            reader_->clear();
            reader_doc_ = 0;
            outline_->set_outline({});
        }
        chat_->set_exchanges({});
        retrieval_->clear();
    }
    setWindowTitle(tr("%1 — Quire").arg(d->title));
    chat_->set_suggestions(app::suggested_questions(d->path));
    update_ready();
    if (!model_ok_ || ingest_doc_ == id) return; // continues when the model is there / the reading ends
    if (locked_.contains(id)) return ask_password(id, d->error); // a protected PDF: its password first
    if (d->state == app::IngestState::Ready && QFileInfo::exists(d->store_path))
        post([w = worker_, id, store = d->store_path] { w->open_store(id, store); });
    else
        start_ingest(*d);
}

bool MainWindow::resume_interrupted_reading() {
    if (!model_ok_ || ingest_doc_ != 0) return false;
    QList<app::DocumentRecord> docs;
    guarded([&] { docs = db_.documents(); });
    for (const auto & d : docs)
        if (d.state == app::IngestState::Reading && !d.store_path.isEmpty() && checkpoint_place(d.store_path.toStdString())) {
            open_document(d.id);
            return true;
        }
    return false;
}

void MainWindow::start_ingest(const app::DocumentRecord & rec, bool ignore_space, bool restart) {
    if (ingest_doc_ != 0) return show_error(tr("Another document is being read; wait for it or cancel it first."));
    if (!model_ok_) return show_error(tr("Load a model first (File › Models)."));
    app::DocumentRecord d = rec;
    QDir().mkpath(QDir(opt_.data_dir).filePath("stores"));
    bool ok = false;
    guarded([&] {
        // The document's own store is read again in place; a new one gets a name no file has.
        const bool own = !d.store_path.isEmpty() && QFileInfo(d.store_path).absolutePath() == QDir(QDir(opt_.data_dir).filePath("stores")).absolutePath();
        if (!own) d.store_path = store_path_for(d.id);
        d.state = app::IngestState::Reading;
        d.model = model_->path;
        d.error.clear();
        db_.update_document(d);
        ok = true;
    });
    if (!ok) return;
    library_->refresh();
    ingest_doc_ = d.id;
    library_->set_reading(d.id);
    progress_->setValue(0);
    progress_->setFormat(tr("Reading %1…").arg(d.title));
    progress_->show();
    cancel_->show();
    app::IngestRequest r;
    r.doc_id = d.id;
    r.doc_path = d.path;
    r.store_path = d.store_path;
    r.password = passwords_.value(d.id);
    r.keep_free_bytes = opt_.keep_free_bytes;
    r.ignore_space = ignore_space;
    r.restart = restart;
    r.checkpoints = opt_.checkpoints;
    r.cfg = opt_.settings.memory;
    r.device = opt_.settings.device();
    post([w = worker_, r] { w->ingest(r); });
    update_ready();
}

void MainWindow::apply_settings(const app::AppSettings & s) {
    const bool theme = s.theme != opt_.settings.theme;
    if (s.cpu_threads != opt_.settings.cpu_threads) post([n = s.cpu_threads] { app::EngineWorker::use_cpu_threads(n); });
    opt_.settings = s;
    if (theme) apply_theme(theme_from_name(s.theme));
    update_ready(); // the reading note follows the answer settings
    emit settings_changed(s);
}

void MainWindow::cancel_ingest() { worker_->cancel_ingest(); }

void MainWindow::closeEvent(QCloseEvent * e) {
    worker_->cancel_ingest();
    worker_->stop_answer();
    e->accept();
}

} // namespace quire::ui

// The main window's side of the engine worker: what it does with each of the worker's signals
// (model loaded or not, reading progress and its end, a store opened, an answer's text, steps
// and end), keeping the library database and the views in step.
#include "main_window.h"

#include "chat_view.h"
#include "library_model.h"
#include "outline_view.h"
#include "reader_view.h"
#include "retrieval_model.h"

#include "services/evidence_json.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>

namespace quire::ui {

namespace {

QString duration(double s) {
    if (!(s >= 0) || s > 1e7) return "?";
    const int t = static_cast<int>(s + 0.5);
    return t >= 3600 ? QString("%1:%2:%3").arg(t / 3600).arg(t / 60 % 60, 2, 10, QChar('0')).arg(t % 60, 2, 10, QChar('0'))
                     : QString("%1:%2").arg(t / 60).arg(t % 60, 2, 10, QChar('0'));
}

} // namespace

void MainWindow::connect_worker() {
    using W = app::EngineWorker;
    connect(worker_, &W::model_loaded, this, [this](const app::ModelSummary & m) {
        model_ = m;
        model_ok_ = true;
        if (opt_.settings.model_path != m.path || opt_.settings.tokenizer_path != requested_tokenizer_) { // remember the choice
            opt_.settings.model_path = m.path;
            opt_.settings.tokenizer_path = requested_tokenizer_;
            emit settings_changed(opt_.settings);
        }
        model_loading_ = false;
        // The GPU's absence in words a user can act on; the engine's reason in the tooltip.
        const QString cpu_why = m.backend_note.isEmpty() ? QString()
                                : m.backend_note == "no NVIDIA GPU found" ? tr("No NVIDIA GPU found; reading and answering on the CPU.")
                                                                         : tr("The GPU is not used (%1); reading and answering on the CPU.").arg(m.backend_note);
        model_label_->setText(tr("%1 · %2").arg(m.name, m.backend));
        model_label_->setToolTip(tr("%1\n%2, %3 parameters, %4 layers, trained context %5\nWeights: %6")
                                     .arg(m.path, m.architecture)
                                     .arg(m.parameters)
                                     .arg(m.layers)
                                     .arg(m.context)
                                     .arg(m.types) +
                                 (cpu_why.isEmpty() ? QString() : "\n" + cpu_why));
        if (!cpu_why.isEmpty() && opt_.model_note.isEmpty()) statusBar()->showMessage(cpu_why, 10000);
        if (!opt_.model_note.isEmpty() && m.path == opt_.settings.model_path) {
            statusBar()->showMessage(tr("Started with %1.").arg(opt_.model_note), 15000);
            opt_.model_note.clear(); // once: later loads are the user's choice
        }
        if (doc_id_) open_document(doc_id_); // a document chosen while the model loaded
        else resume_interrupted_reading();
        shelf_wanted_.clear(); // the worker's shelf went with the model: open it again for this one
        shelf_.reset();
        update_shelf();
        update_ready();
    });
    connect(worker_, &W::model_failed, this, [this](const QString & msg, const QString & detail) {
        model_ok_ = false;
        model_loading_ = false;
        model_label_->setText(tr("No model"));
        show_error(msg, detail);
        update_ready();
    });
    connect(worker_, &W::ingest_progress, this, [this](qint64, qint64 done, qint64 total, double rate, double eta, int phase) {
        progress_->setValue(total > 0 ? static_cast<int>(1000 * done / total) : 0);
        if (phase == static_cast<int>(IngestPhase::TEXT)) progress_->setFormat(tr("Preparing: page %1 of %2").arg(done + 1).arg(total));
        else if (phase == static_cast<int>(IngestPhase::TOKENS))
            progress_->setFormat(tr("Preparing: %1 of %2 MB tokenized").arg(static_cast<double>(done) / 1e6, 0, 'f', 1).arg(static_cast<double>(total) / 1e6, 0, 'f', 1));
        else
            progress_->setFormat(tr("Reading: %1 / %2 tokens · %3 tokens/s · %4 left").arg(QLocale().toString(done), QLocale().toString(total)).arg(rate, 0, 'f', 0).arg(duration(eta)));
    });
    connect(worker_, &W::ingest_resumed, this, [this](qint64, qint64 read, qint64 total) {
        statusBar()->showMessage(tr("Going on with the reading where it stopped (%1%).").arg(static_cast<int>(100.0 * static_cast<double>(read) / std::max<double>(static_cast<double>(total), 1.0))), 10000);
    });
    connect(worker_, &W::ingest_estimated, this, [this](qint64, qint64 tokens, quint64 store, quint64) {
        statusBar()->showMessage(tr("Reading %1 tokens; the saved reading will take about %2.").arg(tokens).arg(QLocale().formattedDataSize(static_cast<qint64>(store))), 10000);
    });
    connect(worker_, &W::ingest_needs_space, this, [this](qint64 id, quint64 store, quint64 free, quint64 memory, quint64 avail) {
        ingest_doc_ = 0;
        library_->set_reading(0);
        progress_->hide();
        cancel_->hide();
        const QLocale l;
        QString why;
        if (store + opt_.keep_free_bytes > free)
            why = tr("Its saved reading needs about %1 of disk, and %2 is free there.").arg(l.formattedDataSize(static_cast<qint64>(store)), l.formattedDataSize(static_cast<qint64>(free)));
        else
            why = tr("Reading it needs about %1 of memory, and %2 is available.").arg(l.formattedDataSize(static_cast<qint64>(memory)), l.formattedDataSize(static_cast<qint64>(avail)));
        guarded([&] {
            if (auto d = db_.document(id)) {
                d->state = app::IngestState::Cancelled;
                d->error = why;
                db_.update_document(*d);
            }
        });
        library_->refresh();
        auto * box = new QMessageBox(QMessageBox::Question, tr("Quire"), tr("This document is large. %1 Read it anyway?").arg(why), QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName("needs-space");
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setDefaultButton(QMessageBox::No);
        connect(box, &QMessageBox::finished, this, [this, id, box](int) {
            box->setObjectName({});
            if (box->standardButton(box->clickedButton()) != QMessageBox::Yes) return update_ready();
            guarded([&] {
                if (auto d = db_.document(id)) start_ingest(*d, true);
            });
        });
        box->open();
        update_ready();
        emit ingest_done(id, false);
    });
    connect(worker_, &W::ingest_finished, this, [this](qint64 id, qint64 tokens, int pages, const QString & store) {
        guarded([&] {
            if (auto d = db_.document(id)) {
                d->state = app::IngestState::Ready;
                d->tokens = tokens;
                d->pages = pages;
                d->store_path = store;
                d->model = model_ ? model_->path : QString();
                d->error.clear();
                db_.update_document(*d);
            }
        });
        ingest_doc_ = 0;
        library_->set_reading(0);
        progress_->hide();
        cancel_->hide();
        library_->refresh();
        statusBar()->showMessage(tr("Read %1 tokens.").arg(tokens), 5000);
        emit ingest_done(id, true);
    });
    connect(worker_, &W::ingest_failed, this, [this](qint64 id, const QString & msg, bool cancelled, bool locked) {
        guarded([&] {
            if (auto d = db_.document(id)) {
                d->state = cancelled ? app::IngestState::Cancelled : app::IngestState::Failed;
                d->error = msg;
                db_.update_document(*d);
            }
        });
        ingest_doc_ = 0;
        library_->set_reading(0);
        progress_->hide();
        cancel_->hide();
        library_->refresh();
        if (locked) {
            // A protected PDF: ask for the password (a wrong one asks again); no error box.
            passwords_.remove(id);
            locked_.insert(id);
            if (id == doc_id_) ask_password(id, msg);
        } else if (cancelled) {
            statusBar()->showMessage(msg, 5000);
        } else {
            show_error(tr("The document could not be read."), msg);
        }
        update_ready();
        emit ingest_done(id, false);
    });
    // The document in the reader at once, while it is read (searchable, its outline beside).
    connect(worker_, &W::document_mapped, this, [this](qint64 id, const app::StoredDocumentPtr & mapped) {
        if (id != doc_id_ || doc_) return;
        if (reading_shown_ == id) return reader_->update_document(mapped); // more of its pages
        show_in_reader(id, mapped);
        reading_shown_ = id;
    });
    connect(worker_, &W::store_opened, this, [this](qint64 id, const app::StoredDocumentPtr & doc) {
        if (id != doc_id_) return;
        doc_ = doc;
        // Shown while it was read: the reader stays on the page the user turned to.
        const int keep = reading_shown_ == id ? reader_->page() : 0;
        reading_shown_ = 0;
        show_in_reader(id, doc);
        if (keep > 0) reader_->show_page(keep);
        restore_session();
        update_ready();
        emit document_opened(id);
    });
    connect(worker_, &W::store_failed, this, [this](qint64 id, const QString & msg) {
        // A store of another model or preset, or a damaged one: read the document again.
        statusBar()->showMessage(tr("The saved reading cannot be used (%1); reading again.").arg(msg), 8000);
        guarded([&] {
            if (auto d = db_.document(id)) start_ingest(*d);
        });
    });
    connect(worker_, &W::answer_text, this, [this](qint64 id, const QString & piece) {
        if (id == exchange_id_) chat_->append_text(piece);
    });
    connect(worker_, &W::answer_step, this, [this](qint64 id, const app::RetrievalFramePtr & f) {
        if (id != exchange_id_) return;
        frames_.push_back(f);
        retrieval_->append(f);
    });
    connect(worker_, &W::answer_finished, this, [this](qint64 id, const QString & text, const QString & why, const QList<app::Evidence> & ev) {
        app::ExchangeRecord x;
        guarded([&] {
            for (const auto & e : db_.exchanges(answer_session_))
                if (e.id == id) x = e;
        });
        x.id = id;
        x.answer = text;
        x.stopped = why == "stopped";
        x.answered = QDateTime::currentDateTimeUtc();
        x.evidence_json = app::evidence_to_json(ev);
        QJsonObject summary{{"steps", static_cast<int>(frames_.size())}, {"stop_reason", why}};
        if (!frames_.empty()) summary["layers"] = frames_.back()->n_layers, summary["blocks"] = frames_.back()->n_blocks;
        x.retrieval_json = QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact));
        try {
            db_.update_exchange(x);
        } catch (const app::LibraryError & e) {
            if (e.damaged()) library_error(e);
            else show_error(tr("The answer could not be saved."), e.what());
        }
        answering_ = false;
        if (answer_session_ == session_id_) chat_->finish_answer(x); // else the user has moved to another session: saved only
        chat_->set_busy(false);
        emit answer_done(id);
    });
    connect(worker_, &W::shelf_opened, this, &MainWindow::shelf_opened);
    connect(worker_, &W::shelf_failed, this, [this](const QString & msg) {
        show_error(tr("The checked documents cannot be asked together."), msg);
        shelf_wanted_.clear(); // questions go to the open document; checking again tries again
        retrieval_->set_documents({});
        update_ready();
    });
    connect(worker_, &W::answer_failed, this, [this](qint64 id, const QString & msg) {
        answering_ = false;
        chat_->fail_answer(msg);
        chat_->set_busy(false);
        show_error(tr("The question could not be answered."), msg);
        emit answer_done(id);
    });
}

} // namespace quire::ui

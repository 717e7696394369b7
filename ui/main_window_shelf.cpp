// The window's shelf: the read documents checked in the library are asked at once (one lookup
// over all their blocks, EngineWorker::open_shelf); answers cite document and page, the heatmap
// shows the documents' blocks side by side, and a click on a chip or a block shows that
// document's passage in the reader while the conversation stays where it is.
#include "main_window.h"

#include "chat_view.h"
#include "library_model.h"
#include "outline_view.h"
#include "reader_view.h"
#include "retrieval_model.h"

#include <QStatusBar>

namespace quire::ui {

void MainWindow::update_shelf() {
    const QList<qint64> wanted = model_ok_ ? library_->shelf() : QList<qint64>();
    if (wanted.size() < 2) {
        if (!shelf_wanted_.isEmpty()) post([w = worker_] { w->close_shelf(); });
        shelf_wanted_.clear();
        shelf_.reset();
        retrieval_->set_documents({});
        return update_ready();
    }
    if (wanted == shelf_wanted_) return;
    shelf_wanted_ = wanted;
    shelf_.reset();
    QStringList stores;
    guarded([&] {
        for (qint64 id : wanted)
            if (auto d = db_.document(id)) stores << d->store_path;
    });
    if (stores.size() != wanted.size()) return;
    post([w = worker_, wanted, stores] { w->open_shelf(wanted, stores); });
    update_ready();
}

void MainWindow::shelf_opened(const app::ShelfPtr & shelf) {
    if (shelf->ids != shelf_wanted_) return; // another shelf was asked for since
    shelf_ = shelf;
    QList<DocumentColumns> columns;
    for (int d = 0; d < shelf->memory->documents(); ++d)
        columns.push_back({shelf->memory->first_block[static_cast<size_t>(d)], QString::fromStdString(shelf->memory->titles[static_cast<size_t>(d)])});
    retrieval_->set_documents(columns);
    update_ready();
}

QString MainWindow::shelf_note() const {
    if (!shelf_) return tr("Opening the %n checked documents…", nullptr, static_cast<int>(shelf_wanted_.size()));
    QStringList titles;
    for (const std::string & t : shelf_->memory->titles) titles << QString::fromStdString(t);
    return tr("Asking %n documents at once: %1. Uncheck them in the library to ask the open document alone.", nullptr, static_cast<int>(titles.size()))
        .arg(titles.join(", "));
}

void MainWindow::show_in_reader(qint64 id, const app::StoredDocumentPtr & doc) {
    if (reader_doc_ == id && reader_ptr_ == doc) return;
    std::optional<app::DocumentRecord> d;
    guarded([&] { d = db_.document(id); });
    reader_->set_document(doc, d && d->format == "pdf" ? d->path : QString(), passwords_.value(id));
    outline_->set_outline(doc->map.outline);
    reader_doc_ = id, reader_ptr_ = doc;
}

void MainWindow::show_passage_of(qint64 doc_id, qint64 token_start, qint64 token_end) {
    if (doc_id == doc_id_ && doc_) {
        show_in_reader(doc_id_, doc_);
    } else {
        const int d = shelf_ ? static_cast<int>(shelf_->ids.indexOf(doc_id)) : -1;
        if (d < 0) { // a shelf no longer open: the document itself
            open_document(doc_id);
            return;
        }
        show_in_reader(doc_id, shelf_->docs[static_cast<size_t>(d)]);
    }
    reader_->show_tokens(token_start, token_end);
}

void MainWindow::show_block(int block) {
    if (shelf_ && retrieval_->documents().size() > 1) { // a block of the shelf's lookup
        int d = -1;
        qint64 b = 0, e = 0;
        if (shelf_->locate_block(block, d, b, e)) show_passage_of(shelf_->ids[d], b, e);
        return;
    }
    if (doc_) show_in_reader(doc_id_, doc_);
    reader_->show_block(block);
}

QString MainWindow::block_preview(int block) const {
    const StoredDocument * doc = doc_.get();
    qint64 b = -1, e = -1;
    QString from;
    if (shelf_ && retrieval_->documents().size() > 1) {
        int d = -1;
        if (!shelf_->locate_block(block, d, b, e)) return {};
        doc = shelf_->docs[static_cast<size_t>(d)].get();
        from = QString::fromStdString(shelf_->memory->titles[static_cast<size_t>(d)]);
    }
    if (!doc) return {};
    try {
        const Passage p = b >= 0 ? passage_for_tokens(*doc, b, e) : passage_for_block(*doc, block);
        QString text = QString::fromStdString(p.excerpt).simplified();
        if (text.size() > 300) text = text.left(297) + "…";
        QString where = p.pages.empty() ? QString() : tr("p. %1").arg(p.pages.front() + 1);
        if (!from.isEmpty()) where = where.isEmpty() ? from : from + ", " + where;
        return where.isEmpty() ? text : tr("%1: %2").arg(where, text);
    } catch (const std::exception &) {
        return {};
    }
}

} // namespace quire::ui

// The window's Q&A sessions: asking (an exchange saved with the settings it was asked under),
// stopping an answer, the session list of the open document, and export.
#include "main_window.h"

#include "chat_view.h"
#include "retrieval_model.h"

#include "quire.h"
#include "services/session_export.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalBlocker>
#include <QStatusBar>

#include <algorithm>
#include <optional>

namespace quire::ui {

void MainWindow::restore_session() {
    guarded([&] {
        const auto sessions = db_.sessions(doc_id_);
        session_id_ = sessions.isEmpty() ? 0 : sessions.front().id;
        chat_->set_exchanges(session_id_ ? db_.exchanges(session_id_) : QList<app::ExchangeRecord>());
    });
    fill_sessions();
}

void MainWindow::fill_sessions() {
    const QSignalBlocker b(sessions_);
    sessions_->clear();
    QList<app::SessionRecord> sessions;
    if (doc_id_) guarded([&] { sessions = db_.sessions(doc_id_); });
    for (const app::SessionRecord & s : sessions)
        sessions_->addItem(tr("%1 — %2").arg(QLocale().toString(s.updated.toLocalTime(), QLocale::ShortFormat), s.title), s.id);
    sessions_->addItem(tr("New session"), qint64(0));
    const int i = sessions_->findData(session_id_);
    sessions_->setCurrentIndex(i >= 0 ? i : sessions_->count() - 1);
    sessions_->setEnabled(doc_id_ != 0);
}

void MainWindow::new_session() {
    if (answering_) stop_answer();
    session_id_ = 0; // created with the first question
    chat_->set_exchanges({});
    retrieval_->clear();
    fill_sessions();
}

void MainWindow::ask(const QString & question) {
    const bool shelf = !shelf_wanted_.isEmpty();
    if (!model_ok_ || (shelf ? !shelf_ : !doc_) || answering_ || question.trimmed().isEmpty()) return;
    if (shelf && !doc_id_) return show_error(tr("Open one of the checked documents: the shelf's questions are kept in its sessions."));
    try {
        if (session_id_ == 0) {
            // The memory of the stored reading, and the answer settings of this session.
            const MemoryConfig & m = shelf ? shelf_->memory->state.cfg : doc_->state.cfg;
            const app::AppSettings & a = opt_.settings;
            QJsonObject settings{{"preset", QString::fromStdString(m.preset)},
                                 {"beta", a.memory.lookup.beta == Lookup::kModelBeta ? QJsonValue("model default") : QJsonValue(a.memory.lookup.beta)},
                                 {"anchors", std::clamp(a.memory.lookup.anchors, 0, m.topk)},
                                 {"mode", a.mode == AskMode::DEEP ? "deep" : "ask"},
                                 {"answer_tokens", a.answer_tokens},
                                 {"temperature", a.sampling.temperature},
                                 {"top_k", a.sampling.top_k},
                                 {"top_p", a.sampling.top_p}};
            for (const auto & f : memory_settings()) settings.insert(f.name, m.*f.field);
            if (shelf) {
                QJsonArray titles;
                for (const std::string & t : shelf_->memory->titles) titles.append(QString::fromStdString(t));
                settings.insert("shelf", titles);
            }
            session_id_ = db_.create_session(doc_id_, question.left(60), model_ ? model_->path : QString(),
                                             QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)));
            fill_sessions();
        }
        app::ExchangeRecord e;
        e.session_id = session_id_;
        e.question = question;
        exchange_id_ = db_.add_exchange(e);
    } catch (const app::LibraryError & e) {
        if (e.damaged()) return library_error(e);
        return show_error(tr("The question could not be saved."), e.what());
    }
    answering_ = true;
    answer_session_ = session_id_;
    frames_.clear();
    retrieval_->clear();
    chat_->begin_answer(question);
    chat_->set_busy(true);
    app::AskRequest r;
    r.exchange_id = exchange_id_;
    r.shelf = shelf;
    r.question = question;
    r.params = opt_.settings.ask_params();
    post([w = worker_, r] { w->ask(r); });
}

void MainWindow::stop_answer() { worker_->stop_answer(); }
void MainWindow::export_dialog() {
    if (session_id_ == 0) return show_error(tr("There is no session to export yet: ask a question first."));
    std::optional<app::DocumentRecord> d;
    std::optional<app::SessionRecord> s;
    guarded([&] { d = db_.document(doc_id_), s = db_.session(session_id_); });
    if (!d || !s) return;
    const QString name = QDir::home().filePath(QString("%1 - %2.md").arg(d->title, s->title).replace('/', '-'));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export session"), name, tr("Markdown (*.md);;JSON (*.json);;HTML (*.html);;PDF (*.pdf)"));
    if (path.isEmpty()) return;
    try {
        app::SessionExport ex{*d, *s, db_.exchanges(session_id_)};
        app::export_session(ex, app::export_format_for(path), path);
        statusBar()->showMessage(tr("Exported to %1").arg(path), 6000);
    } catch (const std::exception & e) {
        show_error(tr("The session could not be exported."), e.what());
    }
}

} // namespace quire::ui

// The main window's answers to what can go wrong with the library and a document: a library
// error (a damaged library ends the window: library_failed, and the app offers a fresh one),
// and a password-protected PDF (its password asked for, never stored).
#include "main_window.h"

#include <QInputDialog>

namespace quire::ui {

void MainWindow::ask_password(qint64 id, const QString & message) {
    if (findChild<QInputDialog *>("password")) return; // one at a time
    QString title;
    guarded([&] {
        if (auto d = db_.document(id)) title = d->title;
    });
    auto * dlg = new QInputDialog(this);
    dlg->setObjectName("password");
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowTitle(tr("Password"));
    dlg->setLabelText(tr("“%1” is protected by a password. Enter it to read the document (Quire does not store it).").arg(title) +
                      (message.contains("wrong password") ? "\n" + tr("The password was wrong.") : QString()));
    dlg->setTextEchoMode(QLineEdit::Password);
    dlg->setWindowModality(Qt::WindowModal);
    connect(dlg, &QInputDialog::textValueSelected, this, [this, id](const QString & pw) {
        passwords_[id] = pw;
        locked_.remove(id);
        guarded([&] {
            if (auto d = db_.document(id)) start_ingest(*d);
        });
    });
    connect(dlg, &QDialog::finished, dlg, [dlg] { dlg->setObjectName({}); }); // closed: no longer the one asking
    connect(dlg, &QDialog::rejected, this, [this] { update_ready(); });
    dlg->open();
}

void MainWindow::library_error(const app::LibraryError & e) {
    if (!e.damaged()) return show_error(tr("The library could not be updated."), e.what());
    last_error_ = QString::fromStdString(e.what());
    if (library_failed_) return;
    library_failed_ = true;
    worker_->cancel_ingest();
    worker_->stop_answer();
    emit library_failed(last_error_);
}

} // namespace quire::ui

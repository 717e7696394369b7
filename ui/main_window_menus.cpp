// The main window's menus, its dialogs (settings, models, open) and documents dropped on it.
#include "main_window.h"

#include "chat_view.h"
#include "model_dialog.h"
#include "reader_view.h"
#include "settings_dialog.h"

#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>

#include <algorithm>

namespace quire::ui {

void MainWindow::build_menus() {
    QMenu * file = menuBar()->addMenu(tr("&File"));
    QAction * open = file->addAction(tr("&Open…"), this, &MainWindow::open_file_dialog);
    open->setShortcut(QKeySequence::Open);
    QMenu * recent = file->addMenu(tr("Open &Recent"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        QList<app::DocumentRecord> docs; // most recently opened first
        guarded([&] { docs = db_.documents(); });
        for (int i = 0; i < std::min<qsizetype>(10, docs.size()); ++i) {
            const qint64 id = docs[i].id;
            recent->addAction(QString("&%1 %2").arg((i + 1) % 10).arg(docs[i].title), this, [this, id] { open_document(id); });
        }
        if (docs.isEmpty()) recent->addAction(tr("No documents yet"))->setEnabled(false);
    });
    QAction * exp = file->addAction(tr("&Export Session…"), this, &MainWindow::export_dialog);
    exp->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("&Models…"), this, &MainWindow::model_dialog);
    file->addAction(tr("&New Session"), this, &MainWindow::new_session)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    QAction * prefs = file->addAction(tr("&Settings…"), this, &MainWindow::settings_dialog);
    prefs->setShortcut(QKeySequence::Preferences);
    prefs->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction * quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu * view = menuBar()->addMenu(tr("&View"));
    QAction * find = view->addAction(tr("&Find in Document"), reader_, &ReaderView::start_find);
    find->setShortcut(QKeySequence::Find);
    QAction * lib = view->addAction(tr("Focus &Library"), this, [this] { library_view_->setFocus(); });
    lib->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction * rd = view->addAction(tr("Focus &Reader"), this, [this] { reader_->setFocus(); });
    rd->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction * ch = view->addAction(tr("Focus &Chat"), this, [this] { chat_->question_box()->setFocus(); });
    ch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));

    QMenu * help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Quire"), this, [this] {
        QMessageBox::about(this, tr("About Quire"),
                           tr("<h3>Quire %1</h3><p>A reader for long documents with query-aware block memory (QLLM on InfLLM).</p>"
                              "<p>Qt %2<br>%3<br>Model: %4</p>")
                               .arg(QCoreApplication::applicationVersion(), qVersion(), QString::fromStdString(app::backend_versions()),
                                    model_ ? QString("%1 (%2, %3)").arg(model_->name, model_->architecture, model_->backend).toHtmlEscaped() : tr("none")));
    });
}

void MainWindow::settings_dialog() {
    SettingsDialog d(opt_.settings, this);
    if (d.exec() == QDialog::Accepted) apply_settings(d.settings());
}

void MainWindow::model_dialog() {
    ModelDialog d(model_, opt_.model_cache, opt_.settings.gpu_budget_gib, this);
    if (d.exec() != QDialog::Accepted) return;
    app::AppSettings s = opt_.settings;
    s.gpu_budget_gib = d.gpu_budget_gib();
    apply_settings(s);
    if (!d.chosen_model().isEmpty() && (!model_ || d.chosen_model() != model_->path)) load_model(d.chosen_model());
}

void MainWindow::open_file_dialog() {
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open documents"), QString(),
                                                            tr("Documents (*.pdf *.epub *.md *.markdown *.txt);;All files (*)"));
    for (const QString & f : files) add_document(f);
}

void MainWindow::dragEnterEvent(QDragEnterEvent * e) {
    if (e->mimeData()->hasUrls()) e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent * e) {
    for (const QUrl & u : e->mimeData()->urls())
        if (u.isLocalFile()) add_document(u.toLocalFile());
}

} // namespace quire::ui

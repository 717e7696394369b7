// The fixture of the desktop app's end-to-end tests (tst_main_window, tst_main_window_problems):
// a library in a temporary folder, stories260K from ../shared as the model, windows on the
// offscreen platform, and the steps a user takes (open and read a document, ask and wait).
#pragma once

#include "chat_view.h"
#include "main_window.h"
#include "theme.h"

#include "quire.h"
#include "test_env.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace quire::test {

// The screenshot runs (QUIRE_SCREENSHOTS=DIR, with the default model in the cache): where the
// pictures go, or empty when they do not run.
inline QString screenshot_dir() {
    const QString shots = qEnvironmentVariable("QUIRE_SCREENSHOTS");
    return shots.isEmpty() || !exists(smollm2_path()) ? QString() : shots;
}

// Their window: the default model, a library of its own, the README's size.
struct ScreenshotWindow {
    QTemporaryDir dir;
    app::LibraryDb db{dir.filePath("library.sqlite")};
    ui::MainWindow w;
    explicit ScreenshotWindow(int answer_tokens) : w(db, options(dir, answer_tokens)) {
        w.resize(1400, 860);
        w.show();
    }
    // The window in the light theme as shots/name.
    void save(const QString & shots, const QString & name) {
        QDir().mkpath(shots);
        ui::apply_theme(ui::Theme::Light);
        QTest::qWait(500);
        w.grab().save(QDir(shots).filePath(name));
        ui::apply_theme(ui::Theme::System);
    }
    static ui::WindowOptions options(const QTemporaryDir & dir, int answer_tokens) {
        ui::WindowOptions opt;
        opt.data_dir = dir.path();
        opt.settings.model_path = QString::fromStdString(smollm2_path());
        opt.settings.answer_tokens = answer_tokens;
        return opt;
    }
};

class MainWindowFixture : public QObject {
protected:
    // Whether the model is there (the tests skip without it).
    static bool model_present() { return exists(stories260k_dir() + "/stories260K.bin"); }
    // The library and the window's options; false when the temporary folder could not be made.
    bool set_up() {
        const std::string d = stories260k_dir();
        if (!dir_.isValid()) return false;
        db_ = std::make_unique<app::LibraryDb>(dir_.filePath("data/library.sqlite"));
        opt_.data_dir = dir_.filePath("data");
        opt_.settings.model_path = QString::fromStdString(d + "/stories260K.bin");
        opt_.settings.tokenizer_path = QString::fromStdString(d + "/tok512.bin");
        opt_.settings.memory = memory_preset("512");
        opt_.settings.answer_tokens = 40;
        return true;
    }

    QTemporaryDir dir_;
    std::unique_ptr<app::LibraryDb> db_;
    ui::WindowOptions opt_;

    QString write(const QString & name, const QByteArray & bytes) { return write_file(dir_.filePath(name), bytes); }
    std::unique_ptr<ui::MainWindow> window() {
        auto w = std::make_unique<ui::MainWindow>(*db_, opt_);
        w->resize(1300, 800);
        w->show();
        [&] { QVERIFY(QTest::qWaitForWindowExposed(w.get())); }();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(w->model_ready() || !w->last_error().isEmpty(), 30000); }();
        return w;
    }
    // A window whose answers run up to `answer_tokens`, showing the library's first document.
    std::unique_ptr<ui::MainWindow> window_on_first_document(int answer_tokens) {
        const int keep = opt_.settings.answer_tokens;
        opt_.settings.answer_tokens = answer_tokens;
        auto w = window();
        opt_.settings.answer_tokens = keep;
        QSignalSpy opened(w.get(), &ui::MainWindow::document_opened);
        w->open_document(db_->documents().front().id);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 60000); }();
        return w;
    }
    // Opens a document and waits until it is read and shown.
    qint64 open_and_read(ui::MainWindow & w, const QString & path) {
        QSignalSpy opened(&w, &ui::MainWindow::document_opened);
        const qint64 id = w.add_document(path);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 1 || !w.last_error().isEmpty(), 300000); }();
        return id;
    }
    void ask_and_wait(ui::MainWindow & w, const QString & q, QStringList * seen = nullptr) {
        QSignalSpy done(&w, &ui::MainWindow::answer_done);
        w.chat()->question_box()->setPlainText(q);
        QTest::keyClick(w.chat()->question_box(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(w.answering());
        QElapsedTimer t;
        t.start();
        while (done.count() == 0 && t.elapsed() < 300000) {
            QTest::qWait(2);
            if (seen && (seen->isEmpty() || seen->back() != w.chat()->answer_in_progress()) && done.count() == 0) *seen << w.chat()->answer_in_progress();
        }
        QCOMPARE(done.count(), 1);
    }
};

} // namespace quire::test

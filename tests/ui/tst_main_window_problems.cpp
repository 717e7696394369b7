// The desktop app's answers to problems, end to end on the offscreen platform with stories260K
// (../shared): a protected PDF asks for its password (again when it was wrong), a library
// damaged while the app runs, a reading that does not fit the free disk asks first, broken
// documents and models show an error and the app goes on.
#include "main_window_fixture.h"

#include <QAbstractButton>
#include <QInputDialog>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace quire;
using namespace quire::ui;

class TstMainWindowProblems : public test::MainWindowFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!model_present()) QSKIP("stories260K is absent (../shared/models/stories260K): the app tests need a model");
        QVERIFY(set_up());
    }

    void protectedPdfAsksForItsPassword() {
        if (!document_pdf_supported()) QSKIP("no PDF support in this build");
        const QString qpdf = QStandardPaths::findExecutable("qpdf");
        if (qpdf.isEmpty()) QSKIP("qpdf not installed (scripts/install-deps.sh installs it)");
        const QString plain = dir_.filePath("plain-story.pdf"), locked = dir_.filePath("locked-story.pdf");
        {
            QPdfWriter pw(plain);
            pw.setResolution(72);
            QPainter p(&pw);
            QFont font("DejaVu Sans");
            font.setPixelSize(11);
            p.setFont(font);
            const QStringList words = test::story(40).split(' ');
            for (int i = 0; i * 12 < words.size(); ++i) p.drawText(QPointF(50, 60 + 16 * i), words.mid(i * 12, 12).join(' '));
        }
        QCOMPARE(QProcess::execute(qpdf, {"--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked}), 0);
        auto w = window();
        auto password_dialog = [&]() -> QInputDialog * {
            QInputDialog * d = nullptr;
            [&] {
                QTRY_VERIFY2_WITH_TIMEOUT((d = w->findChild<QInputDialog *>("password")) && d->isVisible(), qPrintable(w->last_error() + " | " + w->chat()->why_not_ready() + (d ? QString(" exists visible=%1").arg(d->isVisible()) : QString())), 60000);
            }();
            return d;
        };
        QSignalSpy opened(w.get(), &MainWindow::document_opened);
        const qint64 id = w->add_document(locked);
        QInputDialog * d = password_dialog();
        QVERIFY(d && d->labelText().contains("locked-story"));
        QCOMPARE(d->textEchoMode(), QLineEdit::Password);
        d->reject();
        QTRY_VERIFY(w->chat()->why_not_ready().contains("needs a password"));
        QVERIFY(!w->chat()->why_not_ready().contains("being read"));
        w->open_document(id); // asks again
        d = password_dialog();
        d->setTextValue("wrong");
        d->accept();
        QTRY_VERIFY_WITH_TIMEOUT(w->findChild<QInputDialog *>("password") && w->findChild<QInputDialog *>("password")->labelText().contains("wrong"), 60000);
        d = password_dialog();
        d->setTextValue("user-pw");
        d->accept();
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 120000);
        QVERIFY(w->document_ready());
        QCOMPARE(db_->document(id)->state, app::IngestState::Ready);
        QVERIFY(db_->document(id)->error.isEmpty());
    }

    // The library damaged while the app runs (here its schema, through a second connection):
    // the window says so through library_failed (the app then offers a fresh library) and never
    // aborts; the engine's thread ends cleanly with the window.
    void libraryDamagedWhileRunning() {
        QTemporaryDir d;
        auto db = std::make_unique<app::LibraryDb>(d.filePath("library.sqlite"));
        const QString doc = write("damage.txt", test::story(30).toUtf8());
        app::DocumentRecord rec;
        rec.path = doc, rec.title = "damage", rec.format = "text";
        const qint64 id = db->add_document(rec);
        WindowOptions opt = opt_;
        opt.data_dir = d.path();
        auto w = std::make_unique<MainWindow>(*db, opt);
        w->show();
        QSignalSpy failed(w.get(), &MainWindow::library_failed);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase("QSQLITE", "damager");
            other.setDatabaseName(d.filePath("library.sqlite"));
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec("PRAGMA schema_version"));
            QVERIFY(q.next());
            const int version = q.value(0).toInt();
            q.finish();
            QVERIFY(q.exec("PRAGMA writable_schema = ON"));
            QVERIFY2(q.exec("UPDATE sqlite_master SET sql = 'CREATE TABLE sessions (' WHERE name = 'sessions'"), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(QString("PRAGMA schema_version = %1").arg(version + 1)));
            other.close();
        }
        QSqlDatabase::removeDatabase("damager");
        w->open_document(id);
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains("malformed"), qPrintable(failed.at(0).at(0).toString()));
        w->open_document(id); // still no abort, and said once
        QCOMPARE(failed.count(), 1);
        w.reset();
    }

    // A reading whose store would leave less free disk than the window keeps (here: an exabyte)
    // is not started: the window says how much it needs and how much is free and asks; No leaves
    // it unread (no store), Yes reads it anyway.
    void readingThatDoesNotFitAsksFirst() {
        const quint64 keep = opt_.keep_free_bytes;
        opt_.keep_free_bytes = 1ull << 60;
        auto w = window();
        opt_.keep_free_bytes = keep;
        auto question = [&]() -> QMessageBox * {
            QMessageBox * b = nullptr;
            [&] { QTRY_VERIFY_WITH_TIMEOUT((b = w->findChild<QMessageBox *>("needs-space")) && b->isVisible(), 60000); }();
            return b;
        };
        QSignalSpy opened(w.get(), &MainWindow::document_opened);
        const qint64 id = w->add_document(write("space.txt", test::story(60).toUtf8()));
        QMessageBox * box = question();
        QVERIFY2(box->text().contains("of disk") && box->text().contains("is free"), qPrintable(box->text()));
        box->button(QMessageBox::No)->click();
        QTRY_COMPARE(db_->document(id)->state, app::IngestState::Cancelled);
        QVERIFY(!QFileInfo::exists(db_->document(id)->store_path));
        QCOMPARE(opened.count(), 0);
        w->open_document(id);
        box = question();
        box->button(QMessageBox::Yes)->click();
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 120000);
        QCOMPARE(db_->document(id)->state, app::IngestState::Ready);
    }

    void brokenInputsShowErrors() {
        auto w = window();
        const QString bad = write("broken.pdf", "%PDF-1.4\nnot really a pdf\n");
        QSignalSpy done(w.get(), &MainWindow::ingest_done);
        w->add_document(bad);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY(!w->last_error().isEmpty());
        QCOMPARE(db_->document_by_path(QFileInfo(bad).absoluteFilePath())->state, app::IngestState::Failed);
        // A broken model: an error, the app goes on without one.
        const QString badm = write("broken.gguf", QByteArray("GGUF\x03\x00\x00\x00xx", 10));
        w->load_model(badm);
        QTRY_VERIFY_WITH_TIMEOUT(!w->model_ready() && w->last_error().contains("model"), 30000);
        w->load_model(opt_.settings.model_path, opt_.settings.tokenizer_path);
        QTRY_VERIFY_WITH_TIMEOUT(w->model_ready(), 30000);
    }
};

QTEST_MAIN(TstMainWindowProblems)
#include "tst_main_window_problems.moc"

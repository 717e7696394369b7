// A scanned PDF in the desktop app (issue 21, point 6), end to end: a text PDF's pages rendered
// and put together again as pictures only; the app reads it with OCR, and an answer's first
// chip highlights words on the scanned page: boxes where the OCR found the passage's words,
// inside the page, on the page the chip names. With stories260K; with QUIRE_SCREENSHOTS=DIR and
// the default model in the cache, docs/screenshots/ocr.png: a scan of the demo book's first
// pages with a question's citation.
#include "main_window_fixture.h"
#include "reader_view.h"
#include "scanned_pdf.h"
#include "theme.h"

#include "services/evidence_json.h"

#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTextDocument>

using namespace quire;
using namespace quire::ui;

class TstScannedDocument : public test::MainWindowFixture {
    Q_OBJECT
    QString scan_; // the scanned PDF, made once

    // The citation of the session's first answer, shown in the reader; its evidence.
    app::Evidence show_first_citation(MainWindow & w, app::LibraryDb & db) {
        const auto ex = db.exchanges(w.current_session());
        const auto ev = ex.isEmpty() ? QList<app::Evidence>() : app::evidence_from_json(ex.front().evidence_json);
        if (ev.isEmpty()) return {};
        if (ev.front().token_start >= 0) w.reader()->show_tokens(ev.front().token_start, ev.front().token_end);
        else w.reader()->show_block(ev.front().block);
        return ev.front();
    }

private slots:
    void initTestCase() {
        if (!document_pdf_supported() || !ocr_supported()) QSKIP("built without poppler-cpp or tesseract (scripts/install-deps.sh installs them)");
        const QString py = QStandardPaths::findExecutable("python3");
        if (py.isEmpty()) QSKIP("python3 not installed");
        QVERIFY(set_up());
        const QString text = dir_.filePath("text.pdf");
        scan_ = dir_.filePath("logbook-scan.pdf");
        QCOMPARE(QProcess::execute(py, {QString::fromStdString(test::data("document/make_long_pdf.py")), text, "2"}), 0);
        test::scan_of(text.toStdString(), scan_.toStdString());
    }

    void citationHighlightsWordsOnTheScannedPage() {
        if (!model_present()) QSKIP("stories260K is absent (../shared/models/stories260K)");
        auto w = window();
        QVERIFY(w->model_ready());
        open_and_read(*w, scan_);
        QVERIFY2(w->document_ready(), qPrintable(w->last_error()));
        ask_and_wait(*w, "What did the keeper write in his log?");
        const app::Evidence e = show_first_citation(*w, *db_);
        QVERIFY(!e.pages.isEmpty());
        QCOMPARE(w->reader()->page() + 1, e.pages.front()); // on the page the chip names
        const QList<QRectF> boxes = w->reader()->highlight_boxes();
        QVERIFY2(!boxes.isEmpty(), "the OCR's words carry no boxes");
        // The make_long_pdf page is US Letter (612 x 792 pt); its text starts 60 pt from the left.
        for (const QRectF & b : boxes) QVERIFY2(b.left() >= 50 && b.right() <= 612 && b.top() >= 0 && b.bottom() <= 792, qPrintable(QString("box %1,%2 %3x%4").arg(b.left()).arg(b.top()).arg(b.width()).arg(b.height())));
    }

    void screenshotWithTheDefaultModel() {
        const QString shots = test::screenshot_dir();
        if (shots.isEmpty()) QSKIP("QUIRE_SCREENSHOTS unset or the default model absent");
        test::ScreenshotWindow shown(48);
        MainWindow & w = shown.w;
        app::LibraryDb & db = shown.db;
        QTRY_VERIFY_WITH_TIMEOUT(w.model_ready(), 600000);
        // A scan of the demo book's first pages (typeset by Qt, rendered, put together as pictures).
        QFile book(QString(QUIRE_SOURCE_DIR) + "/resources/demo/the-keepers-of-halden-light.md");
        QVERIFY(book.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(book.readAll()).left(9000);
        const QString typeset = shown.dir.filePath("halden.pdf"), scan = shown.dir.filePath("halden-scan.pdf");
        {
            QPdfWriter pdf(typeset);
            pdf.setPageSize(QPageSize(QPageSize::A4));
            QTextDocument doc;
            doc.setDefaultFont(QFont("DejaVu Serif", 11));
            doc.setMarkdown(text);
            doc.print(&pdf);
        }
        test::scan_of(typeset.toStdString(), scan.toStdString());
        QSignalSpy opened(&w, &MainWindow::document_opened);
        w.add_document(scan);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 1800000);
        QSignalSpy done(&w, &MainWindow::answer_done);
        w.ask("What was the name of the keepers' cat?");
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 600000);
        w.reader()->set_zoom(0.6); // the whole page in view, with the citation's words
        const app::Evidence e = show_first_citation(w, db);
        qInfo("answer: %s; first citation p. %d", qPrintable(db.exchanges(w.current_session()).front().answer.simplified()), e.pages.value(0));
        shown.save(shots, "ocr.png");
    }
};

QTEST_MAIN(TstScannedDocument)
#include "tst_scanned_document.moc"

// The reader while a document is read (issue 21, points 1 and the 1,000-page PDF): a book-sized
// PDF (1,000 pages, made by tests/data/document/make_long_pdf.py) is in the reader, all its pages
// turnable, in under 2 s, and its text is searchable while the rest is still being taken out;
// the page the user turned to stays as the map grows.
#include "main_window_fixture.h"
#include "reader_view.h"

#include <QProcess>
#include <QStandardPaths>

using namespace quire;
using namespace quire::ui;

class TestReaderWhileReading : public test::MainWindowFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!model_present()) QSKIP("stories260K is absent (../shared/models/stories260K)");
        QVERIFY(set_up());
    }

    void thousandPagePdfOpensAtOnceAndIsSearchable() {
        const QString py = QStandardPaths::findExecutable("python3");
        if (py.isEmpty()) QSKIP("python3 not installed (scripts/install-deps.sh installs it)");
        const QString pdf = dir_.filePath("book.pdf");
        QCOMPARE(QProcess::execute(py, {QString::fromStdString(test::data("document/make_long_pdf.py")), pdf, "1000"}), 0);
        auto w = window();
        QElapsedTimer t;
        t.start();
        w->add_document(pdf);
        while (!(w->reader()->page_count() == 1000 && w->reader()->page_ready()) && t.elapsed() < 60000) QTest::qWait(1);
        const qint64 shown_ms = t.elapsed();
        const int with_text = w->reader()->pages_with_text();
        qInfo("1,000-page PDF in the reader after %lld ms, the text of %d pages taken out by then", shown_ms, with_text);
        QCOMPARE(w->reader()->page_count(), 1000);
        QVERIFY2(shown_ms < 2000, qPrintable(QString("shown after %1 ms").arg(shown_ms)));
        QVERIFY2(with_text < 1000, "the reader waited for the whole text");

        // Searchable while it is read; the page turned to stays while the map grows.
        QVERIFY(w->ingesting());
        QVERIFY(w->reader()->find_next("each night about 1.1"));
        QCOMPARE(w->reader()->page(), 0);
        w->reader()->show_page(700);
        QTRY_VERIFY_WITH_TIMEOUT(w->reader()->pages_with_text() == 1000, 120000);
        QCOMPARE(w->reader()->page(), 700);
        QVERIFY(w->reader()->find_next("701.45")); // the last line of page 701
        QCOMPARE(w->reader()->page(), 700);
        QVERIFY(!w->reader()->highlight_boxes().isEmpty());
        QSignalSpy done(w.get(), &MainWindow::ingest_done);
        w->cancel_ingest();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 120000);
    }
};

QTEST_MAIN(TestReaderWhileReading)
#include "tst_reader_while_reading.moc"

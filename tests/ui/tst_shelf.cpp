// The shelf in the desktop app (ui/main_window_shelf.cpp), end to end with stories260K: with two
// read documents each gets a check box; checking both opens them as one shelf (the chat says so,
// the heatmap's columns are the two documents side by side); a question's chips name the book
// the answer's passage came from (the book whose words the question uses) and lead there in the
// reader while the conversation stays; a block of the other book in the heatmap shows that
// book; the evidence keeps its document in the library and in the export; unchecking one goes
// back to the open document alone. With QUIRE_SCREENSHOTS=DIR and the default model in the cache,
// docs/screenshots/shelf.png: two real books asked together.
#include "library_model.h"
#include "main_window_fixture.h"
#include "reader_view.h"
#include "retrieval_model.h"
#include "retrieval_panel.h"
#include "theme.h"

#include "services/evidence_json.h"
#include "services/session_export.h"

#include <QTextBrowser>

using namespace quire;
using namespace quire::ui;

namespace {

QByteArray story_with(const QString & planted, int at, int sentences = 70) {
    QString s;
    for (int i = 0; i < sentences; ++i) s += i == at ? planted + " " : QString("Tom went to the park and played with a red ball. ");
    return s.toUtf8();
}

QModelIndex row_of(MainWindow & w, qint64 id) { return w.library()->index(w.library()->row_of(id)); }

} // namespace

class TstShelf : public test::MainWindowFixture {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!model_present()) QSKIP("stories260K is absent (../shared/models/stories260K)");
        QVERIFY(set_up());
    }

    void twoBooksAskedAsOne() {
        auto w = window();
        QVERIFY(w->model_ready());
        const qint64 kite = open_and_read(*w, write("kite.txt", story_with("Lily had a blue kite called Zip.", 50)));
        QVERIFY(w->document_ready());
        // One read document: no check boxes.
        QVERIFY(!w->library()->data(row_of(*w, kite), Qt::CheckStateRole).isValid());
        const qint64 boat = open_and_read(*w, write("boat.txt", story_with("Ben had a green boat called Splash.", 20)));
        QVERIFY(w->document_ready());
        QCOMPARE(w->library()->data(row_of(*w, kite), Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(w->library()->flags(row_of(*w, boat)) & Qt::ItemIsUserCheckable);

        QVERIFY(w->library()->setData(row_of(*w, kite), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!w->shelf_ready()); // one checked: still the open document
        QVERIFY(w->library()->setData(row_of(*w, boat), Qt::Checked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(w->shelf_ready(), 60000);
        QVERIFY2(w->chat()->reading_note().contains("Asking 2 documents"), qPrintable(w->chat()->reading_note()));
        const auto & columns = w->retrieval_model()->documents();
        QCOMPARE(columns.size(), 2);
        QCOMPARE(columns[0].first_block, 0);
        QVERIFY(columns[1].first_block > 0);

        const qint64 open = w->current_document();
        ask_and_wait(*w, "What was Ben's boat called?");
        const auto ex = db_->exchanges(w->current_session());
        QCOMPARE(ex.size(), qsizetype(1));
        const auto ev = app::evidence_from_json(ex.front().evidence_json);
        QVERIFY(!ev.isEmpty());
        // The best-ranked passage is the boat's, named by its book.
        QCOMPARE(ev.front().doc_id, boat);
        QVERIFY(!ev.front().document.isEmpty());
        QVERIFY2(ev.front().excerpt.contains("boat"), qPrintable(ev.front().excerpt));
        const QString html = w->chat()->browser()->toHtml();
        QVERIFY2(html.contains(QString("doc/%1/tokens/").arg(boat)), qPrintable(html));
        QVERIFY(html.contains(ev.front().document));
        // The heatmap's blocks are the shelf's: both books' columns.
        QVERIFY(w->retrieval_model()->frame());
        QVERIFY(w->retrieval_model()->frame()->n_blocks > columns[1].first_block);

        // A chip of the boat's book shows it in the reader; the conversation stays.
        emit w->chat()->document_passage_clicked(boat, ev.front().token_start, ev.front().token_end);
        QCOMPARE(w->reader_document(), boat);
        QCOMPARE(w->current_document(), open);
        QVERIFY(w->chat()->transcript().contains("What was Ben's boat called?"));
        QVERIFY(w->reader()->page_ready());
        // A block of each book in the heatmap shows that book (the shelf is in the library's order).
        const QList<qint64> order = w->library()->shelf();
        QCOMPARE(order.size(), qsizetype(2));
        emit w->retrieval()->block_clicked(0);
        QCOMPARE(w->reader_document(), order[0]);
        emit w->retrieval()->block_clicked(columns[1].first_block);
        QCOMPARE(w->reader_document(), order[1]);
        emit w->retrieval()->block_clicked(0);
        QCOMPARE(w->reader_document(), order[0]);

        // The export names the book of each passage.
        const auto d = db_->document(open);
        const auto s = db_->session(w->current_session());
        QVERIFY(d && s);
        const QString md = QString::fromUtf8(app::render_session({*d, *s, ex}, app::ExportFormat::Markdown));
        QVERIFY2(md.contains("- " + ev.front().document), qPrintable(md));

        // Unchecked: back to the open document alone.
        QVERIFY(w->library()->setData(row_of(*w, kite), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!w->shelf_ready());
        QVERIFY(w->retrieval_model()->documents().isEmpty());
        QVERIFY(!w->chat()->reading_note().contains("Asking"));
    }

    // For docs/screenshots: the default model, two real books (the demo novel and the gzip
    // manual) checked together, a question about each. Runs with QUIRE_SCREENSHOTS=DIR.
    void screenshotWithTheDefaultModel() {
        const QString shots = test::screenshot_dir();
        if (shots.isEmpty()) QSKIP("QUIRE_SCREENSHOTS unset or the default model absent");
        test::ScreenshotWindow shown(48);
        MainWindow & w = shown.w;
        app::LibraryDb & db = shown.db;
        QTRY_VERIFY_WITH_TIMEOUT(w.model_ready(), 600000);
        QList<qint64> ids;
        for (const QString & path : {QString(QUIRE_SOURCE_DIR) + "/resources/demo/the-keepers-of-halden-light.md", QString(QUIRE_SOURCE_DIR) + "/tests/data/docqa/gzip-manual.txt"}) {
            QSignalSpy opened(&w, &MainWindow::document_opened);
            ids << w.add_document(path);
            QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 3600000);
        }
        for (qint64 id : ids) QVERIFY(w.library()->setData(w.library()->index(w.library()->row_of(id)), Qt::Checked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(w.shelf_ready(), 60000);
        for (const QString & q : {QString("Which option tells gzip to keep the input files?"), QString("Who keeps the Halden light?")}) {
            QSignalSpy done(&w, &MainWindow::answer_done);
            w.ask(q);
            QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 600000);
        }
        const auto ex = db.exchanges(w.current_session());
        for (const auto & x : ex) qInfo("%s -> %s [%s]", qPrintable(x.question), qPrintable(x.answer.simplified()), qPrintable(x.evidence_json.left(200)));
        const auto ev = app::evidence_from_json(ex.back().evidence_json);
        if (!ev.isEmpty()) emit w.chat()->document_passage_clicked(ev.front().doc_id, ev.front().token_start, ev.front().token_end);
        shown.save(shots, "shelf.png");
    }
};

QTEST_MAIN(TstShelf)
#include "tst_shelf.moc"

// The desktop app end to end on the offscreen platform, with stories260K (../shared): open a
// text file and a PDF, ingest (the event loop never stalls over 50 ms; see kMaxStallMs), ask (the answer arrives
// token by token), the heatmap (one cell per layer and block, selected blocks outlined), a click
// on a cell shows the passage highlighted in the reader, Stop, Cancel (no store left), and the
// library and session after a restart (problems: tst_main_window_problems.cpp).
// With QUIRE_SCREENSHOTS=DIR it also saves the window in light and dark theme.
#include "chat_view.h"
#include "heatmap_view.h"
#include "library_model.h"
#include "main_window.h"
#include "outline_view.h"
#include "reader_view.h"
#include "retrieval_model.h"
#include "retrieval_panel.h"
#include "theme.h"

#include "backend/cuda_loader.h"
#include "document/document_source.h"
#include "memory/passage.h"
#include "services/evidence_json.h"
#include "main_window_fixture.h"
#include "test_env.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QAbstractButton>
#include <QInputDialog>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QLabel>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

using namespace quire;
using namespace quire::ui;

namespace {

// The longest time the event loop went without running a 5 ms timer, while it was on.
class StallMeter : public QObject {
public:
    StallMeter() {
        t_.setInterval(5);
        connect(&t_, &QTimer::timeout, this, [this] {
            worst_ = std::max(worst_, clock_.restart());
        });
    }
    void start() {
        worst_ = 0;
        clock_.start();
        t_.start();
    }
    qint64 stop() {
        t_.stop();
        return worst_;
    }

private:
    QTimer t_;
    QElapsedTimer clock_;
    qint64 worst_ = 0;
};

// The longest the event loop may stall: 50 ms (three frames) in an optimised build. Under
// AddressSanitizer (the CI build) every instruction of the window's own work (painting the
// 1300x800 window takes 12-18 ms there, 4-5 ms optimised) runs 2-3x slower: 100 ms.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kMaxStallMs = 100;
#else
constexpr qint64 kMaxStallMs = 50;
#endif

} // namespace

class TstMainWindow : public test::MainWindowFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!model_present()) QSKIP("stories260K is absent (../shared/models/stories260K): the app tests need a model");
        QVERIFY(set_up());
    }

    // What the window says in each state before the first answer: the model loading (not "load
    // a model"), no document, a reading (its progress on one line, the document already in the
    // reader), the backend in words a user can act on (no GPU: "No NVIDIA GPU found", not the
    // CUDA runtime's error).
    void statesSayWhatIsHappening() {
        QVERIFY(db_->documents().isEmpty()); // runs first: an empty library
        auto w = std::make_unique<ui::MainWindow>(*db_, opt_);
        w->resize(1300, 800);
        w->show();
        QCOMPARE(w->chat()->why_not_ready(), QString("Loading the model…"));
        QTRY_VERIFY_WITH_TIMEOUT(w->model_ready(), 30000);
        QCOMPARE(w->chat()->why_not_ready(), QString("Open a document to ask about it"));
        auto * label = w->findChild<QLabel *>("model-label");
        QVERIFY(label);
        QVERIFY2(!label->text().contains("insufficient") && (label->text().contains("CPU") || label->text().contains("GPU")), qPrintable(label->text()));
        if (!cuda_device_status().usable)
            QVERIFY2(label->toolTip().contains("No NVIDIA GPU found") || label->toolTip().contains("The GPU is not used"), qPrintable(label->toolTip()));

        auto * bar = w->findChild<QProgressBar *>("reading-progress");
        QVERIFY(bar);
        int fitted = 0, updates = 0, shown = 0;
        QMetaObject::Connection c = connect(bar, &QProgressBar::valueChanged, this, [&] {
            if (!bar->text().startsWith("Reading:")) return;
            ++updates;
            shown += w->reader()->page_count() > 0 && w->reader()->page_ready() && !w->document_ready(); // the text while it is read
            if (bar->fontMetrics().horizontalAdvance(bar->text()) <= bar->contentsRect().width()) ++fitted;
        });
        const QString doc = write("states.txt", test::story(150).toUtf8());
        QSignalSpy opened(w.get(), &ui::MainWindow::document_opened);
        w->add_document(doc);
        QCOMPARE(w->chat()->why_not_ready(), QString("The document is being read…"));
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() >= 1 || !w->last_error().isEmpty(), 300000);
        disconnect(c);
        QVERIFY2(w->document_ready(), qPrintable(w->last_error()));
        QVERIFY2(w->chat()->why_not_ready().isEmpty(), qPrintable(w->chat()->why_not_ready()));
        qInfo("progress texts: %d, on one line: %d", updates, fitted);
        QVERIFY(updates >= 1);
        QCOMPARE(fitted, updates);
        QCOMPARE(shown, updates);
        db_->remove_document(db_->documents().front().id); // the later tests start from an empty library
    }

    void readsAsksAndShowsRetrieval() {
        auto w = window();
        QVERIFY2(w->model_ready(), qPrintable(w->last_error()));
        const QString doc = write("story.txt", test::story(200).toUtf8());
        StallMeter stall;
        stall.start();
        const qint64 id = open_and_read(*w, doc);
        const qint64 worst = stall.stop();
        QVERIFY2(w->document_ready(), qPrintable(w->last_error()));
        qInfo("longest event-loop stall while reading: %lld ms", static_cast<long long>(worst));
        // (The stall budgets are checked at the end, so that a slow moment does not leave the
        // later tests, which continue this one's document and session, without them.)
        const auto rec = db_->document(id);
        QCOMPARE(rec->state, app::IngestState::Ready);
        QVERIFY(rec->tokens > 1000);
        QVERIFY(QFile::exists(rec->store_path));
        // The chat says how answers are made: this reading is block memory with the fixture's preset.
        QVERIFY2(w->chat()->reading_note().contains("block memory (preset 512)"), qPrintable(w->chat()->reading_note()));

        // Ask: the answer is seen growing before it is done.
        QStringList seen;
        stall.start();
        ask_and_wait(*w, "What did Lily see?", &seen);
        const qint64 worst_ask = stall.stop();
        qInfo("answer seen in %lld states; longest stall %lld ms", static_cast<long long>(seen.size()), static_cast<long long>(worst_ask));
        QVERIFY2(seen.size() >= 3, "the answer did not stream");
        const auto ex = db_->exchanges(w->current_session());
        QCOMPARE(ex.size(), 1);
        QVERIFY(!ex[0].answer.isEmpty());
        QVERIFY(w->chat()->transcript().contains(ex[0].answer.trimmed().left(20)));
        QVERIFY(ex[0].evidence_json.contains("\"pages\""));

        // The heatmap: one cell per layer and block of the step shown, selections outlined.
        RetrievalModel * m = w->retrieval_model();
        QVERIFY(m->step_count() >= 2);
        const auto * f = m->frame();
        QVERIFY(f);
        QCOMPARE(m->rowCount(), 5);
        QVERIFY(m->columnCount() >= 10);
        HeatmapView * hv = w->retrieval()->heatmap();
        hv->repaint();
        const QImage shot = hv->grab().toImage();
        int marked = 0;
        for (int l = 0; l < m->rowCount(); ++l)
            for (int b = 0; b < m->columnCount(); ++b) {
                const bool sel = m->data(m->index(l, b), RetrievalModel::SelectedRole).toBool();
                QCOMPARE(sel, f->is_selected(l, b));
                const QRect c = hv->cell_rect(l, b);
                QVERIFY(c.width() >= 1 && c.height() >= 1);
                const QColor corner = shot.pixelColor(c.topLeft() * shot.devicePixelRatio());
                if (sel) {
                    QCOMPARE(corner, HeatmapView::outline_color());
                    ++marked;
                } else {
                    QVERIFY(corner != HeatmapView::outline_color());
                }
            }
        QVERIFY(marked >= m->rowCount()); // every layer selected something

        // Clicking a selected cell shows its passage in the reader, highlighted.
        const int block = f->selected[2].front();
        QTest::mouseClick(hv, Qt::LeftButton, {}, hv->cell_rect(2, block).center());
        const StoredDocument sd = store_load_map(rec->store_path.toStdString());
        const Passage p = passage_for_block(sd, block);
        QTRY_COMPARE(w->reader()->highlight_start(), p.byte_start);
        QCOMPARE(w->reader()->highlight_end(), p.byte_end);
        QCOMPARE(w->reader()->page(), p.pages.front());

        // Step selector and score switch redraw without errors.
        m->set_step(0);
        m->set_score_kind(ScoreKind::Question);
        QVERIFY(m->max_score() >= m->min_score());
        m->set_score_kind(ScoreKind::Combined);
        m->set_step(m->step_count() - 1);

        // Both themes draw the window (what the README's screenshots show).
        for (bool dark : {true, false}) {
            apply_theme(dark ? Theme::Dark : Theme::Light);
            QTest::qWait(50);
            QVERIFY(!w->grab().isNull());
        }
        apply_theme(Theme::System);

        QVERIFY2(worst <= kMaxStallMs, qPrintable(QString("the event loop stalled %1 ms while reading").arg(worst)));
        QVERIFY2(worst_ask <= kMaxStallMs, qPrintable(QString("the event loop stalled %1 ms while answering").arg(worst_ask)));
    }

    void stopEndsAnAnswer() {
        auto w = window_on_first_document(400);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QSignalSpy done(w.get(), &MainWindow::answer_done);
        w->ask("Tell me a long story.");
        QTRY_VERIFY_WITH_TIMEOUT(w->chat()->answer_in_progress().size() > 0, 60000);
        QTest::keyClick(w->chat()->question_box(), Qt::Key_Escape); // the Stop shortcut
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        const auto ex = db_->exchanges(w->current_session());
        QVERIFY(ex.back().stopped);
        QVERIFY(ex.back().answer.size() < 1600);
    }

    void newSessionWhileAnswering() {
        auto w = window_on_first_document(400);
        QSignalSpy done(w.get(), &MainWindow::answer_done);
        w->ask("Where did Sue go?");
        const qint64 asked_in = w->current_session();
        QTRY_VERIFY_WITH_TIMEOUT(w->chat()->answer_in_progress().size() > 0, 60000);
        w->new_session(); // stops the answer; it is saved in its own session, not shown in the new one
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QVERIFY(!w->chat()->transcript().contains("Where did Sue go?"));
        const auto ex = db_->exchanges(asked_in);
        QCOMPARE(ex.back().question, QString("Where did Sue go?"));
        QVERIFY(ex.back().stopped);
        QVERIFY(!ex.back().answer.isEmpty());
    }

    void restartKeepsLibraryAndSession() {
        auto w = window();
        QCOMPARE(w->library()->rowCount(), 1);
        QSignalSpy opened(w.get(), &MainWindow::document_opened);
        QVERIFY(db_->documents().front().title == "story");
        w->open_document(db_->documents().front().id);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 60000);
        QVERIFY(w->chat()->transcript().contains("Where did Sue go?")); // the most recent session
        const auto sessions = db_->sessions(w->current_document());
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(db_->exchanges(sessions.front().id).front().question, QString("What did Lily see?"));
    }

    void newSessionKeepsTheOldOne() {
        auto w = window();
        QSignalSpy opened(w.get(), &MainWindow::document_opened);
        const qint64 doc = db_->documents().front().id;
        w->open_document(doc);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 60000);
        const int before = static_cast<int>(db_->sessions(doc).size());
        const qint64 old = w->current_session();
        w->new_session();
        QCOMPARE(w->current_session(), qint64(0));
        ask_and_wait(*w, "Who saw a boat?");
        QCOMPARE(static_cast<int>(db_->sessions(doc).size()), before + 1);
        QVERIFY(w->current_session() != old);
        QCOMPARE(db_->exchanges(w->current_session()).size(), 1);
    }

    void pdfPassageIsHighlightedOnThePage() {
        if (!document_pdf_supported()) QSKIP("no PDF support in this build");
        const QString pdf = dir_.filePath("story.pdf");
        {
            QPdfWriter pw(pdf);
            pw.setResolution(72);
            pw.setPageSize(QPageSize(QPageSize::A4));
            QPainter p(&pw);
            QFont font("DejaVu Sans");
            font.setPixelSize(11);
            p.setFont(font);
            const QStringList words = test::story(90).split(' ');
            int y = 60, page = 0;
            QString line;
            for (const QString & wd : words) {
                if ((line + wd).size() > 80) {
                    p.drawText(QPointF(50, y), line);
                    line.clear();
                    y += 16;
                    if (y > 780) pw.newPage(), y = 60, ++page;
                }
                line += wd + " ";
            }
            p.drawText(QPointF(50, y), line);
        }
        auto w = window();
        const qint64 id = open_and_read(*w, pdf);
        QVERIFY2(w->document_ready(), qPrintable(w->last_error()));
        QTRY_VERIFY_WITH_TIMEOUT(w->reader()->page_ready(), 30000); // page 1 drawn by poppler
        const auto rec = db_->document(id);
        const StoredDocument sd = store_load_map(rec->store_path.toStdString());
        const int blocks = static_cast<int>(sd.state.blocks.size());
        const Passage p = passage_for_block(sd, blocks / 2);
        w->reader()->show_block(blocks / 2);
        QCOMPARE(w->reader()->page(), p.pages.front());
        QTRY_VERIFY_WITH_TIMEOUT(w->reader()->page_ready(), 30000);
        const QList<QRectF> boxes = w->reader()->highlight_boxes();
        QVERIFY(!boxes.isEmpty());
        // Words merge into line bands: far fewer rectangles than words, none overlapping the next line's.
        int words = 0;
        for (const MappedWord & wd : sd.map.words) words += wd.start < p.byte_end && wd.start + wd.len > p.byte_start && wd.page == p.pages.front();
        QVERIFY2(boxes.size() * 3 < words, qPrintable(QString("%1 boxes for %2 words").arg(boxes.size()).arg(words)));
        for (int i = 1; i < boxes.size(); ++i) QVERIFY(boxes[i].top() >= boxes[i - 1].top() - 1);
        // Find: a word of the text moves the highlight there.
        QVERIFY(w->reader()->find_next("boat"));
        QVERIFY(w->reader()->highlight_start() >= 0);
    }

    // A Markdown book's headings become the outline beside the library: a tree by level, a click
    // shows the entry's page, turning pages selects the section they lie under.
    void outlineTreeJumpsToItsPage() {
        QString md;
        const QStringList chapters = {"Early January", "Late January", "February"};
        for (int c = 0; c < chapters.size(); ++c) {
            md += QString("# %1\n\n").arg(chapters[c]);
            for (int part = 1; part <= 2; ++part) md += QString("## Part %1.%2\n\n%3\n\n").arg(c + 1).arg(part).arg(test::story(12));
        }
        auto w = window();
        open_and_read(*w, write("months.md", md.toUtf8()));
        QVERIFY2(w->document_ready(), qPrintable(w->last_error()));
        OutlineView * o = w->outline();
        QTRY_VERIFY(o->isVisible());
        QCOMPARE(o->entry_count(), 9);
        QCOMPARE(o->topLevelItemCount(), 3);
        QTreeWidgetItem * late = o->topLevelItem(1);
        QCOMPARE(late->text(0), QString("Late January"));
        QCOMPARE(late->childCount(), 2);
        QTreeWidgetItem * part = late->child(1);
        QCOMPARE(part->text(0), QString("Part 2.2"));
        const int page = part->data(0, Qt::UserRole).toInt();
        QVERIFY(page > 0);
        QTest::mouseClick(o->viewport(), Qt::LeftButton, {}, o->visualItemRect(part).center());
        QCOMPARE(w->reader()->page(), page);
        w->reader()->show_page(page - 1); // the page before: the entry before is selected
        QCOMPARE(o->currentItem(), late->child(0));
        // Markdown is shown rendered (no "## "), and a found word is highlighted as shown.
        QVERIFY2(!w->reader()->shown_text().contains("## ") && w->reader()->shown_text().startsWith("Part 2.1"), qPrintable(w->reader()->shown_text().left(80)));
        QVERIFY(w->reader()->find_next("Part 3.2"));
        QCOMPARE(w->reader()->highlighted_text(), QString("Part 3.2"));
    }

    // The app died while reading: the next start marks the document to be read again, and
    // opening it reads it from the start into a complete store.
    void interruptedReadingStartsOver() {
        const QString doc = write("interrupted.txt", test::story(120).toUtf8());
        app::DocumentRecord d;
        d.path = QFileInfo(doc).absoluteFilePath();
        d.title = "interrupted";
        d.format = "text";
        const qint64 id = db_->add_document(d);
        d = *db_->document(id);
        d.state = app::IngestState::Reading; // as a crash leaves it
        d.store_path = dir_.filePath("data/stores/half-written.qst");
        db_->update_document(d);
        auto w = window();
        const auto after = db_->document(id);
        QCOMPARE(after->state, app::IngestState::New);
        QVERIFY(after->error.contains("interrupted"));
        QSignalSpy opened(w.get(), &MainWindow::document_opened);
        w->open_document(id);
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 120000);
        QCOMPARE(db_->document(id)->state, app::IngestState::Ready);
        QVERIFY(QFile::exists(db_->document(id)->store_path));
    }

    void cancelLeavesNoStore() {
        auto w = window();
        const QString big = write("long.txt", test::story(4000).toUtf8());
        QSignalSpy done(w.get(), &MainWindow::ingest_done);
        const qint64 id = w->add_document(big);
        QTRY_VERIFY_WITH_TIMEOUT(w->ingesting(), 10000);
        QTest::qWait(200);
        w->cancel_ingest();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 120000);
        QCOMPARE(done.front().at(1).toBool(), false);
        const auto rec = db_->document(id);
        QCOMPARE(rec->state, app::IngestState::Cancelled);
        QVERIFY(!QFile::exists(rec->store_path));
    }

    // For the README: the default model on the demo book, a suggested question answered, in light
    // and dark theme. Runs only with QUIRE_SCREENSHOTS=DIR and the default model in the cache.
    void screenshotsWithTheDefaultModel() {
        const QString shots = test::screenshot_dir();
        if (shots.isEmpty()) QSKIP("QUIRE_SCREENSHOTS unset or the default model absent");
        test::ScreenshotWindow shown(64);
        MainWindow & w = shown.w;
        app::LibraryDb & db = shown.db;
        QTRY_VERIFY_WITH_TIMEOUT(w.model_ready(), 600000);
        QSignalSpy opened(&w, &MainWindow::document_opened);
        w.add_document(QString(QUIRE_SOURCE_DIR) + "/resources/demo/the-keepers-of-halden-light.md");
        QDir().mkpath(shots);
        // While it is read: the book in the reader, its outline under the library, the progress.
        auto * bar = w.findChild<QProgressBar *>("reading-progress");
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->text().startsWith("Reading:") && w.reader()->page_ready() && w.outline()->isVisible(), 600000);
        if (opened.count() == 0) {
            w.reader()->show_page(2);
            QTest::qWait(300);
            w.grab().save(QDir(shots).filePath("reading.png"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(opened.count() == 1, 3600000);
        QSignalSpy done(&w, &MainWindow::answer_done);
        QFile qf(QString(QUIRE_SOURCE_DIR) + "/resources/demo/the-keepers-of-halden-light.questions.json");
        QVERIFY(qf.open(QIODevice::ReadOnly));
        // The first question the app suggests (else the first planted one) and what counts as right.
        const QJsonArray qs = QJsonDocument::fromJson(qf.readAll()).object().value("questions").toArray();
        QJsonObject pick;
        for (const QJsonValue & v : qs)
            if (pick.isEmpty() && v.toObject().value("suggest").toBool()) pick = v.toObject();
        const bool suggested = !pick.isEmpty();
        if (!suggested && !qs.isEmpty()) pick = qs.first().toObject();
        const QString question = pick.value("question").toString();
        QVERIFY(!question.isEmpty());
        w.ask(question);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 600000);
        w.retrieval_model()->set_step(1);
        const auto ex = db.exchanges(w.current_session());
        const auto ev = app::evidence_from_json(ex.front().evidence_json);
        if (!ev.isEmpty() && ev.front().token_start >= 0) w.reader()->show_tokens(ev.front().token_start, ev.front().token_end);
        else if (!ev.isEmpty()) w.reader()->show_block(ev.front().block);
        for (bool dark : {false, true}) {
            apply_theme(dark ? Theme::Dark : Theme::Light);
            QTest::qWait(300);
            w.grab().save(QDir(shots).filePath(dark ? "main-window-dark.png" : "main-window-light.png"));
        }
        apply_theme(Theme::System);
        qInfo("answer: %s", qPrintable(ex.front().answer));
        if (suggested) { // a suggested question is one the default model answers: the app does
            QStringList right{pick.value("answer").toString()};
            for (const QJsonValue & a : pick.value("accept").toArray()) right << a.toString();
            bool ok = false;
            for (const QString & r : right) ok = ok || ex.front().answer.contains(r, Qt::CaseInsensitive);
            QVERIFY2(ok, qPrintable(question + " -> " + ex.front().answer));
        }
    }

    // A password-protected PDF: the app asks for the password (a wrong one asks again, saying
    // so), reads the document with it and shows it; declined, the chat says a password is needed
    // instead of "being read".
};

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"

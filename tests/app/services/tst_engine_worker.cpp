// The engine worker on its own thread, driven the way the app drives it: load a model (stories260K
// from ../shared), ingest a story into a block store (progress, then the store), ask (the answer
// arrives piece by piece, with one retrieval frame per step and evidence pointing to pages),
// Stop, Cancel (no store left), and bad inputs (a broken model, a broken PDF) that end in a
// failed signal while the worker keeps working.
#include "services/engine_worker.h"
#include "services/evidence_json.h"

#include "core/cpu_threads.h"
#include "memory/memory_config.h"
#include "test_env.h"

#include <QDir>
#include <QFile>
#include <QThread>
#include <QtTest>
#include <omp.h>
#include <sched.h>

using namespace quire;
using namespace quire::app;

namespace {

// Collects the worker's signals on the test's thread (queued connections).
class Recorder : public QObject {
    Q_OBJECT
public:
    explicit Recorder(EngineWorker * w) {
        connect(w, &EngineWorker::model_loaded, this, [this](const ModelSummary & m) { model = m, model_ok = true; });
        connect(w, &EngineWorker::model_failed, this, [this](const QString & msg, const QString & detail) { model_error = msg + " " + detail; });
        connect(w, &EngineWorker::ingest_progress, this, [this](qint64, qint64 done, qint64 total, double, double) {
            ++progress;
            last_done = done, last_total = total;
            if (on_progress) on_progress();
        });
        connect(w, &EngineWorker::ingest_finished, this, [this](qint64, qint64 t, int p, const QString &) { ingested = true, tokens = t, pages = p; });
        connect(w, &EngineWorker::ingest_failed, this, [this](qint64, const QString & msg, bool c) { ingest_error = msg, cancelled = c; });
        connect(w, &EngineWorker::store_opened, this, [this](qint64, const StoredDocumentPtr & d) { doc = d; });
        connect(w, &EngineWorker::answer_text, this, [this](qint64, const QString & piece) {
            pieces << piece;
            if (on_text) on_text();
        });
        connect(w, &EngineWorker::answer_step, this, [this](qint64, const RetrievalFramePtr & f) { frames.push_back(f); });
        connect(w, &EngineWorker::answer_finished, this, [this](qint64, const QString & t, const QString & why, const QList<Evidence> & ev) {
            answered = true, text = t, stop_reason = why, evidence = ev;
            pieces_at_finish = static_cast<int>(pieces.size());
        });
        connect(w, &EngineWorker::answer_failed, this, [this](qint64, const QString & msg) { answer_error = msg; });
    }
    void reset_answer() {
        pieces.clear(), frames.clear(), evidence.clear();
        answered = false, text.clear(), stop_reason.clear(), answer_error.clear();
    }
    ModelSummary model;
    bool model_ok = false, ingested = false, cancelled = false, answered = false;
    QString model_error, ingest_error, answer_error, text, stop_reason;
    int progress = 0, pages = 0, pieces_at_finish = 0;
    qint64 last_done = 0, last_total = 0, tokens = 0;
    StoredDocumentPtr doc;
    QStringList pieces;
    std::vector<RetrievalFramePtr> frames;
    QList<Evidence> evidence;
    std::function<void()> on_progress, on_text;
};


} // namespace

class TstEngineWorker : public QObject {
    Q_OBJECT
    QThread thread_;
    EngineWorker * worker_ = nullptr;
    std::unique_ptr<Recorder> rec_;
    QTemporaryDir dir_;
    QString model_, tok_;

    template <typename F> void post(F f) { QMetaObject::invokeMethod(worker_, f, Qt::QueuedConnection); }
    QString write(const QString & name, const QByteArray & bytes) { return test::write_file(dir_.filePath(name), bytes); }
    IngestRequest request(const QString & doc, const QString & store) {
        IngestRequest r;
        r.doc_id = 1;
        r.doc_path = doc;
        r.store_path = store;
        r.cfg = memory_preset("512");
        return r;
    }

private slots:
    void initTestCase() {
        const std::string d = test::stories260k_dir();
        if (!test::exists(d + "/stories260K.bin")) QSKIP("stories260K is absent (../shared/models/stories260K): the worker tests need a model");
        model_ = QString::fromStdString(d + "/stories260K.bin");
        tok_ = QString::fromStdString(d + "/tok512.bin");
        worker_ = new EngineWorker;
        worker_->moveToThread(&thread_);
        connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
        thread_.start();
        rec_ = std::make_unique<Recorder>(worker_);
    }
    void cleanupTestCase() {
        thread_.quit();
        thread_.wait();
    }

    // The app's engine thread goes behind all other work before its first parallel loop; then
    // every thread of its OpenMP team is SCHED_IDLE (they inherit it), and the automatic thread
    // count is every core. The window's thread (here the test's) keeps the normal policy.
    void engineRunsBehindOtherWorkOnEveryCore() {
#ifdef __linux__
        std::vector<int> policies;
        int there = -1;
        QMetaObject::invokeMethod(
            worker_,
            [&] {
                EngineWorker::lower_thread_priority();
                EngineWorker::use_cpu_threads(0);
                there = cpu_threads();
                policies.assign(static_cast<size_t>(there), -1);
#pragma omp parallel num_threads(there)
                policies[static_cast<size_t>(omp_get_thread_num())] = sched_getscheduler(0);
            },
            Qt::BlockingQueuedConnection);
        QCOMPARE(there, automatic_cpu_threads());
        QCOMPARE(there, cpu_core_count());
        for (int p : policies) QCOMPARE(p, SCHED_IDLE);
        QCOMPARE(sched_getscheduler(0), SCHED_OTHER);
#else
        QSKIP("SCHED_IDLE is Linux's");
#endif
    }

    // The thread count set on the worker's thread holds there and nowhere else.
    void cpuThreadsAreTheWorkersOwn() {
        const int here = cpu_threads();
        int there = -1;
        QMetaObject::invokeMethod(worker_, [&] { EngineWorker::use_cpu_threads(0); there = cpu_threads(); }, Qt::BlockingQueuedConnection);
        QCOMPARE(there, automatic_cpu_threads());
        QVERIFY(there >= 1 && there >= cpu_threads_leaving_one_core());
        QMetaObject::invokeMethod(worker_, [&] { EngineWorker::use_cpu_threads(1); there = cpu_threads(); }, Qt::BlockingQueuedConnection);
        QCOMPARE(there, 1);
        QCOMPARE(cpu_threads(), here);
    }

    void brokenModelFailsCleanly() {
        const QString bad = write("broken.gguf", QByteArray("GGUF\x03\x00\x00\x00garbage", 15));
        post([this, bad] { worker_->load_model(bad); });
        QTRY_VERIFY_WITH_TIMEOUT(!rec_->model_error.isEmpty(), 20000);
        QVERIFY(!rec_->model_ok);
    }

    void loadsModel() {
        post([this] { worker_->load_model(model_, tok_); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->model_ok, 20000);
        QCOMPARE(rec_->model.layers, 5);
        QVERIFY(rec_->model.parameters > 0);
        QVERIFY(!rec_->model.backend.isEmpty());
    }

    void ingestsWithProgress() {
        const QString doc = write("story.txt", test::story(160).toUtf8()), store = dir_.filePath("story.qst");
        post([this, doc, store] { worker_->ingest(request(doc, store)); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->ingested || !rec_->ingest_error.isEmpty(), 120000);
        QVERIFY2(rec_->ingested, qPrintable(rec_->ingest_error));
        QVERIFY(rec_->progress >= 1);
        QCOMPARE(rec_->last_done, rec_->last_total); // the last report is the end
        QVERIFY(rec_->tokens > 1000);
        QVERIFY(rec_->pages >= 2); // paragraphs of a text file are its sections
        QVERIFY(QFile::exists(store));
        QTRY_VERIFY(rec_->doc != nullptr);
        QCOMPARE(static_cast<qint64>(rec_->doc->spans.size()), rec_->tokens);
    }

    void answerStreamsWithRetrieval() {
        QVERIFY(rec_->doc);
        rec_->reset_answer();
        AskRequest r;
        r.exchange_id = 7;
        r.question = "What did Lily see?";
        r.params.gen.n_predict = 24;
        post([this, r] { worker_->ask(r); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->answered || !rec_->answer_error.isEmpty(), 120000);
        QVERIFY2(rec_->answered, qPrintable(rec_->answer_error));
        QVERIFY2(rec_->pieces_at_finish >= 2, "the answer came in one piece"); // token by token, before the end
        QCOMPARE(rec_->pieces.join(""), rec_->text);
        // One frame per step: the prompt and question, then each fed token; every layer, every block.
        QVERIFY(rec_->frames.size() >= 2);
        const int blocks = static_cast<int>(rec_->doc->state.blocks.size());
        for (const auto & f : rec_->frames) {
            QCOMPARE(f->n_layers, 5);
            QVERIFY(f->n_blocks >= blocks);
            for (int l = 0; l < f->n_layers; ++l) {
                QVERIFY(!f->selected[static_cast<size_t>(l)].empty());
                for (int b : f->selected[static_cast<size_t>(l)]) QVERIFY(f->is_selected(l, b));
            }
        }
        const auto q = std::find_if(rec_->frames.begin(), rec_->frames.end(), [](const auto & f) { return f->kind == StepKind::QUESTION; });
        QVERIFY(q != rec_->frames.end());
        QVERIFY(!(*q)->s_q.empty()); // the question score is there
        QCOMPARE(rec_->frames.back()->kind, StepKind::TOKEN);
        QVERIFY(!rec_->evidence.isEmpty());
        for (const Evidence & e : rec_->evidence) {
            QVERIFY(!e.pages.isEmpty() && e.pages.front() >= 1);
            QVERIFY(!e.excerpt.isEmpty());
            QVERIFY(e.selections > 0);
        }
    }

    void reReadPassagesAreTheChips() {
        QVERIFY(rec_->doc);
        rec_->reset_answer();
        AskRequest r;
        r.exchange_id = 9;
        r.question = "What did Lily see?";
        r.params.lookup = kAppLookup;
        r.params.evidence_tokens = 96;
        r.params.gen.n_predict = 8;
        post([this, r] { worker_->ask(r); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->answered || !rec_->answer_error.isEmpty(), 120000);
        QVERIFY2(rec_->answered, qPrintable(rec_->answer_error));
        QVERIFY(!rec_->evidence.isEmpty());
        qint64 total = 0;
        for (const Evidence & e : rec_->evidence) {
            // A passage of the document's tokens, with the pages and text of exactly those tokens.
            QVERIFY(e.token_start >= rec_->doc->prefix_len && e.token_end > e.token_start);
            QVERIFY(e.token_end <= static_cast<qint64>(rec_->doc->state.tokens.size()));
            total += e.token_end - e.token_start;
            const Passage p = passage_for_tokens(*rec_->doc, e.token_start, e.token_end);
            QVERIFY(!e.pages.isEmpty() && e.pages.front() == p.pages.front() + 1);
            const QString text = QString::fromStdString(p.excerpt).simplified();
            QCOMPARE(e.excerpt, text.size() > 320 ? text.left(317) + "..." : text);
        }
        QVERIFY(total <= 96);
        // Stored and read back as passages.
        const QList<Evidence> back = evidence_from_json(evidence_to_json(rec_->evidence));
        QCOMPARE(back.size(), rec_->evidence.size());
        QCOMPARE(back.front().token_start, rec_->evidence.front().token_start);
        QCOMPARE(back.front().token_end, rec_->evidence.front().token_end);
        QCOMPARE(back.front().block, -1);
    }

    void stopEndsTheAnswer() {
        QVERIFY(rec_->doc);
        rec_->reset_answer();
        rec_->on_text = [this] { worker_->stop_answer(); }; // from the test's thread, as the Stop button does
        AskRequest r;
        r.exchange_id = 8;
        r.question = "Tell me a long story about Tom.";
        r.params.gen.n_predict = 400;
        post([this, r] { worker_->ask(r); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->answered || !rec_->answer_error.isEmpty(), 120000);
        rec_->on_text = nullptr;
        QVERIFY2(rec_->answered, qPrintable(rec_->answer_error));
        QCOMPARE(rec_->stop_reason, QString("stopped"));
        QVERIFY(rec_->pieces.size() < 400);
    }

    void cancelLeavesNoStore() {
        const QString doc = write("long.txt", test::story(3000).toUtf8()), store = dir_.filePath("long.qst");
        rec_->ingested = false, rec_->ingest_error.clear(), rec_->cancelled = false;
        rec_->on_progress = [this] { worker_->cancel_ingest(); };
        post([this, doc, store] { worker_->ingest(request(doc, store)); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->ingested || !rec_->ingest_error.isEmpty(), 120000);
        rec_->on_progress = nullptr;
        QVERIFY(!rec_->ingested);
        QVERIFY(rec_->cancelled);
        QVERIFY(!QFile::exists(store));
        const QStringList left = QDir(dir_.path()).entryList({"long.qst*"}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", "))); // no temporary either
    }

    void brokenPdfFailsAndWorkerGoesOn() {
        const QString bad = write("broken.pdf", QByteArray("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf"));
        rec_->ingested = false, rec_->ingest_error.clear(), rec_->cancelled = false;
        post([this, bad] { worker_->ingest(request(bad, dir_.filePath("broken.qst"))); });
        QTRY_VERIFY_WITH_TIMEOUT(!rec_->ingest_error.isEmpty(), 60000);
        QVERIFY(!rec_->cancelled);
        QVERIFY(!QFile::exists(dir_.filePath("broken.qst")));
        // The worker still answers about the document it has.
        rec_->reset_answer();
        AskRequest r;
        r.exchange_id = 9;
        r.question = "Who saw a cat?";
        r.params.gen.n_predict = 8;
        post([this, r] { worker_->ask(r); });
        QTRY_VERIFY_WITH_TIMEOUT(rec_->answered || !rec_->answer_error.isEmpty(), 120000);
        QVERIFY2(rec_->answered, qPrintable(rec_->answer_error));
    }
};

QTEST_GUILESS_MAIN(TstEngineWorker)
#include "tst_engine_worker.moc"

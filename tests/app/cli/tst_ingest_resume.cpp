// A reading that is killed goes on where it stopped (issue 21, point 3): quire-cli ingest, killed
// with SIGKILL at random moments and run again with the same arguments, goes on from its last
// checkpoint each time and ends with the store an uninterrupted reading writes (the same tokens,
// blocks, sinks, window and block data; the same answer to a question), with no checkpoint or
// temporary left beside it. A checkpoint of another reading is refused with the reason unless
// --restart is given.
#include "support/store_compare.h"
#include "test_env.h"

#include "quire.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace {

QString cli_path() { return QString::fromStdString(quire::test::env_or("QUIRE_CLI", "quire-cli")); }
QString model_dir() { return QString::fromStdString(quire::test::stories260k_dir()); }

QStringList ingest_args(const QString & doc, const QString & store, const QString & preset = "512", const QStringList & more = {}) {
    return QStringList{"ingest", "--model", model_dir() + "/stories260K.bin", "--tokenizer", model_dir() + "/tok512.bin", "--doc", doc, "--store", store,
                       "--preset", preset, "--checkpoint-every", "0"} +
           more;
}

struct Run {
    int code = -1; // -2: killed
    QByteArray out, err;
};

Run run(const QStringList & args) {
    QProcess p;
    p.start(cli_path(), args);
    if (!p.waitForFinished(300000)) return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace

class TestIngestResume : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void killedReadingsGoOnAndEndWithTheSameStore() {
        QUIRE_REQUIRE_FILE(quire::test::stories260k_dir() + "/stories260K.bin", "stories260K");
        const QString doc = quire::test::write_file(tmp_.filePath("story.txt"), quire::test::story(500).toUtf8());
        const QString whole = tmp_.filePath("whole.qst");
        QElapsedTimer clock;
        clock.start();
        Run r = run(ingest_args(doc, whole));
        QVERIFY2(r.code == 0, r.err.constData());
        const qint64 uninterrupted_ms = clock.elapsed();

        // Killed at random moments, then run again, until a run finishes.
        QDir dir(tmp_.filePath("killed"));
        QVERIFY(dir.mkpath("."));
        const QString store = dir.filePath("story.qst");
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u, an uninterrupted reading takes %lld ms", seed, uninterrupted_ms);
        QRandomGenerator rng(seed);
        int kills = 0, went_on = 0;
        bool killed_after_store = false; // the store renamed into place, the process killed before its end
        double window_ms = std::max<double>(200.0, 0.3 * static_cast<double>(uninterrupted_ms));
        for (int round = 0; round < 80; ++round) {
            QProcess p;
            p.start(cli_path(), ingest_args(doc, store));
            QVERIFY(p.waitForStarted());
            const int delay = static_cast<int>(rng.bounded(window_ms));
            if (!p.waitForFinished(delay)) {
                p.kill(); // SIGKILL: no handler runs, no checkpoint is written on the way out
                QVERIFY(p.waitForFinished(60000));
                ++kills;
                window_ms *= 1.15; // every run gets further, so the loop ends
            }
            const QByteArray err = p.readAllStandardError();
            if (err.contains("going on from the checkpoint")) ++went_on;
            if (p.exitStatus() != QProcess::NormalExit && QFileInfo::exists(store)) {
                killed_after_store = true; // the reading had finished: its store is whole (written atomically)
                break;
            }
            if (p.exitStatus() == QProcess::NormalExit) {
                QVERIFY2(p.exitCode() == 0, err.constData());
                r.out = p.readAllStandardOutput();
                break;
            }
        }
        qInfo("%d kills, %d runs went on from a checkpoint", kills, went_on);
        QVERIFY2(QFileInfo::exists(store), "no run finished");
        QVERIFY2(kills >= 2 && went_on >= 1, "the kills never came after a checkpoint: the test proves nothing");
        QStringList left = dir.entryList(QDir::Files);
        left.removeAll("story.qst");
        if (killed_after_store) left.removeAll("story.qst.partial"); // killed between the store's rename and the checkpoint's removal
        QVERIFY2(left.isEmpty(), qPrintable("left beside the store: " + left.join(", ")));

        // The same store and the same answer.
        quire::ModelLoadOptions lo;
        lo.tokenizer_path = quire::test::stories260k_dir() + "/tok512.bin";
        auto model = quire::model_load(quire::test::stories260k_dir() + "/stories260K.bin", lo);
        const quire::StoredDocument a = quire::store_load(whole.toStdString(), *model), b = quire::store_load(store.toStdString(), *model);
        QVERIFY(!a.unfinished && !b.unfinished);
        QVERIFY(a.state.n_blocks() > 10);
        const QString differs = quire::test::store_difference(a, b);
        QVERIFY2(differs.isEmpty(), qPrintable("the stores differ: " + differs));
        quire::AskParams ap;
        ap.gen.n_predict = 24;
        ap.gen.sampling.temperature = 0;
        const auto qa = quire::memory_ask(*model, a.state, a.prefix_len, "What did Lily see?", ap);
        const auto qb = quire::memory_ask(*model, b.state, b.prefix_len, "What did Lily see?", ap);
        QVERIFY(!qa.tokens.empty());
        QCOMPARE(qb.tokens, qa.tokens);
    }

    // A checkpoint of another reading (here: other memory settings) is not thrown away unasked:
    // the run stops with the reason; --restart starts over and removes it.
    void anotherReadingsCheckpointIsRefused() {
        QUIRE_REQUIRE_FILE(quire::test::stories260k_dir() + "/stories260K.bin", "stories260K");
        const QString doc = quire::test::write_file(tmp_.filePath("other.txt"), quire::test::story(200).toUtf8());
        const QString store = tmp_.filePath("other.qst");
        QProcess p;
        p.start(cli_path(), ingest_args(doc, store));
        QVERIFY(p.waitForStarted());
        for (int i = 0; i < 3000 && !QFileInfo::exists(store + ".partial") && p.state() != QProcess::NotRunning; ++i) QTest::qWait(2);
        p.kill();
        p.waitForFinished();
        if (!QFileInfo::exists(store + ".partial")) QSKIP("the reading finished before its first checkpoint");
        QFile::remove(store);
        Run r = run(ingest_args(doc, store, "1k"));
        QVERIFY2(r.code == 3, r.err.constData());
        QVERIFY2(r.err.contains(".partial") && r.err.contains("other memory settings") && r.err.contains("--restart"), r.err.constData());
        QVERIFY(QFileInfo::exists(store + ".partial"));
        r = run(ingest_args(doc, store, "1k", {"--restart"}));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("\"resumed_from\": 0"));
        QVERIFY(!QFileInfo::exists(store + ".partial"));
    }
};

QTEST_GUILESS_MAIN(TestIngestResume)
#include "tst_ingest_resume.moc"

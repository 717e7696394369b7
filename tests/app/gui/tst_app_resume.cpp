// The desktop app killed while it reads (issue 21, point 3): `quire` (offscreen, stories260K, a
// story given on its command line) is killed with SIGKILL at random moments and started again.
// Started without the file, it goes on by itself with the reading it did not see end (from that
// reading's checkpoint); when no checkpoint was written yet, the file is given again. The store
// it ends with equals the one an uninterrupted run of the app writes, and nothing is left beside
// it.
#include "support/store_compare.h"
#include "test_env.h"

#include "quire.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace {

QString model_dir() { return QString::fromStdString(quire::test::stories260k_dir()); }

// The app on data folder `data`, with its own settings folder; `files` to open.
void start(QProcess & p, const QString & data, const QStringList & files) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("XDG_CONFIG_HOME", data + "/config");
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QUIRE_APP_PATH, QStringList{"--model", model_dir() + "/stories260K.bin", "--tokenizer", model_dir() + "/tok512.bin", "--data-dir", data,
                                        "--checkpoint-every", "0"} +
                                files);
}

QStringList stores(const QString & data) { return QDir(data + "/stores").entryList({"*.qst"}, QDir::Files); }
bool has_checkpoint(const QString & data) { return !QDir(data + "/stores").entryList({"*.partial"}, QDir::Files).isEmpty(); }

// Runs the app until its store is written (then stops it), or for at most `ms` (then kills it).
// True when the store is there.
bool run_for(const QString & data, const QStringList & files, int ms) {
    QProcess p;
    start(p, data, files);
    if (!p.waitForStarted()) return false;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && stores(data).isEmpty() && p.state() == QProcess::Running) QTest::qWait(5);
    const bool done = !stores(data).isEmpty();
    if (done) // the checkpoint goes right after the store is renamed into place
        for (int i = 0; i < 400 && has_checkpoint(data); ++i) QTest::qWait(5);
    p.kill();
    p.waitForFinished(60000);
    return done;
}

} // namespace

class TestAppResume : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;

private slots:
    void killedAppGoesOnWithItsReading() {
        QUIRE_REQUIRE_FILE(quire::test::stories260k_dir() + "/stories260K.bin", "stories260K");
        const QString doc = quire::test::write_file(tmp_.filePath("story.txt"), quire::test::story(400).toUtf8());
        const QString whole = tmp_.filePath("whole"), killed = tmp_.filePath("killed");
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(run_for(whole, {doc}, 240000), "the uninterrupted run wrote no store");
        const qint64 uninterrupted_ms = clock.elapsed();

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u, an uninterrupted run takes %lld ms", seed, uninterrupted_ms);
        QRandomGenerator rng(seed);
        double window_ms = 0.5 * static_cast<double>(uninterrupted_ms);
        int kills = 0, by_itself = 0;
        bool done = false;
        for (int round = 0; round < 60 && !done; ++round) {
            const bool checkpoint = has_checkpoint(killed);
            by_itself += checkpoint;
            done = run_for(killed, checkpoint ? QStringList{} : QStringList{doc}, round == 59 ? 240000 : static_cast<int>(rng.bounded(window_ms)));
            if (!done) ++kills, window_ms *= 1.15;
        }
        qInfo("%d kills; %d starts went on by themselves", kills, by_itself);
        QVERIFY2(done, "no run finished the reading");
        QVERIFY2(kills >= 2 && by_itself >= 1, "the kills never came after a checkpoint: the test proves nothing");
        const QStringList left = QDir(killed + "/stores").entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(left.size() == 1, qPrintable("beside the store: " + left.join(", ")));

        quire::ModelLoadOptions lo;
        lo.tokenizer_path = quire::test::stories260k_dir() + "/tok512.bin";
        auto model = quire::model_load(quire::test::stories260k_dir() + "/stories260K.bin", lo);
        const auto a = quire::store_load((whole + "/stores/" + stores(whole).front()).toStdString(), *model);
        const auto b = quire::store_load((killed + "/stores/" + stores(killed).front()).toStdString(), *model);
        const QString differs = quire::test::store_difference(a, b);
        QVERIFY2(differs.isEmpty(), qPrintable("the stores differ: " + differs));
    }
};

QTEST_MAIN(TestAppResume)
#include "tst_app_resume.moc"

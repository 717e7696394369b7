// App settings: a round trip through QSettings (an INI file in a temporary folder), defaults that
// pass the engine's validation (preset auto, anchors, re-read evidence), hand-edited nonsense
// falling back to the defaults, the old default moving to the new one, and the ask and ingest
// parameters built from them.
#include "services/app_settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;
using namespace quire::app;

class TstAppSettings : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreValid() {
        const AppSettings d;
        QVERIFY2(d.validate().isEmpty(), qPrintable(d.validate()));
        QCOMPARE(QString::fromStdString(d.memory.preset), QString(kAutoPreset)); // whole when it fits, else the model's preset
        QCOMPARE(d.ask_params().evidence_tokens, kAutoEvidence);                // the best passages re-read
        QVERIFY(d.ask_params().evidence_alone);                                  // and answered from them alone
        QCOMPARE(d.ask_params().gen.n_predict, d.answer_tokens);
        QCOMPARE(d.ask_params().lookup.anchors, kDefaultAnchors); // word-match anchors on by default
        QCOMPARE(d.device().gpu_block_budget, uint64_t(0));
    }

    void roundTrip() {
        QTemporaryDir dir;
        AppSettings a;
        a.model_path = "/models/m.gguf";
        a.memory = memory_preset("2k");
        a.memory.topk = 12;
        a.memory.lookup = {2.5f, 3};
        a.mode = AskMode::DEEP;
        a.sampling.temperature = 0.7f;
        a.sampling.top_k = 20;
        a.sampling.top_p = 0.9f;
        a.answer_tokens = 99;
        a.gpu_budget_gib = 6.5;
        a.memory.host_budget_bytes = uint64_t(3072) << 20;
        a.cpu_threads = 3;
        a.language = "de";
        a.theme = "dark";
        a.reread = false;
        a.evidence_alone = false;
        {
            QSettings s(dir.filePath("q.ini"), QSettings::IniFormat);
            save_settings(s, a);
        }
        QSettings s(dir.filePath("q.ini"), QSettings::IniFormat);
        const AppSettings b = load_settings(s);
        QCOMPARE(b.model_path, a.model_path);
        QCOMPARE(QString::fromStdString(b.memory.preset), QString("2k"));
        QCOMPARE(b.memory.topk, 12);
        QCOMPARE(b.memory.n_local, a.memory.n_local);
        QCOMPARE(b.memory.lookup.beta, 2.5f);
        QCOMPARE(b.memory.lookup.anchors, 3);
        QCOMPARE(b.mode, AskMode::DEEP);
        QCOMPARE(b.sampling.top_k, 20);
        QCOMPARE(b.answer_tokens, 99);
        QCOMPARE(b.cpu_threads, 3);
        QCOMPARE(b.language, QString("de"));
        QCOMPARE(b.theme, QString("dark"));
        QVERIFY(!b.reread);
        QVERIFY(!b.evidence_alone);
        const AskParams p = b.ask_params();
        QCOMPARE(p.evidence_tokens, 0); // the paper's method
        QVERIFY(!p.evidence_alone);
        AppSettings reread_only = b;
        reread_only.reread = true;
        reread_only.evidence_alone = false;
        QVERIFY(!reread_only.ask_params().evidence_alone); // the passages re-read in the memory
        reread_only.evidence_alone = true;
        QVERIFY(reread_only.ask_params().evidence_alone);
        reread_only.reread = false;
        QVERIFY(!reread_only.ask_params().evidence_alone); // nothing to answer from alone
        QCOMPARE(p.gen.n_predict, 99);
        QCOMPARE(p.lookup.anchors, 3);
        AppSettings many = b;
        many.memory.lookup.anchors = 40; // more than the top-k: all of them, no more
        QCOMPARE(many.ask_params().lookup.anchors, 12);
        QCOMPARE(p.gen.device.gpu_block_budget, uint64_t(6.5 * 1024 * 1024 * 1024));
        QCOMPARE(b.device().gpu_block_budget, p.gen.device.gpu_block_budget);
        QCOMPARE(b.memory.host_budget_bytes, uint64_t(3072) << 20);
    }

    void nonsenseFallsBackToDefaults() {
        QTemporaryDir dir;
        {
            QSettings s(dir.filePath("q.ini"), QSettings::IniFormat);
            s.setValue("model/path", "/models/keep.gguf");
            s.setValue("memory/preset", "no-such-preset");
            s.setValue("memory/block_size", -3);
            s.setValue("ui/theme", "dark");
        }
        QSettings s(dir.filePath("q.ini"), QSettings::IniFormat);
        const AppSettings b = load_settings(s);
        QVERIFY(b.validate().isEmpty());
        QCOMPARE(b.memory.block_size, AppSettings().memory.block_size);
        QCOMPARE(b.model_path, QString("/models/keep.gguf")); // the model and looks survive
        QCOMPARE(b.theme, QString("dark"));
    }

    void oldDefaultMovesToAuto() {
        // Version 1 saved its default, 2k as shipped: it becomes auto. A 2k the user changed stays.
        QTemporaryDir dir;
        auto old_file = [&](const QString & name, int topk) {
            QSettings s(dir.filePath(name), QSettings::IniFormat);
            const MemoryConfig d = memory_preset("2k");
            s.setValue("memory/preset", "2k");
            for (const auto & f : memory_settings()) s.setValue(QString("memory/") + f.name, d.*f.field);
            s.setValue("memory/topk", topk);
        };
        old_file("shipped.ini", memory_preset("2k").topk);
        old_file("changed.ini", 12);
        QSettings shipped(dir.filePath("shipped.ini"), QSettings::IniFormat), changed(dir.filePath("changed.ini"), QSettings::IniFormat);
        QCOMPARE(QString::fromStdString(load_settings(shipped).memory.preset), QString(kAutoPreset));
        const AppSettings c = load_settings(changed);
        QCOMPARE(QString::fromStdString(c.memory.preset), QString("2k"));
        QCOMPARE(c.memory.topk, 12);
        // Saved again (version 2), a 2k as shipped is the user's choice and stays.
        QTemporaryDir d2;
        AppSettings two;
        two.memory = memory_preset("2k");
        {
            QSettings s(d2.filePath("v2.ini"), QSettings::IniFormat);
            save_settings(s, two);
        }
        QSettings v2(d2.filePath("v2.ini"), QSettings::IniFormat);
        QCOMPARE(QString::fromStdString(load_settings(v2).memory.preset), QString("2k"));
    }

    void validationSaysWhy() {
        AppSettings a;
        a.memory.block_size = 0;
        QVERIFY(!a.validate().isEmpty());
        AppSettings c;
        c.sampling.top_p = 0;
        QVERIFY(!c.validate().isEmpty());
        AppSettings t;
        t.cpu_threads = -1;
        QVERIFY(!t.validate().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstAppSettings)
#include "tst_app_settings.moc"

// The persistent block store: a store saved here and asked in another process (quire-cli) gives
// the same answer and retrievals as asking in memory; damaged stores, other models and presets
// are refused with clear errors; cancelling an ingest or a save leaves no file behind.
#include "core/error.h"
#include "memory/block_store_file.h"
#include "memory/model_fingerprint.h"
#include "reading/document_ingest.h"
#include "reading/reader.h"
#include "model/model.h"
#include "test_env.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <thread>

using namespace quire;

namespace {

std::string story(int n, const std::string & planted) {
    static const char * names[] = {"Lily", "Tom", "Sue", "Max", "Ben", "Anna"};
    std::string s;
    for (int p = 0; p < n; ++p) {
        if (p == n / 2) s += planted + "\n";
        s += std::string("Once upon a time, ") + names[p % 6] + " went to the park on day " + std::to_string(p + 1) + " and played with a red ball.\n";
    }
    return s;
}

} // namespace

class TestBlockStore : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    std::unique_ptr<Model> m_;
    std::string dir_ = test::shared("models/stories260K");
    std::string doc_path_, store_path_;
    StoredDocument doc_;

    std::string path(const std::string & name) { return tmp_.filePath(QString::fromStdString(name)).toStdString(); }
    void expect_load_error(const std::string & file, const Model & m, const std::string & needle, const std::string & preset = {}) {
        try {
            store_load(file, m, preset);
            QFAIL("a bad store was accepted");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::BAD_INPUT);
            QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
        }
    }
    QStringList model_args() const {
        return {"--model", QString::fromStdString(dir_ + "/stories260K.bin"), "--tokenizer", QString::fromStdString(dir_ + "/tok512.bin")};
    }

private slots:
    void initTestCase() {
        QUIRE_REQUIRE_FILE(dir_ + "/stories260K.bin", "stories260K");
        m_ = test::load_stories260k();
        doc_path_ = path("story.txt");
        std::ofstream(doc_path_) << story(160, "The secret word is banana.");
        const std::string text = test::read_bytes(doc_path_);
        const auto ids = m_->tok().encode(text);
        auto r = memory_ingest(*m_, ids, memory_preset("512"));
        doc_.prefix_len = r.prefix_len;
        doc_.spans = token_spans(m_->tok(), ids);
        doc_.source = doc_path_;
        doc_.fingerprint = model_fingerprint(*m_);
        doc_.state = std::move(r.state);
        store_path_ = path("story.qstore");
        store_save(store_path_, doc_);
        QVERIFY(doc_.state.n_blocks() > 50);
    }

    void spansPointIntoTheSource() {
        const std::string text = test::read_bytes(doc_path_);
        QCOMPARE(doc_.spans.size(), doc_.state.tokens.size() - static_cast<size_t>(doc_.prefix_len));
        // The bytes under the spans of any token run decode to that run's text.
        const auto ids = m_->tok().encode(text);
        for (size_t i : {size_t(0), size_t(100), ids.size() / 2, ids.size() - 10}) {
            const auto & a = doc_.spans[i];
            const auto & b = doc_.spans[i + 9];
            const std::string src = text.substr(static_cast<size_t>(a.start), static_cast<size_t>(b.start + b.len - a.start));
            std::string dec = m_->tok().decode(std::vector<int>(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.begin() + static_cast<std::ptrdiff_t>(i + 10)));
            if (i == 0 && !dec.empty() && dec[0] == ' ') dec.erase(0, 1);
            QCOMPARE(QString::fromStdString(src).trimmed(), QString::fromStdString(dec).trimmed());
        }
    }

    void loadEqualsSaved() {
        const StoredDocument d = store_load(store_path_, *m_, "512");
        QCOMPARE(d.state.tokens, doc_.state.tokens);
        QCOMPARE(d.state.n_blocks(), doc_.state.n_blocks());
        QCOMPARE(d.spans.size(), doc_.spans.size());
        QCOMPARE(d.prefix_len, doc_.prefix_len);
        for (int l = 0; l < d.state.n_layer; ++l) {
            const auto & a = d.state.layers[static_cast<size_t>(l)];
            const auto & b = doc_.state.layers[static_cast<size_t>(l)];
            QCOMPARE(a.win_krot, b.win_krot);
            QCOMPARE(a.win_score, b.win_score);
            QCOMPARE(a.sink_v, b.sink_v);
            const size_t n = static_cast<size_t>(d.state.cfg.block_size * d.state.kv_dim());
            for (int blk : {0, d.state.n_blocks() - 1})
                QVERIFY(std::equal(a.blk_v[static_cast<size_t>(blk)], a.blk_v[static_cast<size_t>(blk)] + n, b.blk_v[static_cast<size_t>(blk)]));
        }
    }

    // The document's outline (here a Markdown file's headings) travels with the reading: read
    // into the map, saved in the store's metadata, loaded back entry for entry; a page's section
    // is the last entry starting at or before it.
    void outlineKeptWithTheReading() {
        const std::string md = path("outline.md");
        std::ofstream(md) << "# Part one\n\nIntro text here.\n\n## Early January\n\nSnow fell.\n\n## Late January\n\nIce.\n\n# Part two\n\nThe end.\n";
        StoredDocument d = doc_;
        d.map = document_read_map(md);
        QCOMPARE(d.map.outline.size(), size_t(4));
        QCOMPARE(QString::fromStdString(d.map.outline[1].title), QString("Early January"));
        QCOMPARE(d.map.outline[1].level, 1);
        QVERIFY(d.map.outline[3].page > d.map.outline[1].page);
        d.spans.clear(); // spans index the story's text, not this one's
        const std::string out = path("outline.qstore");
        store_save(out, d);
        const StoredDocument back = store_load_map(out);
        QCOMPARE(back.map.outline.size(), d.map.outline.size());
        for (size_t i = 0; i < d.map.outline.size(); ++i) {
            QCOMPARE(back.map.outline[i].title, d.map.outline[i].title);
            QCOMPARE(back.map.outline[i].level, d.map.outline[i].level);
            QCOMPARE(back.map.outline[i].page, d.map.outline[i].page);
        }
        const int late = d.map.outline[2].page;
        QCOMPARE(QString::fromStdString(back.map.section_of(late)->title), QString("Late January"));
        QCOMPARE(QString::fromStdString(back.map.section_of(d.map.outline[3].page)->title), QString("Part two"));
    }

    void askInAnotherProcessMatches() {
        AskParams ap;
        ap.gen.n_predict = 24;
        ap.lookup.anchors = kDefaultAnchors; // quire-cli ask's defaults, as the app's
        ap.evidence_tokens = kAutoEvidence;
        std::vector<RetrievalStep> steps;
        const auto mem = memory_ask(*m_, doc_.state, doc_.prefix_len, "What is the secret word?", ap, {}, [&](const RetrievalStep & s) { steps.push_back(s); });
        QProcess p;
        const std::string trace = path("trace.json");
        p.start(QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli")),
                QStringList{"ask"} + model_args() + QStringList{"--store", QString::fromStdString(store_path_), "--question", "What is the secret word?", "-n", "24",
                                           "--trace", QString::fromStdString(trace)});
        QVERIFY(p.waitForFinished(600000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput().toStdString(), mem.text + "\n");
        const auto j = test::read_json(trace);
        QCOMPARE(j["answer"].get<std::string>(), mem.text);
        QCOMPARE(j["steps"].size(), steps.size());
        size_t n_anchored = 0;
        for (size_t i = 0; i < steps.size(); ++i) {
            const auto & layers = j["steps"][i]["layers"];
            size_t li = 0;
            for (size_t l = 0; l < steps[i].layers.size(); ++l) {
                if (steps[i].layers[l].combined.empty()) continue;
                std::vector<int> sel, anchored, want_anchored;
                for (const auto & e : layers[li++]["selected"]) {
                    sel.push_back(e["block"].get<int>());
                    if (e.value("anchor", false)) anchored.push_back(sel.back());
                }
                QCOMPARE(sel, steps[i].layers[l].selected);
                const auto & an = steps[i].layers[l].anchors;
                for (int b : sel)
                    if (std::find(an.begin(), an.end(), b) != an.end()) want_anchored.push_back(b);
                QCOMPARE(anchored, want_anchored);
                n_anchored += anchored.size();
            }
        }
        QVERIFY(n_anchored > 0); // the question's words are in the story: anchors were used
        // The trace names each block's token range and text.
        QCOMPARE(j["blocks"][0]["len"].get<int>(), doc_.state.cfg.block_size);
        QVERIFY(!j["blocks"][0]["text"].get<std::string>().empty());
    }

    void truncatedStore() {
        const std::string bytes = test::read_bytes(store_path_);
        const std::string p = path("truncated.qstore");
        std::ofstream(p, std::ios::binary) << bytes.substr(0, bytes.size() * 2 / 3);
        expect_load_error(p, *m_, "truncated");
    }

    void bitFlippedStore() {
        std::string bytes = test::read_bytes(store_path_);
        bytes[bytes.size() / 2] ^= 0x10; // inside block data
        const std::string p = path("flipped.qstore");
        std::ofstream(p, std::ios::binary) << bytes;
        expect_load_error(p, *m_, "checksum mismatch");
    }

    void otherModel() {
        auto other = model_load(test::data("arch/llama3/model-f32.gguf"));
        expect_load_error(store_path_, *other, "another model");
    }

    void otherPreset() { expect_load_error(store_path_, *m_, "preset '512'", "1k"); }

    void notAStore() {
        const std::string p = path("junk.qstore");
        std::ofstream(p) << "hello";
        expect_load_error(p, *m_, "not a Quire block store");
    }

    void cancelledSaveLeavesNothing() {
        const std::string p = path("cancelled.qstore");
        try {
            store_save(p, doc_, [] { return true; });
            QFAIL("save was not cancelled");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::CANCELLED);
        }
        QVERIFY(!test::exists(p));
        for (const auto & f : std::filesystem::directory_iterator(tmp_.path().toStdString()))
            QVERIFY2(f.path().string().find(".tmp-") == std::string::npos, f.path().c_str());
    }

    void interruptedIngestLeavesNoStore() {
        // A document long enough that the ingest is still running when Ctrl+C arrives.
        const std::string doc = path("long.txt"), out = path("interrupted.qstore");
        std::ofstream(doc) << story(1500, "The secret word is cherry.");
        QProcess p;
        p.start(QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli")),
                QStringList{"ingest"} + model_args() + QStringList{"--doc", QString::fromStdString(doc), "--store", QString::fromStdString(out), "--preset", "512"});
        QVERIFY(p.waitForStarted());
        // Wait until it reports progress, then interrupt.
        QByteArray err;
        for (int i = 0; i < 600 && !err.contains("tokens/s"); ++i) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("tokens/s"), err.constData());
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(120000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QVERIFY(!test::exists(out));
        for (const auto & f : std::filesystem::directory_iterator(tmp_.path().toStdString()))
            QVERIFY2(f.path().string().find(".tmp-") == std::string::npos, f.path().c_str());
    }

    // quire-cli ingest into `store` under bash (`prelude` first: ulimit, traps); exit code and stderr.
    std::pair<int, QByteArray> ingest(const std::string & store, const QString & prelude = {}, const QStringList & extra = {}) {
        QStringList args = QStringList{"ingest"} + model_args() + QStringList{"--doc", QString::fromStdString(doc_path_), "--store", QString::fromStdString(store), "--preset", "512"} + extra;
        QString cmd = prelude + " exec \"$0\" \"$@\"";
        QProcess p;
        p.start("bash", QStringList{"-c", cmd, QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli"))} + args);
        if (!p.waitForFinished(300000)) return {-1, "timeout"};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardError()};
    }
    static std::vector<std::string> files_in(const std::string & dir) {
        std::vector<std::string> out;
        for (const auto & f : std::filesystem::directory_iterator(dir)) out.push_back(f.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    // A write that fails (a full disk, here a file size limit: the first byte, and mid-way) leaves
    // no temporary behind, and the error names the store.
    void failedWritesLeaveNoTemporary() {
        const std::string dir = path("full");
        std::filesystem::create_directory(dir);
        for (const char * limit : {"0", "64"}) {
            const auto [code, err] = ingest(dir + "/s.qstore", QString("trap '' XFSZ; ulimit -f %1;").arg(limit));
            QCOMPARE(code, 3);
            QVERIFY2(err.contains((dir + "/s.qstore").c_str()) && err.contains("cannot write"), err.constData());
            QVERIFY2(files_in(dir).empty(), files_in(dir).empty() ? "" : files_in(dir)[0].c_str());
        }
    }

    // Temporaries whose writer was killed (kill -9: the old ".tmp-PID" and the new
    // ".tmp-PID-XXXXXX" names) are removed by the next ingest into that folder; one whose writer
    // still runs, or whose lock a process holds, stays.
    void staleTemporariesRemoved() {
        const std::string dir = path("stale");
        std::filesystem::create_directory(dir);
        QProcess sh;
        sh.start("sh", {"-c", "echo $$"});
        QVERIFY(sh.waitForFinished());
        const QString dead = QString::fromUtf8(sh.readAllStandardOutput()).trimmed();
        QVERIFY(dead.toLong() > 0);
        const std::string live = std::to_string(QCoreApplication::applicationPid());
        for (const std::string & f : {"a.qstore.tmp-" + dead.toStdString(), "b.qst.tmp-" + dead.toStdString() + "-Ab12Cd", "c.qst.tmp-" + live + "-Ab12Cd",
                                      "d.qst.tmp-" + dead.toStdString() + "-Zz99Yy", std::string("notes.txt")})
            std::ofstream(dir + "/" + f) << std::string(4096, 'x');
        QProcess holder; // holds the lock of d's temporary, as a writer would
        holder.start("flock", {QString::fromStdString(dir + "/d.qst.tmp-" + dead.toStdString() + "-Zz99Yy"), "sleep", "60"});
        QVERIFY(holder.waitForStarted());
        QTest::qWait(300);
        const auto [code, err] = ingest(dir + "/s.qstore");
        holder.kill();
        holder.waitForFinished();
        QCOMPARE(code, 0);
        const std::vector<std::string> want = {"c.qst.tmp-" + live + "-Ab12Cd", "d.qst.tmp-" + dead.toStdString() + "-Zz99Yy", "notes.txt", "s.qstore"};
        QCOMPARE(files_in(dir), want);
        Q_UNUSED(err);
    }

    // An existing store is replaced only with --force, never when read-only; a folder that cannot
    // take the store is reported before the reading starts (no progress line).
    void existingAndUnwritableTargets() {
        const std::string dir = path("targets");
        std::filesystem::create_directory(dir);
        const std::string store = dir + "/s.qstore";
        std::ofstream(store) << "an existing store";
        auto [code, err] = ingest(store);
        QCOMPARE(code, 3);
        QVERIFY2(err.contains("exists") && err.contains("--force") && !err.contains("tokens/s"), err.constData());
        QCOMPARE(test::read_bytes(store), std::string("an existing store"));
        std::filesystem::permissions(store, std::filesystem::perms::owner_read | std::filesystem::perms::group_read | std::filesystem::perms::others_read);
        std::tie(code, err) = ingest(store, {}, {"--force"});
        QCOMPARE(code, 3);
        QVERIFY2(err.contains("read-only") && !err.contains("tokens/s"), err.constData());
        QCOMPARE(test::read_bytes(store), std::string("an existing store"));
        QVERIFY((std::filesystem::status(store).permissions() & std::filesystem::perms::owner_write) == std::filesystem::perms::none);
        std::filesystem::permissions(store, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
        std::tie(code, err) = ingest(store, {}, {"--force"});
        QCOMPARE(code, 0);
        QVERIFY(test::read_bytes(store).substr(0, 8) == "QUIRESTR");
        for (const std::string & bad : {path("no-such-folder") + "/s.qstore", doc_path_ + "/s.qstore"}) {
            std::tie(code, err) = ingest(bad);
            QCOMPARE(code, 3);
            QVERIFY2(err.contains(bad.c_str()) && err.contains("does not exist") && !err.contains("tokens/s"), err.constData());
        }
        QCOMPARE(files_in(dir), std::vector<std::string>{"s.qstore"});
    }

    // A big plain file (8 MB of words, several million tokens): preparation (text and tokens) is
    // cancellable and its memory stays below 150 bytes per token under ASan (tokenizing the whole
    // text at once took about 290: 5 GB for 17M tokens); the store's size and the memory are estimated before reading,
    // and a reading that does not fit is refused with the numbers (here: keep a petabyte free)
    // unless --no-space-check.
    void bigDocumentsEstimatedAndBounded() {
        const std::string big = path("big.txt");
        {
            std::ofstream out(big);
            uint32_t seed = 3;
            std::string para;
            for (size_t bytes = 0; bytes < 8'000'000;) {
                para.clear();
                for (int w = 0; w < 60; ++w) {
                    seed = seed * 1664525u + 1013904223u;
                    para += std::string(1 + (seed >> 28), static_cast<char>('a' + (seed >> 8) % 26)) + (w % 12 == 11 ? ". " : " ");
                }
                para += "\n\n";
                out << para;
                bytes += para.size();
            }
        }
        const std::string store = path("big.qstore");
        auto run = [&](const QStringList & extra, bool interrupt) {
            QProcess p;
            const QString peak = "import resource, subprocess, sys\n"
                                 "r = subprocess.run(sys.argv[1:])\n"
                                 "print('peak-kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
                                 "sys.exit(r.returncode if r.returncode >= 0 else 128 - r.returncode)\n";
            p.start("python3", QStringList{"-c", peak, QString::fromStdString(test::env_or("QUIRE_CLI", "quire-cli")), "ingest"} + model_args() +
                                   QStringList{"--doc", QString::fromStdString(big), "--store", QString::fromStdString(store), "--preset", "512"} + extra);
            QByteArray err;
            if (interrupt) {
                for (int i = 0; i < 1200 && !err.contains("preparing"); ++i) {
                    p.waitForReadyRead(100);
                    err += p.readAllStandardError();
                }
                QProcess pk;
                pk.start("pkill", {"-INT", "-P", QString::number(p.processId())}); // quire-cli, the child of python
                pk.waitForFinished();
            }
            p.waitForFinished(600000);
            err += p.readAllStandardError();
            return std::make_pair(p.exitCode(), err);
        };
        auto [code, err] = run({"--keep-free", "1000000"}, false);
        QCOMPARE(code, 3);
        QVERIFY2(err.contains("would need about") && err.contains("free") && err.contains("--no-space-check") && !err.contains("tokens/s"), err.constData());
        QVERIFY2(err.contains("the store will take about") && err.contains("of memory"), err.constData());
        const long peak_kib = err.mid(err.indexOf("peak-kib") + 9).trimmed().split('\n').front().toLong();
        const long tokens = err.mid(err.indexOf("ingest: ") + 8).split(' ').front().toLong();
        QVERIFY2(tokens > 2'000'000, err.constData());
        QVERIFY2(peak_kib * 1024 < tokens * 150, qPrintable(QString("peak %1 KiB for %2 tokens").arg(peak_kib).arg(tokens)));
        QVERIFY(!test::exists(store));
        // Ctrl+C while preparing: cancelled at once, nothing left behind.
        QElapsedTimer t;
        t.start();
        std::tie(code, err) = run({}, true);
        QCOMPARE(code, 130);
        QVERIFY2(err.contains("cancelled") && !err.contains("tokens/s"), err.constData());
        QVERIFY(!test::exists(store));
        for (const auto & f : std::filesystem::directory_iterator(tmp_.path().toStdString()))
            QVERIFY2(f.path().string().find(".tmp-") == std::string::npos, f.path().c_str());
    }
};

QTEST_GUILESS_MAIN(TestBlockStore)
#include "tst_block_store.moc"

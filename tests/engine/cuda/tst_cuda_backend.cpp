// The CUDA backend against the CPU backend: every op on random inputs, the stories260K golden
// text, and the architecture fixtures' logits. Skips with a message on machines without a GPU
// (CI) or builds without CUDA; on the GPU machine the same checks run as quire-cli backend-check.
#include "generate/generator.h"
#include "model/model.h"
#include "test_env.h"
#ifdef QUIRE_HAVE_CUDA
#include "diagnostics/backend_check.h"
#include "cuda/cuda_memory_model.h"
#include "cuda/cuda_model.h"
#include "diagnostics/memory_bench.h"
#include "diagnostics/memory_check.h"
#include "cpu/memory_model.h"
#endif



using namespace quire;

class TestCudaBackend : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
#ifndef QUIRE_HAVE_CUDA
        QSKIP("this build has no CUDA backend: GPU tests skipped");
#else
        const auto d = cuda_device_info();
        if (!d.usable) QSKIP(qPrintable(QString("no usable CUDA device (%1): GPU tests skipped").arg(QString::fromStdString(d.error))));
#endif
    }
#ifdef QUIRE_HAVE_CUDA
    void opsMatchCpu() {
        const auto r = cuda_backend_check();
        for (const auto & o : r.ops) QVERIFY2(o.ok, qPrintable(QString("%1: error %2 > %3").arg(QString::fromStdString(o.op)).arg(o.error).arg(o.threshold)));
        QVERIFY(r.all_ok());
    }
    void goldenTextOnGpu() {
        const auto dir = test::stories260k_dir();
        QUIRE_REQUIRE_FILE(dir + "/stories260K.bin", "stories260K");
        auto m = test::load_stories260k();
        GenerateParams gp;
        gp.n_predict = 200;
        gp.device.backend = BackendKind::CUDA;
        gp.device.precision = GpuPrecision::FP32; // the exact path (bf16 is the default)
        QCOMPARE(generate(*m, {1}, gp).text, test::read_bytes(dir + "/expected-greedy-200.txt"));
    }
    void architecturesMatchCpu() {
        for (const char * f : {"arch/llama3/hf", "arch/mistral/model-q8_0.gguf", "arch/qwen2/model-f16.gguf"}) {
            auto m = model_load(test::data(f));
            std::vector<int> toks;
            for (int i = 0; i < 48; ++i) toks.push_back((i * 37 + 11) % m->hp.n_vocab);
            const auto c = cuda_model_check(*m, toks);
            QVERIFY2(c.max_logit_diff < 1e-4f, qPrintable(QString("%1: %2").arg(f).arg(c.max_logit_diff)));
            QVERIFY(c.greedy_equal);
        }
    }

    // The block-memory pass on the GPU against the CPU MemoryModel (fp32: logits, every block
    // selection of every layer and step, a greedy answer decoded by the captured graph), bf16 and
    // fp8 blocks within their rounding, and a window >= sequence against full attention.
    void memoryMatchesCpu_data() {
        QTest::addColumn<QString>("path");
        QTest::newRow("stories260K") << "stories260K";
        QTest::newRow("llama3") << "arch/llama3/hf";
        QTest::newRow("mistral") << "arch/mistral/model-q8_0.gguf";
        QTest::newRow("qwen2") << "arch/qwen2/model-f16.gguf";
    }
    void memoryMatchesCpu() {
        QFETCH(QString, path);
        std::unique_ptr<Model> m;
        if (path == "stories260K") {
            QUIRE_REQUIRE_FILE(test::stories260k_dir() + "/stories260K.bin", "stories260K");
            m = test::load_stories260k();
        } else {
            m = model_load(test::data(path.toStdString()));
        }
        std::vector<std::string> notes;
        const auto checks = cuda_memory_checks(*m, &notes);
        for (const auto & n : notes) qInfo("%s", n.c_str());
        for (const auto & o : checks) QVERIFY2(o.ok, qPrintable(QString("%1: %2 > %3").arg(QString::fromStdString(o.op)).arg(o.error).arg(o.threshold)));
    }
    // The state goes to the host and back: the CPU continues it exactly as the GPU does, and a
    // re-uploaded state continues bit for bit.
    void memoryHostRoundTrip() {
        auto m = model_load(test::data("arch/mistral/model-q8_0.gguf"));
        std::vector<int> doc, more;
        for (int i = 0; i < 250; ++i) doc.push_back((i * 131 + 17) % m->hp.n_vocab);
        for (int i = 0; i < 20; ++i) more.push_back((i * 71 + 5) % m->hp.n_vocab);
        const auto w = GpuWeights::upload(*m, CudaPrecision::FP32);
        MemoryConfig cfg = memory_preset("512");
        cfg.n_init = 4, cfg.n_local = 64, cfg.block_size = 16, cfg.topk = 3, cfg.exc_block_size = 32;
        CudaMemoryModel gpu(w, cfg);
        for (size_t i = 0; i < doc.size(); i += 32)
            gpu.step(std::vector<int>(doc.begin() + static_cast<long>(i), doc.begin() + static_cast<long>(std::min(doc.size(), i + 32))), StepKind::DOCUMENT, false);
        MemoryState host;
        gpu.download(host);
        QCOMPARE(host.n_blocks(), gpu.n_blocks());
        QCOMPARE(host.n_tokens, static_cast<int64_t>(doc.size()));
        CudaMemoryModel again(w, cfg);
        again.upload(host);
        MemoryModel cpu(*m, host);
        const auto a = gpu.step(more, StepKind::QUESTION, true), b = again.step(more, StepKind::QUESTION, true), c = cpu.step(more, StepKind::QUESTION, true);
        QCOMPARE(a, b);
        QVERIFY(test::max_abs_diff(a, c) < 1e-4f);
        auto f = gpu.fork();
        QCOMPARE(f->step({1}, StepKind::TOKEN, true), gpu.step({1}, StepKind::TOKEN, true));
    }
    // A small bench run: rows complete and count the blocks the trim rule predicts.
    void benchSmoke() {
        BenchOptions o;
        o.lengths = {3000};
        o.cfg = memory_preset("2k");
        o.decode_tokens = 4, o.question_tokens = 16, o.answer_tokens = 4;
        const auto rows = memory_bench(bench_shape("smollm2-135m", 2), nullptr, o);
        QCOMPARE(rows.size(), size_t(1));
        QVERIFY2(rows[0].error.empty(), rows[0].error.c_str());
        QCOMPARE(rows[0].blocks, (3000 - 128 - 1024) / 128);
        QVERIFY(rows[0].decode_ms > 0 && rows[0].ingest_s > 0 && rows[0].peak_gpu_gib > 0);
    }
    // A Llama-3-8B-shaped model with 2 layers and random weights against transformers (the
    // reference is made on the GPU machine by tests/reference/make_llama3_8b_2layer.py).
    void llama3_8bShapeMatchesTransformers() {
        const std::string dir = test::env_or("QUIRE_L8B_DIR", "");
        if (dir.empty() || !test::exists(dir + "/logits.f32")) QSKIP("QUIRE_L8B_DIR not set (made on the GPU machine): 8B-shape parity skipped");
        for (const auto & o : cuda_l8b_checks(dir)) QVERIFY2(o.ok, qPrintable(QString("%1: %2").arg(QString::fromStdString(o.op)).arg(o.error)));
    }
#endif
};

QTEST_GUILESS_MAIN(TestCudaBackend)
#include "tst_cuda_backend.moc"

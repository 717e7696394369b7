// The CUDA backend against the CPU backend: every op on random inputs, the stories260K golden
// text, and the architecture fixtures' logits. Skips with a message on machines without a GPU
// (CI) or builds without CUDA; on the GPU machine the same checks run as quire-cli backend-check.
#include "generate/generator.h"
#include "model/model.h"
#include "test_env.h"
#ifdef QUIRE_HAVE_CUDA
#include "cuda/backend_check.h"
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
        gp.backend = BackendKind::CUDA;
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
#endif
};

QTEST_GUILESS_MAIN(TestCudaBackend)
#include "tst_cuda_backend.moc"

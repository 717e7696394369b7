// GGUF parsing and model loading: valid files load; every kind of damage is a clear
// Error(BAD_INPUT/UNSUPPORTED) naming the problem, never a crash (run under ASan in CI).
#include "core/error.h"
#include "cpu/cpu_model.h"
#include "gguf_builder.h"
#include "model/gguf.h"
#include "model/model.h"
#include "test_env.h"

#include <QTemporaryDir>

using namespace quire;
using quire::test::GgufBuilder;

class TestGguf : public QObject {
    Q_OBJECT

    QTemporaryDir tmp_;
    std::string write(const std::string & name, const std::string & bytes) {
        const std::string p = tmp_.filePath(QString::fromStdString(name)).toStdString();
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    // Expect model_load to fail with `status` and a message containing `needle`.
    void expect_load_error(const std::string & bytes, Status status, const std::string & needle) {
        const std::string p = write("bad.gguf", bytes);
        try {
            model_load(p);
            QFAIL("load succeeded on a bad file");
        } catch (const Error & e) {
            QCOMPARE(static_cast<int>(e.status()), static_cast<int>(status));
            const std::string msg = e.what();
            QVERIFY2(msg.find(needle) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(p) != std::string::npos, "error message should name the file");
        }
    }

private slots:
    void validFileLoadsAndRuns() {
        const std::string p = write("ok.gguf", test::tiny_llama_gguf().build());
        GgufFile g(p);
        QCOMPARE(g.version(), 3u);
        QCOMPARE(g.tensors().size(), size_t(11));
        QCOMPARE(*g.get_uint("llama.block_count"), uint64_t(1));
        QCOMPARE(*g.get_string("general.architecture"), std::string("llama"));
        auto m = model_load(p);
        QCOMPARE(m->hp.n_vocab, 48);
        QCOMPARE(m->hp.head_dim, 8);
        QVERIFY(m->hp.tied_embeddings);
        QVERIFY(!m->tokenizer); // no vocabulary in this file
        QVERIFY(m->tokenizer_error.find("no tokenizer") != std::string::npos);
        cpu::CpuModel cm(*m, 16);
        const auto logits = cm.eval({1, 2, 3});
        QCOMPARE(logits.size(), size_t(48));
        for (float x : logits) QVERIFY(std::isfinite(x));
    }

    void hugeContextIsAnOutOfMemoryError() {
        // 2^31 positions of a 1-layer model: 256 GiB of KV cache, refused before allocating.
        auto m = model_load(write("ok.gguf", test::tiny_llama_gguf().build()));
        try {
            cpu::CpuModel cm(*m, (1 << 30) + ((1 << 30) - 1));
            QFAIL("allocated an impossible KV cache");
        } catch (const Error & e) {
            QCOMPARE(e.status(), Status::OUT_OF_MEMORY);
        }
    }

    void versionTwoIsAccepted() {
        const std::string b = test::tiny_llama_gguf().build(2);
        GgufFile g(reinterpret_cast<const uint8_t *>(b.data()), b.size(), "v2.gguf");
        QCOMPARE(g.version(), 2u);
    }

    void wrongMagic() {
        std::string b = test::tiny_llama_gguf().build();
        b[0] = 'X';
        // Not GGUF: the loader then tries llama2.c and reports an unrecognised model.
        expect_load_error(b, Status::BAD_INPUT, "not a GGUF");
        try {
            GgufFile g(reinterpret_cast<const uint8_t *>(b.data()), b.size(), "mem");
            QFAIL("parsed");
        } catch (const Error & e) {
            QVERIFY(std::string(e.what()).find("wrong magic") != std::string::npos);
        }
    }

    void everyTruncationIsAnError() {
        const std::string full = test::tiny_llama_gguf().build();
        // Cut the file at many points, including inside the header, metadata and tensor data.
        int checked = 0;
        for (size_t len = 0; len < full.size(); len += (len < 1024 ? 1 : 97)) {
            const std::string cut = full.substr(0, len);
            try {
                GgufFile g(reinterpret_cast<const uint8_t *>(cut.data()), cut.size(), "cut.gguf");
                QFAIL(qPrintable(QString("truncation at %1 of %2 bytes was accepted").arg(len).arg(full.size())));
            } catch (const Error & e) {
                QCOMPARE(e.status(), Status::BAD_INPUT);
            }
            ++checked;
        }
        QVERIFY(checked > 1000);
        // A file cut short says how long it should be and how much of it is there.
        expect_load_error(full.substr(0, full.size() - 100), Status::BAD_INPUT,
                          "its header describes " + std::to_string(full.size()) + " bytes, the file has " + std::to_string(full.size() - 100));
    }

    void tensorOffsetPastEnd() {
        GgufBuilder b = test::tiny_llama_gguf();
        std::string bytes = b.build();
        // Find the last tensor's offset field (just before the data section) and push it out.
        const std::string name = "blk.0.ffn_down.weight";
        const size_t at = bytes.find(name) + name.size() + 4 + 2 * 8 + 4;
        uint64_t off = 1ull << 40;
        std::memcpy(&bytes[at], &off, 8);
        expect_load_error(bytes, Status::BAD_INPUT, "truncated or corrupt");
    }

    void absurdDimensions() {
        GgufBuilder b;
        b.kv_string("general.architecture", "llama");
        b.tensor("token_embd.weight", 0, {1ull << 41, 1ull << 41}, std::string(64, '\0'));
        expect_load_error(b.build(), Status::BAD_INPUT, "absurd dimension");
    }

    void absurdCounts() {
        std::string b = "GGUF";
        GgufBuilder::put(b, uint32_t(3));
        GgufBuilder::put(b, uint64_t(1) << 60); // tensor count
        GgufBuilder::put(b, uint64_t(0));
        b += std::string(64, '\0');
        expect_load_error(b, Status::BAD_INPUT, "does not fit");
    }

    void hugeStringLength() {
        std::string b = "GGUF";
        GgufBuilder::put(b, uint32_t(3));
        GgufBuilder::put(b, uint64_t(0));
        GgufBuilder::put(b, uint64_t(1));
        GgufBuilder::put(b, uint64_t(1) << 62); // key length
        b += std::string(64, 'k');
        expect_load_error(b, Status::BAD_INPUT, "GGUF");
    }

    void unknownArchitecture() {
        expect_load_error(test::tiny_llama_gguf("mamba").build(), Status::UNSUPPORTED, "architecture 'mamba' is not supported");
    }

    void unknownTensorType() {
        GgufBuilder b;
        b.kv_string("general.architecture", "llama");
        b.tensor("token_embd.weight", 99, {32, 4}, std::string(512, '\0'));
        expect_load_error(b.build(), Status::UNSUPPORTED, "unknown type id 99");
    }

    void obsoleteVersion() {
        std::string b = test::tiny_llama_gguf().build();
        b[4] = 1;
        expect_load_error(b, Status::UNSUPPORTED, "version 1");
    }

    void missingTensor() {
        GgufBuilder b = test::tiny_llama_gguf();
        std::string bytes = b.build();
        const size_t at = bytes.find("blk.0.ffn_up.weight");
        bytes[at + 8] = 'X'; // rename blk.0.ffn_up -> blk.0.ffX_up
        expect_load_error(bytes, Status::BAD_INPUT, "missing tensor 'blk.0.ffn_up.weight'");
    }

    void misshapenTensor() {
        GgufBuilder b;
        const std::string a = "llama";
        b.kv_string("general.architecture", a);
        for (auto [k, v] : std::vector<std::pair<std::string, uint32_t>>{{"context_length", 64}, {"embedding_length", 32}, {"feed_forward_length", 64},
                                                                          {"block_count", 1}, {"attention.head_count", 4}})
            b.kv_u32(a + "." + k, v);
        b.tensor("token_embd.weight", 0, {32, 8}, std::string(32 * 8 * 4, '\0'));
        b.tensor("output_norm.weight", 0, {16}, std::string(64, '\0')); // should be 32
        expect_load_error(b.build(), Status::BAD_INPUT, "output_norm.weight' has shape [16]");
    }

    void emptyFile() { expect_load_error("", Status::BAD_INPUT, "too short"); }

    // Keys and values holding NUL or control bytes (a damaged file) are printed escaped: the whole
    // message survives a terminal (no backspace eating it) and a C string (no NUL cutting it).
    void controlBytesInKeysAreEscaped() {
        GgufBuilder b;
        b.kv_string("general.architecture", "llama");
        std::string bytes = b.build();
        const std::string damaged = std::string("general.architectur") + '\x08';
        bytes.replace(bytes.find("general.architecture"), damaged.size(), damaged);
        bytes[bytes.find(damaged) + damaged.size()] = 77; // its value type: unknown
        expect_load_error(bytes, Status::BAD_INPUT, "key 'general.architectur\\x08': unknown value type 77");
        expect_load_error(test::tiny_llama_gguf(std::string("lla\0m\x1b", 6)).build(), Status::UNSUPPORTED,
                          "architecture 'lla\\x00m\\x1b' is not supported (supported: ");
    }
};

QTEST_GUILESS_MAIN(TestGguf)
#include "tst_gguf.moc"

// Hugging Face folders: a model split into shards with model.safetensors.index.json loads to the
// same weights as the single file; damaged safetensors and config.json files are clear errors.
#include "core/error.h"
#include "cpu/cpu_model.h"
#include "model/model.h"
#include "model/safetensors.h"
#include "test_env.h"

#include <QTemporaryDir>

using namespace quire;
namespace fs = std::filesystem;

namespace {

const char * dtype_name(uint32_t t) { return t == 0 ? "F32" : t == 1 ? "F16" : "BF16"; }

// Writes the given tensors as one safetensors file.
void write_safetensors(const std::string & path, const std::vector<const SourceTensor *> & ts) {
    nlohmann::ordered_json h;
    uint64_t off = 0;
    for (const auto * t : ts) {
        std::vector<uint64_t> shape(t->ne.rbegin(), t->ne.rend());
        h[t->stored_name] = {{"dtype", dtype_name(t->type)}, {"shape", shape}, {"data_offsets", {off, off + t->nbytes}}};
        off += t->nbytes;
    }
    std::string header = h.dump();
    while (header.size() % 8) header += ' ';
    std::ofstream out(path, std::ios::binary);
    const uint64_t n = header.size();
    out.write(reinterpret_cast<const char *>(&n), 8);
    out << header;
    for (const auto * t : ts) out.write(reinterpret_cast<const char *>(t->data), static_cast<std::streamsize>(t->nbytes));
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    const std::string src_ = test::data("arch/llama3/hf");

    std::string copy_model(const std::string & name) {
        const std::string d = tmp_.filePath(QString::fromStdString(name)).toStdString();
        fs::create_directories(d);
        fs::copy_file(src_ + "/config.json", d + "/config.json", fs::copy_options::overwrite_existing);
        return d;
    }
    void expect_error(const std::string & dir, Status status, const std::string & needle) {
        try {
            model_load(dir);
            QFAIL("loaded a damaged model");
        } catch (const Error & e) {
            QCOMPARE(static_cast<int>(e.status()), static_cast<int>(status));
            QVERIFY2(std::string(e.what()).find(needle) != std::string::npos, e.what());
        }
    }

private slots:
    void shardedEqualsSingleFile() {
        SafetensorsFile whole(src_ + "/model.safetensors");
        const std::string d = copy_model("sharded");
        std::vector<const SourceTensor *> a, b;
        nlohmann::json index = {{"metadata", {{"total_size", 0}}}, {"weight_map", nlohmann::json::object()}};
        for (const auto & t : whole.tensors()) {
            const bool first = t.stored_name.find("layers.1.") == std::string::npos;
            (first ? a : b).push_back(&t);
            index["weight_map"][t.stored_name] = first ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
        }
        QVERIFY(!a.empty() && !b.empty());
        write_safetensors(d + "/model-00001-of-00002.safetensors", a);
        write_safetensors(d + "/model-00002-of-00002.safetensors", b);
        std::ofstream(d + "/model.safetensors.index.json") << index.dump(1);

        auto m1 = model_load(src_), m2 = model_load(d);
        cpu::CpuModel c1(*m1, 8), c2(*m2, 8);
        QCOMPARE(c1.eval({3, 1, 4, 1, 5}), c2.eval({3, 1, 4, 1, 5}));
    }

    void missingShard() {
        const std::string d = copy_model("missing-shard");
        std::ofstream(d + "/model.safetensors.index.json") << R"({"weight_map": {"lm_head.weight": "model-00009.safetensors"}})";
        expect_error(d, Status::IO, "model-00009.safetensors");
    }

    void truncatedSafetensors() {
        const std::string d = copy_model("truncated");
        const std::string bytes = test::read_bytes(src_ + "/model.safetensors");
        std::ofstream(d + "/model.safetensors", std::ios::binary) << bytes.substr(0, bytes.size() - 1000);
        expect_error(d, Status::BAD_INPUT, "outside the file");
    }

    void headerLengthPastEnd() {
        const std::string d = copy_model("header");
        std::string bytes = test::read_bytes(src_ + "/model.safetensors");
        const uint64_t n = 1ull << 50;
        std::memcpy(bytes.data(), &n, 8);
        std::ofstream(d + "/model.safetensors", std::ios::binary) << bytes;
        expect_error(d, Status::BAD_INPUT, "header length");
    }

    void unsupportedDtype() {
        const std::string d = copy_model("dtype");
        std::ofstream out(d + "/model.safetensors", std::ios::binary);
        const std::string h = R"({"model.embed_tokens.weight":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})";
        const uint64_t n = h.size();
        out.write(reinterpret_cast<const char *>(&n), 8);
        out << h << std::string(16, '\0');
        out.close();
        expect_error(d, Status::UNSUPPORTED, "dtype I64");
    }

    void badConfigs_data() {
        QTest::addColumn<QString>("config");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{ this is not json" << int(Status::BAD_INPUT) << "malformed";
        QTest::newRow("unknown model type") << R"({"model_type": "gpt_neox"})" << int(Status::UNSUPPORTED) << "gpt_neox";
        QTest::newRow("missing size") << R"({"model_type": "llama", "vocab_size": 10})" << int(Status::BAD_INPUT) << "hidden_size";
        QTest::newRow("heads do not divide") << R"({"model_type": "llama", "vocab_size": 10, "hidden_size": 64, "intermediate_size": 8,
            "num_hidden_layers": 1, "num_attention_heads": 4, "num_key_value_heads": 3})" << int(Status::BAD_INPUT) << "KV head count";
    }
    void badConfigs() {
        QFETCH(QString, config);
        QFETCH(int, status);
        QFETCH(QString, message);
        const std::string d = copy_model(QString("cfg-%1").arg(QTest::currentDataTag()).toStdString());
        std::ofstream(d + "/config.json", std::ios::trunc) << config.toStdString();
        expect_error(d, static_cast<Status>(status), message.toStdString());
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"

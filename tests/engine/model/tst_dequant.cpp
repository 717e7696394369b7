// Dequantisation of every supported GGML block type against the `gguf` Python package's
// reference implementation (fixtures from tests/reference/make_dequant_fixtures.py).
#include "core/half.h"
#include "model/ggml_type.h"
#include "test_env.h"

using namespace quire;

class TestDequant : public QObject {
    Q_OBJECT
private slots:
    void blockTypes_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("id");
        QTest::addColumn<int>("elements");
        for (const auto & e : test::read_json(test::data("dequant/index.json")))
            QTest::newRow(e["type"].get<std::string>().c_str())
                << QString::fromStdString(e["type"].get<std::string>()) << e["id"].get<int>() << e["elements"].get<int>();
    }
    void blockTypes() {
        QFETCH(QString, type);
        QFETCH(int, id);
        QFETCH(int, elements);
        const std::string raw = test::read_bytes(test::data("dequant/" + type.toStdString() + ".raw"));
        const auto expected = test::read_f32(test::data("dequant/" + type.toStdString() + ".f32"));
        QCOMPARE(expected.size(), size_t(elements));
        auto info = ggml_type_info(static_cast<uint32_t>(id));
        QVERIFY(info && info->can_dequantize);
        QCOMPARE(*ggml_row_bytes(static_cast<GgmlType>(id), static_cast<uint64_t>(elements)), uint64_t(raw.size()));
        std::vector<float> got(static_cast<size_t>(elements), NAN);
        ggml_dequantize(static_cast<GgmlType>(id), raw.data(), got.data(), static_cast<uint64_t>(elements));
        for (int i = 0; i < elements; ++i) {
            const float e = expected[static_cast<size_t>(i)], g = got[static_cast<size_t>(i)];
            if (std::abs(e - g) > 1e-6f * std::max(1.0f, std::abs(e)))
                QFAIL(qPrintable(QString("%1 element %2: got %3, expected %4").arg(type).arg(i).arg(g).arg(e)));
        }
    }

    void halfConversionsRoundTrip() {
        // Every finite half converts to float and back to the same bits.
        for (uint32_t h = 0; h < 0x10000; ++h) {
            if ((h & 0x7C00) == 0x7C00) continue; // inf/nan
            const float f = fp16_to_fp32(static_cast<uint16_t>(h));
            QCOMPARE(static_cast<uint32_t>(fp32_to_fp16(f)), h);
        }
        QCOMPARE(fp16_to_fp32(0x3C00), 1.0f);
        QCOMPARE(fp16_to_fp32(0xC000), -2.0f);
        QCOMPARE(bf16_to_fp32(0x3F80), 1.0f);
    }

    void rowBytesRejectsPartialBlocks() {
        QVERIFY(!ggml_row_bytes(GgmlType::Q4_K, 100));
        QCOMPARE(*ggml_row_bytes(GgmlType::Q8_0, 64), uint64_t(68));
        QVERIFY(!ggml_type_info(1234));
    }
};

QTEST_GUILESS_MAIN(TestDequant)
#include "tst_dequant.moc"

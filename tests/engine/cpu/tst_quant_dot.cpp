// The integer dot products of quantised weights and 16-bit activations (cpu/quant_dot.h), the
// matmul built on them and the reading path's SGEMM panels (cpu/panel_matmul.h), against the
// `gguf` Python package's dequantisation of the same blocks (tests/data/dequant) and plain
// double-precision sums.
#include "cpu/ops.h"
#include "cpu/quant_dot.h"
#include "model/weights.h"
#include "test_env.h"

#include <cmath>
#include <omp.h>
#include <random>

using namespace quire;

namespace {

struct Fixture {
    GgmlType type;
    std::string raw;
    std::vector<float> w; // the reference's dequantised values
};

Fixture fixture(const QString & type, int id) {
    Fixture f{static_cast<GgmlType>(id), test::read_bytes(test::data("dequant/" + type.toStdString() + ".raw")),
              test::read_f32(test::data("dequant/" + type.toStdString() + ".f32"))};
    return f;
}

// Every block type of the dequantisation fixtures.
void block_types() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("id");
    for (const auto & e : test::read_json(test::data("dequant/index.json")))
        QTest::newRow(e["type"].get<std::string>().c_str()) << QString::fromStdString(e["type"].get<std::string>()) << e["id"].get<int>();
}

} // namespace

class TestQuantDot : public QObject {
    Q_OBJECT
    int threads_ = 0;
private slots:
    void initTestCase() { threads_ = omp_get_max_threads(); }
    void exactActivationsGiveTheReferenceSum_data() { block_types(); }
    void roundedActivationsStayWithinTheirBound_data() { block_types(); }
    void matmulMatchesTheReference_data() { block_types(); }
    void longRowsMatchTheReference_data() { block_types(); }

    // Activations that 16 bits hold exactly (integers times a power of two, each group of 32
    // reaching 32767): the integer dot equals the reference's sum up to float rounding.
    void exactActivationsGiveTheReferenceSum() {
        QFETCH(QString, type);
        QFETCH(int, id);
        const Fixture f = fixture(type, id);
        const int64_t n = static_cast<int64_t>(f.w.size());
        QVERIFY(cpu::quant_dot_supported(f.type, n));
        QVERIFY(!cpu::quant_dot_supported(f.type, n + 1));
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> qd(-32767, 32767);
        std::vector<float> x(static_cast<size_t>(n));
        for (int64_t i = 0; i < n; ++i) x[static_cast<size_t>(i)] = static_cast<float>(i % 32 == 5 ? (i % 64 ? 32767 : -32767) : qd(rng)) / 4096.0f;
        cpu::Q16Row xq;
        cpu::quantize_q16(x.data(), n, xq);
        for (int64_t i = 0; i < n; ++i) QCOMPARE(static_cast<float>(xq.q[static_cast<size_t>(i)]) * xq.d[static_cast<size_t>(i / 32)], x[static_cast<size_t>(i)]);
        cpu::UnpackedRow w;
        cpu::unpack_row(f.type, reinterpret_cast<const uint8_t *>(f.raw.data()), n, w);
        double ref = 0, mag = 0;
        for (int64_t i = 0; i < n; ++i) {
            ref += static_cast<double>(f.w[static_cast<size_t>(i)]) * x[static_cast<size_t>(i)];
            mag += std::abs(static_cast<double>(f.w[static_cast<size_t>(i)]) * x[static_cast<size_t>(i)]);
        }
        const double got = cpu::dot_q16(w, xq, n);
        QVERIFY2(std::abs(got - ref) <= 1e-5 * mag, qPrintable(QString("%1: %2 vs %3 (sum of |terms| %4)").arg(type).arg(got).arg(ref).arg(mag)));
        // Straight from the bytes (the fused kernels where the CPU has AVX2).
        const double fused = cpu::dot_row(f.type, reinterpret_cast<const uint8_t *>(f.raw.data()), xq, n);
        QVERIFY2(std::abs(fused - ref) <= 1e-5 * mag, qPrintable(QString("%1 fused: %2 vs %3 (sum of |terms| %4)").arg(type).arg(fused).arg(ref).arg(mag)));
    }

    // A row of the fixture's blocks three times (18 groups of 32 for the 32-value types: the
    // kernels' eight-group steps and the groups after them; 3 super-blocks for the k-quants),
    // exactly held activations: the fused dot equals the reference's sum up to float rounding.
    void longRowsMatchTheReference() {
        QFETCH(QString, type);
        QFETCH(int, id);
        const Fixture f = fixture(type, id);
        const std::string raw = f.raw + f.raw + f.raw;
        std::vector<float> w;
        for (int k = 0; k < 3; ++k) w.insert(w.end(), f.w.begin(), f.w.end());
        const int64_t n = static_cast<int64_t>(w.size());
        std::mt19937 rng(17);
        std::uniform_int_distribution<int> qd(-32767, 32767);
        std::vector<float> x(static_cast<size_t>(n));
        for (int64_t i = 0; i < n; ++i) x[static_cast<size_t>(i)] = static_cast<float>(i % 32 == 7 ? 32767 : qd(rng)) / static_cast<float>(1 << (i / 32 % 5));
        cpu::Q16Row xq;
        cpu::quantize_q16(x.data(), n, xq);
        double ref = 0, mag = 0;
        for (int64_t i = 0; i < n; ++i) {
            ref += static_cast<double>(w[static_cast<size_t>(i)]) * x[static_cast<size_t>(i)];
            mag += std::abs(static_cast<double>(w[static_cast<size_t>(i)]) * x[static_cast<size_t>(i)]);
        }
        const double fused = cpu::dot_row(f.type, reinterpret_cast<const uint8_t *>(raw.data()), xq, n);
        QVERIFY2(std::abs(fused - ref) <= 1e-5 * mag, qPrintable(QString("%1: %2 vs %3 (sum of |terms| %4)").arg(type).arg(fused).arg(ref).arg(mag)));
    }

    // Any activations: rounding each to 16 bits moves it by at most half its group's step, so the
    // dot moves by at most sum |w_i| * d_i / 2.
    void roundedActivationsStayWithinTheirBound() {
        QFETCH(QString, type);
        QFETCH(int, id);
        const Fixture f = fixture(type, id);
        const int64_t n = static_cast<int64_t>(f.w.size());
        std::mt19937 rng(5);
        std::normal_distribution<float> nd(0.0f, 1.0f);
        cpu::UnpackedRow w;
        cpu::unpack_row(f.type, reinterpret_cast<const uint8_t *>(f.raw.data()), n, w);
        for (int rep = 0; rep < 20; ++rep) {
            std::vector<float> x(static_cast<size_t>(n));
            for (auto & v : x) v = nd(rng) * (rep % 2 ? 30.0f : 0.01f);
            if (rep == 3) std::fill(x.begin(), x.begin() + 32, 0.0f); // a group of zeros
            cpu::Q16Row xq;
            cpu::quantize_q16(x.data(), n, xq);
            double ref = 0, bound = 0, mag = 0;
            for (int64_t i = 0; i < n; ++i) {
                const double wi = f.w[static_cast<size_t>(i)];
                ref += wi * x[static_cast<size_t>(i)];
                bound += std::abs(wi) * xq.d[static_cast<size_t>(i / 32)] / 2;
                mag += std::abs(wi * x[static_cast<size_t>(i)]);
            }
            const double got = cpu::dot_q16(w, xq, n);
            QVERIFY2(std::abs(got - ref) <= bound + 1e-5 * mag, qPrintable(QString("%1: %2 vs %3, bound %4").arg(type).arg(got).arg(ref).arg(bound)));
        }
    }

    // The matmul over several rows and inputs, with a bias, against double sums over the
    // reference's weights (rows of the fixture's blocks reused: 3 rows; 1, 3 and 5 inputs).
    void matmulMatchesTheReference() {
        QFETCH(QString, type);
        QFETCH(int, id);
        const Fixture f = fixture(type, id);
        const int64_t cols = static_cast<int64_t>(f.w.size()), rows = 3;
        std::string data;
        for (int r = 0; r < rows; ++r) data += f.raw;
        Tensor W;
        W.rows = rows, W.cols = cols, W.type = f.type, W.row_bytes = f.raw.size();
        W.data = reinterpret_cast<const uint8_t *>(data.data());
        const Vector bias{0.5f, -1.0f, 2.0f};
        std::mt19937 rng(9);
        std::normal_distribution<float> nd(0.0f, 1.0f);
        for (int64_t T : {1, 3, 5, 37}) { // 16-bit activations up to 3 inputs, dequantised panels and SGEMM from 4
            std::vector<float> X(static_cast<size_t>(T * cols)), Y(static_cast<size_t>(T * rows), NAN);
            for (auto & v : X) v = nd(rng);
            cpu::matmul(X.data(), T, W, Y.data(), &bias);
            for (int64_t t = 0; t < T; ++t) {
                double ref = 0, mag = 0;
                for (int64_t i = 0; i < cols; ++i) {
                    ref += static_cast<double>(f.w[static_cast<size_t>(i)]) * X[static_cast<size_t>(t * cols + i)];
                    mag += std::abs(static_cast<double>(f.w[static_cast<size_t>(i)]) * X[static_cast<size_t>(t * cols + i)]);
                }
                for (int64_t r = 0; r < rows; ++r) {
                    const double got = Y[static_cast<size_t>(t * rows + r)] - bias[static_cast<size_t>(r)];
                    // 16-bit activations: about 1e-4 of the sum of |terms| at most for normal inputs.
                    QVERIFY2(std::abs(got - ref) <= 1e-4 * mag, qPrintable(QString("%1 T=%2 row %3: %4 vs %5").arg(type).arg(T).arg(r).arg(got).arg(ref)));
                }
            }
        }
    }

    // Several weights over one input (q, k, v; gate, up): each output as its own matmul gives it,
    // bit for bit, also with a type of another path among them and 3 and 5 inputs.
    void matmulSameInputEqualsOneMatmulEach() {
        const Fixture a = fixture("Q4_K", static_cast<int>(GgmlType::Q4_K)), b = fixture("Q6_K", static_cast<int>(GgmlType::Q6_K));
        QCOMPARE(a.w.size(), b.w.size());
        const int64_t cols = static_cast<int64_t>(a.w.size());
        std::string da, db;
        for (int r = 0; r < 5; ++r) da += a.raw;
        for (int r = 0; r < 2; ++r) db += b.raw;
        Tensor Wa, Wb, Wf;
        Wa.rows = 5, Wa.cols = cols, Wa.type = a.type, Wa.row_bytes = a.raw.size(), Wa.data = reinterpret_cast<const uint8_t *>(da.data());
        Wb.rows = 2, Wb.cols = cols, Wb.type = b.type, Wb.row_bytes = b.raw.size(), Wb.data = reinterpret_cast<const uint8_t *>(db.data());
        std::vector<float> wf(static_cast<size_t>(3 * cols));
        for (size_t i = 0; i < wf.size(); ++i) wf[i] = static_cast<float>(i % 7) - 3.0f;
        Wf.rows = 3, Wf.cols = cols, Wf.type = GgmlType::F32, Wf.row_bytes = static_cast<size_t>(cols) * 4, Wf.data = reinterpret_cast<const uint8_t *>(wf.data());
        const Vector bias{1.0f, 2.0f};
        std::mt19937 rng(3);
        std::normal_distribution<float> nd(0.0f, 1.0f);
        for (int64_t T : {1, 3, 5}) {
            std::vector<float> X(static_cast<size_t>(T * cols));
            for (auto & v : X) v = nd(rng);
            for (bool with_float : {false, true}) {
                std::vector<float> ya(static_cast<size_t>(T * 5)), yb(static_cast<size_t>(T * 2)), yf(static_cast<size_t>(T * 3));
                std::vector<float> ra = ya, rb = yb, rf = yf;
                std::vector<cpu::MatmulOut> outs{{&Wa, ya.data()}, {&Wb, yb.data(), &bias}};
                if (with_float) outs.push_back({&Wf, yf.data()});
                cpu::matmul_same_input(X.data(), T, outs);
                cpu::matmul(X.data(), T, Wa, ra.data());
                cpu::matmul(X.data(), T, Wb, rb.data(), &bias);
                QCOMPARE(ya, ra);
                QCOMPARE(yb, rb);
                if (with_float) {
                    cpu::matmul(X.data(), T, Wf, rf.data());
                    QCOMPARE(yf, rf);
                }
            }
        }
    }

    // Reading's products (panel_matmul: weight panels through SGEMM) over many distinct rows, so
    // that every panel boundary and remainder lands somewhere: two outputs of 300 and 70 rows, one
    // with a bias, against double sums; alone and together.
    void readingProductsMatchTheReference() {
        const int64_t cols = 96;
        std::mt19937 rng(5);
        std::normal_distribution<float> nd(0.0f, 1.0f);
        auto weights = [&](int64_t rows, std::vector<float> & w) {
            w.resize(static_cast<size_t>(rows * cols));
            for (auto & v : w) v = nd(rng);
            Tensor W;
            W.rows = rows, W.cols = cols, W.type = GgmlType::F32, W.row_bytes = static_cast<size_t>(cols) * 4;
            W.data = reinterpret_cast<const uint8_t *>(w.data());
            return W;
        };
        std::vector<float> wa, wb;
        const Tensor Wa = weights(300, wa), Wb = weights(70, wb);
        Vector bias(70);
        for (auto & v : bias) v = nd(rng);
        for (int64_t T : {4, 37, 300}) {
            std::vector<float> X(static_cast<size_t>(T * cols));
            for (auto & v : X) v = nd(rng);
            std::vector<float> ya(static_cast<size_t>(T * 300), NAN), yb(static_cast<size_t>(T * 70), NAN), ra = ya, rb = yb;
            cpu::matmul_same_input(X.data(), T, {{&Wa, ya.data()}, {&Wb, yb.data(), &bias}});
            cpu::matmul(X.data(), T, Wa, ra.data());
            cpu::matmul(X.data(), T, Wb, rb.data(), &bias);
            auto check = [&](const std::vector<float> & y, const std::vector<float> & w, int64_t rows, const Vector * b, const char * what) {
                for (int64_t t = 0; t < T; ++t)
                    for (int64_t r = 0; r < rows; ++r) {
                        double ref = b ? (*b)[static_cast<size_t>(r)] : 0.0, mag = 0;
                        for (int64_t i = 0; i < cols; ++i) {
                            const double p = static_cast<double>(w[static_cast<size_t>(r * cols + i)]) * X[static_cast<size_t>(t * cols + i)];
                            ref += p, mag += std::abs(p);
                        }
                        const double got = y[static_cast<size_t>(t * rows + r)];
                        if (!(std::abs(got - ref) <= 1e-5 * mag + 1e-6))
                            QFAIL(qPrintable(QString("%1 T=%2 [%3][%4]: %5 vs %6").arg(what).arg(T).arg(t).arg(r).arg(got).arg(ref)));
                    }
            };
            check(ya, wa, 300, nullptr, "together, first");
            check(yb, wb, 70, &bias, "together, second");
            check(ra, wa, 300, nullptr, "alone, first");
            check(rb, wb, 70, &bias, "alone, second");
        }
        // OpenBLAS, told to keep to one thread, leaves Quire's own thread count as it was.
        QCOMPARE(omp_get_max_threads(), threads_);
    }

    void unsupportedTypesKeepTheFloatPath() {
        QVERIFY(!cpu::quant_dot_supported(GgmlType::F32, 64));
        QVERIFY(!cpu::quant_dot_supported(GgmlType::F16, 64));
        QVERIFY(!cpu::quant_dot_supported(GgmlType::BF16, 64));
        QVERIFY(!cpu::quant_dot_supported(GgmlType::Q4_K, 128)); // not a whole super-block
    }
};

QTEST_GUILESS_MAIN(TestQuantDot)
#include "tst_quant_dot.moc"

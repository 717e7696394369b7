// The CPU's causal attention (SGEMM tiles, GQA rows together, key ranges split for decoding)
// against plain double-precision loops: prompts that start a context and continue one, single
// tokens over long contexts at several thread counts, head layouts of the models Quire reads.
#include "cpu/causal_attention.h"
#include "cpu/softmax_row.h"

#include <QtTest>
#include <omp.h>

#include <cmath>
#include <random>
#include <vector>

using namespace quire;

namespace {

std::vector<double> reference(const std::vector<float> & q, const std::vector<float> & k, const std::vector<float> & v, int T, int n_past, int H, int KVH,
                              int hd) {
    const int QD = H * hd, KVD = KVH * hd, rep = H / KVH;
    std::vector<double> out(static_cast<size_t>(T) * QD);
    for (int t = 0; t < T; ++t)
        for (int h = 0; h < H; ++h) {
            const int n = n_past + t + 1;
            std::vector<double> s(static_cast<size_t>(n));
            double m = -1e300;
            for (int p = 0; p < n; ++p) {
                double d = 0;
                for (int i = 0; i < hd; ++i) d += static_cast<double>(q[static_cast<size_t>(t * QD + h * hd + i)]) * k[static_cast<size_t>(p * KVD + (h / rep) * hd + i)];
                s[static_cast<size_t>(p)] = d / std::sqrt(static_cast<double>(hd));
                m = std::max(m, s[static_cast<size_t>(p)]);
            }
            double sum = 0;
            for (auto & x : s) sum += (x = std::exp(x - m));
            for (int i = 0; i < hd; ++i) {
                double o = 0;
                for (int p = 0; p < n; ++p) o += s[static_cast<size_t>(p)] * v[static_cast<size_t>(p * KVD + (h / rep) * hd + i)];
                out[static_cast<size_t>(t * QD + h * hd + i)] = o / sum;
            }
        }
    return out;
}

} // namespace

class TestCausalAttention : public QObject {
    Q_OBJECT
private slots:
    // The vectorised numerators against std::exp in double, over logits spread from 0 to far
    // below -87, for every row length around the vector width; keys past `visible` get 0.
    void softmaxNumeratorsMatchExp() {
        std::mt19937 rng(3);
        std::uniform_real_distribution<float> ud(-120.0f, 30.0f);
        for (int visible = 0; visible <= 40; ++visible) {
            const int n = visible + 5;
            std::vector<float> s(static_cast<size_t>(n));
            for (auto & x : s) x = ud(rng);
            const std::vector<float> in = s;
            float m = 0, sum = 0;
            cpu::softmax_numerators(s.data(), visible, n, m, sum);
            double want_m = -INFINITY, want_sum = 0;
            for (int j = 0; j < visible; ++j) want_m = std::max(want_m, static_cast<double>(in[static_cast<size_t>(j)]));
            if (visible == 0) QVERIFY(std::isinf(m) && m < 0);
            else QCOMPARE(static_cast<double>(m), want_m);
            for (int j = 0; j < visible; ++j) {
                const double want = std::exp(static_cast<double>(in[static_cast<size_t>(j)]) - want_m);
                want_sum += want;
                // Relative 1e-6, plus the rounding of x - max to float (|x - max| * 2^-24, as
                // std::exp of that float would have); below e^-87 the numerator is e^-87.
                const double shift = std::abs(static_cast<double>(in[static_cast<size_t>(j)]) - want_m);
                QVERIFY2(std::abs(s[static_cast<size_t>(j)] - want) <= (1e-6 + shift * 6e-8) * want + 1.7e-38,
                         qPrintable(QString("e^%1: %2, want %3").arg(in[static_cast<size_t>(j)] - want_m).arg(s[static_cast<size_t>(j)]).arg(want)));
            }
            for (int j = visible; j < n; ++j) QCOMPARE(s[static_cast<size_t>(j)], 0.0f);
            QVERIFY(std::abs(sum - want_sum) <= 1e-6 * want_sum);
        }
    }

    void matchesPlainLoops_data() {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("n_past");
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("KVH");
        QTest::addColumn<int>("hd");
        QTest::addColumn<int>("threads");
        QTest::newRow("prompt, SmolLM2 heads") << 70 << 0 << 9 << 3 << 64 << 2;
        QTest::newRow("continued reading, Qwen heads") << 37 << 300 << 12 << 2 << 128 << 2;
        QTest::newRow("partial tile, no GQA") << 5 << 11 << 4 << 4 << 40 << 3;
        QTest::newRow("decoding, one thread") << 1 << 2500 << 12 << 2 << 128 << 1;
        QTest::newRow("decoding, keys split over 8 threads") << 1 << 5000 << 9 << 3 << 64 << 8;
        QTest::newRow("two tokens, keys split, uneven parts") << 2 << 3001 << 6 << 1 << 64 << 7;
        QTest::newRow("first token") << 1 << 0 << 8 << 2 << 64 << 4;
    }
    void matchesPlainLoops() {
        QFETCH(int, T);
        QFETCH(int, n_past);
        QFETCH(int, H);
        QFETCH(int, KVH);
        QFETCH(int, hd);
        QFETCH(int, threads);
        std::mt19937 rng(static_cast<unsigned>(T * 7919 + n_past));
        std::normal_distribution<float> nd(0.0f, 1.0f);
        const int rows = n_past + T;
        std::vector<float> q(static_cast<size_t>(T) * H * hd), k(static_cast<size_t>(rows + 3) * KVH * hd), v(k.size());
        // Sharp logits on some keys (scale 3), so the softmax's maximum matters.
        for (auto & x : q) x = 3.0f * nd(rng);
        for (auto & x : k) x = nd(rng);
        for (auto & x : v) x = nd(rng);
        const int saved = omp_get_max_threads();
        omp_set_num_threads(threads);
        std::vector<float> out(q.size(), std::nanf(""));
        cpu::attention(q.data(), k.data(), v.data(), out.data(), T, n_past, H, KVH, hd);
        omp_set_num_threads(saved);
        const std::vector<double> ref = reference(q, k, v, T, n_past, H, KVH, hd);
        double worst = 0;
        for (size_t i = 0; i < out.size(); ++i) {
            QVERIFY2(std::isfinite(out[i]), "an output was not written");
            worst = std::max(worst, std::abs(out[i] - ref[i]));
        }
        // Outputs are averages of N(0,1) values: absolute error, fp32 over a few thousand terms.
        QVERIFY2(worst < 2e-5, qPrintable(QString("largest error %1").arg(worst)));
    }
};

QTEST_APPLESS_MAIN(TestCausalAttention)
#include "tst_causal_attention.moc"

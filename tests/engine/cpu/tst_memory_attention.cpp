// The block memory's CPU attention (gathered keys, GQA rows in SGEMM tiles, local scores summed
// over tiles) against plain double-precision loops over the same scattered rows: memory keys seen
// by the fixed-distance queries, the window and the causal current tokens by the rotated ones,
// and the weights added to the window's and the current tokens' scores.
#include "cpu/memory_attention.h"

#include <QtTest>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace quire;

class TestMemoryAttention : public QObject {
    Q_OBJECT
private slots:
    void matchesPlainLoops_data() {
        QTest::addColumn<int>("T");
        QTest::addColumn<int>("n_mem");
        QTest::addColumn<int>("n_win");
        QTest::addColumn<int>("H");
        QTest::addColumn<int>("KVH");
        QTest::addColumn<int>("hd");
        QTest::addColumn<int>("threads");
        QTest::newRow("first block of a reading") << 70 << 0 << 0 << 9 << 3 << 64 << 2;
        QTest::newRow("reading, Qwen heads") << 130 << 4 * 16 + 8 << 200 << 12 << 2 << 128 << 2;
        QTest::newRow("decoding one token") << 1 << 40 << 333 << 9 << 3 << 64 << 3;
        QTest::newRow("question, no GQA, odd head dim") << 7 << 24 << 17 << 4 << 4 << 40 << 1;
        QTest::newRow("whole reading: window only") << 33 << 0 << 1500 << 12 << 2 << 128 << 4;
    }
    void matchesPlainLoops() {
        QFETCH(int, T);
        QFETCH(int, n_mem);
        QFETCH(int, n_win);
        QFETCH(int, H);
        QFETCH(int, KVH);
        QFETCH(int, hd);
        QFETCH(int, threads);
        const int QD = H * hd, KVD = KVH * hd, rep = H / KVH, n_all = n_mem + n_win + T;
        std::mt19937 rng(static_cast<unsigned>(T * 31 + n_mem * 7 + n_win));
        std::normal_distribution<float> nd(0.0f, 1.0f);
        std::vector<float> qm(static_cast<size_t>(T) * QD), qr(qm.size()), pool(static_cast<size_t>(2 * n_all + 4) * KVD);
        for (auto & x : qm) x = 2.5f * nd(rng);
        for (auto & x : qr) x = 2.5f * nd(rng);
        for (auto & x : pool) x = nd(rng);
        // Rows scattered through one pool in shuffled order (block memory's rows live apart).
        std::vector<int> order(static_cast<size_t>(2 * n_all));
        for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::shuffle(order.begin(), order.end(), rng);
        std::vector<const float *> kr(static_cast<size_t>(n_all)), vr(static_cast<size_t>(n_all));
        for (int j = 0; j < n_all; ++j) {
            kr[static_cast<size_t>(j)] = pool.data() + static_cast<size_t>(order[static_cast<size_t>(2 * j)]) * KVD + 2;
            vr[static_cast<size_t>(j)] = pool.data() + static_cast<size_t>(order[static_cast<size_t>(2 * j + 1)]) * KVD + 1;
        }
        std::vector<float> out(qm.size(), std::nanf("")), win(static_cast<size_t>(n_win) * H, 0.5f), cur(static_cast<size_t>(T) * H, 0.25f);
        cpu::MemoryAttentionArgs a;
        a.T = T, a.n_head = H, a.n_head_kv = KVH, a.head_dim = hd, a.n_mem = n_mem, a.n_win = n_win;
        a.q_mem = qm.data(), a.q = qr.data(), a.k_rows = kr.data(), a.v_rows = vr.data();
        a.out = out.data(), a.win_score = win.data(), a.cur_score = cur.data();
        const int saved = omp_get_max_threads();
        omp_set_num_threads(threads);
        cpu::memory_attention(a);
        omp_set_num_threads(saved);

        std::vector<double> win_ref(win.size(), 0.5), cur_ref(cur.size(), 0.25);
        double err_out = 0;
        for (int t = 0; t < T; ++t)
            for (int h = 0; h < H; ++h) {
                const size_t kh = static_cast<size_t>(h / rep) * hd;
                const int n = n_mem + n_win + t + 1;
                std::vector<double> s(static_cast<size_t>(n));
                double m = -1e300, sum = 0;
                for (int j = 0; j < n; ++j) {
                    const float * qv = (j < n_mem ? qm.data() : qr.data()) + static_cast<size_t>(t) * QD + static_cast<size_t>(h) * hd;
                    double d = 0;
                    for (int i = 0; i < hd; ++i) d += static_cast<double>(qv[i]) * kr[static_cast<size_t>(j)][kh + static_cast<size_t>(i)];
                    s[static_cast<size_t>(j)] = d / std::sqrt(static_cast<double>(hd));
                    m = std::max(m, s[static_cast<size_t>(j)]);
                }
                for (auto & x : s) sum += (x = std::exp(x - m));
                for (auto & x : s) x /= sum;
                for (int i = 0; i < hd; ++i) {
                    double o = 0;
                    for (int j = 0; j < n; ++j) o += s[static_cast<size_t>(j)] * vr[static_cast<size_t>(j)][kh + static_cast<size_t>(i)];
                    const float got = out[static_cast<size_t>(t) * QD + static_cast<size_t>(h) * hd + static_cast<size_t>(i)];
                    QVERIFY2(std::isfinite(got), "an output was not written");
                    err_out = std::max(err_out, std::abs(o - got));
                }
                for (int j = n_mem; j < n; ++j) {
                    const int loc = j - n_mem;
                    if (loc < n_win)
                        win_ref[static_cast<size_t>(loc) * H + static_cast<size_t>(h)] += s[static_cast<size_t>(j)];
                    else
                        cur_ref[static_cast<size_t>(loc - n_win) * H + static_cast<size_t>(h)] += s[static_cast<size_t>(j)];
                }
            }
        double err_score = 0;
        for (size_t i = 0; i < win.size(); ++i) err_score = std::max(err_score, std::abs(win[i] - win_ref[i]));
        for (size_t i = 0; i < cur.size(); ++i) err_score = std::max(err_score, std::abs(cur[i] - cur_ref[i]));
        QVERIFY2(err_out < 2e-5, qPrintable(QString("largest output error %1").arg(err_out)));
        // Scores are sums of up to T weights in [0, 1] over an initial value: relative to fp32.
        QVERIFY2(err_score < 1e-5 * std::max(1, T), qPrintable(QString("largest score error %1").arg(err_score)));
    }
};

QTEST_APPLESS_MAIN(TestMemoryAttention)
#include "tst_memory_attention.moc"

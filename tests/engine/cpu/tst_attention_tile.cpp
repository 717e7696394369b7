// The tiled attention of the block memory's CPU pass against plain double-precision loops over
// the same rows: odd key counts, partial query tiles, unaligned key ranges, head dims that are
// not multiples of the vector width.
#include "cpu/attention_tile.h"

#include <QtTest>
#include <cmath>
#include <random>

using namespace quire;

class TestAttentionTile : public QObject {
    Q_OBJECT
private slots:
    void logitsAndOutputsMatchPlainLoops() {
        std::mt19937 rng(7);
        std::normal_distribution<float> nd(0.0f, 1.0f);
        for (int hd : {64, 128, 40}) {
            for (int n : {1, 7, 8, 37, 300}) {
                for (int nq = 1; nq <= cpu::kTileQueries; ++nq) {
                    // Rows scattered in one array (as block memory's are), in reverse order.
                    std::vector<float> kv(static_cast<size_t>(2 * n * hd + 5)), qv(static_cast<size_t>(nq * hd)), pv(static_cast<size_t>(nq * n));
                    for (auto & x : kv) x = nd(rng);
                    for (auto & x : qv) x = nd(rng);
                    for (auto & x : pv) x = std::abs(nd(rng));
                    std::vector<const float *> keys(static_cast<size_t>(n)), vals(static_cast<size_t>(n));
                    for (int j = 0; j < n; ++j) {
                        keys[static_cast<size_t>(j)] = kv.data() + static_cast<size_t>((n - 1 - j) * hd) + 3;
                        vals[static_cast<size_t>(j)] = kv.data() + static_cast<size_t>((n + j) * hd) + 1;
                    }
                    std::vector<float> kt;
                    const int ld = cpu::pack_keys_t(keys.data(), n, hd, kt);
                    QVERIFY(ld >= n && ld % 8 == 0);
                    // Logits of keys [j0, n) as the block memory asks for the local part.
                    const int j0 = n / 3;
                    std::vector<float> s(static_cast<size_t>(nq * n), -1.0f), out(static_cast<size_t>(nq * hd), -1.0f);
                    const float * q[cpu::kTileQueries], * p[cpu::kTileQueries];
                    float * sr[cpu::kTileQueries], * o[cpu::kTileQueries];
                    for (int i = 0; i < nq; ++i) {
                        q[i] = qv.data() + static_cast<size_t>(i * hd);
                        p[i] = pv.data() + static_cast<size_t>(i * n);
                        sr[i] = s.data() + static_cast<size_t>(i * n);
                        o[i] = out.data() + static_cast<size_t>(i * hd);
                    }
                    const float scale = 0.125f;
                    cpu::dot_tile(q, nq, kt.data(), ld, j0, n - j0, hd, scale, sr);
                    cpu::pv_tile(p, nq, vals.data(), n, hd, o);
                    double err_s = 0, err_o = 0;
                    for (int i = 0; i < nq; ++i) {
                        for (int j = 0; j < n - j0; ++j) {
                            double ref = 0, mag = 0; // fp32 rounding grows with the sum of |terms|
                            for (int d = 0; d < hd; ++d) {
                                const double t = static_cast<double>(q[i][d]) * keys[static_cast<size_t>(j0 + j)][d];
                                ref += t, mag += std::abs(t);
                            }
                            err_s = std::max(err_s, std::abs(ref * scale - sr[i][j]) / (mag * scale));
                        }
                        for (int j = n - j0; j < n; ++j) QCOMPARE(sr[i][j], -1.0f); // nothing written past n
                        for (int d = 0; d < hd; ++d) {
                            double ref = 0, mag = 0;
                            for (int j = 0; j < n; ++j) {
                                const double t = static_cast<double>(p[i][j]) * vals[static_cast<size_t>(j)][d];
                                ref += t, mag += std::abs(t);
                            }
                            err_o = std::max(err_o, std::abs(ref - o[i][d]) / mag);
                        }
                    }
                    QVERIFY2(err_s < 2e-6, qPrintable(QString("hd %1 n %2 nq %3: logit error %4").arg(hd).arg(n).arg(nq).arg(err_s)));
                    QVERIFY2(err_o < 2e-6, qPrintable(QString("hd %1 n %2 nq %3: output error %4").arg(hd).arg(n).arg(nq).arg(err_o)));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestAttentionTile)
#include "tst_attention_tile.moc"

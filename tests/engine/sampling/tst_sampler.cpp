// Sampling: greedy is argmax; a seed makes runs reproducible; top-k/top-p restrict the support;
// the repetition penalty lowers seen tokens; the draw follows the softmax distribution.
#include "sampling/sampler.h"
#include "test_env.h"

#include <cmath>
#include <map>

using namespace quire;

class TestSampler : public QObject {
    Q_OBJECT
private slots:
    void greedyIsArgmax() {
        Sampler s({});
        std::vector<float> l{0.1f, 3.0f, -1.0f, 2.9f};
        QCOMPARE(s.sample(l, {}), 1);
    }
    void seedReproducible() {
        SamplerParams p;
        p.temperature = 1.0f;
        p.top_k = 0;
        p.top_p = 1.0f;
        p.seed = 42;
        std::vector<float> base(50);
        for (size_t i = 0; i < base.size(); ++i) base[i] = std::sin(static_cast<float>(i));
        Sampler a(p), b(p);
        for (int i = 0; i < 100; ++i) {
            auto l1 = base, l2 = base;
            QCOMPARE(a.sample(l1, {}), b.sample(l2, {}));
        }
    }
    void topKAndTopPRestrictSupport() {
        SamplerParams p;
        p.temperature = 1.0f;
        p.top_k = 2;
        p.top_p = 1.0f;
        Sampler s(p);
        std::vector<float> base{0.0f, 1.0f, 5.0f, 4.9f, -2.0f};
        for (int i = 0; i < 200; ++i) {
            auto l = base;
            const int id = s.sample(l, {});
            QVERIFY(id == 2 || id == 3);
        }
        p.top_k = 0;
        p.top_p = 0.5f; // token 2 alone holds 51.8% of the softmax of {0, 1, 5, 4.9, -2}
        Sampler s2(p);
        for (int i = 0; i < 200; ++i) {
            auto l = base;
            QCOMPARE(s2.sample(l, {}), 2);
        }
    }
    void distributionFollowsSoftmax() {
        SamplerParams p;
        p.temperature = 1.0f;
        p.top_k = 0;
        p.top_p = 1.0f;
        p.seed = 7;
        Sampler s(p);
        const std::vector<float> base{0.0f, std::log(2.0f), std::log(3.0f)}; // probabilities 1:2:3
        std::map<int, int> counts;
        const int n = 60000;
        for (int i = 0; i < n; ++i) {
            auto l = base;
            counts[s.sample(l, {})]++;
        }
        for (int k = 0; k < 3; ++k) {
            const double expected = (k + 1) / 6.0;
            QVERIFY2(std::abs(counts[k] / double(n) - expected) < 0.01, qPrintable(QString("token %1: %2").arg(k).arg(counts[k] / double(n))));
        }
    }
    void repetitionPenalty() {
        SamplerParams p;
        p.repeat_penalty = 2.0f;
        Sampler s(p);
        std::vector<float> l{1.0f, 1.5f, -1.0f};
        QCOMPARE(s.sample(l, {1}), 0); // 1.5 / 2 = 0.75 < 1.0
        QCOMPARE(l[1], 0.75f);
        std::vector<float> neg{-1.0f, -0.5f};
        s.sample(neg, {0});
        QCOMPARE(neg[0], -2.0f);
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"

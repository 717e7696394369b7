// The retrieval heatmap with a 1M-token book's shape (32 layers x 8,000 blocks): drawing a step
// stays well under a frame budget, columns narrower than a pixel aggregate their blocks (a
// selected block still shows), hit-testing maps pixels back to blocks, and the step selector
// and score switch follow the model.
#include "heatmap_view.h"
#include "retrieval_model.h"

#include <QElapsedTimer>
#include <QtTest>

#include <random>

using namespace quire;
using namespace quire::ui;

namespace {
app::RetrievalFramePtr frame(int index, int layers, int blocks, std::mt19937 & g) {
    RetrievalStep s;
    s.index = index;
    s.kind = index == 0 ? StepKind::QUESTION : StepKind::TOKEN;
    std::normal_distribution<float> d(0.0f, 50.0f);
    std::uniform_int_distribution<int> pick(0, blocks - 1);
    for (int l = 0; l < layers; ++l) {
        BlockScores b;
        for (int i = 0; i < blocks; ++i) {
            b.s_h.push_back(d(g));
            b.s_q.push_back(d(g));
            b.combined.push_back(b.s_h.back() + b.s_q.back());
        }
        for (int k = 0; k < 8; ++k) b.selected.push_back(pick(g));
        s.layers.push_back(b);
    }
    return app::retrieval_frame(s);
}
} // namespace

class TstHeatmap : public QObject {
    Q_OBJECT
private slots:
    void largeBookDrawsFast() {
        std::mt19937 g(5);
        RetrievalModel model;
        for (int i = 0; i < 6; ++i) model.append(frame(i, 32, 8000, g));
        HeatmapView view(&model);
        view.resize(900, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QElapsedTimer t;
        qint64 worst = 0;
        for (int s = 0; s < model.step_count(); ++s) {
            model.set_step(s);
            t.start();
            view.repaint();
            worst = std::max(worst, t.elapsed());
        }
        model.set_score_kind(ScoreKind::Question);
        t.start();
        view.repaint();
        worst = std::max(worst, t.elapsed());
        qInfo("32 layers x 8,000 blocks: slowest repaint %lld ms", static_cast<long long>(worst));
        QVERIFY2(worst < 250, "drawing a step of a 1M-token book is too slow"); // ~10 ms in a release build
    }

    void aggregatedColumnsKeepSelections() {
        std::mt19937 g(6);
        RetrievalModel model;
        model.append(frame(0, 4, 5000, g));
        HeatmapView view(&model);
        view.resize(400, 200); // ~13 blocks per pixel column
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage img = view.grab().toImage();
        const auto * f = model.frame();
        for (int l = 0; l < f->n_layers; ++l)
            for (int b : f->selected[static_cast<size_t>(l)]) {
                const QRect c = view.cell_rect(l, b);
                QCOMPARE(view.block_at(c.center()), b); // a click on the column picks the selected block

                QVERIFY2(img.pixelColor(c.center() * img.devicePixelRatio()) == HeatmapView::outline_color(),
                         qPrintable(QString("layer %1 block %2 cell %3,%4 %5x%6 dpr %7").arg(l).arg(b).arg(c.x()).arg(c.y()).arg(c.width()).arg(c.height()).arg(img.devicePixelRatio())));
            }
        const int per_px = 5000 / view.plot_rect().width() + 1; // blocks in one pixel column
        QVERIFY(view.block_at(view.plot_rect().topLeft()) < per_px);
        QVERIFY(view.block_at(view.plot_rect().bottomRight()) >= 5000 - per_px);
        QCOMPARE(view.block_at(QPoint(0, 0)), -1);
    }

    void stepsAndLabels() {
        std::mt19937 g(7);
        RetrievalModel model;
        QSignalSpy steps(&model, &RetrievalModel::steps_changed);
        for (int i = 0; i < 3; ++i) model.append(frame(i, 2, 10, g));
        QCOMPARE(steps.count(), 3);
        QCOMPARE(model.step(), 2); // follows the newest
        QCOMPARE(model.step_label(0), QString("question"));
        QCOMPARE(model.step_label(2), QString("token 2"));
        model.set_step(0);
        model.append(frame(3, 2, 10, g));
        QCOMPARE(model.step(), 0); // stays where the user put it
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 10);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.frame());
    }
};

QTEST_MAIN(TstHeatmap)
#include "tst_heatmap.moc"

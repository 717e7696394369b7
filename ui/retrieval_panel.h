// The retrieval panel: the heatmap with its controls: the score shown (s(B,H), s(B,Q) or the
// combined s(B)), the step (the question, then each generated token; Play animates them), and a
// legend with the colour scale. Hovering a block previews its passage (through a provider the
// window sets); clicking one asks the reader to show it.
#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace quire::ui {

class HeatmapView;
class RetrievalModel;

class RetrievalPanel : public QWidget {
    Q_OBJECT
public:
    explicit RetrievalPanel(RetrievalModel * model, QWidget * parent = nullptr);
    HeatmapView * heatmap() const { return view_; }
    RetrievalModel * model() const { return model_; }
    void set_passage_provider(std::function<QString(int block)> f) { passage_ = std::move(f); }
    bool playing() const;

public slots:
    void play(bool on);

signals:
    void block_clicked(int block);

private:
    void sync_steps();
    RetrievalModel * model_;
    HeatmapView * view_;
    QComboBox * kind_;
    QSlider * step_;
    QLabel * step_label_, * legend_lo_, * legend_hi_;
    QToolButton * play_;
    QTimer * timer_;
    std::function<QString(int)> passage_;
};

} // namespace quire::ui

#include "retrieval_panel.h"

#include "heatmap_view.h"
#include "retrieval_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace quire::ui {

namespace {

// The colour scale as a horizontal bar.
class LegendBar : public QWidget {
public:
    using QWidget::QWidget;
    QSize sizeHint() const override { return {160, 10}; }
protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        QLinearGradient g(rect().topLeft(), rect().topRight());
        for (int i = 0; i <= 8; ++i) g.setColorAt(i / 8.0, HeatmapView::color_for(i / 8.0));
        p.fillRect(rect(), g);
    }
};

} // namespace

RetrievalPanel::RetrievalPanel(RetrievalModel * model, QWidget * parent) : QWidget(parent), model_(model) {
    view_ = new HeatmapView(model_, this);
    kind_ = new QComboBox(this);
    kind_->addItem(tr("Combined s(B)"), static_cast<int>(ScoreKind::Combined));
    kind_->addItem(tr("History s(B,H)"), static_cast<int>(ScoreKind::History));
    kind_->addItem(tr("Question s(B,Q)"), static_cast<int>(ScoreKind::Question));
    kind_->setToolTip(tr("Which score colours the cells: the block's match with the current tokens, with the question, or both combined"));
    step_ = new QSlider(Qt::Horizontal, this);
    step_->setRange(0, 0);
    step_->setEnabled(false);
    step_label_ = new QLabel(this);
    step_label_->setMinimumWidth(80);
    play_ = new QToolButton(this);
    play_->setCheckable(true);
    play_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    play_->setToolTip(tr("Play the steps"));
    timer_ = new QTimer(this);
    timer_->setInterval(250);
    legend_lo_ = new QLabel(this);
    legend_hi_ = new QLabel(this);
    auto * legend = new LegendBar(this);
    legend->setToolTip(tr("Colour scale of the shown score over this step; outlined cells were selected"));

    auto * controls = new QHBoxLayout;
    controls->addWidget(kind_);
    controls->addWidget(play_);
    controls->addWidget(step_, 1);
    controls->addWidget(step_label_);
    auto * scale = new QHBoxLayout;
    scale->addWidget(legend_lo_);
    scale->addWidget(legend, 1);
    scale->addWidget(legend_hi_);
    auto * outline = new QLabel(tr("<span style='color:%1'>&#9633;</span> selected").arg(HeatmapView::outline_color().name()), this);
    scale->addWidget(outline);
    auto * lay = new QVBoxLayout(this);
    lay->setContentsMargins(4, 4, 4, 4);
    lay->addLayout(controls);
    lay->addWidget(view_, 1);
    lay->addLayout(scale);

    connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
        model_->set_score_kind(static_cast<ScoreKind>(kind_->currentData().toInt()));
        sync_steps();
    });
    connect(step_, &QSlider::valueChanged, model_, &RetrievalModel::set_step);
    connect(model_, &RetrievalModel::steps_changed, this, &RetrievalPanel::sync_steps);
    connect(model_, &RetrievalModel::step_changed, this, &RetrievalPanel::sync_steps);
    connect(play_, &QToolButton::toggled, this, &RetrievalPanel::play);
    connect(timer_, &QTimer::timeout, this, [this] {
        if (model_->step() + 1 >= model_->step_count()) return play(false);
        model_->set_step(model_->step() + 1);
    });
    connect(view_, &HeatmapView::block_clicked, this, &RetrievalPanel::block_clicked);
    connect(view_, &HeatmapView::block_hovered, this, [this](int block, int layer, const QPoint & pos) {
        const auto * f = model_->frame();
        if (!f) return;
        QString tip = tr("Block %1, layer %2: %3").arg(block).arg(layer).arg(f->score(static_cast<int>(model_->score_kind()), layer, block), 0, 'g', 4);
        if (f->is_selected(layer, block)) tip += f->is_anchor(block) ? tr(" (selected by word match)") : tr(" (selected)");
        if (passage_) {
            const QString text = passage_(block);
            if (!text.isEmpty()) tip += "\n\n" + text;
        }
        QToolTip::showText(pos, tip, view_);
    });
    sync_steps();
}

bool RetrievalPanel::playing() const { return timer_->isActive(); }

void RetrievalPanel::play(bool on) {
    if (on && model_->step_count() > 0) {
        if (model_->step() + 1 >= model_->step_count()) model_->set_step(0);
        timer_->start();
    } else {
        timer_->stop();
    }
    const QSignalBlocker b(play_);
    play_->setChecked(timer_->isActive());
    play_->setIcon(style()->standardIcon(timer_->isActive() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void RetrievalPanel::sync_steps() {
    const int n = model_->step_count();
    {
        const QSignalBlocker b(step_);
        step_->setRange(0, std::max(0, n - 1));
        step_->setValue(std::max(0, model_->step()));
    }
    step_->setEnabled(n > 1);
    step_label_->setText(n ? tr("%1 (%2 of %3)").arg(model_->step_label(model_->step())).arg(model_->step() + 1).arg(n) : tr("no steps"));
    legend_lo_->setText(tr("low"));
    legend_hi_->setText(tr("high"));
    const QString range = tr("Each layer is coloured from its lowest to its highest score; over all layers this step's scores run from %1 to %2.")
                              .arg(model_->min_score(), 0, 'g', 3)
                              .arg(model_->max_score(), 0, 'g', 3);
    legend_lo_->setToolTip(range);
    legend_hi_->setToolTip(range);
}

} // namespace quire::ui

#include "heatmap_view.h"

#include "retrieval_model.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <array>
#include <vector>
#include <cmath>

namespace quire::ui {

namespace {
constexpr int kLeft = 34, kBottom = 16, kTop = 4, kRight = 4; // axis margins
}

HeatmapView::HeatmapView(RetrievalModel * model, QWidget * parent) : QWidget(parent), model_(model) {
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setToolTip(tr("Retrieval heatmap: rows are layers, columns memory blocks; outlined cells are the blocks a layer attended. Click a block to see its passage."));
    connect(model_, &QAbstractItemModel::modelReset, this, &HeatmapView::invalidate);
    connect(model_, &QAbstractItemModel::layoutChanged, this, &HeatmapView::invalidate);
    connect(model_, &QAbstractItemModel::dataChanged, this, &HeatmapView::invalidate);
}

void HeatmapView::invalidate() {
    dirty_ = true;
    update();
}

QRect HeatmapView::plot_rect() const { return rect().adjusted(kLeft, kTop, -kRight, -kBottom); }

int HeatmapView::block_at(const QPoint & p) const {
    const auto * f = model_->frame();
    const QRect r = plot_rect();
    if (!f || f->n_blocks == 0 || !r.contains(p)) return -1;
    const int B = f->n_blocks, W = r.width(), x = p.x() - r.left();
    if (B <= W) return std::clamp(static_cast<int>((x + 0.5) * B / W), 0, B - 1);
    // An aggregated column: the block that gave it its look at this layer (a selected one,
    // else the highest score), so that a click lands on what the eye picked.
    const int b0 = static_cast<int>((static_cast<int64_t>(x) * B + W - 1) / W);
    const int b1 = std::min(B, std::max(b0 + 1, static_cast<int>((static_cast<int64_t>(x + 1) * B + W - 1) / W)));
    const int l = std::max(0, layer_at(p));
    const int kind = static_cast<int>(model_->score_kind());
    int best = b0;
    for (int b = b0; b < b1; ++b) {
        if (f->is_selected(l, b)) return b;
        if (f->score(kind, l, b) > f->score(kind, l, best)) best = b;
    }
    return best;
}

int HeatmapView::layer_at(const QPoint & p) const {
    const auto * f = model_->frame();
    const QRect r = plot_rect();
    if (!f || f->n_layers == 0 || !r.contains(p)) return -1;
    return std::clamp(static_cast<int>(static_cast<double>(p.y() - r.top()) * f->n_layers / r.height()), 0, f->n_layers - 1);
}

QRect HeatmapView::cell_rect(int layer, int block) const {
    const auto * f = model_->frame();
    const QRect r = plot_rect();
    if (!f || f->n_blocks == 0 || f->n_layers == 0) return {};
    const int x0 = r.left() + static_cast<int>(std::floor(static_cast<double>(block) * r.width() / f->n_blocks));
    int x1 = r.left() + static_cast<int>(std::floor(static_cast<double>(block + 1) * r.width() / f->n_blocks));
    x1 = std::max(x1, x0 + 1);
    const int y0 = r.top() + static_cast<int>(std::floor(static_cast<double>(layer) * r.height() / f->n_layers));
    const int y1 = std::max(y0 + 1, r.top() + static_cast<int>(std::floor(static_cast<double>(layer + 1) * r.height() / f->n_layers)));
    return QRect(QPoint(x0, y0), QPoint(x1 - 1, y1 - 1));
}

// Viridis, sampled at 9 stops and interpolated.
QColor HeatmapView::color_for(double t) {
    static const std::array<std::array<int, 3>, 9> stops = {{{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
                                                              {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {253, 231, 37}}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * (stops.size() - 1);
    const size_t i = std::min(static_cast<size_t>(t), stops.size() - 2);
    const double u = t - static_cast<double>(i);
    auto mix = [&](int c) { return static_cast<int>(std::lround(stops[i][static_cast<size_t>(c)] * (1 - u) + stops[i + 1][static_cast<size_t>(c)] * u)); };
    return QColor(mix(0), mix(1), mix(2));
}

QImage HeatmapView::render(const QSize & size) const {
    QImage img(size, QImage::Format_RGB32);
    img.fill(palette().color(QPalette::Base));
    const auto * f = model_->frame();
    if (!f || f->n_layers == 0 || f->n_blocks == 0 || size.isEmpty()) return img;
    const int kind = static_cast<int>(model_->score_kind());
    const int W = size.width(), H = size.height(), L = f->n_layers, B = f->n_blocks;
    const bool aggregate = B > W;
    const int cols = aggregate ? W : B;
    const QRgb outline = outline_color().rgb();
    std::vector<float> row(static_cast<size_t>(B));
    std::vector<char> sel_row(static_cast<size_t>(B));
    for (int l = 0; l < L; ++l) {
        for (int b = 0; b < B; ++b) row[static_cast<size_t>(b)] = f->score(kind, l, b);
        std::fill(sel_row.begin(), sel_row.end(), 0);
        for (int b : f->selected[static_cast<size_t>(l)])
            if (b >= 0 && b < B) sel_row[static_cast<size_t>(b)] = 1;
        // Each layer on its own scale: layers' scores differ by orders of magnitude.
        const auto [mn, mx] = std::minmax_element(row.begin(), row.end());
        const float lo = *mn, hi = *mx;
        const double span = hi > lo ? hi - lo : 1.0;
        const int y0 = l * H / L, y1 = std::max(y0 + 1, (l + 1) * H / L);
        for (int c = 0; c < cols; ++c) {
            // Blocks [b0, b1) of this column (one block unless aggregated): those b with
            // c <= b * W / B < c + 1, the same rounding as cell_rect.
            const int b0 = aggregate ? static_cast<int>((static_cast<int64_t>(c) * B + W - 1) / W) : c;
            const int b1 = aggregate ? std::max(b0 + 1, static_cast<int>((static_cast<int64_t>(c + 1) * B + W - 1) / W)) : c + 1;
            float best = -INFINITY;
            bool sel = false;
            for (int b = b0; b < b1; ++b) {
                best = std::max(best, row[static_cast<size_t>(b)]);
                sel = sel || sel_row[static_cast<size_t>(b)];
            }
            const QRgb fill = color_for((best - lo) / span).rgb();
            const int x0 = aggregate ? c : static_cast<int>(static_cast<int64_t>(c) * W / B);
            const int x1 = aggregate ? c + 1 : std::max(x0 + 1, static_cast<int>(static_cast<int64_t>(c + 1) * W / B));
            for (int y = y0; y < y1 && y < H; ++y) {
                QRgb * line = reinterpret_cast<QRgb *>(img.scanLine(y));
                for (int x = x0; x < x1 && x < W; ++x) {
                    // Selected cells: an outline where the cell is wide and tall enough, else all of it.
                    const bool edge = x == x0 || x == x1 - 1 || y == y0 || y == y1 - 1;
                    const bool roomy = x1 - x0 >= 4 && y1 - y0 >= 4;
                    line[x] = sel && (!roomy || edge) ? outline : fill;
                }
            }
        }
    }
    return img;
}

void HeatmapView::paintEvent(QPaintEvent *) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    const QRect r = plot_rect();
    if (dirty_ || cache_.size() != r.size()) {
        cache_ = render(r.size());
        dirty_ = false;
    }
    p.drawImage(r.topLeft(), cache_);
    const auto * f = model_->frame();
    p.setPen(palette().color(QPalette::WindowText));
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    p.setFont(small);
    if (!f || f->n_layers == 0) {
        p.drawText(rect(), Qt::AlignCenter, tr("Ask a question to see which memory blocks each layer retrieves."));
        return;
    }
    // Axes: a few layer numbers on the left, block numbers at the ends.
    const int step = std::max(1, f->n_layers / 6);
    for (int l = 0; l < f->n_layers; l += step) {
        const QRect c = cell_rect(l, 0);
        p.drawText(QRect(0, c.top(), kLeft - 4, std::max(c.height(), 12)), Qt::AlignRight | Qt::AlignTop, QString::number(l));
    }
    const QList<DocumentColumns> & docs = model_->documents();
    if (docs.size() > 1) { // a shelf: its documents side by side, a line between two, each named under its blocks
        for (int d = 0; d < docs.size(); ++d) {
            const int b0 = std::clamp(docs[d].first_block, 0, f->n_blocks), b1 = d + 1 < docs.size() ? std::clamp(docs[d + 1].first_block, 0, f->n_blocks) : f->n_blocks;
            const int x0 = b0 < f->n_blocks ? cell_rect(0, b0).left() : r.right(), x1 = b1 < f->n_blocks ? cell_rect(0, b1).left() : r.right();
            if (d > 0) {
                p.setPen(QPen(palette().color(QPalette::WindowText), 2));
                p.drawLine(x0, r.top(), x0, r.bottom());
                p.setPen(palette().color(QPalette::WindowText));
            }
            const QRect label(x0 + 2, r.bottom() + 2, std::max(0, x1 - x0 - 4), kBottom - 2);
            p.drawText(label, Qt::AlignHCenter | Qt::AlignTop, p.fontMetrics().elidedText(docs[d].title, Qt::ElideRight, label.width()));
        }
    } else {
        p.drawText(QRect(r.left(), r.bottom() + 2, 80, kBottom - 2), Qt::AlignLeft | Qt::AlignTop, tr("block 0"));
        p.drawText(QRect(r.right() - 120, r.bottom() + 2, 120, kBottom - 2), Qt::AlignRight | Qt::AlignTop, tr("block %1").arg(f->n_blocks - 1));
    }
    if (hover_block_ >= 0) {
        const QRect top = cell_rect(0, hover_block_), bottom = cell_rect(f->n_layers - 1, hover_block_);
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(top.topLeft(), bottom.bottomRight()).adjusted(-1, -1, 0, 0));
    }
}

void HeatmapView::mouseMoveEvent(QMouseEvent * e) {
    const int b = block_at(e->position().toPoint());
    if (b != hover_block_) {
        hover_block_ = b;
        update();
        if (b >= 0) emit block_hovered(b, layer_at(e->position().toPoint()), e->globalPosition().toPoint());
    }
}

void HeatmapView::mousePressEvent(QMouseEvent * e) {
    const int b = block_at(e->position().toPoint());
    if (e->button() == Qt::LeftButton && b >= 0) emit block_clicked(b);
}

void HeatmapView::leaveEvent(QEvent *) {
    hover_block_ = -1;
    update();
}

} // namespace quire::ui

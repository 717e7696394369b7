// The retrieval heatmap: layers (rows) x memory blocks (columns) of a RetrievalModel, coloured by
// score on a perceptual scale (each layer from its lowest to its highest score: layers differ by
// orders of magnitude), the blocks each layer selected outlined. When blocks are narrower
// than a pixel (thousands of blocks: a 1M-token book has ~8,000), each pixel column aggregates
// its blocks (the highest score, outlined if any was selected), so drawing costs pixels, not
// blocks; the picture is cached per step, score kind and size. Hovering a cell reports its block
// (the panel previews the passage); clicking reports it for the reader to jump to.
#pragma once

#include <QImage>
#include <QWidget>

namespace quire::ui {

class RetrievalModel;

class HeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit HeatmapView(RetrievalModel * model, QWidget * parent = nullptr);

    // The cell area (widget coordinates) and the block and layer under a point (-1 outside).
    QRect plot_rect() const;
    int block_at(const QPoint & p) const;
    int layer_at(const QPoint & p) const;
    // The rectangle of a cell (or of the pixel column holding it when blocks are aggregated).
    QRect cell_rect(int layer, int block) const;
    static QColor color_for(double t); // t in [0, 1]
    static QColor outline_color() { return QColor(255, 64, 64); }

    QSize sizeHint() const override { return {420, 260}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

signals:
    void block_hovered(int block, int layer, const QPoint & global_pos);
    void block_clicked(int block);

protected:
    void paintEvent(QPaintEvent *) override;
    void mouseMoveEvent(QMouseEvent * e) override;
    void mousePressEvent(QMouseEvent * e) override;
    void leaveEvent(QEvent *) override;

private:
    void invalidate();
    QImage render(const QSize & size) const;
    RetrievalModel * model_;
    QImage cache_;
    bool dirty_ = true;
    int hover_block_ = -1;
};

} // namespace quire::ui

// Draws Quire's application icon at the standard sizes (16 to 512 pixels) with QPainter, so the
// PNGs in this folder come from one vector drawing: an open book over a strip of memory blocks,
// a few of them lit as the lookup selects them.
//   build the target quire_draw_icon, then: quire_draw_icon resources/icons
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

static void draw(QPainter & p, double s) {
    p.setRenderHint(QPainter::Antialiasing);
    // Rounded square, deep teal.
    QLinearGradient bg(0, 0, 0, s);
    bg.setColorAt(0, QColor(20, 92, 110));
    bg.setColorAt(1, QColor(12, 56, 72));
    p.setPen(Qt::NoPen);
    p.setBrush(bg);
    p.drawRoundedRect(QRectF(0.04 * s, 0.04 * s, 0.92 * s, 0.92 * s), 0.2 * s, 0.2 * s);
    // The open book: two pages meeting at the spine.
    auto page = [&](bool left) {
        QPainterPath path;
        const double x0 = 0.5 * s, x1 = left ? 0.16 * s : 0.84 * s, top = 0.22 * s, bottom = 0.62 * s;
        path.moveTo(x0, top + 0.04 * s);
        path.cubicTo(x0 + (x1 - x0) * 0.4, top - 0.02 * s, x1 - (x1 - x0) * 0.2, top, x1, top + 0.02 * s);
        path.lineTo(x1, bottom);
        path.cubicTo(x1 - (x1 - x0) * 0.2, bottom - 0.02 * s, x0 + (x1 - x0) * 0.4, bottom - 0.04 * s, x0, bottom + 0.02 * s);
        path.closeSubpath();
        p.setBrush(QColor(250, 247, 238));
        p.drawPath(path);
        // Lines of text.
        if (s >= 32) {
            p.setPen(QPen(QColor(150, 160, 165), std::max(1.0, s / 90)));
            for (int i = 0; i < 4; ++i) {
                const double y = top + 0.09 * s + i * 0.08 * s;
                const double a = x0 + (x1 - x0) * 0.15, b = x0 + (x1 - x0) * 0.85;
                p.drawLine(QPointF(a, y), QPointF(b, y));
            }
            p.setPen(Qt::NoPen);
        }
    };
    page(true);
    page(false);
    // Memory blocks: a strip of cells, three of them selected (bright).
    const int n = 6;
    const double w = 0.68 * s / n, y = 0.71 * s, h = 0.12 * s;
    const QColor dim(38, 130, 142), lit(253, 231, 37);
    for (int i = 0; i < n; ++i) {
        const bool on = i == 1 || i == 4;
        p.setBrush(on ? lit : dim);
        p.drawRoundedRect(QRectF(0.16 * s + i * w + 0.01 * s, y, w - 0.02 * s, h), 0.02 * s, 0.02 * s);
    }
}

int main(int argc, char ** argv) {
    QGuiApplication app(argc, argv);
    const QString out = argc > 1 ? argv[1] : ".";
    QDir().mkpath(out);
    for (int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        QImage img(size, size, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::transparent);
        QPainter p(&img);
        draw(p, size);
        p.end();
        img.save(QDir(out).filePath(QString("quire-%1.png").arg(size)));
    }
    return 0;
}

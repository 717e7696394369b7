// What the document tests share (tst_document, tst_pdf): PDFs written by Qt's PDF writer with
// known words at known places, files of given bytes, the status a document opens with, and a
// word's box on a page.
#pragma once

#include "quire.h"

#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QtTest>

#include <vector>

namespace quire::test {

// Points: the writer at 72 dpi draws in PDF units; text is placed by its baseline.
struct Text {
    int page;
    double x, y;
    QString s;
};

inline QString write_pdf(const QString & path, const std::vector<Text> & texts, int pages, bool rectangles_only = false) {
    QPdfWriter w(path);
    w.setResolution(72);
    w.setPageSize(QPageSize(QPageSize::A4));
    w.setPageMargins(QMarginsF(0, 0, 0, 0));
    w.setTitle("Quire Test Document");
    QPainter p(&w);
    QFont f("DejaVu Sans");
    f.setPixelSize(12);
    p.setFont(f);
    for (int pg = 0; pg < pages; ++pg) {
        if (pg) w.newPage();
        if (rectangles_only) p.fillRect(QRectF(50, 50, 200, 100), Qt::black);
        for (const auto & t : texts)
            if (t.page == pg) p.drawText(QPointF(t.x, t.y), t.s);
    }
    p.end();
    return path;
}

inline void write_bytes(const QString & path, const QByteArray & b) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(b);
}

inline Status open_status(const std::string & path, const std::string & password = {}, std::string * message = nullptr) {
    try {
        document_open(path, password);
        return Status::OK;
    } catch (const Error & e) {
        if (message) *message = e.what();
        return e.status();
    }
}

inline const Word * find_word(const Page & p, const std::string & w) {
    for (const auto & x : p.words)
        if (p.text.compare(static_cast<size_t>(x.start), static_cast<size_t>(x.len), w) == 0) return &x;
    return nullptr;
}

} // namespace quire::test

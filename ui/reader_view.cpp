#include "reader_view.h"

#include "markdown_map.h"
#include "styled_text.h"

#include "quire.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace quire::ui {

// Draws PDF pages on its own thread; only the newest request's picture is delivered.
class PageRenderWorker : public QObject {
    Q_OBJECT
public:
    void open(const QString & path, const QString & password) {
        try {
            r_ = std::make_unique<PdfRenderer>(path.toStdString(), password.toStdString());
        } catch (const std::exception & e) {
            r_.reset();
            emit failed(QString::fromStdString(e.what()));
        }
    }
    void render(int page, double dpi, int generation) {
        if (!r_) return;
        try {
            const PageImage img = r_->render(page, dpi);
            QImage q(reinterpret_cast<const uchar *>(img.argb.data()), img.width, img.height, img.width * 4, QImage::Format_ARGB32);
            emit rendered(q.copy(), page, generation, img.scale);
        } catch (const std::exception & e) {
            emit failed(QString::fromStdString(e.what()));
        }
    }
signals:
    void rendered(const QImage & img, int page, int generation, double scale);
    void failed(const QString & message);

private:
    std::unique_ptr<PdfRenderer> r_;
};

// A page picture with highlight boxes (in PDF points) over it.
class PageCanvas : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    void set_image(const QImage & img, double scale) {
        img_ = img;
        scale_ = scale;
        setFixedSize(img.size() / devicePixelRatioF());
        update();
    }
    void clear() {
        img_ = QImage();
        update();
    }
    void set_boxes(const QList<QRectF> & b) {
        boxes_ = b;
        update();
    }
    bool ready() const { return !img_.isNull(); }
    QRectF to_widget(const QRectF & pts) const {
        const double s = scale_ / devicePixelRatioF();
        return QRectF(pts.x() * s, pts.y() * s, pts.width() * s, pts.height() * s);
    }

protected:
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        if (img_.isNull()) {
            p.drawText(rect(), Qt::AlignCenter, tr("Drawing the page…"));
            return;
        }
        p.drawImage(rect(), img_);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 200, 0, 110));
        for (const QRectF & b : boxes_) p.drawRect(to_widget(b).adjusted(-1, -1, 1, 1));
    }

private:
    QImage img_;
    double scale_ = 1;
    QList<QRectF> boxes_;
};

ReaderView::ReaderView(QWidget * parent) : QWidget(parent) {
    stack_ = new QStackedWidget(this);
    scroll_ = new QScrollArea(this);
    canvas_ = new PageCanvas;
    scroll_->setWidget(canvas_);
    scroll_->setAlignment(Qt::AlignHCenter);
    scroll_->setBackgroundRole(QPalette::Dark);
    text_ = new QTextBrowser(this);
    text_->setOpenLinks(false);
    stack_->addWidget(scroll_);
    stack_->addWidget(text_);

    auto * prev = new QToolButton(this);
    prev->setArrowType(Qt::LeftArrow);
    prev->setToolTip(tr("Previous page (Page Up)"));
    prev->setShortcut(QKeySequence::MoveToPreviousPage);
    auto * next = new QToolButton(this);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(tr("Next page (Page Down)"));
    next->setShortcut(QKeySequence::MoveToNextPage);
    page_box_ = new QSpinBox(this);
    page_box_->setRange(1, 1);
    page_box_->setAccessibleName(tr("Page"));
    pages_label_ = new QLabel(this);
    auto * zin = new QToolButton(this);
    zin->setText("+");
    zin->setToolTip(tr("Zoom in (Ctrl++)"));
    zin->setShortcut(QKeySequence::ZoomIn);
    auto * zout = new QToolButton(this);
    zout->setText("−");
    zout->setToolTip(tr("Zoom out (Ctrl+-)"));
    zout->setShortcut(QKeySequence::ZoomOut);
    find_ = new QLineEdit(this);
    find_->setPlaceholderText(tr("Find in document (Ctrl+F)"));
    find_->setClearButtonEnabled(true);

    auto * bar = new QHBoxLayout;
    bar->addWidget(prev);
    bar->addWidget(page_box_);
    bar->addWidget(pages_label_);
    bar->addWidget(next);
    bar->addSpacing(12);
    bar->addWidget(zout);
    bar->addWidget(zin);
    bar->addStretch(1);
    bar->addWidget(find_, 2);
    auto * lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addLayout(bar);
    lay->addWidget(stack_, 1);

    connect(prev, &QToolButton::clicked, this, [this] { show_page(page_ - 1); });
    connect(next, &QToolButton::clicked, this, [this] { show_page(page_ + 1); });
    connect(page_box_, &QSpinBox::valueChanged, this, [this](int v) { show_page(v - 1); });
    connect(zin, &QToolButton::clicked, this, &ReaderView::zoom_in);
    connect(zout, &QToolButton::clicked, this, &ReaderView::zoom_out);
    connect(find_, &QLineEdit::returnPressed, this, [this] {
        if (!find_next(find_->text())) emit status(tr("“%1” was not found").arg(find_->text()));
    });

    renderer_ = new PageRenderWorker;
    renderer_->moveToThread(&render_thread_);
    connect(&render_thread_, &QThread::finished, renderer_, &QObject::deleteLater);
    connect(renderer_, &PageRenderWorker::rendered, this, [this](const QImage & img, int page, int generation, double scale) {
        if (generation != generation_ || page != page_) return; // an older request
        QImage hi = img;
        hi.setDevicePixelRatio(devicePixelRatioF());
        canvas_->set_image(hi, scale);
        canvas_->set_boxes(highlight_boxes());
        if (!highlight_boxes().isEmpty()) scroll_->ensureVisible(static_cast<int>(canvas_->to_widget(highlight_boxes().front()).center().x()),
                                                                 static_cast<int>(canvas_->to_widget(highlight_boxes().front()).center().y()), 40, 120);
    });
    connect(renderer_, &PageRenderWorker::failed, this, &ReaderView::status);
    render_thread_.start();
    clear();
}

ReaderView::~ReaderView() {
    render_thread_.quit();
    render_thread_.wait();
}

void ReaderView::clear() {
    doc_.reset();
    page_ = 0;
    hl_start_ = hl_end_ = -1;
    rendered_.clear();
    canvas_->clear();
    text_->setPlainText(tr("Open a document from the library, or add one with File › Open (Ctrl+O)."));
    stack_->setCurrentWidget(text_);
    page_box_->setRange(1, 1);
    pages_label_->setText(QString());
}

void ReaderView::set_document(const app::StoredDocumentPtr & doc, const QString & pdf_path, const QString & password) {
    doc_ = doc;
    pdf_ = doc && doc->map.format == "pdf" && !pdf_path.isEmpty();
    page_ = -1;
    hl_start_ = hl_end_ = -1;
    ++generation_;
    if (pdf_) QMetaObject::invokeMethod(renderer_, [r = renderer_, pdf_path, password] { r->open(pdf_path, password); }, Qt::QueuedConnection);
    stack_->setCurrentWidget(pdf_ ? static_cast<QWidget *>(scroll_) : text_);
    {
        const QSignalBlocker b(page_box_);
        page_box_->setRange(1, std::max(1, page_count()));
    }
    pages_label_->setText(tr("of %1").arg(page_count()));
    show_page(0);
}

int ReaderView::page_count() const { return doc_ ? std::max(pages_with_text(), doc_->map.pages_total) : 0; }

int ReaderView::pages_with_text() const { return doc_ ? static_cast<int>(doc_->map.page_starts.size()) : 0; }

void ReaderView::update_document(const app::StoredDocumentPtr & doc) {
    if (!doc_ || !doc) return;
    const bool waiting = !pdf_ && page_ >= pages_with_text(); // a page shown before its text
    doc_ = doc;
    {
        const QSignalBlocker b(page_box_);
        page_box_->setRange(1, std::max(1, page_count()));
    }
    pages_label_->setText(tr("of %1").arg(page_count()));
    if (waiting && page_ < pages_with_text()) {
        const int p = page_;
        page_ = -1;
        show_page(p);
    } else if (pdf_) {
        canvas_->set_boxes(highlight_boxes());
    }
}

bool ReaderView::page_ready() const { return pdf_ ? canvas_->ready() : doc_ != nullptr; }

int ReaderView::page_of(qint64 byte) const {
    const auto & ps = doc_->map.page_starts;
    const auto it = std::upper_bound(ps.begin(), ps.end(), byte);
    return std::max(0, static_cast<int>(it - ps.begin()) - 1);
}

QList<QRectF> ReaderView::highlight_boxes() const {
    QList<QRectF> out;
    if (!doc_ || hl_start_ < 0) return out;
    const auto & words = doc_->map.words; // in text order
    auto it = std::lower_bound(words.begin(), words.end(), hl_start_, [](const MappedWord & w, qint64 at) { return w.start + w.len <= at; });
    for (; it != words.end() && it->start < hl_end_; ++it) {
        if (it->page != page_) continue;
        const QRectF r(QPointF(it->x0, it->y0), QPointF(it->x1, it->y1));
        // Words of one line merge into one band: same baseline band, the next word a space away.
        if (!out.isEmpty()) {
            QRectF & last = out.back();
            const double h = std::max(last.height(), r.height());
            const double overlap = std::min(last.bottom(), r.bottom()) - std::max(last.top(), r.top());
            if (overlap > 0.5 * h && r.left() >= last.left() && r.left() - last.right() < 1.5 * h) {
                last = last.united(r);
                continue;
            }
        }
        out << r;
    }
    return out;
}

void ReaderView::show_page(int page) {
    if (!doc_) return;
    page = std::clamp(page, 0, std::max(0, page_count() - 1));
    const bool changed = page != page_;
    page_ = page;
    {
        const QSignalBlocker b(page_box_);
        page_box_->setValue(page + 1);
    }
    if (pdf_) {
        if (changed) {
            canvas_->clear();
            request_render();
        } else {
            canvas_->set_boxes(highlight_boxes());
        }
    } else if (page >= pages_with_text()) {
        rendered_.clear();
        text_->setPlainText(tr("Page %1 is still being read; its text is shown in a moment.").arg(page + 1));
    } else {
        const auto & m = doc_->map;
        const size_t a = static_cast<size_t>(m.page_starts[static_cast<size_t>(page)]);
        const size_t b = static_cast<size_t>(page + 1) < m.page_starts.size() ? static_cast<size_t>(m.page_starts[static_cast<size_t>(page) + 1]) : m.text.size();
        if (changed) {
            const QString text = QString::fromUtf8(m.text.data() + a, static_cast<qsizetype>(b - a));
            rendered_.clear();
            if (m.format == "markdown") { // shown rendered; highlights go through the alignment
                text_->document()->setMarkdown(text);
                rendered_ = align_rendered(text, text_->document()->toPlainText());
            } else {
                text_->setPlainText(text);
                apply_styles(*text_->document(), m, static_cast<int64_t>(a), static_cast<int64_t>(b)); // an EPUB chapter's headings, emphasis, lists
            }
        }
        update_text_highlight();
    }
    if (changed) emit page_changed(page);
}

void ReaderView::request_render() {
    const double dpi = 96.0 * zoom_ * devicePixelRatioF();
    const int page = page_, gen = ++generation_;
    QMetaObject::invokeMethod(renderer_, [r = renderer_, page, dpi, gen] { r->render(page, dpi, gen); }, Qt::QueuedConnection);
}

QString ReaderView::highlighted_text() const {
    const auto sel = text_->extraSelections();
    return sel.isEmpty() ? QString() : sel.front().cursor.selectedText();
}

QString ReaderView::shown_text() const { return text_->document()->toPlainText(); }

void ReaderView::update_text_highlight() {
    QList<QTextEdit::ExtraSelection> sel;
    if (doc_ && hl_start_ >= 0 && page_of(hl_start_) <= page_ && page_of(std::max(hl_start_, hl_end_ - 1)) >= page_) {
        const auto & m = doc_->map;
        const qint64 a = m.page_starts[static_cast<size_t>(page_)];
        const qint64 s = std::max(hl_start_, a) - a, e = hl_end_ - a;
        // Byte offsets within the page to QString positions.
        const QByteArray bytes = QByteArray::fromRawData(m.text.data() + a, static_cast<qsizetype>(std::min<qint64>(e, static_cast<qint64>(m.text.size()) - a)));
        int qs = static_cast<int>(QString::fromUtf8(bytes.left(static_cast<qsizetype>(s))).size());
        int qe = static_cast<int>(QString::fromUtf8(bytes).size());
        if (!rendered_.empty()) { // Markdown: source positions to the rendered text's
            qs = rendered_[static_cast<size_t>(std::min<int>(qs, static_cast<int>(rendered_.size()) - 1))];
            qe = rendered_[static_cast<size_t>(std::min<int>(qe, static_cast<int>(rendered_.size()) - 1))];
        }
        QTextEdit::ExtraSelection x;
        x.cursor = QTextCursor(text_->document());
        x.cursor.setPosition(qs);
        x.cursor.setPosition(qe, QTextCursor::KeepAnchor);
        x.format.setBackground(QColor(255, 200, 0, 140));
        sel << x;
        QTextCursor c(text_->document());
        c.setPosition(qs);
        text_->setTextCursor(c);
        text_->ensureCursorVisible();
    }
    text_->setExtraSelections(sel);
}

void ReaderView::show_range(qint64 byte_start, qint64 byte_end, int page) {
    if (!doc_ || byte_start < 0) return;
    hl_start_ = byte_start;
    hl_end_ = std::max(byte_end, byte_start + 1);
    const int p = page >= 0 ? page : page_of(byte_start);
    if (p == page_) {
        if (pdf_) canvas_->set_boxes(highlight_boxes());
        else update_text_highlight();
    } else {
        show_page(p);
    }
}

void ReaderView::show_passage(const std::function<Passage()> & find, const QString & none, const QString & at_page) {
    if (!doc_) return;
    try {
        const Passage p = find();
        if (p.byte_start < 0) return emit status(none);
        show_range(p.byte_start, p.byte_end, p.pages.empty() ? -1 : p.pages.front());
        emit status(at_page.arg(p.pages.empty() ? page_ + 1 : p.pages.front() + 1));
    } catch (const std::exception & e) {
        emit status(QString::fromStdString(e.what()));
    }
}

void ReaderView::show_block(int block) {
    show_passage([&] { return passage_for_block(*doc_, block); }, tr("Block %1 holds no text of the document").arg(block),
                 tr("Block %1: page %2").arg(block));
}

void ReaderView::show_tokens(qint64 token_start, qint64 token_end) {
    show_passage([&] { return passage_for_tokens(*doc_, token_start, token_end); }, tr("The passage holds no text of the document"),
                 tr("Passage read again before the answer: page %1"));
}

void ReaderView::set_zoom(double z) {
    z = std::clamp(z, 0.25, 6.0);
    if (std::abs(z - zoom_) < 1e-6) return;
    zoom_ = z;
    if (pdf_) request_render();
    else {
        QFont f = text_->font();
        f.setPointSizeF(std::max(6.0, 11.0 * zoom_));
        text_->setFont(f);
    }
}

void ReaderView::start_find() {
    find_->setFocus();
    find_->selectAll();
}

bool ReaderView::find_next(const QString & text) {
    if (!doc_ || text.isEmpty()) return false;
    const std::string needle = text.toStdString(), & hay = doc_->map.text;
    auto lower = [](unsigned char c) { return static_cast<char>(c < 128 ? std::tolower(c) : c); };
    auto search = [&](size_t from) {
        auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(from), hay.end(), needle.begin(), needle.end(),
                              [&](char a, char b) { return lower(static_cast<unsigned char>(a)) == lower(static_cast<unsigned char>(b)); });
        return it == hay.end() ? std::string::npos : static_cast<size_t>(it - hay.begin());
    };
    const size_t from = hl_start_ >= 0                  ? static_cast<size_t>(hl_start_) + 1
                        : page_ < pages_with_text() ? static_cast<size_t>(doc_->map.page_starts[static_cast<size_t>(page_)])
                                                    : hay.size();
    size_t at = search(std::min(from, hay.size()));
    if (at == std::string::npos) at = search(0); // wrap
    if (at == std::string::npos) return false;
    show_range(static_cast<qint64>(at), static_cast<qint64>(at + needle.size()));
    return true;
}

} // namespace quire::ui

#include "reader_view.moc"

// The reader: the open document one page at a time: PDF pages drawn by poppler (on a worker
// thread, so the window never waits for a picture), other formats as text (one section per
// page). Zoom, page navigation, find (Ctrl+F) and highlights: a retrieved passage or a find hit
// is a byte range of the document text, shown as the boxes of its words on a PDF page or as a
// selection in the text.
#pragma once

#include "services/engine_worker.h"

#include <QImage>
#include <QPointer>
#include <QThread>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;

namespace quire::ui {

class PageCanvas;
class PageRenderWorker;

class ReaderView : public QWidget {
    Q_OBJECT
public:
    explicit ReaderView(QWidget * parent = nullptr);
    ~ReaderView() override;

    // The document to show: its map (text, pages, word boxes) and, for PDFs, the file to draw.
    void set_document(const app::StoredDocumentPtr & doc, const QString & pdf_path = {}, const QString & password = {});
    // A newer map of the document shown (it grows while the document is read: DocumentMap::
    // pages_total): the page, zoom and highlight stay; a page that was waiting for its text shows it.
    void update_document(const app::StoredDocumentPtr & doc);
    void clear();
    int page() const { return page_; }
    int page_count() const;  // the document's pages, also those whose text is still being read
    int pages_with_text() const;
    double zoom() const { return zoom_; }
    // Highlighted byte range of the document text (-1: none) and the boxes drawn for it.
    qint64 highlight_start() const { return hl_start_; }
    qint64 highlight_end() const { return hl_end_; }
    QList<QRectF> highlight_boxes() const; // PDF points on the current page
    QString highlighted_text() const;      // text pages: the highlighted words as shown (rendered Markdown too)
    QString shown_text() const;            // text pages: the page as shown
    bool page_ready() const;               // the current page's picture (PDF) or text is shown

public slots:
    void show_page(int page);       // 0-based
    // Go to the range's page (`page` if given: the first page with its words) and highlight it.
    void show_range(qint64 byte_start, qint64 byte_end, int page = -1);
    void show_block(int block);      // a memory block's passage
    void show_tokens(qint64 token_start, qint64 token_end); // the passage of these tokens of the reading
    void set_zoom(double z);
    void zoom_in() { set_zoom(zoom_ * 1.25); }
    void zoom_out() { set_zoom(zoom_ / 1.25); }
    void start_find();
    bool find_next(const QString & text); // from after the current highlight; wraps

signals:
    void page_changed(int page);
    void status(const QString & message);

private:
    // Shows the passage `find` gives (it may throw) and says where: `none` when it holds no text
    // of the document, else `at_page` with the page for its last %N.
    void show_passage(const std::function<Passage()> & find, const QString & none, const QString & at_page);
    int page_of(qint64 byte) const;
    void request_render();
    void update_text_highlight();
    app::StoredDocumentPtr doc_;
    bool pdf_ = false;
    int page_ = 0;
    double zoom_ = 1.0;
    qint64 hl_start_ = -1, hl_end_ = -1;
    std::vector<int> rendered_; // Markdown page: source character -> rendered position (markdown_map.h); empty for plain text
    int generation_ = 0;
    QStackedWidget * stack_;
    QScrollArea * scroll_;
    PageCanvas * canvas_;
    QTextBrowser * text_;
    QSpinBox * page_box_;
    QLabel * pages_label_;
    QLineEdit * find_;
    QThread render_thread_;
    PageRenderWorker * renderer_ = nullptr;
};

} // namespace quire::ui

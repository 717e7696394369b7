// The document's outline (PDF bookmarks, EPUB table of contents, Markdown headings) as a tree
// beside the library: a click shows the entry's page; the reader's page selects the section it
// lies under. Hidden for documents without one.
#pragma once

#include "quire.h"

#include <QTreeWidget>

#include <vector>

namespace quire::ui {

class OutlineView : public QTreeWidget {
    Q_OBJECT
public:
    explicit OutlineView(QWidget * parent = nullptr);
    void set_outline(const std::vector<MappedOutline> & outline);
    int entry_count() const { return static_cast<int>(items_.size()); }

public slots:
    void follow_page(int page); // 0-based: selects the entry the page lies under

signals:
    void page_clicked(int page); // 0-based

private:
    static int page_of(const QTreeWidgetItem * it); // 0-based, -1: not known
    std::vector<QTreeWidgetItem *> items_; // in document order
};

} // namespace quire::ui

#include "outline_view.h"

#include <QHeaderView>

#include <algorithm>

namespace quire::ui {

OutlineView::OutlineView(QWidget * parent) : QTreeWidget(parent) {
    setHeaderHidden(true);
    setColumnCount(1);
    setAccessibleName(tr("Outline"));
    setToolTip(tr("The document's outline: click an entry to go to its page"));
    setUniformRowHeights(true);
    // A click, or Enter on the current entry.
    const auto go = [this](QTreeWidgetItem * it) {
        if (const int page = page_of(it); page >= 0) emit page_clicked(page);
    };
    connect(this, &QTreeWidget::itemClicked, this, go);
    connect(this, &QTreeWidget::itemActivated, this, go);
    hide();
}

int OutlineView::page_of(const QTreeWidgetItem * it) { return it->data(0, Qt::UserRole).toInt(); }

void OutlineView::set_outline(const std::vector<MappedOutline> & outline) {
    clear();
    items_.clear();
    // Parents by level: an entry goes under the nearest shallower one before it.
    std::vector<QTreeWidgetItem *> open;
    for (const MappedOutline & o : outline) {
        const int level = std::max(0, o.level);
        while (!open.empty() && static_cast<int>(open.size()) > level) open.pop_back();
        auto * it = open.empty() ? new QTreeWidgetItem(this) : new QTreeWidgetItem(open.back());
        const QString title = QString::fromStdString(o.title).simplified();
        it->setText(0, title.isEmpty() ? tr("(untitled)") : title);
        it->setData(0, Qt::UserRole, o.page);
        it->setToolTip(0, o.page >= 0 ? tr("%1 — p. %2").arg(it->text(0)).arg(o.page + 1) : tr("%1 — its page is not known").arg(it->text(0)));
        if (o.page < 0) it->setFlags(it->flags() & ~Qt::ItemIsSelectable);
        open.push_back(it);
        items_.push_back(it);
    }
    expandToDepth(0);
    setVisible(!items_.empty());
}

void OutlineView::follow_page(int page) {
    QTreeWidgetItem * best = nullptr;
    int best_page = -1;
    for (QTreeWidgetItem * it : items_)
        if (const int p = page_of(it); p >= 0 && p <= page && p >= best_page) best = it, best_page = p;
    if (!best || best == currentItem()) return;
    const QSignalBlocker quiet(this);
    setCurrentItem(best);
    scrollToItem(best);
}

} // namespace quire::ui

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
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem * it) {
        const int page = it->data(0, Qt::UserRole).toInt();
        if (page >= 0) emit page_clicked(page);
    });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem * it) {
        const int page = it->data(0, Qt::UserRole).toInt();
        if (page >= 0) emit page_clicked(page);
    });
    hide();
}

void OutlineView::set_outline(const std::vector<MappedOutline> & outline) {
    clear();
    items_.clear();
    pages_.clear();
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
        pages_.push_back(o.page);
    }
    expandToDepth(0);
    setVisible(!items_.empty());
}

void OutlineView::follow_page(int page) {
    QTreeWidgetItem * best = nullptr;
    int best_page = -1;
    for (size_t i = 0; i < items_.size(); ++i)
        if (pages_[i] >= 0 && pages_[i] <= page && pages_[i] >= best_page) best = items_[i], best_page = pages_[i];
    if (!best || best == currentItem()) return;
    const QSignalBlocker quiet(this);
    setCurrentItem(best);
    scrollToItem(best);
}

} // namespace quire::ui

#include "library_model.h"

#include <algorithm>

#include "quire.h"

#include <QFileInfo>
#include <QLocale>

namespace quire::ui {

LibraryModel::LibraryModel(app::LibraryDb & db, QObject * parent) : QAbstractListModel(parent), db_(db) { refresh(); }

int LibraryModel::rowCount(const QModelIndex & parent) const { return parent.isValid() ? 0 : static_cast<int>(docs_.size()); }

QString LibraryModel::describe(const app::DocumentRecord & d, bool reading, double read_share) {
    QStringList parts;
    parts << d.format.toUpper();
    if (d.pages > 0) parts << tr("%n page(s)", nullptr, d.pages);
    if (d.tokens > 0) parts << tr("%1 tokens").arg(QLocale().toString(d.tokens));
    if (reading) parts << tr("reading…");
    else if (read_share >= 0 && d.state != app::IngestState::Ready)
        parts << tr("read %1%, resumes where it stopped").arg(static_cast<int>(100 * read_share));
    else switch (d.state) {
    case app::IngestState::New: parts << tr("not read yet"); break;
    case app::IngestState::Reading: parts << tr("interrupted"); break;
    case app::IngestState::Ready: parts << tr("ready"); break;
    case app::IngestState::Failed: parts << tr("failed"); break;
    case app::IngestState::Cancelled: parts << tr("cancelled"); break;
    }
    if (!d.model.isEmpty()) parts << QFileInfo(d.model).completeBaseName();
    return parts.join(" · ");
}

QVariant LibraryModel::data(const QModelIndex & index, int role) const {
    const auto * d = record(index.row());
    if (!d || !index.isValid()) return {};
    switch (role) {
    case Qt::DisplayRole: return d->title + "\n" + describe(*d, d->id == reading_, read_share_.value(d->id, -1.0));
    case Qt::ToolTipRole:
        return tr("%1\nAdded %2, last opened %3%4")
            .arg(d->path, QLocale().toString(d->added.toLocalTime(), QLocale::ShortFormat), QLocale().toString(d->last_opened.toLocalTime(), QLocale::ShortFormat),
                 d->error.isEmpty() ? QString() : "\n" + d->error);
    case Qt::CheckStateRole:
        if (d->state != app::IngestState::Ready || !shelf_possible()) return {};
        return checked_.contains(d->id) ? Qt::Checked : Qt::Unchecked;
    case IdRole: return d->id;
    case StateRole: return static_cast<int>(d->state);
    case PathRole: return d->path;
    default: return {};
    }
}

void LibraryModel::refresh() {
    QList<app::DocumentRecord> docs;
    try {
        docs = db_.documents();
    } catch (const app::LibraryError & e) {
        if (on_error_) on_error_(e);
        return; // the list as it was
    }
    const QList<qint64> shelf_before = shelf();
    beginResetModel();
    docs_ = std::move(docs);
    read_share_.clear();
    for (const auto & d : docs_)
        if (d.state != app::IngestState::Ready && !d.store_path.isEmpty())
            if (const auto place = checkpoint_place(d.store_path.toStdString()); place && place->total > 0)
                read_share_[d.id] = static_cast<double>(place->read) / static_cast<double>(place->total);
    endResetModel();
    if (shelf() != shelf_before) emit shelf_changed(); // a checked document removed, read again, or read for the first time
}

void LibraryModel::set_reading(qint64 id) {
    reading_ = id;
    if (!docs_.isEmpty()) emit dataChanged(index(0), index(static_cast<int>(docs_.size()) - 1));
}

int LibraryModel::row_of(qint64 id) const {
    for (int i = 0; i < docs_.size(); ++i)
        if (docs_[i].id == id) return i;
    return -1;
}

const app::DocumentRecord * LibraryModel::record(int row) const { return row >= 0 && row < docs_.size() ? &docs_[row] : nullptr; }

bool LibraryModel::shelf_possible() const {
    return std::count_if(docs_.begin(), docs_.end(), [](const app::DocumentRecord & d) { return d.state == app::IngestState::Ready; }) >= 2;
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex & index) const {
    Qt::ItemFlags f = QAbstractListModel::flags(index);
    if (const auto * d = record(index.row()); d && d->state == app::IngestState::Ready && shelf_possible()) f |= Qt::ItemIsUserCheckable;
    return f;
}

bool LibraryModel::setData(const QModelIndex & index, const QVariant & value, int role) {
    const auto * d = record(index.row());
    if (role != Qt::CheckStateRole || !d || !(flags(index) & Qt::ItemIsUserCheckable)) return false;
    set_checked(d->id, value.toInt() == Qt::Checked);
    return true;
}

void LibraryModel::set_checked(qint64 id, bool checked) {
    const QList<qint64> before = shelf();
    if (checked) checked_.insert(id);
    else checked_.remove(id);
    if (const int row = row_of(id); row >= 0) emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
    if (shelf() != before) emit shelf_changed();
}

QList<qint64> LibraryModel::shelf() const {
    QList<qint64> ids;
    for (const auto & d : docs_)
        if (d.state == app::IngestState::Ready && checked_.contains(d.id)) ids << d.id;
    return ids;
}

} // namespace quire::ui

#include "library_model.h"

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
    beginResetModel();
    docs_ = std::move(docs);
    read_share_.clear();
    for (const auto & d : docs_)
        if (d.state != app::IngestState::Ready && !d.store_path.isEmpty())
            if (const auto place = checkpoint_place(d.store_path.toStdString()); place && place->total > 0)
                read_share_[d.id] = static_cast<double>(place->read) / static_cast<double>(place->total);
    endResetModel();
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

} // namespace quire::ui

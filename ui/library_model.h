// The library as a list model: one row per document, newest opened first, with its title and a
// second line (format, pages, tokens, reading state, model); IdRole gives the library id. A
// reading that stopped before its end says how far its checkpoint got ("read 61%, resumes where
// it stopped"); the one being read now says "reading…". With two or more read documents, each has
// a check box: the checked ones make the shelf a question goes to, all of them at once.
#pragma once

#include "services/library_db.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <functional>

namespace quire::ui {

class LibraryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, PathRole };
    explicit LibraryModel(app::LibraryDb & db, QObject * parent = nullptr);

    int rowCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex & index) const override;
    bool setData(const QModelIndex & index, const QVariant & value, int role = Qt::EditRole) override;

    // Reads the library again; a library error keeps the list as it was and goes to on_error.
    void refresh();
    void set_error_handler(std::function<void(const app::LibraryError &)> f) { on_error_ = std::move(f); }
    int row_of(qint64 id) const; // -1 when absent
    const app::DocumentRecord * record(int row) const;
    // The second line; `reading`: it is being read now; `read_share`: its checkpoint's share of
    // the document, < 0 when it has none.
    static QString describe(const app::DocumentRecord & d, bool reading = false, double read_share = -1);
    void set_reading(qint64 id); // the document being read now (0: none)
    // The checked documents that are read, in the library's order (kept across refresh()).
    QList<qint64> shelf() const;
    void set_checked(qint64 id, bool checked);

signals:
    void shelf_changed();

private:
    app::LibraryDb & db_;
    QList<app::DocumentRecord> docs_;
    QHash<qint64, double> read_share_; // checkpoints of readings that stopped, by document
    qint64 reading_ = 0;
    QSet<qint64> checked_;
    bool shelf_possible() const; // two or more read documents
    std::function<void(const app::LibraryError &)> on_error_;
};

} // namespace quire::ui

// The library as a list model: one row per document, newest opened first, with its title and a
// second line (format, pages, tokens, reading state, model); IdRole gives the library id.
#pragma once

#include "services/library_db.h"

#include <QAbstractListModel>

#include <functional>

namespace quire::ui {

class LibraryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, StateRole, PathRole };
    explicit LibraryModel(app::LibraryDb & db, QObject * parent = nullptr);

    int rowCount(const QModelIndex & parent = {}) const override;
    QVariant data(const QModelIndex & index, int role = Qt::DisplayRole) const override;

    // Reads the library again; a library error keeps the list as it was and goes to on_error.
    void refresh();
    void set_error_handler(std::function<void(const app::LibraryError &)> f) { on_error_ = std::move(f); }
    int row_of(qint64 id) const; // -1 when absent
    const app::DocumentRecord * record(int row) const;
    static QString describe(const app::DocumentRecord & d); // the second line

private:
    app::LibraryDb & db_;
    QList<app::DocumentRecord> docs_;
    std::function<void(const app::LibraryError &)> on_error_;
};

} // namespace quire::ui

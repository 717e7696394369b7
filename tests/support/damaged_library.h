// A Quire library damaged as a failing disk or a crash leaves one: 200 documents written, then
// bytes 4096-12287 of the file overwritten (tst_library_db, tst_library_recovery).
#pragma once

#include "services/library_db.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace quire::test {

// False when the file could not be written.
inline bool make_damaged_library(const QString & file) {
    {
        app::LibraryDb db(file);
        for (int i = 0; i < 200; ++i) {
            app::DocumentRecord d;
            d.path = QString("/books/%1-%2.pdf").arg(i).arg(QString(200, 'x'));
            d.title = QString("Book %1").arg(i);
            d.format = "pdf";
            d.pages = 12;
            db.add_document(d);
        }
    }
    QFile out(file);
    if (out.size() <= 16384 || !out.open(QIODevice::ReadWrite) || !out.seek(4096)) return false;
    QByteArray junk(8192, '\0');
    for (int i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919 + 13) & 0xff);
    return out.write(junk) == junk.size();
}

} // namespace quire::test

// Export of a Q&A session to Markdown, JSON (everything: questions, answers, evidence with pages,
// excerpts and scores, retrieval summaries, model, settings, timestamps), HTML and PDF. Files are
// written atomically (QSaveFile: a temporary beside the target, renamed over it on success), so
// a failed export (disk full, no permission) leaves any previous file as it was.
#pragma once

#include "services/library_db.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <stdexcept>

namespace quire::app {

class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class ExportFormat { Markdown, Json, Html, Pdf };

// "md", "json", "html", "pdf"; and back (from a file suffix; unknown: throws ExportError).
QString export_suffix(ExportFormat f);
ExportFormat export_format_for(const QString & path);

struct SessionExport {
    DocumentRecord document;
    SessionRecord session;
    QList<ExchangeRecord> exchanges;
};

// The document in a format (PDF needs a QGuiApplication).
QByteArray render_session(const SessionExport & s, ExportFormat f);
// render_session written atomically to path. Throws ExportError.
void export_session(const SessionExport & s, ExportFormat f, const QString & path);

} // namespace quire::app

// What the app knows of a document's files before reading it: its format by name, and the
// questions shipped beside it.
#pragma once

#include <QString>
#include <QStringList>

namespace quire::app {

// "pdf", "epub", "markdown" or "text", by the file's extension (the library's format column).
QString document_format(const QString & path);

// Questions shipped beside a document (NAME.questions.json, as the demo book has), to suggest:
// all but those marked "suggest": false (the demo book's questions the default model was
// measured to miss, kept in the file for the evaluation).
QStringList suggested_questions(const QString & doc_path);

} // namespace quire::app

#include "services/document_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace quire::app {

QString document_format(const QString & path) {
    const QString s = QFileInfo(path).suffix().toLower();
    if (s == "pdf") return "pdf";
    if (s == "epub") return "epub";
    if (s == "md" || s == "markdown") return "markdown";
    return "text";
}

QStringList suggested_questions(const QString & doc_path) {
    const QFileInfo fi(doc_path);
    QFile f(fi.dir().filePath(fi.completeBaseName() + ".questions.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QStringList out;
    for (const QJsonValue & v : QJsonDocument::fromJson(f.readAll()).object().value("questions").toArray()) {
        const QJsonObject o = v.toObject();
        const QString q = o.value("question").toString();
        if (!q.isEmpty() && o.value("suggest").toBool(true)) out << q;
    }
    return out;
}

} // namespace quire::app

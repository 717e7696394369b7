#include "services/evidence_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace quire::app {

QString evidence_to_json(const QList<Evidence> & ev) {
    QJsonArray a;
    for (const Evidence & e : ev) {
        QJsonArray pages;
        for (int p : e.pages) pages.append(p);
        QJsonObject o = e.token_start >= 0 // a re-read passage
                            ? QJsonObject{{"tokens", QJsonArray{e.token_start, e.token_end}}, {"pages", pages}, {"excerpt", e.excerpt}}
                            : QJsonObject{{"block", e.block}, {"pages", pages}, {"excerpt", e.excerpt}, {"score", e.score}, {"selections", e.selections}};
        if (!e.section.isEmpty()) o["section"] = e.section;
        if (e.doc_id) o["doc_id"] = e.doc_id, o["document"] = e.document;
        a.append(o);
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Evidence> evidence_from_json(const QString & json) {
    QList<Evidence> out;
    for (const QJsonValue & v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        const QJsonArray tokens = o["tokens"].toArray();
        if (!o.contains("block") && tokens.size() != 2) continue;
        Evidence e;
        e.block = o.contains("block") ? o["block"].toInt() : -1;
        if (tokens.size() == 2) e.token_start = tokens[0].toInteger(-1), e.token_end = tokens[1].toInteger(-1);
        for (const QJsonValue & p : o["pages"].toArray()) e.pages << p.toInt();
        e.section = o["section"].toString();
        e.excerpt = o["excerpt"].toString();
        e.score = o["score"].toDouble();
        e.selections = o["selections"].toInt();
        e.doc_id = o["doc_id"].toInteger(0);
        e.document = o["document"].toString();
        out << e;
    }
    return out;
}

} // namespace quire::app

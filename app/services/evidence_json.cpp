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
        a.append(QJsonObject{{"block", e.block}, {"pages", pages}, {"excerpt", e.excerpt}, {"score", e.score}, {"selections", e.selections}});
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Evidence> evidence_from_json(const QString & json) {
    QList<Evidence> out;
    for (const QJsonValue & v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        if (!o.contains("block")) continue;
        Evidence e;
        e.block = o["block"].toInt();
        for (const QJsonValue & p : o["pages"].toArray()) e.pages << p.toInt();
        e.excerpt = o["excerpt"].toString();
        e.score = o["score"].toDouble();
        e.selections = o["selections"].toInt();
        out << e;
    }
    return out;
}

} // namespace quire::app

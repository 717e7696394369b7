#include "services/session_export.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace quire::app {

namespace {

QString iso(const QDateTime & t) { return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString(); }
QString when(const QDateTime & t) { return t.isValid() ? t.toLocalTime().toString("yyyy-MM-dd HH:mm") : QString(); }

QJsonValue parsed(const QString & json, const QJsonValue & fallback) {
    if (json.isEmpty()) return fallback;
    QJsonParseError err{};
    const QJsonDocument d = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError) return QJsonValue(json); // kept as text rather than lost
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

// One evidence item as a short line: "Chapter 2, pp. 4-5 (block 3, score 0.53): excerpt".
QString evidence_line(const QJsonObject & e) {
    QStringList pages;
    for (const QJsonValue & p : e.value("pages").toArray()) pages << QString::number(p.toInt());
    QString where = pages.isEmpty() ? QString() : (pages.size() == 1 ? "p. " + pages.front() : "pp. " + pages.front() + "-" + pages.back());
    if (const QString section = e.value("section").toString(); !section.isEmpty()) where = where.isEmpty() ? section : section + ", " + where;
    if (const QString doc = e.value("document").toString(); !doc.isEmpty()) where = where.isEmpty() ? doc : doc + ", " + where; // a shelf's answer
    QStringList meta;
    if (e.contains("block")) meta << QString("block %1").arg(e.value("block").toInt());
    if (e.contains("tokens")) meta << QString("read again before the answer");
    if (e.contains("score")) meta << QString("score %1").arg(e.value("score").toDouble(), 0, 'f', 3);
    QString s = where;
    if (!meta.isEmpty()) s += (s.isEmpty() ? "" : " ") + QString("(%1)").arg(meta.join(", "));
    const QString ex = e.value("excerpt").toString().simplified();
    if (!ex.isEmpty()) s += QString(": \u201c%1\u201d").arg(ex);
    return s;
}

QList<QJsonObject> evidence_of(const ExchangeRecord & x) {
    QList<QJsonObject> out;
    for (const QJsonValue & v : parsed(x.evidence_json, QJsonArray()).toArray())
        if (v.isObject()) out << v.toObject();
    return out;
}

QByteArray to_json(const SessionExport & s) {
    QJsonObject doc{{"title", s.document.title}, {"path", s.document.path}, {"format", s.document.format},
                    {"pages", s.document.pages}, {"tokens", s.document.tokens}};
    QJsonObject ses{{"title", s.session.title}, {"model", s.session.model}, {"created", iso(s.session.created)},
                    {"updated", iso(s.session.updated)}, {"settings", parsed(s.session.settings_json, QJsonObject())}};
    QJsonArray ex;
    for (const ExchangeRecord & x : s.exchanges)
        ex.append(QJsonObject{{"position", x.position},
                              {"question", x.question},
                              {"answer", x.answer},
                              {"stopped", x.stopped},
                              {"asked", iso(x.asked)},
                              {"answered", iso(x.answered)},
                              {"evidence", parsed(x.evidence_json, QJsonArray())},
                              {"retrieval", parsed(x.retrieval_json, QJsonObject())}});
    const QJsonObject root{{"format", "quire-session"}, {"version", 1}, {"document", doc}, {"session", ses}, {"exchanges", ex}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray to_markdown(const SessionExport & s) {
    QString md;
    md += QString("# %1 \u2014 %2\n\n").arg(s.document.title, s.session.title);
    md += QString("- Document: %1 (%2, %3 pages)\n").arg(s.document.path, s.document.format).arg(s.document.pages);
    md += QString("- Model: %1\n").arg(s.session.model);
    md += QString("- Session: %1 to %2\n\n").arg(when(s.session.created), when(s.session.updated));
    int n = 1;
    for (const ExchangeRecord & x : s.exchanges) {
        md += QString("## Q%1. %2\n\n").arg(n++).arg(x.question);
        md += x.answer.trimmed().isEmpty() ? QString("*(no answer)*\n\n") : x.answer.trimmed() + "\n\n";
        if (x.stopped) md += "*(stopped)*\n\n";
        const auto ev = evidence_of(x);
        if (!ev.isEmpty()) {
            md += "Evidence:\n\n";
            for (const QJsonObject & e : ev) md += "- " + evidence_line(e) + "\n";
            md += "\n";
        }
    }
    return md.toUtf8();
}

QString html_body(const SessionExport & s) {
    QString h;
    h += QString("<h1>%1 \u2014 %2</h1>\n").arg(s.document.title.toHtmlEscaped(), s.session.title.toHtmlEscaped());
    h += QString("<p class=\"meta\">%1 (%2, %3 pages)<br>Model: %4<br>%5 to %6</p>\n")
             .arg(s.document.path.toHtmlEscaped(), s.document.format.toHtmlEscaped())
             .arg(s.document.pages)
             .arg(s.session.model.toHtmlEscaped(), when(s.session.created), when(s.session.updated));
    int n = 1;
    for (const ExchangeRecord & x : s.exchanges) {
        h += QString("<h2>Q%1. %2</h2>\n").arg(n++).arg(x.question.toHtmlEscaped());
        QString answer = x.answer.trimmed().toHtmlEscaped();
        answer.replace("\n", "<br>\n");
        h += QString("<p>%1</p>\n").arg(answer.isEmpty() ? QString("<em>(no answer)</em>") : answer);
        if (x.stopped) h += "<p><em>(stopped)</em></p>\n";
        const auto ev = evidence_of(x);
        if (!ev.isEmpty()) {
            h += "<p class=\"evidence\">Evidence:</p>\n<ul>\n";
            for (const QJsonObject & e : ev) h += "<li>" + evidence_line(e).toHtmlEscaped() + "</li>\n";
            h += "</ul>\n";
        }
    }
    return h;
}

QByteArray to_html(const SessionExport & s) {
    QString h = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n";
    h += QString("<title>%1 \u2014 %2</title>\n").arg(s.document.title.toHtmlEscaped(), s.session.title.toHtmlEscaped());
    h += "<style>body{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.5}"
         ".meta{color:#666}.evidence{font-weight:bold;margin-bottom:0}li{color:#333}</style>\n</head>\n<body>\n";
    h += html_body(s);
    h += "</body>\n</html>\n";
    return h.toUtf8();
}

QByteArray to_pdf(const SessionExport & s) {
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    {
        QPdfWriter w(&buf);
        w.setPageSize(QPageSize(QPageSize::A4));
        w.setResolution(96);
        w.setTitle(s.document.title + " \u2014 " + s.session.title);
        w.setCreator("Quire");
        QTextDocument d;
        d.setHtml(QString::fromUtf8(to_html(s)));
        d.print(&w);
    }
    return out;
}

} // namespace

QString export_suffix(ExportFormat f) {
    switch (f) {
    case ExportFormat::Markdown: return "md";
    case ExportFormat::Json: return "json";
    case ExportFormat::Html: return "html";
    case ExportFormat::Pdf: return "pdf";
    }
    return "md";
}

ExportFormat export_format_for(const QString & path) {
    const QString sfx = QFileInfo(path).suffix().toLower();
    if (sfx == "md" || sfx == "markdown") return ExportFormat::Markdown;
    if (sfx == "json") return ExportFormat::Json;
    if (sfx == "html" || sfx == "htm") return ExportFormat::Html;
    if (sfx == "pdf") return ExportFormat::Pdf;
    throw ExportError("cannot tell the export format from '" + path.toStdString() + "' (use .md, .json, .html or .pdf)");
}

QByteArray render_session(const SessionExport & s, ExportFormat f) {
    switch (f) {
    case ExportFormat::Markdown: return to_markdown(s);
    case ExportFormat::Json: return to_json(s);
    case ExportFormat::Html: return to_html(s);
    case ExportFormat::Pdf: return to_pdf(s);
    }
    return {};
}

void export_session(const SessionExport & s, ExportFormat f, const QString & path) {
    const QByteArray bytes = render_session(s, f);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) throw ExportError("cannot write " + path.toStdString() + ": " + out.errorString().toStdString());
    if (out.write(bytes) != bytes.size()) {
        const std::string why = out.errorString().toStdString();
        out.cancelWriting();
        throw ExportError("cannot write " + path.toStdString() + ": " + why);
    }
    if (!out.commit()) throw ExportError("cannot save " + path.toStdString() + ": " + out.errorString().toStdString());
}

} // namespace quire::app

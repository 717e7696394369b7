#include "evidence_chips.h"

#include <QObject>

#include <algorithm>

namespace quire::ui {

QList<EvidenceChip> evidence_chips(const QList<app::Evidence> & evidence) {
    QList<EvidenceChip> chips;
    int passages = 0;
    for (const app::Evidence & e : evidence) {
        const bool passage = e.token_start >= 0;
        QString label;
        if (!e.pages.isEmpty())
            label = e.pages.size() == 1 ? QObject::tr("p. %1").arg(e.pages.front()) : QObject::tr("pp. %1–%2").arg(e.pages.front()).arg(e.pages.back());
        else if (passage)
            label = QObject::tr("passage %1").arg(++passages);
        else
            label = QObject::tr("block %1").arg(e.block);
        // The section the page lies under names it first (shortened; whole in the tooltip).
        const QString section = e.section.size() > 32 ? e.section.left(31) + "…" : e.section;
        if (!section.isEmpty()) label = section + " · " + label;
        // On a shelf the document comes first.
        const QString document = e.document.size() > 24 ? e.document.left(23) + "…" : e.document;
        if (!document.isEmpty()) label = document + " · " + label;
        QString excerpt = e.section.isEmpty() ? e.excerpt.trimmed() : e.section + ": " + e.excerpt.trimmed();
        if (!e.document.isEmpty()) excerpt = e.document + " — " + excerpt;
        auto same = std::find_if(chips.begin(), chips.end(), [&](const EvidenceChip & c) { return c.label == label; });
        if (same != chips.end()) { // a page named once: the first (best-ranked) passage is the link
            if (!excerpt.isEmpty()) same->tooltip += "\n…\n" + excerpt;
            continue;
        }
        QString target = passage ? QString("tokens/%1/%2").arg(e.token_start).arg(e.token_end) : QString("block/%1").arg(e.block);
        if (e.doc_id) target = QString("doc/%1/").arg(e.doc_id) + target;
        chips.push_back({label, target, excerpt});
    }
    return chips;
}

} // namespace quire::ui

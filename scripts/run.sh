#!/usr/bin/env bash
# The README's first command: installs what is missing, fetches the default model, builds a
# release, and starts Quire on its default. Until the desktop app lands, that is the interactive
# chat of quire-cli on the default model (SmolLM2-135M-Instruct); extra arguments go to it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
MODEL="$(python3 scripts/quire-fetch-model fetch smollm2-135m-instruct)"
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
exec build/release/app/quire-cli chat --model "$MODEL" "$@"

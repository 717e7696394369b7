#!/usr/bin/env bash
# The README's first command: installs what is missing, fetches the default model, builds a
# release, and starts the Quire desktop app on the default model (SmolLM2-135M-Instruct) with
# the demo document it ships (resources/demo). Extra arguments go to the app (files to open,
# --model PATH, --data-dir DIR). QUIRE_CLI=1 starts the terminal chat of quire-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
MODEL="$(build/release/app/quire-cli models fetch smollm2-135m-instruct)"
if [[ ${QUIRE_CLI:-0} == 1 ]]; then
  exec build/release/app/quire-cli chat --model "$MODEL" "$@"
fi
exec build/release/app/quire --model "$MODEL" "${@:-resources/demo/the-keepers-of-halden-light.md}"

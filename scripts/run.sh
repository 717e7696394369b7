#!/usr/bin/env bash
# The README's first command: installs what is missing, fetches the models, builds a release,
# and starts the Quire desktop app on the model for this machine (Qwen2.5-Coder-1.5B with a GPU,
# else SmolLM2-135M-Instruct) with the demo document it ships (resources/demo). Extra arguments
# go to the app (files to open, --model PATH, --data-dir DIR). QUIRE_CLI=1 starts the terminal chat of quire-cli instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
# The model for this machine (`models fetch default`): Qwen2.5-Coder-1.5B where a GPU runs it,
# else SmolLM2-135M; the small one is fetched too, as the fallback on any machine.
MODEL="$(build/release/app/quire-cli models fetch smollm2-135m-instruct)"
if BEST="$(build/release/app/quire-cli models fetch default)"; then MODEL="$BEST"; fi
if [[ ${QUIRE_CLI:-0} == 1 ]]; then
  exec build/release/app/quire-cli chat --model "$MODEL" "$@"
fi
exec build/release/app/quire --model "$MODEL" "${@:-resources/demo/the-keepers-of-halden-light.md}"

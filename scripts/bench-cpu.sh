#!/usr/bin/env bash
# Quire's CPU path beside llama.cpp on the same GGUF and thread count, in one run (issue 20,
# docs/performance.md). llama.cpp is built from the llama-cpp-python source distribution on PyPI
# (its vendored llama.cpp) into a cache outside git, never committed.
#
# Usage: bash scripts/bench-cpu.sh [MODEL.gguf ...]
#   default models: the two of the catalogue in the model cache (SmolLM2-135M Q4_1,
#   Qwen2.5-Coder-1.5B Q4_K_M); THREADS="1 2" (default: 1 and every core);
#   QUIRE_CLI (default build/release/app/quire-cli); LLAMA_CPP_PYTHON_VERSION (default 0.3.36);
#   QUIRE_BENCH_CACHE (default ~/.cache/quire/bench).
# Rows: reading a 512-token prompt (llama-bench pp512; Quire's generate -n 1 on the same text,
# and Quire's ingest of it into block memory) and generating 128 tokens (tg128), tokens per
# second of wall time, with the load average before each row (the machines are shared).
set -euo pipefail
cd "$(dirname "$0")/.."
VER=${LLAMA_CPP_PYTHON_VERSION:-0.3.36}
CACHE=${QUIRE_BENCH_CACHE:-$HOME/.cache/quire/bench}
QUIRE=${QUIRE_CLI:-build/release/app/quire-cli}
THREADS=${THREADS:-"1 $(nproc)"}
MCACHE=${QUIRE_MODEL_CACHE:-$HOME/.cache/quire/models}
models=("$@")
if ((${#models[@]} == 0)); then
  for m in SmolLM2-135M-Instruct.Q4_1.gguf Qwen2.5-Coder-1.5B-Instruct.Q4_K_M.gguf; do
    [[ -f $MCACHE/$m ]] && models+=("$MCACHE/$m")
  done
fi
((${#models[@]} > 0)) || { echo "bench-cpu: no model given and none in $MCACHE (quire-cli models fetch ...)" >&2; exit 2; }
[[ -x $QUIRE ]] || { echo "bench-cpu: $QUIRE is missing (cmake --preset release && cmake --build build/release --target quire-cli)" >&2; exit 2; }

src=$CACHE/llama_cpp_python-$VER/vendor/llama.cpp
bench=$src/build/bin/llama-bench
if [[ ! -x $bench ]]; then
  mkdir -p "$CACHE"
  if [[ ! -d $src ]]; then
    (cd "$CACHE" && python3 -m pip download "llama-cpp-python==$VER" --no-deps --no-binary :all: -d . >/dev/null &&
      tar xzf "llama_cpp_python-$VER.tar.gz")
  fi
  echo "bench-cpu: building llama.cpp ($src)" >&2
  cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON -DLLAMA_CURL=OFF -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF >/dev/null
  cmake --build "$src/build" -j "$(nproc)" --target llama-bench >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# About 512 tokens of real prose for each model's tokenizer: the gzip manual, cut where the
# model's tokenizer counts 512 (the rows report rates, so a few tokens either way do not matter).
prompt_of() {
  python3 - "$1" "$QUIRE" "$work/prompt.txt" <<'PY'
import subprocess, sys
model, quire, out = sys.argv[1:]
text = open("tests/data/docqa/gzip-manual.txt", encoding="utf-8").read()
def count(n):
    r = subprocess.run([quire, "tokenize", "--model", model, "--no-bos", "--text", text[:n]], capture_output=True, text=True, check=True)
    return len(r.stdout.split())
n = 2048
for _ in range(4):
    n = max(64, int(n * 512 / max(1, count(n))))
open(out, "w", encoding="utf-8").write(text[:n])
PY
}
rate() { python3 -c "import json, sys; print(json.loads(sys.stdin.readlines()[-1])['$1'])"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "| model | threads | llama.cpp pp512 | Quire prompt (generate) | ratio | Quire ingest | ratio | llama.cpp tg128 | Quire generate | ratio | load before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for m in "${models[@]}"; do
  prompt_of "$m"
  for t in $THREADS; do
    l=$(load)
    lj=$("$bench" -m "$m" -t "$t" -p 512 -n 128 -r 2 -o json 2>/dev/null)
    lpp=$(echo "$lj" | python3 -c "import json, sys; r = json.load(sys.stdin); print([x['avg_ts'] for x in r if x['n_prompt'] > 0][0])")
    ltg=$(echo "$lj" | python3 -c "import json, sys; r = json.load(sys.stdin); print([x['avg_ts'] for x in r if x['n_gen'] > 0][0])")
    qpp=$(OMP_NUM_THREADS=$t "$QUIRE" generate --model "$m" --prompt-file "$work/prompt.txt" -n 1 --backend cpu --timings 2>&1 >/dev/null | rate prompt_tokens_per_second)
    qin=$(OMP_NUM_THREADS=$t "$QUIRE" ingest --model "$m" --doc "$work/prompt.txt" --store "$work/s.qst" --force --backend cpu 2>/dev/null |
      python3 -c "import json, sys; print(json.load(sys.stdin)['tokens_per_second'])")
    qtg=$(OMP_NUM_THREADS=$t "$QUIRE" generate --model "$m" --prompt "Once upon a time" -n 128 --backend cpu --timings 2>&1 >/dev/null | rate generate_tokens_per_second)
    python3 - "$m" "$t" "$lpp" "$qpp" "$qin" "$ltg" "$qtg" "$l" <<'PY'
import os, sys
m, t, lpp, qpp, qin, ltg, qtg, l = sys.argv[1:]
lpp, qpp, qin, ltg, qtg = map(float, (lpp, qpp, qin, ltg, qtg))
print(f"| {os.path.basename(m)} | {t} | {lpp:.1f} | {qpp:.1f} | {qpp / lpp:.2f}x | {qin:.1f} | {qin / lpp:.2f}x | {ltg:.1f} | {qtg:.1f} | {qtg / ltg:.2f}x | {l} |")
PY
  done
done

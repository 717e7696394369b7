#!/usr/bin/env bash
# One device call's work on the GPU machine (see docs/performance.md and docs/testing.md):
# build the gpu preset, run every CUDA check (ops, whole models, block memory, the 8B-shape
# parity against transformers), then the benchmark and the peer baseline in the same call.
# Usage (through the device tool, carrying .devcarry): bash scripts/gpu-session.sh [checks|quick|bench|small|all]
# (quick: checks and the bf16 benchmark rows, without the 1M-token row and the peer;
# offload: the offload rows with and without the GPU block cache, and the peer at 100K;
# profile: the GEMM ceiling and per-phase times, no peer: for finding work, not for reporting;
# compare DIR: a change that must not move the numbers: the benchmark of this tree and of the
# source tree in DIR (e.g. `git archive BASE | tar -x -C DIR`, carried), alternated twice, and
# the peer, in one call; `build-base DIR` builds DIR only, for a call before)
# Results go to $OUT (checks.txt, bench*.json, peer.jsonl, build.log).
set -uo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
OUT="${OUT:-/tmp/quire-out}"
mkdir -p "$OUT"
export PATH=/opt/torch/.venv/bin:$PATH
P=$(bash scripts/gpu-machine-deps.sh unpack)
eval "$(bash scripts/gpu-machine-deps.sh env)" # OpenBLAS's libgfortran where the machine lacks it
echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
t0=$SECONDS
if ! { cmake --preset gpu -DQUIRE_DEPS_PREFIX="$P" && cmake --build --preset gpu -j16; } >"$OUT/build.log" 2>&1; then
  tail -60 "$OUT/build.log"; exit 1
fi
echo "== build $((SECONDS - t0)) s"
B=build/gpu/app/quire-cli
if [[ $what == compare || $what == build-base ]]; then
  base="${2:?usage: gpu-session.sh compare|build-base DIR}"
  t1=$SECONDS
  if ! (cd "$base" && cmake --preset gpu -DQUIRE_DEPS_PREFIX="$P" && cmake --build --preset gpu -j16) >"$OUT/build_base.log" 2>&1; then
    tail -60 "$OUT/build_base.log"; exit 1
  fi
  echo "== base build $((SECONDS - t1)) s"
fi
if [[ $what == checks || $what == all || $what == quick ]]; then
  {
    timeout 120 $B backend-check --model .devcarry/stories260K.bin --tokenizer .devcarry/tok512.bin --memory
    for m in tests/data/arch/llama3/hf tests/data/arch/mistral/model-q8_0.gguf tests/data/arch/qwen2/model-f16.gguf; do
      echo "-- $m"; timeout 120 $B backend-check --model "$m" --memory
    done
    echo "-- flash reading kernel vs batched GEMMs"; timeout 200 $B backend-check --flash
    echo "-- reader on the GPU vs the CPU (ingest + ask, stories260K)"
    M="--model .devcarry/stories260K.bin --tokenizer .devcarry/tok512.bin"
    python3 -c "
import random; random.seed(3)
names=['Lily','Tom','Sue','Ben']; things=['ball','cat','cake','tree','boat']
print(' '.join(f'{random.choice(names)} saw a {random.choice(things)} in the park. It was big and red.' for _ in range(160)))" > /tmp/story.txt
    for be in cpu cuda; do
      timeout 120 $B ingest $M --doc /tmp/story.txt --store /tmp/story-$be.qst --force --preset 512 --backend $be --gpu-precision fp32 > /tmp/ingest-$be.json &&
      timeout 120 $B ask $M --store /tmp/story-$be.qst --question "What did Lily see?" -n 24 --backend $be --gpu-precision fp32 > /tmp/ask-$be.txt
      echo "$be: $(cat /tmp/ask-$be.txt)"
    done
    cmp /tmp/ask-cpu.txt /tmp/ask-cuda.txt && echo "reader answers identical on CPU and GPU"
    echo "-- 8B shape, 2 layers, vs transformers"
    timeout 200 python3 tests/reference/make_llama3_8b_2layer.py /tmp/l8b && timeout 120 $B backend-check --l8b /tmp/l8b
  } 2>&1 | tee "$OUT/checks.txt"
fi
S="--shape llama3-8b --random-weights --preset 2k"
if [[ $what == offload ]]; then
  timeout 200 $B bench $S --tokens 100000 --gpu-mem-gib 20 --json "$OUT/bench_offload.json"
  timeout 200 $B bench $S --tokens 100000 --gpu-mem-gib 20 --no-cache --json "$OUT/bench_offload_nocache.json"
  LENS=100000 LAYERS=32 CHUNK=8192 timeout 300 python3 .devcarry/peer_hf_baseline.py | tee "$OUT/peer.jsonl"
fi
# decode: the decoding paths A/B at 100K (GEMV kernel vs cuBLAS, split-key vs batched attention).
if [[ $what == decode ]]; then
  { timeout 120 $B backend-check; timeout 120 $B backend-check --model .devcarry/stories260K.bin --tokenizer .devcarry/tok512.bin --memory; } 2>&1 | tail -60 | tee "$OUT/checks.txt"
  for o in "" "--cublas-gemv" "--decode-kernel" "--cublas-gemv --decode-kernel"; do
    echo "-- decode options: '$o'"; timeout 200 $B bench $S --tokens 100000 --decode-tokens 64 $o | tail -1
  done 2>&1 | tee "$OUT/decode_ab.txt"
  QUIRE_PROFILE=1 timeout 200 $B bench $S --tokens 8192 --decode-tokens 64 --no-graphs 2>&1 | tail -22 | tee "$OUT/profile_decode.txt"
  QUIRE_PROFILE=1 timeout 200 $B bench $S --tokens 8192 --decode-tokens 64 --no-graphs --cublas-gemv --decode-kernel 2>&1 | tail -22 | tee "$OUT/profile_decode_old.txt"
  timeout 200 $B bench $S --tokens 100000 --gpu-mem-gib 20 --no-cache | tail -1 | tee "$OUT/offload.txt"
fi
if [[ $what == ab ]]; then
  # A kernel change under test: the op checks and the flash checks, then the benchmark at 32K and
  # 100K with the default paths and with the options in $2 (e.g. "--no-flash"), profiled.
  { timeout 120 $B backend-check; echo "-- flash"; timeout 200 $B backend-check --flash; } 2>&1 | tail -45 | tee "$OUT/checks.txt"
  timeout 200 $B bench $S --tokens 32768,100000 --json "$OUT/bench_a.json"
  [[ -n ${2:-} ]] && timeout 200 $B bench $S --tokens 32768,100000 $2 --json "$OUT/bench_b.json"
  QUIRE_PROFILE=1 timeout 200 $B bench $S --tokens 32768 --decode-tokens 8 ${2:-} 2>&1 | grep -A24 "phase times" | tail -24 | tee "$OUT/profile_b.txt"
fi
if [[ $what == profile ]]; then
  # Where the time goes: cuBLAS's ceiling for the 8B linear layers by row count, then per-phase
  # GPU times of ingest (decode runs as graphs, unprofiled) and of decode steps (no graphs).
  timeout 120 python3 scripts/gpu-gemm-probe.py | tee "$OUT/gemm.txt"
  QUIRE_PROFILE=1 timeout 200 $B bench $S --tokens 32768 --decode-tokens 8 --json "$OUT/bench_prof_ingest.json" 2>&1 | tail -20 | tee "$OUT/profile_ingest.txt"
  QUIRE_PROFILE=1 timeout 200 $B bench $S --tokens 2048 --decode-tokens 256 --no-graphs --json "$OUT/bench_prof_decode.json" 2>&1 | tail -20 | tee "$OUT/profile_decode.txt"
fi
if [[ $what == quick ]]; then
  timeout 300 $B bench $S --tokens 8192,32768,100000 --json "$OUT/bench.json"
  timeout 120 $B bench $S --tokens 100000 --gpu-mem-gib 20 --json "$OUT/bench_offload.json"
fi
if [[ $what == bench || $what == all ]]; then
  timeout 400 $B bench $S --tokens 8192,32768,100000 --json "$OUT/bench.json"
  timeout 200 $B bench $S --tokens 100000 --gpu-mem-gib 20 --json "$OUT/bench_offload.json"
  timeout 200 $B bench $S --tokens 100000 --gpu-mem-gib 20 --no-cache --json "$OUT/bench_offload_nocache.json"
  timeout 400 $B bench $S --tokens 1000000 --kv-fp8 --decode-tokens 16 --json "$OUT/bench_1m.json"
  # The batched-GEMM reading path and the split-key decode kernel, A/B against the defaults.
  timeout 200 $B bench $S --tokens 100000 --no-flash --cublas-gemv --json "$OUT/bench_kernels.json"
  LENS=8192,32768,100000 LAYERS=32 CHUNK=8192 timeout 400 python3 .devcarry/peer_hf_baseline.py | tee "$OUT/peer.jsonl"
fi
# small: the small models' shapes (SmolLM2-135M, Qwen2.5-1.5B; random bf16 weights) read as the
# app reads them (--preset auto: whole when the document fits the trained context), the
# transformers peer on the same shapes in the same call, and SmolLM2's per-phase GPU times.
if [[ $what == small ]]; then
  for sh in smollm2-135m qwen2.5-1.5b; do
    timeout 200 $B bench --shape $sh --random-weights --preset auto --tokens 16384,100000 --decode-tokens 64 --json "$OUT/bench_$sh.json" | cut -c1-400
    SHAPE=$sh LENS=16384,100000 timeout 200 python3 scripts/gpu-peer-shapes.py | tee -a "$OUT/peer_small.jsonl"
  done
  QUIRE_PROFILE=1 timeout 200 $B bench --shape smollm2-135m --random-weights --preset auto --tokens 100000 --decode-tokens 8 2>&1 | tail -24 | tee "$OUT/profile_smollm2.txt"
fi
if [[ $what == compare ]]; then
  for round in 1 2; do
    for tree in base head; do
      bin=$B; [[ $tree == base ]] && bin="$base/$B"
      echo "-- $tree, round $round"
      timeout 300 "$bin" bench $S --tokens 8192,32768,100000 --json "$OUT/bench_${tree}_$round.json" | tail -4
    done
  done
  LENS=8192,32768,100000 LAYERS=32 CHUNK=8192 timeout 400 python3 .devcarry/peer_hf_baseline.py | tee "$OUT/peer.jsonl"
fi
echo "== total $((SECONDS - t0)) s"

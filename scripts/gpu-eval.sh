#!/usr/bin/env bash
# The evaluation harness on the GPU machine, with the default model. That machine reaches no
# network and a device call carries at most 64 MiB, so the model (94 MiB) travels in two calls:
#   bash scripts/gpu-eval.sh split      (here) cut the cached model into .evcarry/part-a, part-b
#   stage1  (there, carrying .devcarry and .evcarry with part-a) build; keep part-a in /tmp
#   stage2  (there, the next call, carrying .evcarry with part-b) join, check the SHA-256, and
#           run the evaluation grid (GRID=short|long|1m, or docqa: the real-document question
#           sets of tests/data/docqa and the demo book); results in $OUT/eval.tgz and
#           $OUT/summary-*.md.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-/tmp/quire-out}"
eval "$(bash scripts/gpu-machine-deps.sh env)" # OpenBLAS's libgfortran where the machine lacks it
SHA=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
case "${1:-}" in
split)
  M="$(build/chk/app/quire-cli models path smollm2-135m-instruct 2>/dev/null || echo "$HOME/.cache/quire/models/SmolLM2-135M-Instruct.Q4_1.gguf")"
  rm -rf .evcarry && mkdir -p .evcarry/a .evcarry/b
  half=$(( $(stat -c %s "$M") / 2 ))
  head -c "$half" "$M" > .evcarry/a/part && tail -c +"$((half + 1))" "$M" > .evcarry/b/part
  ls -l .evcarry/*/part ;;
stage1)
  cp .evcarry/a/part /tmp/smol-part-a
  P=$(bash scripts/gpu-machine-deps.sh unpack)
  t0=$SECONDS
  if ! { cmake --preset gpu -DQUIRE_DEPS_PREFIX="$P" && cmake --build --preset gpu -j16 --target quire-cli; } >"$OUT/build.log" 2>&1; then
    tail -40 "$OUT/build.log"; exit 1
  fi
  echo "== build $((SECONDS - t0)) s; part a kept" ;;
stage2)
  [[ -f /tmp/smol-part-a ]] || { echo "part a is gone: the machine was not kept warm"; exit 3; }
  cat /tmp/smol-part-a .evcarry/b/part > /tmp/smol.gguf
  echo "$SHA  /tmp/smol.gguf" | sha256sum -c - || exit 3
  B=build/gpu/app/quire-cli
  M="--model /tmp/smol.gguf --preset 2k"
  mkdir -p /tmp/ev
  nvidia-smi --query-gpu=name,memory.total,compute_mode --format=csv,noheader
  echo "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null)"
  timeout 60 $B generate --model /tmp/smol.gguf --prompt "The capital of France is" -n 8 -v 2>&1 | grep -iE "cuda|gpu|cpu|error" | head -5
  end=$((SECONDS + ${EVAL_SECONDS:-300})) # one deadline for everything
  ev() { local name=$1; shift; (( end - SECONDS > 5 )) || return; timeout $((end - SECONDS)) $B eval $M "$@" --out /tmp/ev/$name > /dev/null 2>/tmp/ev/$name.log; }
  # Two chains side by side, each with half the cores for its host work. GRID=short: 4k-128k
  # with full attention; GRID=long: 64k-1M, block memory only (full attention is already at 0%
  # by 16k and a 1M-token full-attention cache does not fit).
  export OMP_NUM_THREADS=8
  if [[ "${GRID:-short}" == docqa ]]; then # the real-document question sets and the demo book
    D=tests/data/docqa
    dq() { local name=$1 doc=$2 qs=$3; shift 3; ev "$name" --task docqa --doc "$doc" --questions "$qs" "$@"; }
    ( dq gzip $D/gzip-manual.txt $D/gzip-manual.jsonl --method full,infllm,qllm,rag,truncate
      dq gzip-anchors $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm --anchors 2
      dq gzip-evidence $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm --anchors 2 --evidence-tokens 768
      dq demo resources/demo/the-keepers-of-halden-light.md resources/demo/the-keepers-of-halden-light.questions.json --method full,infllm,qllm,rag,truncate
      dq demo-anchors resources/demo/the-keepers-of-halden-light.md resources/demo/the-keepers-of-halden-light.questions.json --method qllm --anchors 2
      dq demo-evidence resources/demo/the-keepers-of-halden-light.md resources/demo/the-keepers-of-halden-light.questions.json --method qllm --anchors 2 --evidence-tokens 768 ) &
    ( dq grep $D/grep-manual.txt $D/grep-manual.jsonl --method infllm,qllm,rag,truncate
      dq grep-anchors $D/grep-manual.txt $D/grep-manual.jsonl --method qllm --anchors 2
      dq grep-evidence $D/grep-manual.txt $D/grep-manual.jsonl --method qllm --anchors 2 --evidence-tokens 768
      dq coreutils $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method infllm,qllm,rag,truncate
      dq coreutils-anchors $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm --anchors 2
      dq coreutils-evidence $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm --anchors 2 --evidence-tokens 768 ) &
  elif [[ "${GRID:-short}" == 1m ]]; then # the 1M-token row alone, with the whole deadline
    OMP_NUM_THREADS=16 ev passkey-1m --task passkey --lengths 1m --depths 3 --method infllm,qllm
  elif [[ "${GRID:-short}" == long ]]; then
    ( ev passkey-long --task passkey --lengths 64k,128k,512k,1m --depths 3 --method infllm,qllm ) &
    ( ev needle-long --task needle --lengths 64k,128k --depths 3 --method infllm,qllm --mode ask,deep
      ev kv-long --task kv --lengths 64k,128k --depths 3 --method infllm,qllm --mode ask,deep ) &
  else
    ( ev passkey --task passkey --lengths 4k,16k,64k,128k --depths 5 --method full,infllm,qllm
      ev kv --task kv --lengths 4k,16k,64k --depths 5 --method full,infllm,qllm --mode ask,deep
      ev passkey-long --task passkey --lengths 512k,1m --depths 3 --method infllm,qllm ) &
    ( ev needle --task needle --lengths 4k,16k,64k,128k --depths 5 --method full,infllm,qllm --mode ask,deep
      ev multihop --task multihop --lengths 4k,16k,64k --depths 3 --method full,infllm,qllm --mode ask,deep ) &
  fi
  wait
  for d in /tmp/ev/*/; do n=$(basename "$d"); cp "$d/summary.md" "$OUT/summary-$n.md" 2>/dev/null; done
  tar czf "$OUT/eval.tgz" -C /tmp ev
  grep -ihE "cuda|using the cpu|on the cpu" /tmp/ev/*.log | sort | uniq -c | head
  for f in /tmp/ev/*.log; do echo "-- $f"; grep "^eval:" "$f" | tail -2; done ;;
# A shelf (issue 21): the coreutils manual's questions asked of it together with two other big
# manuals (gettext and gnupg, made here by `python3 scripts/make-docqa-docs.py --names
# gettext,gnupg --out .evcarry/shelf`), one lookup over all three; beside it the same questions
# to the manual alone, and rag over all three / the one. The default model, the app's way for
# block memory (anchors 2, re-read evidence answered alone). After stage1 (or part a kept by
# hand), carrying .evcarry/b and .evcarry/shelf. $OUT/summary-*.md, eval.tgz.
# MODEL=big: the big model's parts instead (`take NN` before; carry .devcarry and .evcarry/shelf):
# the manuals' questions on the shelf only, qllm and rag.
shelf)
  if [[ ${MODEL:-smol} == big ]]; then
    if [[ -d /tmp/big ]]; then cat /tmp/big/* > /tmp/big.gguf && rm -rf /tmp/big; fi
    echo "$(cat .devcarry/big-sha)  /tmp/big.gguf" | sha256sum -c - || exit 3
    MP=/tmp/big.gguf
  else
    [[ -f /tmp/smol-part-a ]] || { echo "part a is gone: the machine was not kept warm"; exit 3; }
    cat /tmp/smol-part-a .evcarry/b/part > /tmp/smol.gguf
    echo "$SHA  /tmp/smol.gguf" | sha256sum -c - || exit 3
    MP=/tmp/smol.gguf
  fi
  B=build/gpu/app/quire-cli
  [[ -x $B ]] || { echo "no quire-cli: build first (stage1 or gpu-session.sh)"; exit 3; }
  nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
  echo "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null)"
  mkdir -p /tmp/ev
  end=$((SECONDS + ${EVAL_SECONDS:-420}))
  ev() { local name=$1; shift; (( end - SECONDS > 5 )) || return; timeout $((end - SECONDS)) $B eval --model $MP "$@" --out /tmp/ev/$name > /dev/null 2>/tmp/ev/$name.log; }
  D=tests/data/docqa S=.evcarry/shelf
  app=(--preset auto --anchors 2 --evidence-tokens auto --evidence-alone)
  export OMP_NUM_THREADS=8
  if [[ ${MODEL:-smol} == big ]]; then
    ( ev big-coreutils-shelf --task docqa --doc $D/coreutils-manual.txt --questions $D/coreutils-manual.jsonl --shelf $S/gettext-manual.txt,$S/gnupg-manual.txt --method qllm,rag "${app[@]}" ) &
    ( ev big-grep-shelf --task docqa --doc $D/grep-manual.txt --questions $D/grep-manual.jsonl --shelf $S/gettext-manual.txt,$S/gnupg-manual.txt --method qllm,rag "${app[@]}" ) &
  else
  ( ev coreutils-shelf --task docqa --doc $D/coreutils-manual.txt --questions $D/coreutils-manual.jsonl --shelf $S/gettext-manual.txt,$S/gnupg-manual.txt --method qllm,infllm,rag "${app[@]}" ) &
  ( ev coreutils-one --task docqa --doc $D/coreutils-manual.txt --questions $D/coreutils-manual.jsonl --method qllm,infllm,rag "${app[@]}"
    ev grep-shelf --task docqa --doc $D/grep-manual.txt --questions $D/grep-manual.jsonl --shelf $S/gettext-manual.txt,$S/gnupg-manual.txt --method qllm,rag "${app[@]}" ) &
  fi
  wait
  for d in /tmp/ev/*/; do n=$(basename "$d"); cp "$d/summary.md" "$OUT/summary-$n.md" 2>/dev/null; done
  tar czf "$OUT/eval.tgz" -C /tmp ev
  for f in /tmp/ev/*.log; do echo "-- $f"; grep -E "^eval: docqa|rror" "$f" | head -3; grep "^eval:" "$f" | tail -1 | cut -c1-200; done ;;
# The demo book with the default model, several memory configurations side by side (after
# stage1, as stage2): results in $OUT/demo-CONFIG/{answers.tsv,summary.md}.
demo-small)
  [[ -f /tmp/smol-part-a ]] || { echo "part a is gone: the machine was not kept warm"; exit 3; }
  cat /tmp/smol-part-a .evcarry/b/part > /tmp/smol.gguf
  echo "$SHA  /tmp/smol.gguf" | sha256sum -c - || exit 3
  echo "== $(date -u +%FT%TZ)"
  export OMP_NUM_THREADS=3
  # DEMO_CONFIGS: NAME:PRESET[:BOOK.md] entries, run side by side (METHODS and MEMORY pass on).
  run_cfg() { local name=$1 preset=$2 book=${3:-resources/demo/the-keepers-of-halden-light.md}
    BOOK=$book DEADLINE=${DEMO_SECONDS:-420} bash scripts/demo-book-eval.sh build/gpu/app/quire-cli /tmp/smol.gguf "/tmp/demo-$name" "$preset" cuda >/dev/null 2>&1
    mkdir -p "$OUT/demo-$name" && cp /tmp/demo-$name/{answers.tsv,summary.md,ingest.json} "$OUT/demo-$name/" 2>/dev/null; }
  for c in ${DEMO_CONFIGS:-512:512 1k:1k 2k:2k infllm:infllm}; do IFS=: read -r n p b <<<"$c"; run_cfg "$n" "$p" "$b" & done
  wait
  for f in "$OUT"/demo-*/summary.md; do echo "-- $f"; sed -n 3,8p "$f"; done ;;
# A model larger than one call carries (Qwen2.5-Coder-1.5B, 1.1 GB) in parts of 52 MB:
#   bash scripts/gpu-eval.sh split-big NAME    (here) .evcarry/big/NN/part from the cached model
#   take NN   (there, carrying .evcarry/big/NN, one call per part, back to back) keeps the part
#   demo      (there, the last call, carrying .devcarry) joins and checks the parts, builds, and
#             runs scripts/demo-book-eval.sh on the demo book with that model (GPU).
split-big)
  M="$(build/release/app/quire-cli models path "${2:?catalog name}" 2>/dev/null || build/chk/app/quire-cli models path "$2")"
  rm -rf .evcarry/big && mkdir -p .evcarry/big
  sha256sum "$M" | cut -d' ' -f1 > .devcarry/big-sha
  (cd .evcarry/big && split -b 52M -d -a 2 "$M" p && for f in p*; do mkdir "${f#p}" && mv "$f" "${f#p}/part"; done)
  ls .evcarry/big | wc -l ;;
take)
  mkdir -p /tmp/big && cp ".evcarry/big/${2:?part}/part" "/tmp/big/$2" && echo "parts here: $(ls /tmp/big | wc -l)" ;;
# The first call of a big model's run: its first part, and quire-cli built (carry .devcarry and
# .evcarry/big/00); then `take NN` for the other parts, then `big-docqa`.
take-build)
  bash "$0" take 00 || exit 1
  P=$(bash scripts/gpu-machine-deps.sh unpack)
  t0=$SECONDS
  { cmake --preset gpu -DQUIRE_DEPS_PREFIX="$P" && cmake --build --preset gpu -j16 --target quire-cli; } >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
  echo "== build $((SECONDS - t0)) s" ;;
# The real-document question sets and the demo book with the big model (parts joined, SHA-256
# checked): the app's way (--preset auto: whole when the document fits the trained context,
# else the block memory preset for the model; anchors 2 and re-read evidence) for infllm and
# qllm, rag and truncate beside, rag with 3 passages (-rag3), the whole readings without re-read
# evidence (-noev), then
# the block memory alone (the paper's method, and with anchors and evidence) on the documents
# that auto reads whole. With SmolLM2's part a kept (`cp .evcarry/a/part /tmp/smol-part-a`, a call
# before) and .evcarry/b carried, the default model runs beside (SMOL_METHODS).
# RUN=alone runs the answers from the evidence alone (--evidence-alone) beside the app's way instead.
# $OUT/eval.tgz, summary-*.md.
big-docqa)
  if [[ -d /tmp/big ]]; then cat /tmp/big/* > /tmp/big.gguf && rm -rf /tmp/big; fi
  echo "$(cat .devcarry/big-sha)  /tmp/big.gguf" | sha256sum -c - || exit 3
  B=build/gpu/app/quire-cli
  nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
  echo "== $(date -u +%FT%TZ)"
  mkdir -p /tmp/ev
  end=$((SECONDS + ${EVAL_SECONDS:-540}))
  EV=${EVIDENCE:-auto}
  ev() { local name=$1; shift; (( end - SECONDS > 5 )) || return; timeout $((end - SECONDS)) $B eval --model /tmp/big.gguf "$@" --out /tmp/ev/$name > /dev/null 2>/tmp/ev/$name.log; }
  D=tests/data/docqa
  demo=(resources/demo/the-keepers-of-halden-light.md resources/demo/the-keepers-of-halden-light.questions.json)
  dq() { local name=$1 doc=$2 qs=$3; shift 3; ev "$name" --task docqa --doc "$doc" --questions "$qs" "$@"; }
  app=(--preset auto --anchors 2 --evidence-tokens "$EV")
  export OMP_NUM_THREADS=5
  if [[ ${RUN:-} == alone ]]; then # RUN=alone: answers from the evidence alone (-alone) beside the app's way, one card
    alone=(--evidence-alone)
    mem=(--preset infllm --anchors 2 --evidence-tokens "$EV")
    ( dq coreutils-alone $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm,infllm "${app[@]}" "${alone[@]}"
      dq coreutils $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm,infllm,rag "${app[@]}" ) &
    ( dq grep-memory-alone $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,infllm "${mem[@]}" "${alone[@]}"
      dq demo-memory-alone "${demo[@]}" --method qllm,infllm "${mem[@]}" "${alone[@]}"
      dq gzip-memory-alone $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,infllm "${mem[@]}" "${alone[@]}"
      dq grep $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,rag "${app[@]}"
      dq gzip $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,rag "${app[@]}"
      dq grep-memory $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,infllm "${mem[@]}"
      dq gzip-memory $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,infllm "${mem[@]}"
      dq demo-memory "${demo[@]}" --method qllm,infllm "${mem[@]}" ) &
    SMOL_ALONE=1
  else
  ( dq coreutils $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm,rag,infllm${BIG_TRUNCATE:+,truncate} "${app[@]}"
    dq coreutils-rag3 $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method rag --rag-passages 3 --preset auto
    dq coreutils-paper $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method infllm,qllm --preset auto ) &
  ( dq grep $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,rag "${app[@]}"
    dq demo "${demo[@]}" --method qllm,rag "${app[@]}"
    dq gzip $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,rag "${app[@]}"
    for r in demo gzip grep; do # GPT4All's way: 3 passages (cheap: no reading)
      if [[ $r == demo ]]; then dq demo-rag3 "${demo[@]}" --method rag --rag-passages 3 --preset auto
      else dq $r-rag3 $D/$r-manual.txt $D/$r-manual.jsonl --method rag --rag-passages 3 --preset auto; fi
    done
    dq demo-noev "${demo[@]}" --method qllm --preset auto --anchors 2 --evidence-tokens 0
    dq gzip-noev $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm --preset auto --anchors 2 --evidence-tokens 0
    dq grep-noev $D/grep-manual.txt $D/grep-manual.jsonl --method qllm --preset auto --anchors 2 --evidence-tokens 0
    dq demo-memory "${demo[@]}" --method infllm,qllm --preset infllm --anchors 2 --evidence-tokens "$EV"
    dq demo-paper "${demo[@]}" --method infllm,qllm --preset infllm
    dq gzip-memory $D/gzip-manual.txt $D/gzip-manual.jsonl --method infllm,qllm --preset infllm --anchors 2 --evidence-tokens "$EV"
    dq grep-memory $D/grep-manual.txt $D/grep-manual.jsonl --method infllm,qllm --preset infllm --anchors 2 --evidence-tokens "$EV" ) &
  fi
  if [[ -f /tmp/smol-part-a && -f .evcarry/b/part ]]; then # the default model beside it (carried as in stage1/stage2)
    cat /tmp/smol-part-a .evcarry/b/part > /tmp/smol.gguf
    if echo "$SHA  /tmp/smol.gguf" | sha256sum -c - >/dev/null; then
      sm() { local name=$1 doc=$2 qs=$3; shift 3; (( end - SECONDS > 5 )) || return
        timeout $((end - SECONDS)) $B eval --model /tmp/smol.gguf --task docqa --doc "$doc" --questions "$qs" "$@" --out /tmp/ev/smol-$name > /dev/null 2>/tmp/ev/smol-$name.log; }
      sapp=(--preset auto --anchors 2 --evidence-tokens auto)
      SM=${SMOL_METHODS:-infllm,qllm,rag,truncate}
      if [[ -n ${SMOL_ALONE:-} ]]; then # the default model reads every set as block memory: each with and without
        ( sm demo-alone "${demo[@]}" --method qllm,infllm "${sapp[@]}" --evidence-alone
          sm demo "${demo[@]}" --method qllm,infllm,rag "${sapp[@]}"
          sm coreutils-alone $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm,infllm "${sapp[@]}" --evidence-alone
          sm coreutils $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method qllm,infllm,rag "${sapp[@]}" ) &
        ( sm grep-alone $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,infllm "${sapp[@]}" --evidence-alone
          sm grep $D/grep-manual.txt $D/grep-manual.jsonl --method qllm,infllm,rag "${sapp[@]}"
          sm gzip-alone $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,infllm "${sapp[@]}" --evidence-alone
          sm gzip $D/gzip-manual.txt $D/gzip-manual.jsonl --method qllm,infllm,rag "${sapp[@]}" ) &
      else
      ( sm coreutils $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method "$SM" "${sapp[@]}"
        sm gzip $D/gzip-manual.txt $D/gzip-manual.jsonl --method "$SM" "${sapp[@]}"
        sm grep $D/grep-manual.txt $D/grep-manual.jsonl --method "$SM" "${sapp[@]}"
        sm demo "${demo[@]}" --method "$SM" "${sapp[@]}"
        sm demo-paper "${demo[@]}" --method infllm,qllm --preset auto
        sm gzip-paper $D/gzip-manual.txt $D/gzip-manual.jsonl --method infllm,qllm --preset auto
        sm grep-paper $D/grep-manual.txt $D/grep-manual.jsonl --method infllm,qllm --preset auto
        sm coreutils-paper $D/coreutils-manual.txt $D/coreutils-manual.jsonl --method infllm,qllm --preset auto ) &
      fi
    fi
  fi
  wait
  for d in /tmp/ev/*/; do n=$(basename "$d"); cp "$d/summary.md" "$OUT/summary-$n.md" 2>/dev/null; done
  tar czf "$OUT/eval.tgz" -C /tmp ev
  for f in /tmp/ev/*.log; do echo "-- $f"; grep -E "^eval: docqa|error|Error" "$f" | head -3; grep "^eval:" "$f" | tail -1 | cut -c1-200; done ;;
demo)
  cat /tmp/big/* > /tmp/big.gguf && rm -rf /tmp/big
  echo "$(cat .devcarry/big-sha)  /tmp/big.gguf" | sha256sum -c - || exit 3
  P=$(bash scripts/gpu-machine-deps.sh unpack)
  { cmake --preset gpu -DQUIRE_DEPS_PREFIX="$P" && cmake --build --preset gpu -j16 --target quire-cli; } >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
  echo "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD 2>/dev/null)"
  DEADLINE=${DEMO_SECONDS:-400} bash scripts/demo-book-eval.sh build/gpu/app/quire-cli /tmp/big.gguf /tmp/demo "${PRESET:-512}" cuda
  cp /tmp/demo/answers.tsv /tmp/demo/summary.md "$OUT/" 2>/dev/null; tail -3 /tmp/demo/ingest.log /tmp/demo/full.log 2>/dev/null | cut -c1-300 ;;
*) echo "usage: $0 split | stage1 | stage2 | shelf | demo-small | split-big NAME | take NN | take-build | big-docqa | demo" >&2; exit 2 ;;
esac

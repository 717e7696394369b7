#!/usr/bin/env bash
# The demo book's planted questions with one model, every way Quire can answer them:
#   bash scripts/demo-book-eval.sh QUIRE_CLI MODEL OUTDIR [PRESET] [BACKEND]
# (BOOK=FILE.md another book with its FILE.questions.json; MEMORY="--repr-topk 16 ..." adds
# memory options to the reading; METHODS="qllm ask,qllm deep" picks some of qllm ask, infllm
# ask, qllm deep, full, and "paper ask" / "paper deep": QLLM without word-match anchors)
# reads resources/demo/the-keepers-of-halden-light.md once into block memory (PRESET, default
# 2k as the app), then asks each question of the .questions.json file in ask mode with QLLM
# (the model's default beta, quire-cli's default word-match anchors as the app) and InfLLM
# (beta 0), in deep mode with QLLM, and with plain full attention over the whole book when it
# fits the model's context (generate --chat). An answer counts as right when it contains the
# planted answer (case-insensitive) or, as a whole word, one of its "accept" forms (a number in
# digits). Writes
# OUTDIR/answers.tsv and OUTDIR/summary.md.
set -uo pipefail
cd "$(dirname "$0")/.."
CLI=${1:?usage: demo-book-eval.sh QUIRE_CLI MODEL OUTDIR [PRESET] [BACKEND]}
MODEL=${2:?model}
OUT=${3:?outdir}
PRESET=${4:-2k}
BACKEND=${5:-auto}
BOOK=${BOOK:-resources/demo/the-keepers-of-halden-light.md}
mkdir -p "$OUT"
STORE="$OUT/demo.qstore"
t0=$SECONDS
"$CLI" ingest --model "$MODEL" --doc "$BOOK" --store "$STORE" --force --preset "$PRESET" ${MEMORY:-} --backend "$BACKEND" >"$OUT/ingest.json" 2>"$OUT/ingest.log" ||
  { tail -5 "$OUT/ingest.log"; exit 1; }
echo "ingest: $((SECONDS - t0)) s, $(grep -o '"tokens": *[0-9]*' "$OUT/ingest.json" | head -1)"
CTX=$("$CLI" info --model "$MODEL" --json 2>/dev/null | python3 -c "import json,sys; print(json.load(sys.stdin).get('context_length', 0))" 2>/dev/null || echo 0)

python3 - "$BOOK" <<'EOF' >"$OUT/questions.tsv"
import json, sys
q = json.load(open(sys.argv[1].replace('.md', '.questions.json')))
for x in q['questions']:
    print(x['question'] + '\t' + '|'.join([x['answer']] + x.get('accept', [])))
EOF

printf 'question\tanswer\tmethod\tright\tseconds\treply\n' >"$OUT/answers.tsv"
right() {
  python3 -c "
import re, sys
n = lambda s: s.lower().replace(',', '')
reply, (answer, *accept) = n(sys.argv[1]), n(sys.argv[2]).split('|')
ok = answer in reply or any(re.search(r'(?<![0-9a-z])' + re.escape(a) + r'(?![0-9a-z])', reply) for a in accept)
print(1 if ok else 0)" "$1" "$2"
}
# Method by method (so a deadline, DEADLINE seconds from the start, cuts whole methods last).
IFS=, read -ra methods <<<"${METHODS:-qllm ask,infllm ask,qllm deep,full}"
for m in "${methods[@]}"; do
  while IFS=$'\t' read -r Q A; do
    (( ${DEADLINE:-0} == 0 || SECONDS < DEADLINE )) || { echo "deadline: $m skipped from '$Q'"; break 2; }
    t=$SECONDS
    case $m in
      "qllm ask") r=$("$CLI" ask --model "$MODEL" --store "$STORE" --question "$Q" -n 48 --backend "$BACKEND" 2>>"$OUT/ask.log") ;;
      "infllm ask") r=$("$CLI" ask --model "$MODEL" --store "$STORE" --question "$Q" -n 48 --beta 0 --backend "$BACKEND" 2>>"$OUT/ask.log") ;;
      "qllm deep") r=$("$CLI" ask --model "$MODEL" --store "$STORE" --question "$Q" -n 48 --mode deep --backend "$BACKEND" 2>>"$OUT/ask.log") ;;
      "paper ask") r=$("$CLI" ask --model "$MODEL" --store "$STORE" --question "$Q" -n 48 --anchors 0 --backend "$BACKEND" 2>>"$OUT/ask.log") ;;
      "paper deep") r=$("$CLI" ask --model "$MODEL" --store "$STORE" --question "$Q" -n 48 --mode deep --anchors 0 --backend "$BACKEND" 2>>"$OUT/ask.log") ;;
      full)
        { cat "$BOOK"; printf '\n\nQuestion: %s\n' "$Q"; } >"$OUT/prompt.txt"
        r=$("$CLI" generate --model "$MODEL" --prompt-file "$OUT/prompt.txt" --chat -n 48 --ctx "${CTX:-0}" --backend "$BACKEND" 2>>"$OUT/full.log") ||
          r="(full attention failed: $(tail -1 "$OUT/full.log"))" ;;
    esac
    r=$(printf '%s' "$r" | tr '\t\n' '  ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$Q" "$A" "$m" "$(right "$r" "$A")" "$((SECONDS - t))" "$r" >>"$OUT/answers.tsv"
  done <"$OUT/questions.tsv"
done

python3 - "$OUT" "$MODEL" "$PRESET" <<'EOF'
import csv, sys, collections
out, model, preset = sys.argv[1:4]
rows = list(csv.DictReader(open(out + '/answers.tsv'), delimiter='\t', quoting=csv.QUOTE_NONE))
by = collections.OrderedDict()
for r in rows:
    by.setdefault(r['method'], []).append(r)
with open(out + '/summary.md', 'w') as f:
    f.write(f'Demo book, model {model.split("/")[-1]}, preset {preset}\n\n| method | right | s / question |\n|---|---|---|\n')
    for m, rs in by.items():
        f.write(f"| {m} | {sum(int(r['right']) for r in rs)}/{len(rs)} | {sum(int(r['seconds']) for r in rs) / len(rs):.1f} |\n")
    f.write('\n| question | expected | ' + ' | '.join(by) + ' |\n|---|---|' + '---|' * len(by) + '\n')
    qs = list(collections.OrderedDict((r['question'], r['answer']) for r in rows).items())
    for q, a in qs:
        cells = []
        for m in by:
            r = next((x for x in by[m] if x['question'] == q), None)
            cells.append('-' if r is None else ('**right**: ' if r['right'] == '1' else '') + r['reply'][:90].replace('|', '/'))
        f.write(f"| {q} | {a.replace('|', ' / ')} | " + ' | '.join(cells) + ' |\n')
print(open(out + '/summary.md').read())
EOF

#!/usr/bin/env bash
# Builds one libFuzzer target with clang (libFuzzer + ASan + UBSan) and runs it for a bounded time,
# seeded and with its dictionary: run-fuzz.sh [TARGET] [SECONDS]
#   gguf  the GGUF parser (seeds: the test fixtures' GGUF files)
#   epub  the EPUB reader and its XML/HTML parsing (seeds: EPUB parts, tests/fuzz/seeds/epub)
#   text  the text decoder (seeds: tests/fuzz/seeds/text)
# SECONDS: second argument, else $QUIRE_FUZZ_SECONDS, else 60; RUNS=N runs N inputs instead.
# Memory: -rss_limit_mb=1024 (no input may take more). Any finding fails the script and leaves the
# reproducer in build/fuzz/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/../.."
target="${1:-gguf}"
seconds="${2:-${QUIRE_FUZZ_SECONDS:-60}}"
CXX="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$CXX" ]; then echo "run-fuzz: clang++ not found" >&2; exit 1; fi
out=build/fuzz/$target
mkdir -p "$out/corpus"
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iengine -Itests/support)
dict=()
case "$target" in
  gguf)
    "$CXX" "${flags[@]}" tests/fuzz/fuzz_gguf.cpp engine/model/gguf.cpp engine/model/ggml_type.cpp engine/core/error.cpp \
      engine/core/utf8.cpp engine/core/mapped_file.cpp -o "$out/fuzz"
    find tests/data -name '*.gguf' -size -600k -exec cp {} "$out/corpus/" \; ;;
  epub)
    "$CXX" "${flags[@]}" $(pkg-config --cflags libxml-2.0 libzip) tests/fuzz/fuzz_epub.cpp engine/document/epub_source.cpp \
      engine/document/markup_text.cpp engine/core/error.cpp engine/core/utf8.cpp $(pkg-config --libs libxml-2.0 libzip) -o "$out/fuzz"
    dict=(-dict=tests/fuzz/epub.dict)
    cp tests/fuzz/seeds/epub/* "$out/corpus/" ;;
  text)
    "$CXX" "${flags[@]}" tests/fuzz/fuzz_text.cpp engine/document/text_decode.cpp engine/core/error.cpp engine/core/utf8.cpp -o "$out/fuzz"
    dict=(-dict=tests/fuzz/text.dict)
    cp tests/fuzz/seeds/text/* "$out/corpus/" ;;
  *) echo "run-fuzz: unknown target $target (gguf, epub, text)" >&2; exit 2 ;;
esac
limit=(-max_total_time="$seconds") what="${seconds}s"
if [ -n "${RUNS:-}" ]; then limit=(-runs="$RUNS") what="$RUNS runs"; fi
echo "run-fuzz: fuzzing $target ($what)" >&2
"$out/fuzz" "$out/corpus" "${limit[@]}" "${dict[@]}" -max_len=65536 -timeout=10 -rss_limit_mb=1024 \
  -artifact_prefix="$out/" -print_final_stats=1 2>"$out/fuzz.log" || { tail -50 "$out/fuzz.log"; exit 1; }
grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done' "$out/fuzz.log" | tail -3 >&2

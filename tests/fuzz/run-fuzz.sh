#!/usr/bin/env bash
# Builds the GGUF parser fuzzer with clang (libFuzzer + ASan + UBSan) and runs it for a bounded
# time (first argument, seconds; default 60), seeded with the test fixtures' GGUF files.
# Any crash fails the script and leaves the reproducer in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-${QUIRE_FUZZ_SECONDS:-60}}"
CXX="$(command -v clang++ || command -v clang++-14 || true)"
if [ -z "$CXX" ]; then echo "run-fuzz: clang++ not found" >&2; exit 1; fi
out=build/fuzz
mkdir -p "$out/corpus"
"$CXX" -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Iengine \
  tests/fuzz/fuzz_gguf.cpp engine/model/gguf.cpp engine/model/ggml_type.cpp engine/core/error.cpp engine/core/mapped_file.cpp \
  -o "$out/fuzz_gguf"
find tests/data -name '*.gguf' -size -600k -exec cp {} "$out/corpus/" \;
echo "run-fuzz: fuzzing the GGUF parser for ${seconds}s" >&2
"$out/fuzz_gguf" "$out/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$out/" -print_final_stats=1 2>"$out/fuzz.log" || { tail -50 "$out/fuzz.log"; exit 1; }
grep -E 'stat::number_of_executed_units|Done' "$out/fuzz.log" | tail -2 >&2

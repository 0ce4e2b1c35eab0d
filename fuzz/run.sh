#!/usr/bin/env bash
# Builds the lint fuzzer (clang, libFuzzer, ASan + UBSan) in build/fuzz and
# runs it for SECONDS (default 60) on one core:
#
#   fuzz/run.sh 600                 # or: make fuzz SECONDS=600
#   fuzz/run.sh 600 -only_ascii=1   # extra arguments go to libFuzzer
#   fuzz/run.sh repro FILE...       # run the target on saved inputs (crash-*, ...)
#
# The seed corpus is copied from tests/lint/golden/*/*.sql and
# examples/migrations/*.sql into build/fuzz/seeds on every run; what the
# fuzzer finds accumulates in build/fuzz/corpus across runs, and crashes,
# leaks and timeouts land in build/fuzz/artifacts/. Nothing is written into
# the source tree.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build/fuzz"
binary="$build/fuzz/strata_lint_fuzzer"
jobs=${JOBS:-2}

cxx=${FUZZ_CXX:-clang++}
cc=${FUZZ_CC:-clang}
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: $cxx not found (make fuzz installs clang and libclang-rt-14-dev)" >&2
  exit 2
fi

# Configure once, then let ninja decide what to rebuild.
if [[ ! -f "$build/build.ninja" ]] || ! grep -q '^STRATA_BUILD_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE= \
    -DSTRATA_BUILD_FUZZ=ON -DSTRATA_BUILD_TESTS=OFF -DSTRATA_BUILD_BENCH=OFF >/dev/null
fi
ninja -C "$build" -j "$jobs" strata_lint_fuzzer

if [[ "${1:-}" == "repro" ]]; then
  shift
  exec "$binary" "$@"
fi

seconds=${1:-60}
shift || true
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: fuzz/run.sh [SECONDS] [libFuzzer args...] | fuzz/run.sh repro FILE..." >&2
  exit 2
fi

seeds="$build/seeds"
corpus="$build/corpus"
artifacts="$build/artifacts"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
# Golden files share names across rules (safe.sql, unsafe.sql): prefix the rule.
for f in "$root"/tests/lint/golden/*/*.sql; do
  [[ -e "$f" ]] || continue
  cp "$f" "$seeds/$(basename "$(dirname "$f")")__$(basename "$f")"
done
for f in "$root"/examples/migrations/*.sql; do
  [[ -e "$f" ]] || continue
  cp "$f" "$seeds/example__$(basename "$f")"
done

echo "fuzz: $(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) inputs in the corpus, ${seconds}s"
# One process on one core: the same as -jobs=1, with the progress on stderr
# instead of a fuzz-0.log. New inputs go to the first directory (the corpus).
cd "$build"
exec "$binary" "$corpus" "$seeds" \
  -dict="$root/fuzz/sql.dict" \
  -max_total_time="$seconds" \
  -max_len=4096 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$artifacts/" \
  "$@"

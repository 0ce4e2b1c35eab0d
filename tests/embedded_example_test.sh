#!/usr/bin/env bash
# Installs the built library into a temp prefix, builds examples/embedded
# against it with find_package(strata), and runs it twice: the first start
# migrates, the second finds nothing to do, and both serve the query.
set -euo pipefail
src=${1:?source dir}
build=${2:?build dir}
work=$(mktemp -d /tmp/strata-embedded.XXXXXX)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
build_type=$(grep -E '^CMAKE_BUILD_TYPE:' "$build/CMakeCache.txt" | cut -d= -f2)
cmake -S "$src/examples/embedded" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_BUILD_TYPE="${build_type:-Debug}" >/dev/null
cmake --build "$work/build" >/dev/null

url="sqlite:$work/shop.db"
first=$("$work/build/shop" "$url" "$src/examples/migrations" 2>"$work/first.err")
grep -q "8 migration(s) applied now" "$work/first.err" || { cat "$work/first.err"; exit 1; }
[[ "$first" == *"MUG-01	Mug; large	1200"* ]] || { echo "unexpected output: $first"; exit 1; }
"$work/build/shop" "$url" "$src/examples/migrations" >/dev/null 2>"$work/second.err"
grep -q "0 migration(s) applied now" "$work/second.err" || { cat "$work/second.err"; exit 1; }
echo "embedded example: ok"

#!/usr/bin/env bash
# Runs the whole suite from a build directory: starts a throwaway PostgreSQL on
# 127.0.0.1 (the tests read its URL from STRATA_TEST_PG_URL), runs ctest, and
# stops the server whatever happens.
set -euo pipefail
build=${1:?build dir}
here=$(cd "$(dirname "$0")/.." && pwd)
state=$(mktemp -d /tmp/strata-pg.XXXXXX)
chmod 755 "$state"
cleanup() {
  bash "$here/scripts/pg-test-server.sh" stop "$state" || true
  rm -rf "$state"
}
trap cleanup EXIT INT TERM
STRATA_TEST_PG_URL=$(bash "$here/scripts/pg-test-server.sh" start "$state")
export STRATA_TEST_PG_URL
echo "PostgreSQL for the tests: $STRATA_TEST_PG_URL"
cd "$build"
ctest --output-on-failure --timeout 600 -j "$(nproc)"

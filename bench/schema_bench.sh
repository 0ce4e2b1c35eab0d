#!/usr/bin/env bash
# strata's schema commands against their floors, measured side by side in one run:
#   - inspect of an N-table PostgreSQL schema (PK, unique, check, FK and an index per table)
#     against pg_dump --schema-only of the same database;
#   - test rollback of the generated corpus against a plain `strata up` of it, on SQLite and
#     on PostgreSQL.
#
#   bash bench/schema_bench.sh [--tables 1000] [--n 1000] [--repeat 3] [--seed 42]
#                              [--engines "sqlite postgres"] [--pg-url URL] [--keep]
#
#   --tables T   tables in the inspect schema (default 1000)
#   --n N        migrations in the rollback corpus (default 1000; the run grows with
#                migrations x schema size, see the README)
#   --repeat R   timed runs of each inspect row (median); test rollback and up run once each
#   --pg-url URL use this server (its role needs CREATEDB) instead of a throwaway one
#
# Environment: STRATA_BIN (default build/release/strata), TMPDIR. Needs python3, psql and
# pg_dump, and the PostgreSQL server binaries unless --pg-url.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
die() { echo "schema_bench.sh: $*" >&2; exit 2; }

TABLES=1000 N=1000 REPEAT=3 SEED=42 ENGINES="sqlite postgres" PG_URL="" KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tables) TABLES=${2:?}; shift 2 ;;
    --n) N=${2:?}; shift 2 ;;
    --repeat) REPEAT=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --engines) ENGINES=${2:?}; shift 2 ;;
    --pg-url) PG_URL=${2:?}; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in TABLES N REPEAT SEED; do
  [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer, got '${!v}'"
done
STRATA_BIN=${STRATA_BIN:-$ROOT/build/release/strata}
[ -x "$STRATA_BIN" ] || die "no strata binary at $STRATA_BIN (build strata_cli or set STRATA_BIN)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-schema-bench.XXXXXX")
PGSTATE=""
cleanup() {
  if [ -n "$PGSTATE" ]; then bash "$ROOT/scripts/pg-test-server.sh" stop "$PGSTATE" || true; rm -rf "$PGSTATE"; fi
  if [ "$KEEP" = 1 ]; then echo "kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Wall seconds of one run of "$@" (output to $WORK/last.log); fails the bench when it fails,
# except for the exit code 3 that test rollback and diff use for findings.
seconds() {
  local start end rc=0
  start=$(date +%s.%N)
  "$@" >"$WORK/last.log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" != 0 ]; then tail -20 "$WORK/last.log" >&2; die "failed ($rc): $*"; fi
  python3 -c "print(f'{$end - $start:.3f}')"
}
median() { python3 -c 'import statistics, sys; print(f"{statistics.median(map(float, sys.argv[1:])):.3f}")' "$@"; }
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.2f}x")' "$1" "$2"; }
line() { printf '  %-58s %9s s  %s\n' "$1" "$2" "${3:-}"; }

echo "strata schema bench: tables=$TABLES, corpus n=$N, repeat=$REPEAT, $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"

pg_server() {
  if [ -n "$PG_URL" ]; then return; fi
  PGSTATE=$(mktemp -d /tmp/strata-schema-bench-pg.XXXXXX)
  chmod 755 "$PGSTATE"
  PG_URL=$(bash "$ROOT/scripts/pg-test-server.sh" start "$PGSTATE") || die "could not start PostgreSQL"
}
# The URL of database $1 on the server.
pg_db() { python3 -c 'import sys; from urllib.parse import urlsplit, urlunsplit; u = urlsplit(sys.argv[1]); print(urlunsplit((u.scheme, u.netloc, "/" + sys.argv[2], u.query, "")))' "$PG_URL" "$1"; }
pg_fresh() { psql -X -q -d "$PG_URL" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

for engine in $ENGINES; do
  case "$engine" in
    sqlite) dialect=sqlite ;;
    postgres) dialect=pg; pg_server ;;
    *) die "unknown engine '$engine'" ;;
  esac
  C=$WORK/corpus-$engine
  python3 "$HERE/gen_corpus.py" --out "$C" --n "$N" --seed "$SEED" --no-raw --dialect "$dialect" >/dev/null
  if [ "$engine" = sqlite ]; then
    up_url=sqlite:$WORK/up.db rb_url=sqlite:$WORK/rb.db
  else
    pg_fresh strata_sb_up; pg_fresh strata_sb_rb
    up_url=$(pg_db strata_sb_up) rb_url=$(pg_db strata_sb_rb)
  fi
  echo "$engine: test rollback vs up, $N migrations"
  t_up=$(seconds "$STRATA_BIN" --url "$up_url" --dir "$C/native" up)
  t_rb=$(seconds "$STRATA_BIN" --url "$rb_url" --dir "$C/native" --json test rollback)
  verdicts=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["summary"], "rebuilds", d["rebuilds"])' "$WORK/last.log")
  line "strata up, fresh database (floor)" "$t_up"
  line "strata test rollback (3 steps + 3 schema checks each)" "$t_rb" "$(ratio "$t_rb" "$t_up") $verdicts"
done

if [[ " $ENGINES " == *" postgres "* ]]; then
  command -v pg_dump >/dev/null || die "pg_dump is needed (apt-get install postgresql-client)"
  pg_fresh strata_sb_inspect
  python3 - "$TABLES" >"$WORK/schema.sql" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    ref = f",\n  parent_id bigint REFERENCES t{i - 1} (id) ON DELETE CASCADE" if i else ""
    print(f"""CREATE TABLE t{i} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
  note varchar(200),
  created_at timestamptz NOT NULL DEFAULT now(){ref});
CREATE INDEX t{i}_created ON t{i} (created_at) WHERE note IS NOT NULL;""")
PY
  DB=$(pg_db strata_sb_inspect)
  psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/schema.sql" >/dev/null
  echo "postgres: inspect vs pg_dump --schema-only, $TABLES tables (median of $REPEAT)"
  ti=() td=()
  for _ in $(seq "$REPEAT"); do
    td+=("$(seconds pg_dump --schema-only -d "$DB")")
    ti+=("$(seconds "$STRATA_BIN" --url "$DB" inspect --json)")
  done
  m_dump=$(median "${td[@]}") m_inspect=$(median "${ti[@]}")
  line "pg_dump --schema-only (floor)" "$m_dump"
  line "strata inspect --json" "$m_inspect" "$(ratio "$m_inspect" "$m_dump")"
fi

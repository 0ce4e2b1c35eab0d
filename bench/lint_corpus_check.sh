#!/usr/bin/env bash
# Checks that the lint benchmark's corpus is valid PostgreSQL: generates it and applies every
# migration, in order, to a new empty database (each transactional migration inside BEGIN/COMMIT,
# as strata runs it), stopping at the first error.
#
#   bash bench/lint_corpus_check.sh [--n 17000] [--seed 42] [--pg-url URL] [--keep]
#
#   --n N, --seed S  the corpus, as for lint_corpus.py (default 17000, 42)
#   --pg-url URL     use this server (its database runs CREATE/DROP DATABASE; the role needs
#                    CREATEDB) instead of starting a throwaway one with scripts/pg-test-server.sh
#   --keep           keep the scratch folder (corpus, psql log) and the server's folder
#
# 2-4 minutes for 17,000 migrations. Needs psql, and the server binaries under
# /usr/lib/postgresql/*/bin unless --pg-url (`make deps-test` installs both).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "lint_corpus_check.sh: $*" >&2; exit 2; }

N=17000 SEED=42 PG_URL="" KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --n) [ $# -ge 2 ] || die "--n needs a value"; N=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a value"; SEED=$2; shift 2 ;;
    --pg-url) [ $# -ge 2 ] || die "--pg-url needs a value"; PG_URL=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
command -v psql >/dev/null || die "psql is needed (apt-get install postgresql-client)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-lint-check.XXXXXX")
PGSTATE="" DB="strata_lint_check_$$" ADMIN=""
cleanup() {
  if [ -n "$PGSTATE" ]; then
    # A throwaway server: kept, it stops cleanly; else it goes with its folder, so an immediate
    # stop spares the shutdown checkpoint (fsync of some 10,000 relations on a slow disk).
    if [ "$KEEP" = 1 ]; then
      bash "$ROOT/scripts/pg-test-server.sh" stop "$PGSTATE" || echo "could not stop the server in $PGSTATE" >&2
      echo "server folder kept: $PGSTATE" >&2
    else
      bash "$ROOT/scripts/pg-test-server.sh" crash "$PGSTATE" 2>/dev/null \
        || bash "$ROOT/scripts/pg-test-server.sh" stop "$PGSTATE" || echo "could not stop the server in $PGSTATE" >&2
      rm -rf "$PGSTATE"
    fi
  elif [ -n "$ADMIN" ]; then
    psql -X -q -d "$ADMIN" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || echo "could not drop database $DB" >&2
  fi
  if [ "$KEEP" = 1 ]; then echo "scratch folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 "$HERE/lint_corpus.py" --out "$WORK/corpus" --n "$N" --seed "$SEED"

if [ -z "$PG_URL" ]; then
  # The server runs as the postgres user when we are root: it must be able to reach its folder.
  PGSTATE=$(mktemp -d "${TMPDIR:-/tmp}/strata-lint-pg.XXXXXX")
  chmod 755 "$PGSTATE"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$PGSTATE" 2>/dev/null; then
    rmdir "$PGSTATE"; PGSTATE=$(mktemp -d /tmp/strata-lint-pg.XXXXXX); chmod 755 "$PGSTATE"
  fi
  PG_URL=$(bash "$ROOT/scripts/pg-test-server.sh" start "$PGSTATE") \
    || { KEEP=1; die "could not start a PostgreSQL server (logs in $PGSTATE)"; }
fi
ADMIN=$PG_URL
# The same server, database $DB: replace the URL's path, keep its query string.
DB_URL=$(python3 -c 'import sys; from urllib.parse import urlsplit, urlunsplit
u = urlsplit(sys.argv[1]); print(urlunsplit((u.scheme, u.netloc, "/" + sys.argv[2], u.query, "")))' "$PG_URL" "$DB")
echo "server: PostgreSQL $(psql -X -At -d "$ADMIN" -c 'SHOW server_version')"
psql -X -q -v ON_ERROR_STOP=1 -d "$ADMIN" -c "CREATE DATABASE $DB" >/dev/null

echo "applying $N migrations in order (psql, one transaction per transactional migration)..."
START=$(date +%s)
if ! psql -X -q -v ON_ERROR_STOP=1 -d "$DB_URL" -f "$WORK/corpus/apply_all.psql" >"$WORK/psql.log" 2>&1; then
  KEEP=1
  grep -B2 -A6 'ERROR' "$WORK/psql.log" | head -30 >&2
  LINE=$(grep -m1 -o 'apply_all.psql:[0-9]*: ERROR' "$WORK/psql.log" | cut -d: -f2 || true)
  WHICH=$(head -n "${LINE:-0}" "$WORK/corpus/apply_all.psql" | grep -E '^(-- |\\echo )[0-9]+_' | tail -1 | cut -d' ' -f2)
  die "the corpus does not apply: migration ${WHICH:-?} fails (corpus kept in $WORK/corpus)"
fi
psql -X -At -F ' ' -d "$DB_URL" -c "
  SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p')) AS tables,
         count(*) FILTER (WHERE c.relkind = 'i') AS indexes,
         count(*) FILTER (WHERE c.relkind IN ('v', 'm')) AS views,
         (SELECT count(*) FROM pg_proc p JOIN pg_namespace pn ON pn.oid = p.pronamespace
          WHERE pn.nspname NOT IN ('pg_catalog', 'information_schema')) AS functions
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')" |
  { read -r t i v f; echo "ok: every migration applied in $(( $(date +%s) - START )) s; the database has $t tables, $i indexes, $v views, $f functions"; }

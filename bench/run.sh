#!/usr/bin/env bash
# strata against the physical floor (sqlite3 or psql), measured side by side in one run.
#
#   bash bench/run.sh [--engine sqlite|postgres] [--n 1000] [--status-n 10000] [--repeat 3]
#                     [--seed 42] [--out FILE.jsonl] [--with-down] [--pg-url URL] [--keep]
#
#   --engine E     sqlite (default) or postgres
#   --n N          migrations for the up rows (default 1000)
#   --status-n M   migrations for the status / validate rows (default 10000)
#   --repeat R     timed runs per row; the table shows medians (default 3)
#   --seed S       corpus seed (default 42)
#   --out FILE     append the JSON lines here (default: a new file under ${TMPDIR:-/tmp})
#   --with-down    also time down of everything: the floor's down_all.sql against strata
#                  down --all (always on with --engine postgres)
#   --pg-url URL   postgres: use this server (its database for CREATE/DROP DATABASE; the role
#                  needs CREATEDB) instead of starting a throwaway one
#   --keep         keep the scratch folder (corpora, databases, command log, server log)
#
# Environment: STRATA_BIN (default build/release/strata), TMPDIR, STRATA_BENCH_PG_URL (default
# for --pg-url), STRATA_BENCH_COMPARE=1 to print how to run the shared harness (../shared/bench).
# Needs python3 and the sqlite3 shell, or psql (and the PostgreSQL server unless --pg-url).
# See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

usage() { sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "run.sh: $*" >&2; exit 2; }

N=1000 STATUS_N=10000 REPEAT=3 SEED=42 OUT="" WITH_DOWN=0 KEEP=0 ENGINE=sqlite
PG_URL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) [ $# -ge 2 ] || die "--engine needs a value"; ENGINE=$2; shift 2 ;;
    --pg-url) [ $# -ge 2 ] || die "--pg-url needs a value"; PG_URL=$2; shift 2 ;;
    --n) [ $# -ge 2 ] || die "--n needs a value"; N=$2; shift 2 ;;
    --status-n) [ $# -ge 2 ] || die "--status-n needs a value"; STATUS_N=$2; shift 2 ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a value"; REPEAT=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a value"; SEED=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a value"; OUT=$2; shift 2 ;;
    --with-down) WITH_DOWN=1; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in N STATUS_N REPEAT SEED; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a non-negative integer, got '${!v}'"
done
if [ "$N" -lt 1 ] || [ "$STATUS_N" -lt 1 ] || [ "$REPEAT" -lt 1 ]; then
  die "--n, --status-n and --repeat must be at least 1"
fi
case "$ENGINE" in
  sqlite) [ -z "$PG_URL" ] || die "--pg-url needs --engine postgres" ;;
  postgres) WITH_DOWN=1; PG_URL=${PG_URL:-${STRATA_BENCH_PG_URL:-}} ;;
  *) die "--engine must be sqlite or postgres, got '$ENGINE'" ;;
esac

STRATA_BIN=${STRATA_BIN:-$ROOT/build/release/strata}
[ -x "$STRATA_BIN" ] || die "no strata binary at $STRATA_BIN (build strata_cli or set STRATA_BIN)"
STRATA_BIN=$(cd "$(dirname "$STRATA_BIN")" && pwd)/$(basename "$STRATA_BIN")
command -v python3 >/dev/null || die "python3 is needed"
if [ "$ENGINE" = sqlite ]; then
  command -v sqlite3 >/dev/null || die "the sqlite3 shell is needed for the floor rows (apt-get install sqlite3)"
else
  command -v psql >/dev/null || die "psql is needed for the floor rows (apt-get install postgresql-client)"
  if [ -z "$PG_URL" ]; then
    [ -f "$ROOT/scripts/pg-test-server.sh" ] || die "no scripts/pg-test-server.sh to start a server (or pass --pg-url)"
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
      || die "no PostgreSQL server binaries (make deps-test installs them), or pass --pg-url URL"
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench.XXXXXX")
PGSTATE=""      # postgres: state folder of the throwaway server we started, if any
PG_DB_PREFIX="strata_bench_$$_"
cleanup() {
  if [ -n "${PG_ADMIN:-}" ] && [ -z "$PGSTATE" ]; then
    # An existing server: drop every database this run created (the last peak-RSS runs
    # and a failed run leave some behind).
    local d
    for d in $(psql -X -At -d "$PG_ADMIN" -c "SELECT datname FROM pg_database
                 WHERE left(datname, ${#PG_DB_PREFIX}) = '$PG_DB_PREFIX'" 2>/dev/null); do
      psql -X -q -d "$PG_ADMIN" -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1 \
        || echo "run.sh: could not drop database $d" >&2
    done
  fi
  if [ -n "$PGSTATE" ]; then
    bash "$ROOT/scripts/pg-test-server.sh" stop "$PGSTATE" || echo "run.sh: stopping the server in $PGSTATE failed" >&2
    if [ "$KEEP" = 1 ]; then echo "server folder kept (stopped): $PGSTATE" >&2; else rm -rf "$PGSTATE"; fi
  fi
  if [ "$KEEP" = 1 ]; then echo "scratch folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Results live outside the scratch folder (which is removed) and outside the source tree.
if [ -z "$OUT" ]; then
  OUT="${TMPDIR:-/tmp}/strata-bench-$(date +%Y%m%dT%H%M%S)-$$.jsonl"
fi
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")

echo "strata bench: $ENGINE, N=$N, status/validate N=$STATUS_N, $REPEAT repeats, seed $SEED"
echo "  strata:  $STRATA_BIN ($("$STRATA_BIN" --version 2>/dev/null | head -1))"
if [ "$ENGINE" = sqlite ]; then
  echo "  sqlite3: $(sqlite3 --version | awk '{print $1}'), python: $(python3 -c 'import platform; print(platform.python_version())')," \
       "$(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
else
  echo "  psql:    $(psql --version | awk '{print $3}'), python: $(python3 -c 'import platform; print(platform.python_version())')," \
       "$(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
fi

# ---- corpora ---------------------------------------------------------------
DIALECT=sqlite
[ "$ENGINE" = sqlite ] || DIALECT=pg
C=$WORK/c$N
CS=$WORK/status$STATUS_N
python3 "$HERE/gen_corpus.py" --out "$C" --n "$N" --seed "$SEED" --dialect "$DIALECT"
python3 "$HERE/gen_corpus.py" --out "$CS" --n "$STATUS_N" --seed "$SEED" --no-raw --dialect "$DIALECT"
# Objects the corpus leaves at head: "tables indexes views".
COUNTS=$(python3 -c 'import json, sys; e = json.load(open(sys.argv[1]))["expected_at_head"]; print(e["tables"], e["indexes"], e["views"])' "$C/manifest.json")
read -r EXP_T EXP_I EXP_V <<<"$COUNTS"
EXPECTED=$((EXP_T + EXP_I + EXP_V))

# ---- the plan: key, label, n, ref, prepare, stdin, command, check ----------
q() { printf '%q' "$1"; }
S=$(q "$STRATA_BIN")
PLAN=$WORK/plan.tsv
row() { local IFS=$'\t'; echo "$*" >>"$PLAN"; }
: >"$PLAN"

if [ "$ENGINE" = sqlite ]; then
  # ---- helpers for the plan's prepare and check fields (run by measure.py via bash -c) ----
  fresh() { rm -f "$1" "$1-journal" "$1-wal" "$1-shm"; }
  at_head() { fresh "$2"; cp "$1" "$2"; }
  # Schema objects other than SQLite's own, strata's ledger and the floor's history table.
  count_objects() {
    sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type IN ('table','index','view')
                  AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'strata\\_%' ESCAPE '\\'
                  AND name <> 'bench_history'"
  }
  expect_objects() {
    local got; got=$(count_objects "$1")
    [ "$got" = "$2" ] || { echo "expected $2 schema objects in $1, found $got" >&2; return 1; }
  }
  export -f fresh at_head count_objects expect_objects

  # ---- a database at head, for the no-op and down rows (untimed; also a smoke test) ----
  HEAD=$WORK/head.db
  "$STRATA_BIN" --url "sqlite:$HEAD" --dir "$C/native" up >"$WORK/head.log" 2>&1 \
    || { tail -20 "$WORK/head.log" >&2; KEEP=1; die "strata up failed while building the head database"; }
  expect_objects "$HEAD" "$EXPECTED"
  [ ! -e "$HEAD-wal" ] || die "strata left $HEAD-wal behind"

  DB=$WORK/db
  row a "sqlite3 up_all.sql, one transaction (floor)" "$N" a "fresh $(q "$DB/a.db")" "$C/raw/up_all.sql" \
      "sqlite3 -bail $(q "$DB/a.db")" "expect_objects $(q "$DB/a.db") $EXPECTED"
  row b "sqlite3 up_tx_history.sql, tx per migration" "$N" a "fresh $(q "$DB/b.db")" "$C/raw/up_tx_history.sql" \
      "sqlite3 -bail $(q "$DB/b.db")" "expect_objects $(q "$DB/b.db") $EXPECTED"
  row c "strata up, fresh database" "$N" a "fresh $(q "$DB/c.db")" - \
      "$S --url $(q "sqlite:$DB/c.db") --dir $(q "$C/native") up" "expect_objects $(q "$DB/c.db") $EXPECTED"
  row d "strata up at head (no-op)" "$N" a "at_head $(q "$HEAD") $(q "$DB/d.db")" - \
      "$S --url $(q "sqlite:$DB/d.db") --dir $(q "$C/native") up" "expect_objects $(q "$DB/d.db") $EXPECTED"
  row e "strata status, empty database" "$STATUS_N" a "fresh $(q "$DB/e.db")" - \
      "$S --url $(q "sqlite:$DB/e.db") --dir $(q "$CS/native") status" -
  row f "strata validate --offline" "$STATUS_N" a - - \
      "$S --url $(q "sqlite:$DB/f.db") --dir $(q "$CS/native") validate --offline" -
  if [ "$WITH_DOWN" = 1 ]; then
    row h "sqlite3 down_all.sql, one transaction (floor)" "$N" h "at_head $(q "$HEAD") $(q "$DB/h.db")" "$C/raw/down_all.sql" \
        "sqlite3 -bail $(q "$DB/h.db")" "expect_objects $(q "$DB/h.db") 0"
    row i "strata down --all" "$N" h "at_head $(q "$HEAD") $(q "$DB/i.db")" - \
        "$S --url $(q "sqlite:$DB/i.db") --dir $(q "$C/native") down --all" "expect_objects $(q "$DB/i.db") 0"
  fi
  mkdir -p "$DB"
  ENGINE_META=(--meta "engine=sqlite" --meta "sqlite3_version=$(sqlite3 --version | awk '{print $1}')")
  BUDGETS=(--budget c=1.2 --budget i=1.2)
else
  # ---- the server: a throwaway one (always stopped by cleanup) or --pg-url ----
  if [ -z "$PG_URL" ]; then
    # The server runs as the postgres user when we are root: it must be able to reach its folder.
    PGSTATE=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-pg.XXXXXX")
    chmod 755 "$PGSTATE"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$PGSTATE" 2>/dev/null; then
      rmdir "$PGSTATE"; PGSTATE=$(mktemp -d /tmp/strata-bench-pg.XXXXXX); chmod 755 "$PGSTATE"
    fi
    PG_URL=$(bash "$ROOT/scripts/pg-test-server.sh" start "$PGSTATE") \
      || { KEEP=1; die "could not start a PostgreSQL server (logs in $PGSTATE)"; }
    PG_WHERE="throwaway server"
  else
    PG_WHERE="existing server"
  fi
  # Database URLs: the given URL's database runs CREATE/DROP DATABASE; every benchmark database
  # is named $PG_DB_PREFIX<row>. A password moves to PGPASSWORD, out of the logged commands.
  PG_VARS=$(python3 - "$PG_URL" "$PG_DB_PREFIX" <<'PY'
import shlex, sys
from urllib.parse import unquote, urlsplit, urlunsplit
url, prefix = sys.argv[1], sys.argv[2]
u = urlsplit(url)
if u.scheme not in ("postgres", "postgresql"):
    sys.exit("run.sh: the PostgreSQL URL must start with postgres:// or postgresql://")
netloc, password = u.netloc, ""
if "@" in netloc:
    userinfo, host = netloc.rsplit("@", 1)
    if ":" in userinfo:
        user, pw = userinfo.split(":", 1)
        netloc, password = user + "@" + host, unquote(pw)
def db_url(path):
    return urlunsplit((u.scheme, netloc, path, u.query, ""))
print("PG_ADMIN=%s" % shlex.quote(db_url(u.path)))
print("PG_PASSWORD=%s" % shlex.quote(password))
for k in ["a", "b", "c", "d", "e", "f", "h", "i", "head"]:
    print("PGU_%s=%s" % (k, shlex.quote(db_url("/" + prefix + k))))
PY
) || die "bad PostgreSQL URL"
  PG_ADMIN="" PG_PASSWORD="" PGU_a="" PGU_b="" PGU_c="" PGU_d="" PGU_e="" PGU_f="" PGU_h="" PGU_i="" PGU_head=""
  eval "$PG_VARS"  # sets the variables above
  if [ -n "$PG_PASSWORD" ]; then export PGPASSWORD=$PG_PASSWORD; fi
  export PG_ADMIN

  # ---- helpers for the plan's prepare and check fields (run by measure.py via bash -c) ----
  pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$PG_ADMIN" -c "SET client_min_messages = warning" "$@"; }
  # A new database NAME, empty or a copy of TEMPLATE, then a checkpoint so that the timed run
  # does not pay for writing out the pages of the run before.
  pg_fresh() {
    pg_admin -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1${2:+ TEMPLATE $2}"
    if [ "$PG_CHECKPOINT" = 1 ]; then pg_admin -c CHECKPOINT; fi
  }
  pg_drop() { pg_admin -c "DROP DATABASE IF EXISTS $1"; }
  # "tables indexes views" in URL's database, leaving out the system schemas, strata's ledger,
  # the floor's history table and the indexes PostgreSQL makes for PRIMARY KEY and UNIQUE
  # constraints (the manifest counts CREATE INDEX statements).
  pg_counts() {
    psql -X -At -F ' ' -v ON_ERROR_STOP=1 -d "$1" -c "
      SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p')),
             count(*) FILTER (WHERE c.relkind = 'i'),
             count(*) FILTER (WHERE c.relkind IN ('v', 'm'))
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_index x ON x.indexrelid = c.oid
      LEFT JOIN pg_class t ON t.oid = x.indrelid
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        AND coalesce(t.relname, c.relname) NOT LIKE 'strata\\_%'
        AND coalesce(t.relname, c.relname) <> 'bench_history'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid
                        AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))"
  }
  pg_expect() {  # URL TABLES INDEXES VIEWS
    local got; got=$(pg_counts "$1") || return 1
    [ "$got" = "$2 $3 $4" ] || {
      echo "expected $2 tables, $3 indexes, $4 views in $1; found (tables indexes views) $got" >&2; return 1; }
  }
  pg_expect_value() {  # URL SQL VALUE
    local got; got=$(psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2") || return 1
    [ "$got" = "$3" ] || { echo "expected $3 from '$2' in $1, found '$got'" >&2; return 1; }
  }
  export -f pg_admin pg_fresh pg_drop pg_counts pg_expect pg_expect_value

  PG_SERVER_VERSION=$(psql -X -At -v ON_ERROR_STOP=1 -d "$PG_ADMIN" -c "SHOW server_version") \
    || die "cannot connect to $PG_ADMIN"
  PG_SETTINGS=$(psql -X -At -F '=' -d "$PG_ADMIN" -c "SELECT name, current_setting(name) FROM pg_settings
                  WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers') ORDER BY name" | paste -sd' ')
  export PG_CHECKPOINT=0
  if pg_admin -c CHECKPOINT >/dev/null 2>&1; then PG_CHECKPOINT=1; fi
  echo "  server:  PostgreSQL $PG_SERVER_VERSION, $PG_WHERE at $PG_ADMIN ($PG_SETTINGS)"
  [ "$PG_CHECKPOINT" = 1 ] || echo "  note: this role may not CHECKPOINT; a run may pay for writing out the run before"

  # ---- a database at head, template of the no-op and down rows (untimed; also a smoke test) ----
  HEAD=${PG_DB_PREFIX}head
  pg_fresh "$HEAD" >"$WORK/head.log" 2>&1 || { cat "$WORK/head.log" >&2; die "could not create database $HEAD"; }
  "$STRATA_BIN" --url "$PGU_head" --dir "$C/native" up >>"$WORK/head.log" 2>&1 \
    || { tail -20 "$WORK/head.log" >&2; KEEP=1; die "strata up failed while building the head database"; }
  pg_expect "$PGU_head" "$EXP_T" "$EXP_I" "$EXP_V"
  LEDGER_SQL="SELECT count(DISTINCT migration_id) FROM strata_ledger"
  pg_expect_value "$PGU_head" "$LEDGER_SQL" "$N"

  PSQL="psql -X -q -v ON_ERROR_STOP=1"
  check_up() { printf "pg_expect %s %s %s %s" "$(q "$1")" "$EXP_T" "$EXP_I" "$EXP_V"; }
  check_rows() { printf " && pg_expect_value %s %s %s" "$(q "$1")" "$(q "$2")" "$3"; }
  check_empty() { printf "pg_expect %s 0 0 0" "$(q "$1")"; }
  P=$PG_DB_PREFIX
  row a "psql up_all.sql, one transaction (floor)" "$N" a "pg_fresh ${P}a" - \
      "$PSQL --single-transaction -d $(q "$PGU_a") -f $(q "$C/raw/up_all.sql")" \
      "$(check_up "$PGU_a") && pg_drop ${P}a"
  row b "psql up_tx_history.sql, tx per migration" "$N" a "pg_fresh ${P}b" - \
      "$PSQL -d $(q "$PGU_b") -f $(q "$C/raw/up_tx_history.sql")" \
      "$(check_up "$PGU_b")$(check_rows "$PGU_b" "SELECT count(*) FROM bench_history" "$N") && pg_drop ${P}b"
  row c "strata up, fresh database" "$N" a "pg_fresh ${P}c" - \
      "$S --url $(q "$PGU_c") --dir $(q "$C/native") up" \
      "$(check_up "$PGU_c")$(check_rows "$PGU_c" "$LEDGER_SQL" "$N") && pg_drop ${P}c"
  row d "strata up at head (no-op)" "$N" a "pg_fresh ${P}d $HEAD" - \
      "$S --url $(q "$PGU_d") --dir $(q "$C/native") up" \
      "$(check_up "$PGU_d")$(check_rows "$PGU_d" "$LEDGER_SQL" "$N") && pg_drop ${P}d"
  row e "strata status, empty database" "$STATUS_N" a "pg_fresh ${P}e" - \
      "$S --url $(q "$PGU_e") --dir $(q "$CS/native") status" "pg_drop ${P}e"
  # validate --offline does not connect: its database is never created.
  row f "strata validate --offline" "$STATUS_N" a - - \
      "$S --url $(q "$PGU_f") --dir $(q "$CS/native") validate --offline" -
  row h "psql down_all.sql, one transaction (floor)" "$N" h "pg_fresh ${P}h $HEAD" - \
      "$PSQL --single-transaction -d $(q "$PGU_h") -f $(q "$C/raw/down_all.sql")" \
      "$(check_empty "$PGU_h") && pg_drop ${P}h"
  row i "strata down --all" "$N" h "pg_fresh ${P}i $HEAD" - \
      "$S --url $(q "$PGU_i") --dir $(q "$C/native") down --all" \
      "$(check_empty "$PGU_i") && pg_drop ${P}i"
  ENGINE_META=(--meta "engine=postgres" --meta "pg_server_version=$PG_SERVER_VERSION"
               --meta "psql_version=$(psql --version | awk '{print $3}')" --meta "pg_settings=$PG_SETTINGS"
               --meta "pg_server=$PG_WHERE")
  # up within 1.1x of the floor, down within 1.2x, strata's peak RSS under 20 MB.
  BUDGETS=(--budget c=1.1 --budget i=1.2 --rss-budget c=20 --rss-budget d=20 --rss-budget e=20
           --rss-budget f=20 --rss-budget i=20)
fi

# ---- measure ---------------------------------------------------------------
RESULTS=$WORK/results.jsonl
echo "measuring (interleaved, $REPEAT rounds, then one peak-RSS run per row)..."
python3 "$HERE/measure.py" run --plan "$PLAN" --repeat "$REPEAT" --out "$RESULTS" --log "$WORK/commands.log" \
  --meta "run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)-$$" --meta "seed=$SEED" --meta "host=$(hostname)" \
  --meta "cpus=$(nproc)" --meta "strata_version=$("$STRATA_BIN" --version 2>/dev/null | head -1)" \
  "${ENGINE_META[@]}" \
  || { [ -f "$WORK/commands.log" ] && tail -20 "$WORK/commands.log" >&2; KEEP=1; exit 1; }

echo
echo "wall time of $REPEAT runs (median, min, max); x floor = median / median of the floor row;"
echo "cpu = median user+system CPU time; peak RSS = one extra run (load now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
python3 "$HERE/measure.py" table "$RESULTS" "${BUDGETS[@]}"
cat "$RESULTS" >>"$OUT"
echo
echo "JSON lines appended to $OUT"

SHARED=${STRATA_SHARED_BENCH:-$ROOT/../shared/bench}
if [ "${STRATA_BENCH_COMPARE:-0}" = 1 ] && [ -d "$SHARED" ]; then
  SHARED=$(cd "$SHARED" && pwd)
  cat <<EOF

To put these figures next to Alembic, dbmate and sqitch on the same machine, run the shared
harness (about 12 minutes; PostgreSQL and SQLite; it does not use strata unless NEWTOOL is set):
  cd $SHARED
  TD=\$(bash install_tools.sh)
  BENCH_TOOLS_DIR=\$TD NEWTOOL="env STRATA_BIN=$STRATA_BIN bash $HERE/newtool.sh" ENGINES=sqlite bash run_anchors.sh
  python3 report.py RESULTS.jsonl      # the path run_anchors.sh prints
Drop ENGINES=sqlite to include PostgreSQL (pg.sh starts a throwaway server).
EOF
fi

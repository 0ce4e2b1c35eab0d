#!/usr/bin/env bash
# strata lint against the squawk linter on the same generated PostgreSQL migrations, one run.
#
#   bash bench/lint_bench.sh [--n 17000] [--repeat 3] [--seed 42] [--out FILE.jsonl]
#                            [--tools-dir DIR] [--keep]
#
#   --n N            migrations in the corpus (default 17000, about 130,000 lines)
#   --repeat R       timed runs per linter; the table shows medians (default 3)
#   --seed S         corpus seed (default 42)
#   --out FILE       append the JSON lines here (default: a new file under ${TMPDIR:-/tmp})
#   --tools-dir DIR  where squawk-cli is installed (default ${TMPDIR:-/tmp}/strata-lint-tools,
#                    kept between runs so that only the first one downloads)
#   --keep           keep the scratch folder (corpus, outputs, command log)
#
# Environment: STRATA_BIN (default build/release/strata), SQUAWK_BIN (an installed squawk: no
# npm), SQUAWK_VERSION (default 2.66.0), TMPDIR.
# Needs python3; node and npm for squawk (bench/lint_tools.sh installs them with apt-get when
# missing). A linter that is not there (no `strata lint` subcommand yet, no network for npm)
# is reported as not available and the other one is still measured. See bench/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "lint_bench.sh: $*" >&2; exit 2; }

N=17000 REPEAT=3 SEED=42 OUT="" KEEP=0 TOOLS_DIR=${TMPDIR:-/tmp}/strata-lint-tools
while [ $# -gt 0 ]; do
  case "$1" in
    --n) [ $# -ge 2 ] || die "--n needs a value"; N=$2; shift 2 ;;
    --repeat) [ $# -ge 2 ] || die "--repeat needs a value"; REPEAT=$2; shift 2 ;;
    --seed) [ $# -ge 2 ] || die "--seed needs a value"; SEED=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a value"; OUT=$2; shift 2 ;;
    --tools-dir) [ $# -ge 2 ] || die "--tools-dir needs a value"; TOOLS_DIR=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done
for v in N REPEAT SEED; do
  [[ ${!v} =~ ^[0-9]+$ ]] || die "$v must be a non-negative integer, got '${!v}'"
done
if [ "$N" -lt 1 ] || [ "$REPEAT" -lt 1 ]; then die "--n and --repeat must be at least 1"; fi
command -v python3 >/dev/null || die "python3 is needed"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/strata-lint-bench.XXXXXX")
cleanup() {
  if [ "$KEEP" = 1 ]; then echo "scratch folder kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
if [ -z "$OUT" ]; then
  OUT="${TMPDIR:-/tmp}/strata-lint-bench-$(date +%Y%m%dT%H%M%S)-$$.jsonl"
fi
mkdir -p "$(dirname "$OUT")"

q() { printf '%q' "$1"; }
qall() { local a out=""; for a in "$@"; do out+="$(q "$a") "; done; printf '%s' "${out% }"; }

# ---- corpus ------------------------------------------------------------------
C=$WORK/corpus
M=$C/migrations
echo "lint benchmark: generating $N PostgreSQL migrations (seed $SEED)..."
python3 "$HERE/lint_corpus.py" --out "$C" --n "$N" --seed "$SEED" >/dev/null
STATS=$(python3 - "$C/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print("%d files, %d lines, %d statements, %.1f MB; %d no-transaction migrations"
      % (m["files"], m["lines"], m["statements"], m["bytes"] / 1e6, m["no_transaction_migrations"]))
PY
)
echo "  corpus:  $STATS"

# ---- strata ------------------------------------------------------------------
STRATA_BIN=${STRATA_BIN:-$ROOT/build/release/strata}
STRATA_OK=0 STRATA_VERSION=""
if [ -x "$STRATA_BIN" ]; then
  STRATA_BIN=$(cd "$(dirname "$STRATA_BIN")" && pwd)/$(basename "$STRATA_BIN")
  STRATA_VERSION=$("$STRATA_BIN" --version 2>/dev/null | head -1 || true)
  # (`strata lint --help` would print the main help and exit 0 without the subcommand.)
  if "$STRATA_BIN" --help 2>/dev/null | grep -qE '^[[:space:]]+lint([[:space:]]|$)'; then
    STRATA_OK=1
  else
    echo "  strata lint: not available ($STRATA_BIN has no 'lint' subcommand yet)"
  fi
else
  echo "  strata lint: not available (no strata binary at $STRATA_BIN; build strata_cli or set STRATA_BIN)"
fi

# ---- squawk ------------------------------------------------------------------
SQUAWK_OK=0 SQUAWK="" SQUAWK_VERSION_TEXT=""
if SQUAWK=$(bash "$HERE/lint_tools.sh" "$TOOLS_DIR" 2>"$WORK/lint_tools.log") && [ -x "$SQUAWK" ]; then
  SQUAWK_OK=1
  SQUAWK_VERSION_TEXT=$("$SQUAWK" --version 2>/dev/null | head -1 || true)
else
  echo "  squawk: not available (bench/lint_tools.sh failed):"
  sed 's/^/    /' "$WORK/lint_tools.log" | tail -5
fi
[ "$STRATA_OK" = 1 ] && echo "  strata:  $STRATA_VERSION ($STRATA_BIN)"
[ "$SQUAWK_OK" = 1 ] && echo "  squawk:  $SQUAWK_VERSION_TEXT ($SQUAWK)"
if [ "$STRATA_OK" = 0 ] && [ "$SQUAWK_OK" = 0 ]; then
  echo "lint benchmark: neither linter is available; nothing measured"
  exit 0
fi

# ---- plan ----------------------------------------------------------------------
# Both linters read the same directory of files and print JSON, to /dev/null in the timed runs.
# strata runs in the scratch folder (no strata.toml there), squawk in the migrations folder
# with an empty config file (no .squawk.toml from a parent folder), every rule on (its one
# opt-in rule, require-table-schema, included), PostgreSQL 15 rules, and expands the pattern
# '*.sql' itself: one process each, no command-line length limit.
PLAN=$WORK/plan.tsv
: >"$PLAN"
: >"$WORK/empty.squawk.toml"
SQUAWK_ARGS=(--reporter json --pg-version 15 --include=require-table-schema -c "$WORK/empty.squawk.toml")
if [ "$STRATA_OK" = 1 ]; then
  printf 'strata\tstrata lint\t0,3\t%s\t%s\t%s\n' "$WORK" "$WORK/strata.json" \
    "$(q "$STRATA_BIN") --dir $(q "$M") lint --format json" >>"$PLAN"
fi
if [ "$SQUAWK_OK" = 1 ]; then
  printf 'squawk\tsquawk\t0,1\t%s\t%s\t%s\n' "$M" "$WORK/squawk.json" \
    "$(qall "$SQUAWK" "${SQUAWK_ARGS[@]}" '*.sql')" >>"$PLAN"
fi

# ---- measure -------------------------------------------------------------------
RESULTS=$WORK/results.jsonl
echo "measuring (interleaved, $REPEAT rounds, then one peak-RSS run per linter)..."
FAILED=0
python3 "$HERE/lint_measure.py" run --plan "$PLAN" --repeat "$REPEAT" --out "$RESULTS" --log "$WORK/commands.log" \
  --meta "run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)-$$" --meta "bench=lint" --meta "n=$N" --meta "seed=$SEED" \
  --meta "corpus=$STATS" --meta "host=$(hostname)" --meta "cpus=$(nproc)" \
  --meta "strata_version=$STRATA_VERSION" --meta "squawk_version=$SQUAWK_VERSION_TEXT" || FAILED=1
if [ "$FAILED" = 1 ]; then
  tail -20 "$WORK/commands.log" >&2
  KEEP=1
fi

echo
echo "lint $STATS"
echo "wall time of $REPEAT runs (median, min, max); cpu = median user+system CPU time; peak RSS = one"
echo "extra run; findings = entries in its JSON (load now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
python3 "$HERE/lint_measure.py" table "$RESULTS" --ratio strata/squawk --rss-budget strata=100
cat "$RESULTS" >>"$OUT"

# ---- coverage --------------------------------------------------------------------
# Findings per rule. squawk has no per-file transaction mode: "squawk" is the timed run (no
# --assume-in-transaction), "squawk, tx" lints the files strata wraps in a transaction with
# --assume-in-transaction and the no-transaction ones without (untimed, two processes).
COLS=()
if [ "$SQUAWK_OK" = 1 ] && [ -s "$WORK/squawk.json" ]; then
  COLS+=("squawk=$WORK/squawk.json")
  if python3 "$HERE/lint_measure.py" squawk-tx --bin "$SQUAWK" --dir "$M" --out "$WORK/squawk_tx.json" \
       -- --pg-version 15 --include=require-table-schema -c "$WORK/empty.squawk.toml" 2>>"$WORK/commands.log"; then
    COLS+=("squawk, tx=$WORK/squawk_tx.json")
  fi
fi
if [ "$STRATA_OK" = 1 ] && [ -s "$WORK/strata.json" ]; then
  COLS+=("strata=$WORK/strata.json")
fi
if [ ${#COLS[@]} -gt 0 ]; then
  echo
  echo "findings per rule:"
  python3 "$HERE/lint_measure.py" rules "${COLS[@]}"
fi
echo
echo "JSON lines appended to $OUT"
exit "$FAILED"

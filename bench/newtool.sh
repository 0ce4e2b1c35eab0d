#!/usr/bin/env bash
# Adapter that lets the shared harness (../shared/bench/run_anchors.sh) measure strata as its
# NEWTOOL. Contract there: NEWTOOL up|down-all|status --url URL --dir GENERIC_DIR, where the
# directory holds golang-migrate style NNNN_name.up.sql / NNNN_name.down.sql files.
#
#   NEWTOOL="env STRATA_BIN=/path/to/strata bash bench/newtool.sh" ENGINES=sqlite bash run_anchors.sh
#
# The generic layout is turned into strata's native format (a linear chain) once per source
# directory, in a cache under ${TMPDIR:-/tmp}; the first call for a directory pays for that
# conversion (tens of milliseconds per thousand files), later calls reuse it.
# The ledger is named schema_migrations because the harness' schema check leaves out tables
# of that name (and no strata_* ones).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STRATA_BIN=${STRATA_BIN:-$HERE/../build/release/strata}

if [ "${1:-}" = --version ]; then exec "$STRATA_BIN" --version; fi
[ $# -ge 1 ] || { echo "usage: newtool.sh up|down-all|status --url URL --dir DIR" >&2; exit 2; }
verb=$1; shift
url="" dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) url=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    *) echo "newtool.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$url" ] || [ ! -d "$dir" ]; then
  echo "newtool.sh: --url and an existing --dir are required" >&2; exit 2
fi
case "$verb" in
  up) args=(up) ;;
  down-all) args=(down --all) ;;
  status) args=(status) ;;
  *) echo "newtool.sh: unknown command '$verb'" >&2; exit 2 ;;
esac

native=$(python3 - "$dir" <<'PY'
import hashlib, os, shutil, sys, tempfile
src = os.path.abspath(sys.argv[1])
names = sorted(f[:-len(".up.sql")] for f in os.listdir(src) if f.endswith(".up.sql"))
stamp = hashlib.sha256(("%s\n%s\n%d" % (src, "\n".join(names), os.stat(src).st_mtime_ns)).encode()).hexdigest()[:16]
dst = os.path.join(tempfile.gettempdir(), "strata-newtool-cache", stamp)
if not os.path.isdir(dst):
    tmp = dst + ".tmp%d" % os.getpid()
    os.makedirs(tmp)
    parent = None
    for name in names:
        with open(os.path.join(src, name + ".up.sql"), encoding="utf-8") as f:
            text = ("-- strata:parent %s\n" % parent if parent else "") + "-- strata:up\n" + f.read()
        down = os.path.join(src, name + ".down.sql")
        if os.path.exists(down):
            with open(down, encoding="utf-8") as f:
                text += ("" if text.endswith("\n") else "\n") + "-- strata:down\n" + f.read()
        with open(os.path.join(tmp, name + ".sql"), "w", encoding="utf-8") as f:
            f.write(text)
        parent = name
    try:
        os.rename(tmp, dst)
    except OSError:  # another call won the race; use its copy
        shutil.rmtree(tmp, ignore_errors=True)
print(dst)
PY
)
exec "$STRATA_BIN" --url "$url" --dir "$native" --ledger-table schema_migrations "${args[@]}"

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test run: initdb into a temp folder,
# listening on 127.0.0.1 at a free port, never on a socket others use.
#   pg-test-server.sh start STATE_DIR   -> prints the URL; writes STATE_DIR/url
#   pg-test-server.sh stop  STATE_DIR   -> stops the server it started (by its pid)
#   pg-test-server.sh crash STATE_DIR   -> stops it the way a crash would (immediate mode)
#   pg-test-server.sh resume STATE_DIR  -> starts the same cluster again, same port
set -euo pipefail
cmd=${1:?start|stop}
state=${2:?state dir}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "PostgreSQL server binaries not found (install postgresql); the PostgreSQL tests cannot run" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    mkdir -p "$state"
    data="$state/data"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$state"; fi
    as_owner "$bindir/initdb" -D "$data" -U strata --auth=trust -E UTF8 --no-locale >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    echo "$port" >"$state/port"
    as_owner "$bindir/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=on" start >/dev/null \
      || { cat "$state/server.log" >&2; exit 1; }
    url="postgres://strata@127.0.0.1:$port/postgres"
    echo "$url" >"$state/url"
    head -n 1 "$data/postmaster.pid" >"$state/pid"
    echo "$url"
    ;;
  stop)
    if [[ -f "$state/pid" ]]; then
      as_owner "$bindir/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 \
        || kill "$(cat "$state/pid")" 2>/dev/null || true
    fi
    ;;
  crash)
    as_owner "$bindir/pg_ctl" -D "$state/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    port=$(cat "$state/port")
    as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $state -c fsync=on" start >/dev/null \
      || { cat "$state/server.log" >&2; exit 1; }
    head -n 1 "$state/data/postmaster.pid" >"$state/pid"
    ;;
  *)
    echo "usage: $0 start|stop|crash|resume STATE_DIR" >&2
    exit 2
    ;;
esac

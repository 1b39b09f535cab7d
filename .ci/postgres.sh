#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: start it in a new folder, print its URL; stop and delete it.
#   eval "$(.ci/postgres.sh start)"   # sets KINERJA_PG_DIR and KINERJA_TEST_DATABASE_URL
#   .ci/postgres.sh stop "$KINERJA_PG_DIR"
# Port: KINERJA_PG_PORT (default 54329). Only local connections, trusted; the socket lives in the folder.
# As root, the server runs as the system user kinerja-ci (made when missing): PostgreSQL refuses root.
set -euo pipefail

PORT="${KINERJA_PG_PORT:-54329}"
PG_USER="kinerja-ci"

pg_bin() {
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$found" ]; then
        echo "PostgreSQL tidak terpasang (pasang paket postgresql)" >&2
        exit 1
    fi
    echo "$found"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin dir
    bin=$(pg_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-pg.XXXXXX")
    if [ "$(id -u)" = 0 ]; then
        id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
        chown "$PG_USER" "$dir"
    fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    # Only loopback and the socket in the folder; durability is not wanted for a throwaway server.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
        "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
    echo "export KINERJA_PG_DIR=$dir"
    echo "export KINERJA_TEST_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
}

stop() {
    local dir="${1:?folder of the server to stop}"
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *)
        echo "pakai: $0 start | $0 stop FOLDER" >&2
        exit 2
        ;;
esac

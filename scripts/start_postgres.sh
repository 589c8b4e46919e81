#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 cluster on 127.0.0.1 for Parley's store tests.
#
# Installs nothing: it uses Debian's PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin).
# Idempotent: a second run finds the running cluster and only makes sure the database exists.
# The last line of output is the URL to export, so callers can do:
#     eval "$(scripts/start_postgres.sh | tail -n 1)"
#
# Environment (all optional):
#   PARLEY_PG_DIR   data directory        (default: ${TMPDIR:-/tmp}/parley-pg-data)
#   PARLEY_PG_PORT  TCP port on 127.0.0.1 (default: 54329)
#   PARLEY_PG_DB    database to create    (default: parley_test)
#   PARLEY_PG_BIN   PostgreSQL bin dir    (default: /usr/lib/postgresql/15/bin)
# Stop it with:  scripts/start_postgres.sh --stop
set -euo pipefail

PG_BIN="${PARLEY_PG_BIN:-/usr/lib/postgresql/15/bin}"
DATA="${PARLEY_PG_DIR:-${TMPDIR:-/tmp}/parley-pg-data}"
PORT="${PARLEY_PG_PORT:-54329}"
DB="${PARLEY_PG_DB:-parley_test}"
PGUSER_NAME="parley"

if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "error: $PG_BIN/initdb not found; install Debian's postgresql (15) first" >&2
    exit 1
fi

# PostgreSQL refuses to run as root: run its tools as the 'postgres' system user then.
as_pg() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [[ "${1:-}" == "--stop" ]]; then
    if [[ -f "$DATA/PG_VERSION" ]]; then
        as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
    fi
    exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    mkdir -p "$DATA"
    if [[ "$(id -u)" == "0" ]]; then chown postgres: "$DATA"; fi
    chmod 700 "$DATA"
    # trust auth: a throwaway cluster listening on loopback only, for tests.
    as_pg "$PG_BIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >&2
fi

if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -w -t 60 -l "$DATA/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=100" \
        start >&2
fi

for _ in $(seq 1 30); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then break; fi
    sleep 1
done
if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    echo "error: PostgreSQL did not come up on 127.0.0.1:$PORT; see $DATA/server.log" >&2
    exit 1
fi

exists="$("$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [[ "$exists" != "1" ]]; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" "$DB" >&2
fi

echo "export PARLEY_TEST_PG_URL=postgresql+psycopg://$PGUSER_NAME@127.0.0.1:$PORT/$DB"

#!/usr/bin/env bash
# Sourced by .ci/run: a throwaway PostgreSQL for the storage tests.
# Installs the server from the distribution's packages when it is missing, initialises a cluster
# in a temporary directory, starts it on a free loopback port as a non-root user, and exports
# DESKCHECK_TEST_POSTGRES_URL. The cluster is stopped and deleted when the sourcing shell exits.

_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

_pg_run() {  # run a command as the cluster's owner (PostgreSQL refuses to run as root)
  if [ "$(id -u)" = 0 ]; then runuser -u "$_PG_USER" -- "$@"; else "$@"; fi
}

_pg_start() {
  local bin dir port
  bin=$(_pg_bin || true)
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    echo "+ installing PostgreSQL from the distribution's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(_pg_bin || true)
  fi
  _PG_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    _PG_USER=postgres
    id -u "$_PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$_PG_USER"
  fi
  dir=$(mktemp -d /tmp/deskcheck-pg.XXXXXX)
  chown "$_PG_USER" "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  _pg_run "$bin/initdb" -D "$dir/data" -U deskcheck --auth=trust -E UTF8 >/dev/null
  _pg_run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  _pg_run "$bin/createdb" -h 127.0.0.1 -p "$port" -U deskcheck deskcheck_test
  export DESKCHECK_TEST_POSTGRES_URL="postgresql+psycopg://deskcheck@127.0.0.1:$port/deskcheck_test"
  _PG_DIR=$dir
  _PG_CTL="$bin/pg_ctl"
  trap '_pg_run "$_PG_CTL" -D "$_PG_DIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$_PG_DIR"' EXIT
  echo "+ PostgreSQL on 127.0.0.1:$port (DESKCHECK_TEST_POSTGRES_URL)"
}

_pg_start

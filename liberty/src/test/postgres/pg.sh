#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for the integration tests, from Debian's
# postgresql package: pg.sh start DIR PORT | pg.sh stop DIR (DIR holds its log and says where the
# cluster is). The cluster trusts local connections and listens on 127.0.0.1 only. It has the roles
# a production database has: roster_owner owns the database roster (the server migrates with it),
# roster_app is the role the server works as, with only what DatabaseRoles grants it; and the
# superuser roster, which the tests use to tamper as an intruder would. PostgreSQL refuses to run as root, so as root it runs as the postgres
# user, with its data in a fresh folder under /tmp that user can reach.
set -euo pipefail
action=$1
root=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL's server programs are missing: run .ci/packages (apt-get install postgresql)" >&2
  exit 1
fi
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    port=$3
    if [ -f "$root/datadir" ]; then "$0" stop "$root"; fi
    rm -rf "$root"
    mkdir -p "$root"
    if [ "$(id -u)" = 0 ]; then
      data=$(mktemp -d /tmp/roster-it-pg.XXXXXX)
      chown postgres "$data"
    else
      data=$root/data
      mkdir -p "$data"
    fi
    echo "$data" > "$root/datadir"
    as_owner "$bin/initdb" -D "$data" -A trust -U roster -E UTF8 --no-locale > /dev/null
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $data -c fsync=off" start
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U roster -d postgres -q -v ON_ERROR_STOP=1 \
      -c "create role roster_owner login" -c "create role roster_app login"
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U roster -O roster_owner roster
    echo "PostgreSQL for the integration tests on 127.0.0.1:$port ($data)"
    ;;
  stop)
    if [ -f "$root/datadir" ]; then
      data=$(cat "$root/datadir")
      if [ -d "$data" ]; then
        as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop || true
        cp "$data/server.log" "$root/server.log" 2> /dev/null || true
        if [ "$(id -u)" = 0 ]; then rm -rf "$data"; fi
      fi
      rm -f "$root/datadir"
    fi
    ;;
  *)
    echo "usage: pg.sh start DIR PORT | pg.sh stop DIR" >&2
    exit 2
    ;;
esac

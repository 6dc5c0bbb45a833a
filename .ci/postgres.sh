#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests, and print
#   export FRONTWATCH_TEST_PG=postgresql://...
# for .ci/run to eval. Installs nothing: it uses Debian's `postgresql` package if present.
# Prints nothing at all (and exits 0) when PostgreSQL is unavailable or fails to start.
# Everything it logs goes to $PGTMP/log, never to stdout.
set -u

fail() { echo "postgres.sh: $*" >&2; exit 0; }

bindir=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir="$d"; break; fi
done
[ -n "$bindir" ] || fail "PostgreSQL not installed; PostgreSQL tests will be skipped"

pgtmp="$(mktemp -d /tmp/frontwatch-pg.XXXXXX)" || fail "cannot make a temp dir"
chmod 755 "$pgtmp"

# The server refuses to run as root: run it as the postgres user when we are root.
run_as() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || fail "no postgres user"
    chown postgres "$pgtmp"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" = 0 ]; then user=postgres; else user="$(id -un)"; fi

# A free port on loopback.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null)"
[ -n "$port" ] || port=54329

run_as "$bindir/initdb" -D "$pgtmp/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgtmp/log" 2>&1 \
  || run_as "$bindir/initdb" -D "$pgtmp/data" -U "$user" --auth=trust -E UTF8 >>"$pgtmp/log" 2>&1 \
  || fail "initdb failed (see $pgtmp/log)"
run_as "$bindir/pg_ctl" -D "$pgtmp/data" -l "$pgtmp/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pgtmp -c fsync=off -c max_connections=100" \
  start >>"$pgtmp/log" 2>&1 || fail "server did not start (see $pgtmp/server.log)"
run_as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" frontwatch_test >>"$pgtmp/log" 2>&1 \
  || fail "createdb failed (see $pgtmp/log)"

echo "export FRONTWATCH_TEST_PG=postgresql://$user@127.0.0.1:$port/frontwatch_test"
echo "postgres.sh: PostgreSQL on 127.0.0.1:$port (data in $pgtmp; stop: pg_ctl -D $pgtmp/data stop)" >&2

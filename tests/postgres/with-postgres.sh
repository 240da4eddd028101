#!/usr/bin/env bash
# Runs a command against a PostgreSQL server of its own: initdb and pg_ctl
# into a temporary folder, on a free port of 127.0.0.1, as the unprivileged
# user "postgres" when run as root; the server is stopped and its folder
# removed when the command ends, however it ends. The command sees
#   CLAUSIER_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/clausier_test
# Usage: tests/postgres/with-postgres.sh COMMAND [ARG…]
# Needs Debian's postgresql package (.ci/install-deps installs it for the tests).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres.sh : PostgreSQL est absent (paquet Debian postgresql) : lancez .ci/install-deps postgresql" >&2
  exit 1
fi

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/clausier-pg.XXXXXX)
chmod 755 "$dir"
[ ${#run_as[@]} -gt 0 ] && chown postgres "$dir"

stop() {
  "${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# A free port: ask the kernel for one, then let the server take it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

"${run_as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=60" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
"${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres clausier_test

export CLAUSIER_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/clausier_test"
export CLAUSIER_TEST_POSTGRES_BIN="$bindir"
status=0
"$@" || status=$?
exit $status

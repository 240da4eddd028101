#!/usr/bin/env bash
# Load (short): wrk from Debian, 50 connections for a few seconds on
# 127.0.0.1, on POST /api/evaluate with a 100-lot programme, then on
# decisions (PUT) made with a session: no socket error, no answer other than
# 2xx; every client is served (queued, never reset). `make bench` runs the
# long version (bench/serve.sh). On SQLite, or on PostgreSQL
# (cli.serve_load_postgresql), where concurrent decisions on one programme
# must take turns rather than collide.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SECONDS_EACH="${LOAD_SECONDS:-3}"
PASSWORD="mot-de-passe-solide-1"
command -v wrk >/dev/null || { fail "wrk est absent (paquet Debian wrk) : lancez .ci/install-deps --test"; finish; }

DB="${CLAUSIER_TEST_POSTGRES:-sqlite:$WORK/charge.db}"
bash bench/serve_setup.sh "$CLAUSIER" "$WORK" "$PASSWORD" "$DB" >"$WORK/setup.log" 2>&1 ||
  { fail "préparation : $(cat "$WORK/setup.log")"; finish; }
start_server load --db "$DB" || exit 1
COOKIE="$(bash bench/serve_login.sh "$URL" "$PASSWORD" "$WORK")" || { fail "connexion"; finish; }

# load NAME SCRIPT: wrk's summary line "requests=… socket_errors=… non2xx=… p50_us=… p99_us=…"
load() {
  URL="$URL" COOKIE="$COOKIE" WORK="$WORK" timeout $((SECONDS_EACH + 20)) \
    wrk -t 2 -c 50 -d "${SECONDS_EACH}s" --timeout 10s -s "bench/wrk_$2.lua" "$URL" >"$WORK/$1.out" 2>&1
  grep '^requests=' "$WORK/$1.out" || fail "$1 : wrk n'a rien mesuré : $(cat "$WORK/$1.out")"
}
load evaluate evaluate
expect_in evaluate out "socket_errors=0 "
expect_in evaluate out "non2xx=0 "
load decide decide
expect_in decide out "socket_errors=0 "
expect_in decide out "non2xx=0 "
# Nothing refused by the server either.
expect_not_in load log "503"
stop_servers
finish

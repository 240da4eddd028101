#!/usr/bin/env bash
# The server under load (issue 13): wrk, 50 connections for BENCH_SERVE_SECONDS
# (30) on 127.0.0.1, on POST /api/evaluate with a 100-lot programme and on
# decisions (PUT) made with a session, on SQLite and on PostgreSQL (a server
# of its own, tests/postgres/with-postgres.sh). The table (build/bench/serve.md)
# gives requests per second, median and 99th percentile latency, socket
# errors and non-2xx answers. Run by bench/run.sh, or alone (`make bench-serve`).
set -euo pipefail
cd "$(dirname "$0")/.."
CLAUSIER="$(realpath "${CLAUSIER:-build/host/clausier}")"
OUT=build/bench
SECONDS_EACH="${BENCH_SERVE_SECONDS:-30}"
PASSWORD="mot-de-passe-de-charge"
mkdir -p "$OUT/tmp"
.ci/install-deps wrk postgresql curl python3
ROWS="$OUT/tmp/serve-rows"
: >"$ROWS"

serve_rows() {  # ENGINE DB_URL
  local engine="$1" db="$2" work
  work="$(mktemp -d /tmp/clausier-bench-serve.XXXXXX)"
  bash bench/serve_setup.sh "$CLAUSIER" "$work" "$PASSWORD" "$db"
  "$CLAUSIER" serve --port 0 --db "$db" >"$work/serve.log" 2>&1 &
  local pid=$! url=""
  for _ in $(seq 1 100); do
    url="$(sed -n 's#.*à l.écoute sur \(http://[^/ ]*\)/.*#\1#p' "$work/serve.log" | head -1)"
    [ -n "$url" ] && break
    sleep 0.1
  done
  local cookie
  cookie="$(bash bench/serve_login.sh "$url" "$PASSWORD" "$work")"
  for what in evaluate decide; do
    URL="$url" COOKIE="$cookie" WORK="$work" wrk -t 2 -c 50 -d "${SECONDS_EACH}s" --timeout 10s \
      -s "bench/wrk_$what.lua" "$url" >"$work/$what.out" 2>&1
    local line label target
    line="$(grep '^requests=' "$work/$what.out")"
    if [ "$what" = evaluate ]; then label="POST /api/evaluate, programme de 100 lots"; target="p99 ≤ 250 ms"
    else label="PUT décision (session et X-CSRF-Token)"; target="$([ "$engine" = postgresql ] && echo "p99 ≤ 50 ms" || echo "–")"; fi
    python3 - "$line" "$label ($engine)" "$target" >>"$ROWS" <<'PY'
import sys
v = dict(kv.split("=") for kv in sys.argv[1].split())
print("| %s | %s | %.1f ms | %.1f ms | %s | %s | %s |" % (sys.argv[2], v["rps"], int(v["p50_us"]) / 1000,
      int(v["p99_us"]) / 1000, v["socket_errors"], v["non2xx"], sys.argv[3]))
PY
    tail -1 "$ROWS"
  done
  kill "$pid"
  wait "$pid" || true
  rm -rf "$work"
}
export -f serve_rows
export CLAUSIER SECONDS_EACH PASSWORD ROWS

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
serve_rows sqlite "sqlite:$(mktemp -u /tmp/clausier-bench-serve-XXXXXX.db)"
tests/postgres/with-postgres.sh bash -c 'serve_rows postgresql "$CLAUSIER_TEST_POSTGRES"'
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo
  echo "Serveur sous charge (wrk, 50 connexions, ${SECONDS_EACH} s chacune, 127.0.0.1 ; $(nproc) cœurs ;" \
    "charge avant : $load_before, après : $load_after)"
  echo
  echo "| mesure | requêtes/s | p50 | p99 | erreurs de socket | réponses non 2xx | objectif |"
  echo "|---|---|---|---|---|---|---|"
  cat "$ROWS"
} >"$OUT/serve.md"
cat "$OUT/serve.md"

#!/usr/bin/env bash
# The workspace's benchmark rows: a programme imported with its evaluation
# into each engine (SQLite, and PostgreSQL through a server of its own,
# tests/postgres/with-postgres.sh), against `evaluate --format csv` on the same
# file; `show --format json` of the smallest programme; decisions written and
# acknowledged one after the other (bench/workspace_decisions.cpp: median and
# 95th percentile). Run by bench/run.sh, or alone (`make bench-workspace`).
#
# Environment: BENCH_WORKSPACE_SIZES ("10000 100000"), BENCH_DECISIONS (1000),
# BENCH_ROWS (the rows file to append to), CLAUSIER (build/host/clausier).
set -euo pipefail
cd "$(dirname "$0")/.."

CLAUSIER="${CLAUSIER:-build/host/clausier}"
OUT=build/bench
DATA="$OUT/data"
PY=/usr/bin/python3
WORKSPACE_SIZES="${BENCH_WORKSPACE_SIZES:-10000 100000}"
DECISIONS="${BENCH_DECISIONS:-1000}"
BENCH_DECIDE="$(dirname "$CLAUSIER")/../bench/clausier_bench_decisions"
ROWS="${BENCH_ROWS:-$OUT/tmp/workspace-rows}"
mkdir -p "$DATA" "$OUT/tmp"
[ -n "${BENCH_ROWS:-}" ] || : >"$ROWS"
.ci/install-deps hyperfine time postgresql
source bench/lib.sh
for n in $WORKSPACE_SIZES; do
  [ -s "$DATA/p$n.csv" ] || $PY bench/gen_programme.py "$n" "$DATA/p$n.csv"
done

workspace_rows() {  # ENGINE DB_URL
  local engine="$1" db="$2"
  for n in $WORKSPACE_SIZES; do
    local csv="$DATA/p$n.csv"
    local t_e t_i m_i
    t_e=$(seconds "ws-eval-$engine-$n" 1 "$CLAUSIER evaluate $csv --format csv -o $OUT/tmp/ws-out-$n.csv --no-policy")
    # A new programme name at each run: an import of the same file under the same name does nothing.
    t_i=$(seconds "ws-import-$engine-$n" 1 "$CLAUSIER workspace import $csv --name p$n-\$RANDOM\$RANDOM --db $db --no-policy")
    m_i=$(megabytes "$CLAUSIER workspace import $csv --name p$n --db $db --no-policy")
    row "importer $n lots et leur évaluation ($engine)" "$t_i" "$m_i" "evaluate --format csv" "$t_e" "–"
  done
  local first
  first=$(echo "$WORKSPACE_SIZES" | cut -d' ' -f1)
  local t_s m_s
  t_s=$(seconds "ws-show-$engine" 3 "$CLAUSIER workspace show p$first --format json --db $db > /dev/null")
  m_s=$(megabytes "$CLAUSIER workspace show p$first --format json --db $db")
  row "montrer $first lots (show --format json, $engine)" "$t_s" "$m_s" "" "–" "–"
  local lat
  lat=$("$BENCH_DECIDE" "$db" "p$first" "$DECISIONS" rules plugins)
  echo "| $DECISIONS décisions à la suite ($engine) : médiane, 95e centile | $(echo "$lat" | cut -d' ' -f1) ms, $(echo "$lat" | cut -d' ' -f2) ms | | objectif | 5 ms | | | |" >>"$ROWS"
  tail -1 "$ROWS"
}
rm -f "$OUT/tmp/ws.db" "$OUT/tmp/ws.db-wal" "$OUT/tmp/ws.db-shm"
workspace_rows sqlite "sqlite:$OUT/tmp/ws.db"
export -f workspace_rows seconds megabytes row
export CLAUSIER DATA OUT PY ROWS WORKSPACE_SIZES DECISIONS BENCH_DECIDE
tests/postgres/with-postgres.sh bash -c 'workspace_rows postgresql "$CLAUSIER_TEST_POSTGRES"'
# (each row was printed as it came; the rows file keeps them)

# Helpers of the benchmark scripts (bench/run.sh, bench/workspace.sh). They
# expect OUT (the output folder), PY (a python3) and ROWS (the rows file).

# seconds NAME RUNS CMD: mean wall time over RUNS runs (hyperfine; failures of
# the command do not stop the suite: parse-only runs exit 1 on purpose).
seconds() {
  local name="$1" runs="$2"
  shift 2
  hyperfine --style none --runs "$runs" --ignore-failure --export-json "$OUT/tmp/$name.json" "$*" >/dev/null 2>&1
  $PY -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$OUT/tmp/$name.json"
}

# megabytes CMD: peak resident memory of one run (/usr/bin/time -v).
megabytes() {
  /usr/bin/time -v bash -c "$*" 2>"$OUT/tmp/time.txt" >/dev/null || true
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$OUT/tmp/time.txt"
}

# row WHAT OURS_S OURS_MB THEIRS THEIRS_S THEIRS_MB
row() {
  local ratio_t="–" ratio_m="–"
  local ratio='import sys; r = float(sys.argv[1]) / max(float(sys.argv[2]), 1e-3); print("%.2f" % r if r < 1 else "%.1f" % r)'
  if [ "$5" != "–" ]; then ratio_t=$($PY -c "$ratio" "$5" "$2"); fi
  if [ "$6" != "–" ]; then ratio_m=$($PY -c "$ratio" "$6" "$3"); fi
  printf '| %s | %s s | %s Mo | %s | %s s | %s Mo | ×%s | ×%s |\n' "$1" "$2" "$3" "$4" "$5" "$6" "$ratio_t" "$ratio_m" >>"$ROWS"
  tail -1 "$ROWS"
}


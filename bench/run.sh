#!/usr/bin/env bash
# Benchmark suite: clausier against the usual tools, timings and peak memory
# side by side, printed as a table of ratios and kept in build/bench/results.md.
#
#   make bench          10k, 100k and 1M lots (long: tens of minutes)
#   make bench-quick    10k lots only (a smoke test)
#
# Environment: BENCH_SIZES ("10000 100000 1000000"), BENCH_XLSX_ROWS (100000),
# BENCH_DECP_SIZES (those of BENCH_SIZES up to 100000), BENCH_DOCX_LOTS (1000),
# BENCH_RUNS (3; 1 for a million lots), CLAUSIER (build/host/clausier).
# Figures taken while the machine is busy are noisy: the table records the
# load average (uptime) before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES="${BENCH_SIZES:-10000 100000 1000000}"
XLSX_ROWS="${BENCH_XLSX_ROWS:-100000}"
DECP_SIZES="${BENCH_DECP_SIZES:-$(for n in $SIZES; do [ "$n" -gt 100000 ] || echo "$n"; done | xargs)}"
DOCX_LOTS="${BENCH_DOCX_LOTS:-1000}"
RUNS="${BENCH_RUNS:-3}"
CLAUSIER="${CLAUSIER:-build/host/clausier}"
OUT=build/bench
DATA="$OUT/data"
NODE="$OUT/node"
PY=/usr/bin/python3  # Debian's, where python3-openpyxl is installed
PLUGINS=$(ls plugins/*.lua | wc -l)

# The comparators, installed by the suite itself: Debian packages, and the npm
# packages into a local folder.
.ci/install-deps python3-openpyxl python3-docxtpl hyperfine time
command -v npm >/dev/null || .ci/install-deps nodejs npm  # unless a Node.js is there already
if [ ! -d "$NODE/node_modules/xlsx" ] || [ ! -d "$NODE/node_modules/mustache" ]; then
  mkdir -p "$NODE"
  npm install --prefix "$NODE" --no-audit --no-fund --silent xlsx@0.18.5 mustache@4.2.0
fi
export NODE_PATH="$PWD/$NODE/node_modules"
mkdir -p "$DATA" "$OUT/tmp"

# Deterministic programmes (bench/gen_programme.py), made once.
for n in $SIZES; do
  [ -s "$DATA/p$n.csv" ] || $PY bench/gen_programme.py "$n" "$DATA/p$n.csv"
done
[ -s "$DATA/p$XLSX_ROWS.xlsx" ] || $PY bench/gen_programme.py "$XLSX_ROWS" "$DATA/p$XLSX_ROWS.xlsx"
[ -s "$DATA/p$XLSX_ROWS.ods" ] || $PY bench/gen_programme.py "$XLSX_ROWS" "$DATA/p$XLSX_ROWS.ods"
for n in $DECP_SIZES; do
  [ -s "$DATA/d$n.json" ] || $PY bench/gen_programme.py "$n" "$DATA/d$n.json"  # DECP open data, 2.0 shape
done
[ -s "$DATA/p$DOCX_LOTS.csv" ] || $PY bench/gen_programme.py "$DOCX_LOTS" "$DATA/p$DOCX_LOTS.csv"
# The documents rows compare one document, the CCAP insertion article: a
# template folder with it alone.
TEMPLATES="$OUT/tmp/templates-ccap"
mkdir -p "$TEMPLATES"
ln -sfn "$PWD/templates/_formats" "$TEMPLATES/_formats"
ln -sfn "$PWD/templates/ccap-insertion" "$TEMPLATES/ccap-insertion"

RESULTS="$OUT/results.md"
ROWS="$OUT/tmp/rows"
: >"$ROWS"

source bench/lib.sh

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Mesures en cours (charge avant : $load_before)…"

for n in $SIZES; do
  runs=$RUNS
  [ "$n" -ge 1000000 ] && runs=1
  csv="$DATA/p$n.csv"
  eval_cmd="$CLAUSIER evaluate $csv --format csv -o $OUT/tmp/out-$n.csv --no-policy"
  parse_cmd="$CLAUSIER evaluate $csv --only __aucun__ --no-policy"
  py_cmd="$PY bench/compare/evaluate.py $csv $OUT/tmp/py-$n.csv"
  t_eval=$(seconds "eval-$n" "$runs" "$eval_cmd")
  m_eval=$(megabytes "$eval_cmd")
  t_eval1=$(seconds "eval1-$n" "$runs" "$eval_cmd -j 1")
  t_parse=$(seconds "parse-$n" "$runs" "$parse_cmd")
  m_parse=$(megabytes "$parse_cmd")
  t_py=$(seconds "py-$n" "$runs" "$py_cmd")
  m_py=$(megabytes "$py_cmd")
  row "évaluer $n lots (CSV, $(nproc) fils)" "$t_eval" "$m_eval" "Python csv (1 clause sur $PLUGINS)" "$t_py" "$m_py"
  row "évaluer $n lots (CSV, -j 1)" "$t_eval1" "–" "" "–" "–"
  row "lire seulement $n lots (CSV, 2 passes)" "$t_parse" "$m_parse" "" "–" "–"
  per_call=$($PY -c "print('%.2f' % (($t_eval1 - $t_parse) / ($n * $PLUGINS) * 1e6))")
  echo "| appel de plugin, $n lots (-j 1, (évaluer − lire) ÷ (lots × $PLUGINS)) | $per_call µs | | | | | | |" >>"$ROWS"
  tail -1 "$ROWS"
done

for n in $DECP_SIZES; do
  decp_cmd="$CLAUSIER evaluate $DATA/d$n.json --format csv -o $OUT/tmp/decp-$n.csv --no-policy"
  t_d=$(seconds "decp-$n" "$RUNS" "$decp_cmd")
  m_d=$(megabytes "$decp_cmd")
  row "évaluer $n marchés DECP JSON ($(nproc) fils)" "$t_d" "$m_d" "" "–" "–"
done

xlsx="$DATA/p$XLSX_ROWS.xlsx"
t_x=$(seconds xlsx "$RUNS" "$CLAUSIER evaluate $xlsx --only __aucun__ --no-policy")
m_x=$(megabytes "$CLAUSIER evaluate $xlsx --only __aucun__ --no-policy")
t_opx=$(seconds openpyxl "$RUNS" "$PY bench/compare/read_openpyxl.py $xlsx")
m_opx=$(megabytes "$PY bench/compare/read_openpyxl.py $xlsx")
t_sjs=$(seconds sheetjs "$RUNS" "node bench/compare/read_sheetjs.js $xlsx")
m_sjs=$(megabytes "node bench/compare/read_sheetjs.js $xlsx")
row "lire $XLSX_ROWS lignes XLSX (2 passes)" "$t_x" "$m_x" "openpyxl read-only" "$t_opx" "$m_opx"
row "lire $XLSX_ROWS lignes XLSX (2 passes)" "$t_x" "$m_x" "SheetJS (npm xlsx)" "$t_sjs" "$m_sjs"

# The same rows as an OpenDocument spreadsheet (content.xml through the same
# scanner as xlsx worksheets); no comparator reads ODS in streaming.
ods="$DATA/p$XLSX_ROWS.ods"
t_o=$(seconds ods "$RUNS" "$CLAUSIER evaluate $ods --only __aucun__ --no-policy")
m_o=$(megabytes "$CLAUSIER evaluate $ods --only __aucun__ --no-policy")
row "lire $XLSX_ROWS lignes ODS (2 passes)" "$t_o" "$m_o" "" "–" "–"

# The eForms notices: every example of the eForms SDK kept in
# tests/fixtures/eforms/sdk/, and one French notice written for the tests.
# Each is read and evaluated once, its counts printed (lots evaluated, lots
# rejected with their line); the time is that of the whole folder, read
# notice by notice, RUNS times.
notices=$(ls tests/fixtures/eforms/sdk/*.xml tests/fixtures/eforms/*.xml)
t_n=$(seconds eforms "$RUNS" "for n in $(echo $notices); do $CLAUSIER evaluate \$n --no-policy >/dev/null 2>&1; done; true")
total_eval=0
total_rej=0
for notice in $notices; do
  read -r n_eval n_rej < <($CLAUSIER evaluate "$notice" --no-policy --format json -o "$OUT/tmp/eforms.json" >/dev/null 2>&1
    $PY -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]; print(s["lots_evaluated"], s["rows_rejected"])' "$OUT/tmp/eforms.json" 2>/dev/null || echo "– –")
  total_eval=$((total_eval + ${n_eval/–/0}))
  total_rej=$((total_rej + ${n_rej/–/0}))
  echo "| avis eForms ${notice#tests/fixtures/eforms/} : $n_eval lot(s) évalué(s), $n_rej rejeté(s) | | | | | | | |" >>"$ROWS"
  tail -1 "$ROWS"
  rm -f "$OUT/tmp/eforms.json"
done
echo "| lire les $(echo $notices | wc -w) avis eForms : $total_eval lots évalués, $total_rej rejetés | $t_n s | | | | | | |" >>"$ROWS"
tail -1 "$ROWS"

# The DECP files of tests/fixtures/decp/real/ (records as buyers' platforms
# published them, 2019 and 2.0 formats): each read and evaluated, with its
# counts from the file's summary (records read, evaluated, rejected and why,
# republications).
for file in tests/fixtures/decp/real/*.json; do
  real_cmd="$CLAUSIER evaluate $file --format csv -o $OUT/tmp/decp-real.csv --no-policy"
  t_f=$(seconds "decp-real-$(basename "$file" .json)" "$RUNS" "$real_cmd")
  counts=$({ $real_cmd 2>&1 >/dev/null || true; } | sed -e 's/\xC2\xA0/ /g' -e 's/\xE2\x80\xAF/ /g' |
    sed -n 's/.*note : bilan : //p' | head -1)
  echo "| DECP publiées $(basename "$file") : ${counts:-aucun bilan} | $t_f s | | | | | | |" >>"$ROWS"
  tail -1 "$ROWS"
done

# Documents: the CCAP insertion article of each lot that calls for it, for
# the smallest size in HTML and for DOCX_LOTS lots in DOCX, from the same
# evaluation (jsonl) on the comparators' side.
small=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -1)
$CLAUSIER evaluate "$DATA/p$small.csv" --format jsonl --reasons full --no-policy >"$OUT/tmp/eval-$small.jsonl" 2>/dev/null || true
render_cmd="rm -rf $OUT/tmp/docs && $CLAUSIER render $DATA/p$small.csv --format html --templates $TEMPLATES -o $OUT/tmp/docs --no-policy"
mustache_cmd="rm -rf $OUT/tmp/mdocs && node bench/compare/render_mustache.js templates/ccap-insertion/ccap-insertion.md.mustache $OUT/tmp/eval-$small.jsonl $OUT/tmp/mdocs"
t_r=$(seconds render "$RUNS" "$render_cmd")
m_r=$(megabytes "$render_cmd")
t_m=$(seconds mustache "$RUNS" "$mustache_cmd")
m_m=$(megabytes "$mustache_cmd")
row "rédiger l'article du CCAP en HTML, $small lots" "$t_r" "$m_r" "mustache.js" "$t_m" "$m_m"

$CLAUSIER evaluate "$DATA/p$DOCX_LOTS.csv" --format jsonl --reasons full --no-policy >"$OUT/tmp/eval-$DOCX_LOTS.jsonl" 2>/dev/null || true
docx_cmd="rm -rf $OUT/tmp/docx && $CLAUSIER render $DATA/p$DOCX_LOTS.csv --format docx --templates $TEMPLATES -o $OUT/tmp/docx --no-policy"
docxtpl_cmd="rm -rf $OUT/tmp/docxtpl && $PY bench/compare/render_docxtpl.py templates/ccap-insertion/ccap-insertion.md.mustache $OUT/tmp/ccap-insertion.docx $OUT/tmp/eval-$DOCX_LOTS.jsonl $OUT/tmp/docxtpl"
rm -f "$OUT/tmp/ccap-insertion.docx"
bash -c "$docxtpl_cmd" >/dev/null  # makes the Word template (python-docx) out of the timings
t_dx=$(seconds docx "$RUNS" "$docx_cmd")
m_dx=$(megabytes "$docx_cmd")
t_dt=$(seconds docxtpl "$RUNS" "$docxtpl_cmd")
m_dt=$(megabytes "$docxtpl_cmd")
row "rédiger l'article du CCAP en DOCX, $DOCX_LOTS lots (évaluation comprise)" "$t_dx" "$m_dx" "python3-docxtpl" "$t_dt" "$m_dt"

# JSON lines: bytes a lot with each --reasons (issue 16: ≤ 2 KB a lot with short).
jl=$(echo "$SIZES" | tr ' ' '\n' | awk '$1 <= 100000' | tail -1)
for mode in full short none; do
  bytes=$($CLAUSIER evaluate "$DATA/p$jl.csv" --format jsonl --reasons "$mode" --no-policy 2>/dev/null | wc -c)
  echo "| JSON lines, $jl lots, --reasons $mode : octets par lot | $((bytes / jl)) o | | | | | | |" >>"$ROWS"
  tail -1 "$ROWS"
done

# The workspace's rows (bench/workspace.sh), on the sizes up to 100 000.
BENCH_WORKSPACE_SIZES="${BENCH_WORKSPACE_SIZES:-$(for n in $SIZES; do [ "$n" -gt 100000 ] || echo "$n"; done | xargs)}" \
  BENCH_ROWS="$ROWS" bench/workspace.sh

t_v=$(hyperfine --style none --runs 30 --warmup 3 --export-json "$OUT/tmp/version.json" "$CLAUSIER --version" >/dev/null 2>&1 &&
  $PY -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$OUT/tmp/version.json")
echo "| clausier --version | $t_v ms | | | | | | |" >>"$ROWS"
tail -1 "$ROWS"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "Machine : $(nproc) cœurs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.0f Gio", $2 / 1048576 }' /proc/meminfo)"
  echo "Date : $(date -u +%Y-%m-%dT%H:%MZ), clausier $($CLAUSIER --version | head -1 | cut -d' ' -f2), charge (uptime) avant : $load_before, après : $load_after"
  echo
  echo "| mesure | clausier | mémoire | comparaison | temps | mémoire | rapport temps | rapport mémoire |"
  echo "|---|---|---|---|---|---|---|---|"
  cat "$ROWS"
  echo
  echo "Rapport : comparaison ÷ clausier (×2 : clausier deux fois plus rapide ou deux fois plus sobre)."
} >"$RESULTS"
echo
cat "$RESULTS"

# The server under load (bench/serve.sh): its own table, appended.
bench/serve.sh
cat "$OUT/serve.md" >>"$RESULTS"

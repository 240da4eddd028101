#!/usr/bin/env bash
# Streaming and parallel evaluation as a user runs it: standard input read
# twice (spooled), jsonl output line by line, the same results whatever
# --jobs, usage errors for a bad --jobs, no progress line when stderr is not
# a terminal.
source "$(dirname "$0")/lib.sh"

SAMPLE=samples/departement-2027/programme.csv

# Standard input: consultation totals (pass 1) still apply to each lot (pass 2).
run file evaluate "$SAMPLE" --format jsonl
run stdin evaluate - --format jsonl <"$SAMPLE"
expect_status stdin 0
CHECKS=$((CHECKS + 1))
sed 's|"source":"samples/departement-2027/programme.csv:|"source":"(entrée standard):|' "$WORK/file.out" |
  cmp -s - "$WORK/stdin.out" || fail "l'entrée standard ne donne pas le même résultat que le fichier"
expect_count stdin out '"reference":' 43
# A lot of 390 000 € in a works consultation of 8 650 000 €: mandatory.
expect_in stdin out '"reference":"C2027-01-L4"'
python3 - "$WORK/stdin.out" <<'PY' || fail "jsonl invalide"
import json, sys
lots = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(lots) == 43
lot = next(l for l in lots if l["reference"] == "C2027-01-L4")
assert lot["consultation_montant_ht"] == 8650000
assert any(c["type"] == "insertion" and c["verdict"] == "obligatoire" for c in lot["clauses"])
PY
CHECKS=$((CHECKS + 1))
# The temporary copy of standard input is gone.
CHECKS=$((CHECKS + 1))
[ -z "$(ls "${TMPDIR:-/tmp}" | grep '^clausier-entree-' || true)" ] || fail "copie temporaire de l'entrée restée"

# The jsonl lots are the json format's lots.
run json evaluate "$SAMPLE" --format json
python3 - "$WORK/json.out" "$WORK/file.out" <<'PY' || fail "les lots jsonl diffèrent des lots json"
import json, sys
whole = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
lines = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert whole == lines
PY
CHECKS=$((CHECKS + 1))

# Same bytes whatever the number of workers, with bad rows in the input.
run one evaluate tests/fixtures/csv/programme-cp1252.csv --format csv -j 1
run four evaluate tests/fixtures/csv/programme-cp1252.csv --format csv --jobs 4
expect_status four 1
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/one.out" "$WORK/four.out" || fail "--jobs 4 ne donne pas le même résultat que -j 1"
CHECKS=$((CHECKS + 1))
cmp -s "$WORK/one.err" "$WORK/four.err" || fail "--jobs 4 ne donne pas les mêmes messages que -j 1"
# stderr is not a terminal here: no progress line.
expect_not_in four err "évaluation :"

run zero evaluate "$SAMPLE" --jobs 0
expect_status zero 2
expect_in zero err "--jobs attend un nombre"

finish

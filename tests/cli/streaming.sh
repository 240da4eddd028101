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
expect_count stdin out '{"reference":' 43
# A lot of 390 000 € in a works consultation of 8 650 000 €: mandatory.
expect_in stdin out '"reference":"C2027-01-L4"'
python3 - "$WORK/stdin.out" <<'PY' || fail "jsonl invalide"
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert records[0]["format"] == "clausier-evaluation" and records[0]["version"] == 2, records[0]
assert records[0]["reasons"] == "short"
lots = [r for r in records if "reference" in r]
assert len(lots) == 43
lot = next(l for l in lots if l["reference"] == "C2027-01-L4")
assert lot["consultation_montant_ht"] == 8650000
assert any(c["type"] == "insertion" and c["verdict"] == "obligatoire" for c in lot["clauses"])
PY
CHECKS=$((CHECKS + 1))
# The temporary copy of standard input is gone.
CHECKS=$((CHECKS + 1))
[ -z "$(ls "${TMPDIR:-/tmp}" | grep '^clausier-entree-' || true)" ] || fail "copie temporaire de l'entrée restée"

# The jsonl lots are the json format's lots: in full with --reasons full, and
# rebuilt whole from the numbered texts, patterns and trace entries of the default
# (short, docs/json.md), as a consumer does; none leaves the reasons out only.
run json evaluate "$SAMPLE" --format json
run full evaluate "$SAMPLE" --format jsonl --reasons full
run none evaluate "$SAMPLE" --format jsonl --reasons none
python3 - "$WORK/json.out" "$WORK/full.out" "$WORK/file.out" "$WORK/none.out" <<'PY' || fail "les lots jsonl diffèrent des lots json"
import json, re, sys
whole = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
full = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert whole == full

def rebuild(path):
    texts, patterns, entries, value_sets, lots = {}, {}, {}, {}, []

    # A text number, [pattern number, the values of its blanks], or a text.
    def text(t):
        if isinstance(t, int):
            return texts[t]
        if isinstance(t, list):
            p = patterns[t[0]]
            values = dict(zip(p["blanks"], t[1:]))
            return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], p["text"])
        return t

    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if "format" in r:
            continue
        if "pattern" in r:
            patterns[r["pattern"]] = r["value"]
        elif "text" in r:
            texts[r["text"]] = r["value"]
        elif "values" in r and "reference" not in r:
            value_sets[r["values"]] = r["value"]
        elif "trace" in r and "reference" not in r:
            entries[r["trace"]] = r["value"]
        else:
            for c in r["clauses"]:
                for key in ("basis", "reasons", "warnings"):
                    if key in c:
                        c[key] = [text(t) for t in c[key]]
                if isinstance(c.get("values"), int):
                    c["values"] = value_sets[c["values"]]
                if "trace" in c:
                    c["trace"] = [entries[t] if isinstance(t, int) else t for t in c["trace"]]
            lots.append(r)
    return lots

assert rebuild(sys.argv[3]) == whole, "short"
# The shipped plugins give their sentences with blanks: patterns are written once, then values.
assert any(line.startswith('{"pattern":') for line in open(sys.argv[3], encoding="utf-8")), "pattern"
for c in (c for l in whole for c in l["clauses"]):
    del c["reasons"]
assert rebuild(sys.argv[4]) == whole, "none"
sizes = [len(line.encode()) for line in open(sys.argv[3], encoding="utf-8")]
# Even on 43 lots, each text written once makes the output at least twice smaller.
assert sum(sizes) * 2 < sum(len(line.encode()) for line in open(sys.argv[2], encoding="utf-8"))
PY
CHECKS=$((CHECKS + 1))

run short_json evaluate "$SAMPLE" --format json --reasons short
expect_status short_json 2
expect_in short_json err "--reasons short vaut pour les formats jsonl et csv"
run csv_short evaluate "$SAMPLE" --format csv --reasons short
run csv_full evaluate "$SAMPLE" --format csv
python3 - "$WORK/csv_short.out" "$WORK/csv_full.out" <<'PY' || fail "csv --reasons short"
import csv, sys
short = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
full = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"), delimiter=";"))
assert len(short) == len(full)
for s, f in zip(short, full):
    assert f["Motifs"].startswith(s["Motifs"]), (s["Motifs"], f["Motifs"])
    assert len(s["Motifs"]) <= len(f["Motifs"])
assert sum(len(s["Motifs"]) for s in short) * 2 < sum(len(f["Motifs"]) for f in full)
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

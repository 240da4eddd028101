#!/usr/bin/env bash
# clausier diff: what a rule change does to a real programme. The check of the
# issue: copy rules/, raise the EU works threshold from 5 404 000 € to
# 9 000 000 € from 2026-01-01, and the works consultations between the two
# thresholds (C2027-01, 8 650 000 €, 9 lots; C2027-03, 6 100 000 €, 2 lots) are
# exactly the lots listed, with their verdicts before and after.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

cp -r rules "$WORK/rules-after"
sed -i 's/value = 5404000,/value = 9000000,/' "$WORK/rules-after/seuils/ue/travaux.lua"
CHECKS=$((CHECKS + 1))
grep -q 'value = 9000000,' "$WORK/rules-after/seuils/ue/travaux.lua" || fail "le seuil n'a pas pu être modifié dans la copie des règles"

run threshold diff "$SAMPLE" --rules-before rules --rules-after "$WORK/rules-after"
expect_status threshold 0
# Rows of the table: a lot reference at the start of a line.
grep -oE '^C2027-[0-9]+(-L[0-9]+)?' "$WORK/threshold.out" | sort -u >"$WORK/listed"
printf '%s\n' C2027-01-L{1..9} C2027-03-L1 C2027-03-L2 | sort >"$WORK/expected"
CHECKS=$((CHECKS + 1))
diff -u "$WORK/expected" "$WORK/listed" >"$WORK/listed.diff" || fail "lots listés ≠ lots attendus: $(cat "$WORK/listed.diff")"
expect_in threshold out "C2027-01-L3"
expect_in threshold out "obligatoire → recommandée"
expect_in threshold out "833 → 833"
expect_in threshold out "11 lots modifiés sur 43 évalués."
expect_in threshold out "Heures d'insertion des lots où la clause est obligatoire ou recommandée :"
expect_not_in threshold out "C2027-17"

# The same in JSON: every change of the insertion clause goes from obligatoire.
run json diff "$SAMPLE" --rules-before rules --rules-after "$WORK/rules-after" --format json -o "$WORK/diff.json"
expect_status json 0
expect_in json err "Résultat écrit dans"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/diff.json" <<'PY' || fail "JSON du diff inattendu"
import json, sys
d = json.load(open(sys.argv[1]))
refs = sorted({c["reference"] for c in d["changes"]})
assert refs == sorted([f"C2027-01-L{i}" for i in range(1, 10)] + ["C2027-03-L1", "C2027-03-L2"]), refs
ins = [c for c in d["changes"] if c["clause"] == "insertion"]
assert len(ins) == 11 and all(c["verdict_before"] == "obligatoire" and c["verdict_after"] != "obligatoire" for c in ins)
assert d["lots_changed"] == 11 and d["lots_evaluated"] == 43
t = [t for t in d["totals"] if t["clause"] == "insertion"][0]
assert t["difference"] == t["hours_after"] - t["hours_before"]
PY

# No change: nothing listed.
run same diff "$SAMPLE" --rules-before rules --rules-after rules
expect_status same 0
expect_in same out "Aucun lot ne change"
expect_in same out "0 lot modifié sur 43 évalués."

# The fixture: a verdict change, and an hours change to none.
F=tests/fixtures
run fixture diff "$F/diff/programme.csv" --rules-before "$F/rules-test/regles" --rules-after "$F/diff/regles-apres" --plugins "$F/rules-test/plugins"
expect_status fixture 0
expect_in fixture out "D1               Maçonnerie entre les deux seuils     demo               obligatoire → recommandée      1 583 → 1 583"
expect_in fixture out "recommandée → exclue           200 → —"
expect_in fixture out "−200"
expect_not_in fixture out "D2 "

# Usage errors.
run help diff --help
expect_status help 0
expect_in help out "--rules-before"
run no_after diff "$SAMPLE" --rules-before rules
expect_status no_after 2
expect_in no_after err "--rules-after"
run rules_option diff "$SAMPLE" --rules rules
expect_status rules_option 2
run bad_format diff "$SAMPLE" --rules-before rules --rules-after rules --format csv
expect_status bad_format 2
run missing diff /nonexistent.csv --rules-before rules --rules-after rules
expect_status missing 1
run broken diff "$SAMPLE" --rules-before rules --rules-after /nonexistent-rules
expect_status broken 3

finish

#!/usr/bin/env bash
# Done-when of the foundations issue: a Windows-1252 CSV with ";", accents,
# no-break spaces in amounts and two bad rows gives the good rows' evaluation
# plus one located French message per bad row, and the same results as its
# UTF-8 twin.
source "$(dirname "$0")/lib.sh"

for enc in cp1252 utf8; do
  run "$enc" evaluate "tests/fixtures/csv/programme-$enc.csv" --format json
  expect_status "$enc" 1
  expect_count "$enc" err "erreur" 3  # two rows, and the count line
  expect_in "$enc" err "programme-$enc.csv:10 (colonne « Montant estimé HT ») : erreur : montant illisible « 12,3,4 € »"
  expect_in "$enc" err "programme-$enc.csv:11 (colonne « Date prévisionnelle de lancement ») : erreur : date inexistante « 31/02/2027 »"
  expect_count "$enc" out '"consultation_lots":' 8
  expect_in "$enc" out '"objet": "Réhabilitation de l’école Jean-Moulin – gros œuvre"'
done

CHECKS=$((CHECKS + 1))
sed 's/programme-cp1252/programme-X/g' "$WORK/cp1252.out" >"$WORK/a.json"
sed 's/programme-utf8/programme-X/g' "$WORK/utf8.out" >"$WORK/b.json"
diff -u "$WORK/a.json" "$WORK/b.json" >"$WORK/diff" || fail "les deux encodages donnent des résultats différents: $(head -40 "$WORK/diff")"

finish

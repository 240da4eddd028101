#!/usr/bin/env bash
# `clausier serve` reloads rules, plugins and templates when they change on
# disk: a good edit is used by the next request; a broken one keeps the last
# good set running and is shown on the "Règles" page and in /api/rules.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
cp -r rules plugins templates "$WORK/"
start_server reload --rules "$WORK/rules" --plugins "$WORK/plugins" --templates "$WORK/templates" || exit 1

LOT='{"lots":[{"reference":"L1","objet":"Maçonnerie","nature":"travaux","cpv":"45262500",
  "montant_ht":1000000,"date_lancement":"2027-03-01"}]}'
evaluate() { http "$1" -H 'Content-Type: application/json' --data-binary "$LOT" "$URL/api/evaluate"; }
# wait_for NAME TEXT: evaluates until the answer holds TEXT (the watcher polls every second).
wait_for() {
  for _ in $(seq 1 50); do
    evaluate "$1"
    plain "$WORK/$1.out" | grep -F -- "$2" >/dev/null && break
    sleep 0.2
  done
  expect_in "$1" out "$2"
}

evaluate before
expect_in before out '"hours": 833'

# A good edit: the insertion rate goes from 5 % to 10 %.
sed -i 's/value = 0.05,/value = 0.10,/' "$WORK/rules/heures/taux_insertion.lua"
wait_for after_rate '"hours": 1666'

# A broken plugin: the last good set keeps running, the error is shown.
echo 'return { id = "insertion", api = 1, evaluate = function( }' >"$WORK/plugins/insertion.lua"
for _ in $(seq 1 50); do
  http rules_api "$URL/api/rules"
  grep -q '"reload_error": {' "$WORK/rules_api.out" && break
  sleep 0.2
done
expect_in rules_api out '"reload_error": {'
expect_in rules_api out 'insertion.lua'
http rules_page "$URL/regles"
expect_in rules_page out "a échoué"
expect_in rules_page out "insertion.lua"
evaluate during
expect_in during out '"hours": 1666'

# Fixed again: the error goes away and the new set is used.
cp plugins/insertion.lua "$WORK/plugins/insertion.lua"
sed -i 's/value = 0.10,/value = 0.05,/' "$WORK/rules/heures/taux_insertion.lua"
wait_for fixed '"hours": 833'
http rules_fixed "$URL/regles"
expect_in rules_fixed out "Dernier rechargement réussi"

finish

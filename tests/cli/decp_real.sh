#!/usr/bin/env bash
# DECP files as published (tests/fixtures/decp/real/README.md), each read
# whole: the summary's counts, exactly, so that a regression is seen; the
# share of contracts evaluated (republications aside); every rejected
# contract named by at least one error located at its file and line.
source "$(dirname "$0")/lib.sh"
REAL=tests/fixtures/decp/real

# check NAME FILE READ EVALUATED REPAIRED ASSUMED REJECTED REPUBLISHED MIN_SHARE WHY
#   ASSUMED: evaluated under hypotheses (no CPV code, no amount)
#   WHY: the summary's reasons for the rejections, as printed (empty: none)
check() {
  local name="$1" file="$2" read="$3" evaluated="$4" repaired="$5" assumed="$6" rejected="$7" republished="$8"
  local min="$9" why="${10}"
  run "$name" evaluate "$file" --format csv -o "$WORK/$name.csv"
  expect_status "$name" "$([ "$rejected" -gt 0 ] && echo 1 || echo 0)"
  local summary="note : bilan : $read enregistrement(s) lu(s), $evaluated évalué(s)" among=""
  [ "$repaired" -gt 0 ] && among="$repaired avec des valeurs corrigées"
  [ "$assumed" -gt 0 ] && among+="${among:+, }$assumed sous hypothèses (nature ou montant inconnus)"
  [ -n "$among" ] && summary+=" (dont $among)"
  summary+=", $rejected rejeté(s)"
  [ -n "$why" ] && summary+=" ($why)"
  [ "$republished" -gt 0 ] && summary+=", $republished republication(s) ignorée(s)"
  expect_in "$name" err "$summary"
  expect_count "$name" err "note : bilan :" 1

  # Each rejected contract has its errors, at FILE:LINE, under its reference;
  # nothing else is an error.
  CHECKS=$((CHECKS + 1))
  local errors located named
  errors=$(plain "$WORK/$name.err" | grep -c " : erreur : ")
  located=$(plain "$WORK/$name.err" | grep -cE "^$file:[0-9]+ : erreur : (marché|contrat de concession) « [^»]+ » : ")
  named=$(plain "$WORK/$name.err" | grep -E "^$file:[0-9]+ : erreur : " | sed -E 's/^[^«]*« ([^»]+) ».*/\1/' | sort -u | wc -l)
  [ "$errors" = "$located" ] || fail "$name: $errors erreurs, dont $located seulement situées et nommées"
  [ "$named" = "$rejected" ] || fail "$name: $named marchés nommés par une erreur, $rejected rejetés"

  # The evaluated lots are in the CSV (one line per clause type; lots counted
  # by reference), and the share of contracts evaluated meets its floor.
  CHECKS=$((CHECKS + 1))
  local lots
  lots=$(tail -n +2 "$WORK/$name.csv" | cut -d';' -f1 | sort -u | wc -l)
  [ "$lots" = "$evaluated" ] || fail "$name: $lots lots dans le CSV, $evaluated évalués selon le bilan"
  CHECKS=$((CHECKS + 1))
  local share
  share=$((100 * evaluated / (read - republished)))
  [ "$share" -ge "$min" ] || fail "$name: $share % des marchés évalués, attendu au moins $min %"
  echo "$name : $evaluated évalués sur $((read - republished)) marchés ($share %), $rejected rejetés"
}

# The 2.0 format as a buyer profile (Mégalis Bretagne) publishes it: every
# contract evaluated.
check megalis "$REAL/decp-2024-megalis-bretagne.json" 5 5 0 0 0 0 95 ""
expect_in megalis err "format 2.0 (arrêtés du 22 décembre 2022), JSON"

# The 2019 format as a buyer profile (marches-securises.fr) published it for
# the town of Croix, 2019 to 2021: ids left empty (33), placeholder ids shared
# by several contracts ("0000000000000000", "000000000000"), the lots of one
# consultation under one id, amounts and durations as text, a CPV code typed
# "66516 000", no CPV code (22 contracts), an amount of 0 (10, one of them
# without a CPV code too). These 31 are evaluated under hypotheses (each
# nature, the amounts the rules compare with): every contract is evaluated.
CROIX="$REAL/decp-2019-marches-securises-croix.json"
check croix "$CROIX" 159 158 158 31 0 1 95 ""
expect_in croix err "format 2019 (consolidé jusqu'en 2023), JSON"
# The same record twice (same id, date and amount): read once.
expect_in croix err "$CROIX:333 : avertissement : marché « 21590163800019202108000000000B » déjà lu ligne 252 (même acheteur, même identifiant, même date, même montant) : cette nouvelle publication est ignorée"
expect_count croix err "cette nouvelle publication est ignorée" 1
# Another contract under an id already seen: evaluated, named by its line.
expect_in croix err "$CROIX:32 : avertissement : marché « 21590163800019202117F000000000#32 » : valeurs corrigées à la lecture : montant écrit en texte « 70000.00 » lu 70 000 € ; durée « 36 » lue 36 mois ; identifiant déjà porté ligne 3 par un autre marché du même acheteur (autre date ou autre montant) : celui-ci est désigné par sa ligne"
expect_count croix err "identifiant déjà porté ligne" 14
# No id: evaluated, named by its buyer and its line.
expect_in croix err "$CROIX:1815 : avertissement : marché « 21590163800019#1815 » : valeurs corrigées à la lecture : identifiant du marché (« id ») absent : il est désigné par son acheteur et sa ligne"
expect_count croix err "identifiant du marché (« id ») absent" 33
expect_in croix err "code CPV « 66516 000 » lu 66516000 (espaces retirés)"
# What the file lacks, each located at the field and saying what to write.
expect_in croix err "$CROIX:924 : avertissement : marché « 215901638000192021040000000000 » : code CPV (« codeCPV ») absent : la nature du marché n'est pas connue ; il est évalué comme marché de travaux, de fournitures et de services et le verdict retenu est le plus fort ; indiquez ses 8 chiffres, par exemple 45214200"
expect_in croix err "$CROIX:934 : avertissement : marché « 215901638000192021040000000000 » : montant nul « 0.00 » : le marché est évalué aux montants que comparent les règles (seuils) et le verdict retenu est le plus fort ; indiquez le montant hors taxes du marché (pour un accord-cadre sans maximum, sa valeur estimée)"
expect_count croix err "code CPV (« codeCPV ») absent" 22
expect_count croix err "montant nul" 10
# Each of them: its amount left empty in the CSV, and the verdict of each
# hypothesis in the reasons of each clause type.
CHECKS=$((CHECKS + 1))
python3 - "$WORK/croix.csv" <<'PY' || fail "croix: marchés sous hypothèses mal écrits dans le CSV"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";"))
head, rows = rows[0], rows[1:]
amount, reasons = head.index("Montant HT"), head.index("Motifs")
assumed = [r for r in rows if r[reasons].startswith(("La nature du marché n'est pas connue", "Le montant du marché n'est pas connu", "Ni la nature"))]
lots = {r[0] for r in assumed}
assert len(lots) == 31, len(lots)
assert all(len([r for r in assumed if r[0] == l]) == 8 for l in lots)
unknown_amount = {r[0] for r in assumed if not r[reasons].startswith("La nature")}
assert len(unknown_amount) == 10, len(unknown_amount)
assert all(r[amount] == "" for r in assumed if r[0] in unknown_amount)
PY

# The extract of the consolidation project's test data (2.0 shape, values
# altered there to exercise cleaning): the amount of 1e+17 is rejected; the
# contract notified in 2019 is evaluated under the thresholds of its date.
EXTRAIT="$REAL/decp-2022-extrait.json"
check extrait "$EXTRAIT" 5 4 1 0 1 0 80 "1 sans montant lisible"
expect_in extrait err "$EXTRAIT:126 : erreur : marché « 221300015002472020F00075 » : montant trop grand « 1e+17 » : vérifiez le nombre de chiffres"
run extrait_json evaluate "$EXTRAIT" --format json -o "$WORK/extrait.json"
python3 - "$WORK/extrait.json" <<'PY' || fail "contrat de 2019 de l'extrait évalué autrement qu'attendu"
import json, sys
lots = {l["reference"]: l for l in json.load(open(sys.argv[1], encoding="utf-8"))["lots"]}
school = lots["216901231000112019K1209"]
assert school["date_lancement"] == "2019-06-17" and school["lieu"] == "69", school
insertion = next(c for c in school["clauses"] if c["type"] == "insertion")
# 1 105 000 € of services in June 2019: above the 2018-2019 European threshold
# of 221 000 €, before the obligation of L2112-2-1 existed.
assert insertion["verdict"] == "possible", insertion["verdict"]
assert "221 000 €" in " ".join(insertion["reasons"]).replace("\u202f", " ").replace("\xa0", " "), insertion
PY
CHECKS=$((CHECKS + 1))

finish

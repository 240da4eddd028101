#!/usr/bin/env bash
# Every example notice of the eForms SDK kept in tests/fixtures/eforms/sdk/
# (README.md there) is read: its lots counted exactly (evaluated, rejected
# with their line), and the social considerations it declares reported,
# beside the verdicts for a lot evaluated, in the error of a lot that cannot
# be.
source "$(dirname "$0")/lib.sh"
DIR=tests/fixtures/eforms/sdk

# file | exit status | lots evaluated | lots rejected. A lot whose value does
# not read in euros (BT-27 of the lot or of the procedure; in an award
# notice, BT-720 of the selected tenders or BT-161) is evaluated under
# hypotheses; a pin-buyer notice has no lot. Two notices are dated before
# the rules start (can-modif_24_duration 2010, can_24_no_tenders 2015): their
# lot is rejected, located, saying so.
TABLE="$WORK/table"
cat >"$TABLE" <<'EOF'
X01_EEIG.xml 1 0 0
can-modif_23.xml 0 1 0
can-modif_24_duration.xml 1 0 1
can-modif_24_value.xml 0 1 0
can-modif_25.xml 0 1 0
can-social_24.xml 0 3 0
can-social_25.xml 0 3 0
can_24_minimal.xml 0 1 0
can_24_no_tenders.xml 1 0 1
can_25_ENG.xml 0 1 0
cn-desg_25.xml 0 1 0
cn-social_24.xml 0 1 0
cn-social_25.xml 0 1 0
cn_23.xml 0 1 0
cn_24_minimal.xml 0 1 0
cn_81.xml 0 1 0
pin-buyer_24.xml 1 0 0
pin-buyer_24_minimal-published.xml 1 0 0
pin-buyer_24_minimal.xml 1 0 0
pin-buyer_24_published.xml 1 0 0
pin-buyer_25.xml 1 0 0
pin-buyer_81.xml 1 0 0
pin-cfc-social_23.xml 0 1 0
pin-cfc-social_24.xml 0 1 0
pin-cfc_24.xml 0 1 0
pin-only_24.xml 0 1 0
pin-only_24_lots.xml 0 10 0
pin-only_25.xml 0 1 0
pin-only_81.xml 0 1 0
pin-only_81_FRA.xml 0 1 0
pin-only_fin-reg.xml 0 1 0
pin-rtl_24.xml 0 1 0
pin-rtl_25.xml 0 1 0
pin-rtl_81.xml 0 1 0
EOF

# The table and the folder name the same notices.
CHECKS=$((CHECKS + 1))
listed=$(cut -d' ' -f1 "$TABLE" | sort)
stored=$(cd "$DIR" && ls -1 -- *.xml | sort)
[ "$listed" = "$stored" ] || fail "la table et $DIR diffèrent : $(diff <(echo "$listed") <(echo "$stored") | tr '\n' ' ')"

# counts NAME: "EVALUATED REJECTED" from the summary of the JSON of the run NAME.
counts() {
  python3 -c 'import json, sys; s = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
print(s["lots_evaluated"], s["rows_rejected"])' "$WORK/$1.json" 2>/dev/null
}

while read -r file status evaluated rejected; do
  name="${file%.xml}"
  run "$name" evaluate "$DIR/$file" --no-policy --format json -o "$WORK/$name.json"
  expect_status "$name" "$status"
  expect_in "$name" err "$DIR/$file:"
  CHECKS=$((CHECKS + 1))
  got=$(counts "$name")
  [ "$got" = "$evaluated $rejected" ] ||
    fail "$file : « $got » lots évalués et rejetés, attendu « $evaluated $rejected » ; $(head -c 600 "$WORK/$name.err")"
  # Every rejected lot is located in the notice.
  expect_count "$name" err " : erreur : lot « " "$rejected"
done <"$TABLE"

# Declared social considerations of evaluated lots (BT-06, BT-775, BT-71),
# as the JSON gives them to the review.
declared() {
  CHECKS=$((CHECKS + 1))
  python3 - "$WORK/$1.json" "$2" <<'PY' || fail "$1 : considérations sociales déclarées inattendues"
import json, sys
lots = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
want = json.loads(sys.argv[2])
got = {l["lot"]: l["recorded_social_considerations"] for l in lots}
if got != want:
    print(f"{sys.argv[1]}: {got} != {want}", file=sys.stderr)
    sys.exit(1)
PY
}
declared can-social_24 '{"LOT-0001": ["Pas de considération sociale"], "LOT-0002": ["Pas de considération sociale"], "LOT-0003": ["Pas de considération sociale"]}'
declared pin-only_24 '{"PAR-0000": ["Pas de considération sociale"]}'
declared cn_81 '{"LOT-0000": ["Pas de considération sociale"]}'

# A contract notice of the SDK read field by field: the central government
# buyer (BT-11 cga), a defence contract (BT-01), nature and CPV of the lot,
# its duration, the procedure's value for the lot without its own.
CHECKS=$((CHECKS + 1))
python3 - "$WORK/cn_81.json" <<'PY' || fail "cn_81 : lot inattendu"
import json, sys
(lot,) = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
assert lot["reference"] == "82c626cc-83e1-4644-9cf1-6ed82b3e3dbc/LOT-0000", lot["reference"]
assert lot["acheteur"] == "Ministry of Defence" and lot["type_acheteur"] == "etat", lot
assert lot["marche_defense"] is True, lot  # BT-01: Directive 2009/81/EC
assert lot["nature"] == "services" and lot["cpv"] == "80512000" and lot["duree_mois"] == 18, lot
assert lot["date_lancement"] == "2020-04-08" and lot["montant_ht"] == 123456 and lot["consultation_montant_ht"] == 123456, lot
PY

# Lots without a value in euros, evaluated under hypotheses, keep what
# their notice declares: BT-71 reserved to sheltered workshops (res-ws),
# BT-775 social objectives.
declared pin-cfc-social_24 '{"LOT-0001": ["Marché réservé"]}'
declared pin-rtl_24 '{"LOT-0001": ["Clause sociale"]}'
expect_in pin-cfc-social_24 err "$DIR/pin-cfc-social_24.xml:120 : avertissement : lot « LOT-0001 » : valeur estimée (BT-27) absente"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/pin-rtl_24.json" <<'PY' || fail "pin-rtl_24 : lot sous hypothèses mal écrit"
import json, sys
(lot,) = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
assert "montant_ht" not in lot and lot["consultation_montant_ht"] is None, lot
insertion = next(c for c in lot["clauses"] if c["type"] == "insertion")
reason = insertion["reasons"][0].replace("\xa0", " ").replace("\u202f", " ")
assert reason.startswith("Le montant du marché n'est pas connu : évalué aux montants que comparent les règles, le verdict est "), reason
PY

# Not a procurement notice: the registration of a European grouping (X01),
# refused at its root element.
expect_in X01_EEIG err "$DIR/X01_EEIG.xml:2 : erreur : ce fichier est un avis eForms d'immatriculation d'une société européenne ou d'un groupement européen d'intérêt économique"
expect_not_in X01_EEIG err "fichier DECP"

# The buyer named through an organisation identifier without its scheme
# (SDK 1.9 onwards), and the notices that only announce a publication on the
# buyer profile refused, located.
expect_not_in pin-only_25 err "l'acheteur n'est pas nommé"
expect_in pin-buyer_25 err "$DIR/pin-buyer_25.xml:8 : erreur : cet avis de préinformation (« pin-buyer ») annonce seulement la publication d'un avis sur le profil d'acheteur"

# Award notices valued by what they award: the selected or contracted
# tender (BT-720), else the notice's total (BT-161); a tender in another
# currency gives way to a total in euros, or leaves the amount unknown.
expect_in can_24_minimal err "la valeur des offres retenues (BT-720), 95 414 €, est retenue"
expect_count can-social_24 err "la valeur totale des marchés attribués par l'avis (BT-161, 123 456,78 €) est retenue" 3
expect_in can_24_no_tenders err "et aucune valeur attribuée (BT-720, BT-161)"
expect_in can_24_no_tenders err "$DIR/can_24_no_tenders.xml:93 : erreur : lot « 084ecda3-0409-427a-a623-1212174063da/LOT-0001 » : sa date, le 2 février 2015, précède le 1er avril 2016, où commencent les règles"
expect_in can-modif_24_value err "la valeur totale des marchés attribués par l'avis (BT-161, 4 500 000 €) est retenue"
expect_in can-modif_23 err "$DIR/can-modif_23.xml:165 : avertissement : lot « LOT-0001 » : code CPV de la procédure (24000000) retenu pour le lot ; nature (BT-23) absente : « Fournitures » d'après la division du code CPV ; valeur des offres retenues (BT-720) en « IDR » : seul un montant en euros se compare aux seuils"

finish

#!/usr/bin/env bash
# eForms notices (contract, prior information and contract award notices of
# the eForms SDK) are programmes: one lot per cac:ProcurementProjectLot, the
# declared social considerations beside the verdicts, a lot without a value
# located, hostile files refused with their place.
source "$(dirname "$0")/lib.sh"
DIR=tests/fixtures/eforms

# Three of the SDK's examples, with their messages (every example of
# $DIR/sdk/ is read, with its counts, by eforms_sdk.sh).
run pin evaluate "$DIR/sdk/pin-only_24_lots.xml"
expect_status pin 0
expect_in pin out "10 lots évalués."
expect_in pin err "note : avis eForms (avis de préinformation)"
expect_count pin err "valeur estimée du lot (BT-27) absente : celle de toute la procédure (750 000 000 €) est retenue" 10

# No value at all: the lot is evaluated at the amounts the rules compare
# with, the amount shown unknown.
run cn evaluate "$DIR/sdk/cn-social_24.xml"
expect_status cn 0
expect_in cn out "1 lot évalué."
expect_in cn out "montant inconnu"
expect_in cn err "$DIR/sdk/cn-social_24.xml:198 : avertissement : lot « LOT-0000 » : valeur estimée (BT-27) absente, pour le lot comme pour la procédure : le lot est évalué aux montants que comparent les règles (seuils)"

# An award notice without estimated value: the lot is valued by the tender
# its result selects (BT-720).
run can evaluate "$DIR/sdk/can_24_minimal.xml"
expect_status can 0
expect_in can out "1 lot évalué."
expect_in can err "note : avis eForms (avis d'attribution)"
expect_in can err "$DIR/sdk/can_24_minimal.xml:200 : avertissement : lot « LOT-0000 » : valeur estimée du lot (BT-27) absente : la valeur des offres retenues (BT-720), 95 414 €, est retenue"

# A French notice: the declared considerations beside the verdicts, and the
# review flags the lot above the thresholds that declares nothing social.
run orne evaluate "$DIR/avis-orne-2027.xml" --format json -o "$WORK/orne.json"
expect_status orne 0
python3 - "$WORK/orne.json" <<'PY' || fail "JSON de l'avis eForms inattendu"
import json, sys
lots = {l["reference"]: l for l in json.load(open(sys.argv[1], encoding="utf-8"))["lots"]}
assert len(lots) == 3, list(lots)
a = lots["college-flers-2027/LOT-0001"]
assert a["acheteur"] == "Département de l'Orne (exemple)" and a["type_acheteur"] == "collectivite", a
assert a["nature"] == "travaux" and a["cpv"] == "45262500" and a["lieu"] == "61" and a["duree_mois"] == 18, a
assert a["date_lancement"] == "2027-03-01", a
assert a["recorded_social_considerations"] == ["Clause sociale"], a
assert lots["college-flers-2027/LOT-0002"]["recorded_social_considerations"] == ["Pas de considération sociale"]
c = lots["college-flers-2027/LOT-0003"]
assert c["recorded_social_considerations"] == ["Marché réservé"] and c["nature"] == "services", c
PY
CHECKS=$((CHECKS + 1))

run review review "$DIR/avis-orne-2027.xml" --format md -o "$WORK/revue.md"
expect_status review 0
CHECKS=$((CHECKS + 1))
plain "$WORK/revue.md" | grep -F "| college-flers-2027/LOT-0002 |" | grep -F "(déclaré : Pas de considération sociale (obligation non tracée))" >/dev/null ||
  fail "la revue ne signale pas le lot 2 (obligation non tracée) : $(grep -F LOT-0002 "$WORK/revue.md")"

# Hostile and wrong files: refused, located, in French.
cat >"$WORK/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE ContractNotice [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&x;</ContractNotice>
XML
run xxe evaluate "$WORK/xxe.xml"
expect_status xxe 1
expect_in xxe err "xxe.xml:1 : erreur : le fichier « $WORK/xxe.xml » contient une déclaration DOCTYPE"
expect_not_in xxe out "root:"

printf '<ContractNotice xmlns="urn:exemple">\n</ContractNotice>\n' >"$WORK/ns.xml"
run ns evaluate "$WORK/ns.xml"
expect_status ns 1
expect_in ns err "ns.xml:1 : erreur : l'élément racine <ContractNotice> est dans l'espace de noms « urn:exemple »"

python3 - "$WORK/deep.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" '
            'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2">\n'
            '<cac:ProcurementProjectLot>' + '<a>' * 20000 + '\n')
PY
run deep evaluate "$WORK/deep.xml"
expect_status deep 1
expect_in deep err "deep.xml:2 : erreur :"

python3 - "$WORK/huge.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" '
            'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" '
            'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">\n'
            '<cac:ProcurementProjectLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID><cac:ProcurementProject>'
            '<cbc:Name>' + 'x' * 20_000_000 + '</cbc:Name></cac:ProcurementProject></cac:ProcurementProjectLot>'
            '</ContractNotice>\n')
PY
run huge evaluate "$WORK/huge.xml"
expect_status huge 1
expect_in huge err "huge.xml:2 : erreur :"

finish

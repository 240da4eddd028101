#!/usr/bin/env bash
# A DECP open-data file is a programme like any other: evaluated contract by
# contract, with the considerations the buyer recorded beside the verdicts,
# one note for what DECP does not say, repairs named, broken files located.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/decp/marches.json

run table evaluate "$SAMPLE"
expect_status table 0
expect_in table out "29 lots évalués."
# 6 350 000 € of works notified on 7 September 2026: above the European
# threshold after 21 August 2026, the insertion clause is mandatory.
expect_in table out "Construction d'un gymnase : lot 1 terra…    6 350 000 €  OBLIG."
expect_in table err "note : fichier DECP (format 2.0 (arrêtés du 22 décembre 2022), JSON) : chaque marché est un lot, évalué avec les règles en vigueur à sa date de notification"
expect_count table err "note : fichier DECP" 1
expect_in table err "note : 1 contrat de concession lu, évalué selon les articles des concessions"
expect_in table err "note : bilan : 29 enregistrement(s) lu(s), 29 évalué(s) (dont 1 avec des valeurs corrigées), 0 rejeté(s)"
expect_in table err "samples/decp/marches.json:1576 : avertissement : marché « 200053774000132026-S-028 » : valeurs corrigées à la lecture : montant « 245 000,00 » lu 245 000 €"

run json evaluate "$SAMPLE" --format json -o "$WORK/evaluation.json"
expect_status json 0
python3 - "$WORK/evaluation.json" <<'PY' || fail "JSON de l'évaluation DECP inattendu"
import json, sys
lots = {l["reference"]: l for l in json.load(open(sys.argv[1], encoding="utf-8"))["lots"]}
def clause(ref, kind):
    return next(c for c in lots[ref]["clauses"] if c["type"] == kind)
gym = lots["226100017000142026-T-022"]
assert gym["nature"] == "travaux" and gym["date_lancement"] == "2026-09-07" and gym["lieu"] == "61", gym
assert gym["marche_defense"] is False, gym
assert clause("226100017000142026-T-022", "insertion")["verdict"] == "obligatoire"
assert gym["recorded_social_considerations"] == ["Clause sociale"], gym["recorded_social_considerations"]
# A mandatory clause the buyer recorded as "no social consideration": what a later review will flag.
paint = lots["226100017000142024-T-003"]
assert paint["recorded_social_considerations"] == ["Pas de considération sociale"]
assert clause("226100017000142024-T-003", "insertion")["verdict"] == "recommandee"
laundry = lots["266100123000172024-S-005"]
assert laundry["nature"] == "services" and laundry["recorded_social_considerations"] == ["Marché réservé"]
defence = lots["110006013000142026-D-027"]
# A defence or security contract is a kind of contract, not of buyer (L1113-1).
assert defence["marche_defense"] is True and defence["type_acheteur"] == "collectivite", defence
assert defence["recorded_social_considerations"] is not None
assert "L2312-1-1" in " ".join(clause("110006013000142026-D-027", "insertion")["reasons"]) or \
    clause("110006013000142026-D-027", "insertion")["values"]["seuil"] > defence["montant_ht"]
assert lots["200053774000132026-S-028"]["objet"] == "Entretien des équipements sportifs"
# A concession is evaluated under the concessions' articles (L3114-2-1), without a CPV code.
pound = lots["216100010000182025-C-001"]
assert pound["concession"] is True and pound["cpv"] == "" and pound["nature"] == "services", pound
assert "CCP L3114-2-1" in clause(pound["reference"], "insertion")["basis"]
assert clause(pound["reference"], "marche-insertion")["verdict"] == "exclue"
assert len(lots) == 29
PY
CHECKS=$((CHECKS + 1))

run csv evaluate "$SAMPLE" --format csv
expect_status csv 0
expect_in csv out "Considérations sociales déclarées;Considérations environnementales déclarées"
expect_in csv out ";Clause sociale, Critère social;Clause environnementale"

# The 2019 format says nothing of considerations: null, not "none".
cat >"$WORK/decp-2019.json" <<'JSON'
{"marches": [{"_type": "Marché", "id": "2024-17", "acheteur": {"id": "21350238800019", "nom": "Ville de Rennes"},
  "nature": "Marché", "objet": "Entretien des jardins", "codeCPV": "77313000", "procedure": "Procédure adaptée",
  "lieuExecution": {"code": "35238", "typeCode": "Code commune"}, "dureeMois": 24,
  "dateNotification": "2024-08-13", "montant": 127000, "titulaires": [], "modifications": []}]}
JSON
run old evaluate "$WORK/decp-2019.json" --format json
expect_status old 0
expect_in old out '"recorded_social_considerations": null'
expect_in old err "ce format ne dit rien des considérations sociales : elles restent inconnues"

# XML; a contract that cannot be a lot is an error (exit 1), the others stand.
run xml evaluate tests/fixtures/decp/marches.xml
expect_status xml 1
expect_in xml out "3 lots évalués"
expect_in xml err "tests/fixtures/decp/marches.xml:62 : erreur : marché « 217500016000192026-S-103 » : date de notification"

# No CPV code and an amount of 0 (a framework agreement without a maximum):
# evaluated under hypotheses, the nature and the amount left out of the
# outputs, each clause's first reason giving the verdict of each hypothesis.
cat >"$WORK/inconnu.json" <<'JSON'
{"marches": {"marche": [{"id": "2026-1", "acheteur": {"id": "21350238800019"}, "nature": "Accord-cadre",
  "objet": "Entretien des espaces verts", "codeCPV": "", "dateNotification": "2026-10-01", "montant": 0}]}}
JSON
run inconnu evaluate "$WORK/inconnu.json" --format json --reasons full
expect_status inconnu 0
expect_in inconnu err "1 évalué(s) (dont 1 sous hypothèses (nature ou montant inconnus)), 0 rejeté(s)"
expect_in inconnu err "code CPV (« codeCPV ») absent : la nature du marché n'est pas connue"
expect_in inconnu err "montant nul « 0 » : le marché est évalué aux montants que comparent les règles"
expect_not_in inconnu out '"montant_ht"'
expect_not_in inconnu out '"nature"'
expect_in inconnu out "Ni la nature (pas de code CPV) ni le montant du marché ne sont connus : évalué pour chaque nature aux montants que comparent les règles, le verdict est, pour des travaux, « exclue » de 1 € à"
# The 2026 obligation: mandatory from the EU threshold of each nature.
expect_in inconnu out "« obligatoire » à partir de 5 404 000 €"
expect_in inconnu out '"verdict": "obligatoire"'
expect_in inconnu out '"verdict_assumed": true'
expect_in inconnu out "Verdict à confirmer : il dépend de la nature (code CPV) et du montant du marché"
run inconnu_table evaluate "$WORK/inconnu.json"
expect_in inconnu_table out "montant inconnu"
# The review counts such a lot apart, not as an obligation.
run inconnu_review review "$WORK/inconnu.json" --format md -o "$WORK/inconnu.md"
CHECKS=$((CHECKS + 1))
grep -q "Verdicts à confirmer.*: 1 (nature ou montant non publiés" "$WORK/inconnu.md" || fail "revue : verdict à confirmer non compté"
CHECKS=$((CHECKS + 1))
grep -q "Condition sociale obligatoire (L2112-2-1).*: 0 " "$WORK/inconnu.md" || fail "revue : verdict sous hypothèses compté comme obligation"

# A truncated download: located, and what was read before is evaluated.
head -c 20000 "$SAMPLE" >"$WORK/tronque.json"
run cut evaluate "$WORK/tronque.json"
expect_status cut 1
expect_in cut err "tronque.json:"
expect_in cut err "le fichier JSON est tronqué ; téléchargez-le de nouveau (les marchés lus jusque-là sont évalués)"

# Renamed or without extension: the content says it is JSON.
cp "$SAMPLE" "$WORK/export"
run noext evaluate "$WORK/export"
expect_status noext 0
expect_in noext out "29 lots évalués."

# Real records published in the DECP open data (tests/fixtures/decp/real/README.md), dirty as
# published: a duration "NC", an amount of 1e17, an empty string where an object is expected.
REAL=tests/fixtures/decp/real/decp-2022-extrait.json
run real evaluate "$REAL" --format json -o "$WORK/real.json"
expect_status real 1
expect_in real err "decp-2022-extrait.json:4 : avertissement : marché « 219740222000192022VI2022.242 » : valeurs corrigées à la lecture : durée illisible « NC » ignorée"
expect_in real err "decp-2022-extrait.json:126 : erreur : marché « 221300015002472020F00075 » : montant trop grand « 1e+17 » : vérifiez le nombre de chiffres"
python3 - "$WORK/real.json" <<'PY' || fail "évaluation des enregistrements DECP réels inattendue"
import json, sys
lots = {l["reference"]: l for l in json.load(open(sys.argv[1], encoding="utf-8"))["lots"]}
assert len(lots) == 4, sorted(lots)  # the contract notified in 2019 too (tests/cli/decp_real.sh)
tiles = lots["21500222100012202207LOT03"]
assert tiles["recorded_social_considerations"] == ["Critère social", "Clause sociale"]
assert tiles["lieu"] == "50" and tiles["nature"] == "travaux"
assert lots["219740222000192022VI2022.242"]["lieu"] == "974"
PY

finish

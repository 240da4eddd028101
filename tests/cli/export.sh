#!/usr/bin/env bash
# clausier export decp|eforms: DECP records valid against the official schema
# (tests/fixtures/decp/schema_decp_v2.0.3.json) for every field written, the
# social values derived from the verdicts; eForms fragments well-formed, with
# codes of the eForms code lists; XML and JSON escaping; no output at all for
# a programme that cannot be read.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
SCHEMA=tests/fixtures/decp/schema_decp_v2.0.3.json
PY="$(python_with jsonschema)" || { fail "python3-jsonschema absent : lancez .ci/install-deps --test"; finish; }

# --- DECP, JSON ---------------------------------------------------------------
run decp export decp "$SAMPLE" -o "$WORK/decp.json"
expect_status decp 0
expect_in decp err "Résultat écrit dans"

# Every record, with only the fields a programme knows, is valid against the
# schema's definition of a contract (its `required` list aside); the whole
# document has the schema's shape. A broken copy must fail, so that the check
# itself is known to work.
cat >"$WORK/validate.py" <<'PY'
import copy, json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
resolver = jsonschema.RefResolver.from_schema(schema)
marche = copy.deepcopy(schema["definitions"]["marche"])
marche.pop("required")  # acheteur, procédure, titulaires… exist only once the contract is awarded
validator = jsonschema.Draft7Validator(marche, resolver=resolver)
shape = {"type": "object", "required": ["marches"], "additionalProperties": False,
         "properties": {"marches": {"type": "object", "required": ["marche"], "additionalProperties": False,
                                    "properties": {"marche": {"type": "array"}}}}}
jsonschema.validate(doc, shape)
errors = 0
for record in doc["marches"]["marche"]:
    for e in validator.iter_errors(record):
        print(record.get("id"), "/".join(map(str, e.path)), e.message)
        errors += 1
    for field in ("id", "objet", "codeCPV", "montant", "considerationsSociales"):
        if field not in record:
            print(record.get("id"), "champ absent :", field)
            errors += 1
broken = copy.deepcopy(doc["marches"]["marche"][0])
broken["considerationsSociales"]["considerationSociale"] = ["Clause d'insertion"]
if validator.is_valid(broken):
    print("le validateur accepte une valeur hors de la liste du schéma")
    errors += 1
print(len(doc["marches"]["marche"]), "marchés")
sys.exit(1 if errors else 0)
PY
CHECKS=$((CHECKS + 1))
out="$("$PY" "$WORK/validate.py" "$SCHEMA" "$WORK/decp.json" 2>&1)" || fail "DECP non conforme au schéma : $out"
CHECKS=$((CHECKS + 1))
[ "$(tail -1 <<<"$out")" = "43 marchés" ] || fail "43 marchés attendus : $out"

# What the verdicts give (sample: C2027-01-L3 has a mandatory insertion
# clause; C2027-14, a programming study, gets none).
cat >"$WORK/values.py" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
for m in doc["marches"]["marche"]:
    env = m.get("considerationsEnvironnementales", {}).get("considerationEnvironnementale", [])
    print(m["id"], "|".join(m["considerationsSociales"]["considerationSociale"]), "|".join(env))
PY
"$PY" "$WORK/values.py" "$WORK/decp.json" >"$WORK/values.out"
expect_in values out "C2027-01-L3 Clause sociale"
expect_in values out "C2027-14 Pas de considération sociale Critère environnemental"
expect_in values out "C2027-04 Clause sociale|Critère social|Marché réservé"

# Before 21 August 2026 no environmental criterion is required: none is written.
run decp_2025 export decp "$SAMPLE" --as-of 2025-06-01 -o "$WORK/decp-2025.json"
expect_status decp_2025 0
CHECKS=$((CHECKS + 1))
! grep -q considerationsEnvironnementales "$WORK/decp-2025.json" || fail "critère environnemental écrit avant le 21 août 2026"

# --include-possible retains more, never less.
run decp_possible export decp "$SAMPLE" --include-possible -o "$WORK/decp-possible.json"
expect_status decp_possible 0
"$PY" "$WORK/values.py" "$WORK/decp-possible.json" >"$WORK/possible.out"
CHECKS=$((CHECKS + 1))
none_default=$(grep -c "Pas de considération sociale" "$WORK/values.out")
none_possible=$(grep -c "Pas de considération sociale" "$WORK/possible.out")
[ "$none_possible" -lt "$none_default" ] ||
  fail "--include-possible devrait retenir des clauses de plus ($none_possible lots sans considération, contre $none_default)"

# --- DECP, CSV ----------------------------------------------------------------
run decp_csv export decp "$SAMPLE" --format csv
expect_status decp_csv 0
expect_in decp_csv out "id;Consultation;Lot;objet;codeCPV;montant;dureeMois;lieuExecution;considerationsSociales"
expect_count decp_csv out "C2027-" 43
expect_in decp_csv out "Clause sociale | Critère social"

# --- eForms -------------------------------------------------------------------
run eforms export eforms "$SAMPLE" -o "$WORK/eforms.xml"
expect_status eforms 0
CHECKS=$((CHECKS + 1))
xmllint --noout "$WORK/eforms.xml" 2>"$WORK/xmllint.err" || fail "XML eForms mal formé : $(cat "$WORK/xmllint.err")"
count() { xmllint --xpath "count($1)" "$WORK/eforms.xml" 2>/dev/null; }
CHECKS=$((CHECKS + 1))
[ "$(count "//*[local-name()='ProcurementProjectLot']")" = "43" ] || fail "43 fragments de lot attendus"
# Every code comes from its eForms code list.
CHECKS=$((CHECKS + 1))
[ "$(count "//*[@listName='strategic-procurement'][not(.='soc-obj' or .='none')]")" = "0" ] ||
  fail "code hors de la liste strategic-procurement"
CHECKS=$((CHECKS + 1))
[ "$(count "//*[@listName='reserved-procurement'][not(.='res-ws' or .='res-pub-ser' or .='none')]")" = "0" ] ||
  fail "code hors de la liste reserved-procurement"
CHECKS=$((CHECKS + 1))
[ "$(count "//*[@listName='social-objective'][not(.='opp' or .='other')]")" = "0" ] ||
  fail "code hors de la liste social-objective"
# BT-06 soc-obj exactly where the DECP export has a social consideration.
CHECKS=$((CHECKS + 1))
social_lots=$(grep -vc "Pas de considération sociale" "$WORK/values.out")
[ "$(count "//*[@listName='strategic-procurement'][.='soc-obj']")" = "$social_lots" ] ||
  fail "soc-obj sur $(count "//*[@listName='strategic-procurement'][.='soc-obj']") lots, $social_lots attendus"
# The mandatory insertion clause of C2027-01-L3 (833 hours) is summarised in BT-70.
lot3="//*[local-name()='Lot'][@reference='C2027-01-L3']"
xmllint --xpath "string($lot3//*[local-name()='ContractExecutionRequirement']/*[local-name()='Description'])" \
  "$WORK/eforms.xml" >"$WORK/bt70.out" 2>&1
expect_in bt70 out "au moins 833 heures de travail"
xmllint --xpath "string($lot3//*[local-name()='ID'][@schemeName='Lot'])" "$WORK/eforms.xml" >"$WORK/lotid.out" 2>&1
expect_in lotid out "LOT-0003"

# --- Escaping: references and objects with XML and JSON specials --------------
printf '%s\n' \
  'Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement' \
  'R&D<1>;"Entretien ""espaces verts"" & <élagage>";services;77310000;900 000;01/03/2027' >"$WORK/specials.csv"
run specials_xml export eforms "$WORK/specials.csv" --include-possible -o "$WORK/specials.xml"
expect_status specials_xml 0
CHECKS=$((CHECKS + 1))
xmllint --noout "$WORK/specials.xml" 2>"$WORK/xmllint.err" || fail "XML mal formé : $(cat "$WORK/xmllint.err")"
xmllint --xpath "string(//*[local-name()='Lot']/@reference)" "$WORK/specials.xml" >"$WORK/ref.out" 2>&1
expect_in ref out "R&D<1>"
run specials_json export decp "$WORK/specials.csv" -o "$WORK/specials.json"
expect_status specials_json 0
"$PY" -c 'import json,sys; m=json.load(open(sys.argv[1]))["marches"]["marche"][0]; print(m["id"]); print(m["objet"])' \
  "$WORK/specials.json" >"$WORK/specials_read.out" 2>&1
expect_in specials_read out 'R&D<1>'
expect_in specials_read out 'Entretien "espaces verts" & <élagage>'

# --- DECP limits: an identifier over 16 characters is flagged at its row ------
printf '%s\n' \
  'Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement' \
  'CONSULTATION-2027-LOT-12;Nettoyage;services;90910000;100 000;01/03/2027' >"$WORK/long.csv"
run long export decp "$WORK/long.csv"
expect_status long 0
expect_in long err "long.csv:2"
expect_in long err "en compte 16 au plus"

# --- A programme that cannot be read: only the error, no file ----------------
run absent export decp "$WORK/absent.csv" -o "$WORK/absent.json"
expect_status absent 1
expect_in absent err "introuvable"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/absent.json" ] || fail "un fichier a été écrit pour un programme illisible"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/absent.out" ] || fail "sortie inattendue : $(cat "$WORK/absent.out")"

# --- Usage --------------------------------------------------------------------
run no_kind export "$SAMPLE"
expect_status no_kind 2
expect_in no_kind err "clausier export decp PROGRAMME"
run bad_format export eforms "$SAMPLE" --format json
expect_status bad_format 2
run help export --help
expect_status help 0
expect_in help out "--include-possible"

finish

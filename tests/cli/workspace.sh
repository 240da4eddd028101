#!/usr/bin/env bash
# clausier workspace, as a facilitator runs it: import, show, decide (and its
# refusals), re-import with the changes and conflicts, history, the documents
# and the review from the workspace with the decisions, export and restore,
# a database that cannot be opened or is locked, and kill -9 in the middle of
# writes. Against SQLite, or the PostgreSQL server of CLAUSIER_TEST_POSTGRES
# (ctest cli.workspace_postgresql, through tests/postgres/with-postgres.sh).
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
export CLAUSIER_AUTHOR=marie
if [ -n "${CLAUSIER_TEST_POSTGRES:-}" ]; then
  DB="$CLAUSIER_TEST_POSTGRES"
else
  DB="sqlite:$WORK/ws.db"
fi
export CLAUSIER_DB="$DB"

run empty workspace list
expect_status empty 0
expect_in empty out "est vide"

run import workspace import "$SAMPLE"
expect_status import 0
expect_in import out "Programme « programme », version 1 : 43 lot(s) importé(s) et évalué(s)"

run list workspace list --format json
expect_status list 0
expect_in list out '"name": "programme"'
expect_in list out '"lots": 43'

run show workspace show programme
expect_status show 0
expect_in show out "C2027-01-L3"
expect_in show out "Clause d'insertion (condition d'exécution) : obligatoire, 833 heures"

run decide workspace decide programme C2027-01-L3 --clause insertion --hours 900 --comment "Accord de l'acheteur"
expect_status decide 0
expect_in decide out "Décision enregistrée sur le lot C2027-01-L3, clause insertion."

# Every problem of a decision at once, located, and nothing written.
run refused workspace decide programme NOPE --clause inserton --verdict oui --hours -3
expect_status refused 1
expect_in refused err "aucun lot de référence « NOPE »"
expect_in refused err "type de clause inconnu « inserton »"
expect_in refused err "verdict inconnu « oui »"
expect_in refused err "nombre d'heures « -3 » invalide"
expect_in refused err "Rien n'a été enregistré."
run usage workspace decide programme C2027-01-L3
expect_status usage 2
run unknown workspace show nope
expect_status unknown 1
expect_in unknown err "aucun programme « nope »"

run json workspace show programme --format json
expect_status json 0
python3 - "$WORK/json.out" <<'PY' || fail "show --format json"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["programme"]["name"] == "programme" and d["programme"]["version"] == 1, d["programme"]
lot = next(l for l in d["lots"] if l["reference"] == "C2027-01-L3")
c = next(c for c in lot["clauses"] if c["type"] == "insertion")
assert c["proposed"]["verdict"] == "obligatoire" and c["proposed"]["hours"] == 833, c["proposed"]
assert c["decision"]["hours"] == 900 and c["decision"]["author"] == "marie", c["decision"]
assert c["conflict"] is False
PY

# Documents and review from the workspace use the decided hours.
run render render --workspace programme -o "$WORK/docs" --only C2027-01-L3 --format md
expect_status render 0
expect_in render out "6 document(s) rédigé(s) pour 1 lot(s)"
CHECKS=$((CHECKS + 1))
plain "$WORK/docs/C2027-01-L3/ccap-insertion.md" | grep -F "volume minimal de **900 heures**" >/dev/null ||
  fail "l'article du CCAP ne reprend pas les 900 heures décidées"
plain "$WORK/docs/C2027-01-L3/guide-entreprise.md" | grep -F "900 heures" >/dev/null || fail "guide sans les 900 heures"
run review review --workspace programme -o "$WORK/revue.md" --format md
expect_status review 0
CHECKS=$((CHECKS + 1))
plain "$WORK/revue.md" | grep -F "proposition des règles : obligatoire, 833 heures" >/dev/null ||
  fail "la revue ne met pas la proposition à côté de la décision"
run decp export decp --workspace programme
expect_status decp 0
expect_in decp out '"id": "C2027-01-L3"'
run both render "$SAMPLE" --workspace programme
expect_status both 2

# A mandatory clause excluded: the exception memo with its motif, a conflict without one.
run exclude workspace decide programme C2027-01-L4 --clause insertion --verdict exclue
expect_status exclude 0
run conflict workspace show programme
expect_in conflict out "⚠ conflit : la condition sociale est obligatoire pour ce lot (CCP L2112-2-1)"
run motif workspace decide programme C2027-01-L4 --clause insertion --motif "Le lot n'a pas de lien suffisant"
expect_status motif 0
run memo render --workspace programme -o "$WORK/docs2" --only C2027-01-L4 --format md
expect_status memo 0
CHECKS=$((CHECKS + 1))
plain "$WORK/docs2/C2027-01-L4/motifs-exception.md" | grep -F "Motif retenu lors de la décision sur ce lot : **Le lot n'a pas de lien suffisant**" >/dev/null ||
  fail "la note de motifs ne reprend pas le motif décidé"
[ -e "$WORK/docs2/C2027-01-L4/ccap-insertion.md" ] && fail "un article du CCAP pour une clause décidée « exclue »"

# A revised programme: what changed, and the decisions to review.
grep -v '^C2027-01-L1;' "$SAMPLE" | awk -F';' -v OFS=';' '$1 == "C2027-01-L3" { $9 = "1200000" } { print }' >"$WORK/programme.csv"
run reimport workspace import "$WORK/programme.csv"
expect_status reimport 0
expect_in reimport out "version 2 : 42 lot(s)"
expect_in reimport out "− C2027-01-L1 (lot retiré)"
expect_in reimport out "~ C2027-01-L3 (lot modifié)"
expect_in reimport out "montant_ht : 1 000 000 € → 1 200 000 €"
expect_in reimport out "! C2027-01-L3, clause insertion"
run conflicts workspace show programme
expect_in conflicts out "⚠ conflit : le lot a changé depuis la décision (version 1) : montant_ht 1 000 000 € → 1 200 000 €"

run history workspace history programme
expect_status history 0
expect_in history out "marie : Version 1 importée (programme.csv, 43 lots)."
expect_in history out "Décision sur le lot C2027-01-L3, clause insertion : 900 heures, commentaire « Accord de l'acheteur »."
expect_in history out "Version 2 importée (programme.csv, 42 lots) : 1 lot retiré, 1 lot modifié."

# Export, then restore into a new SQLite file.
run export workspace export programme -o "$WORK/sauvegarde.json"
expect_status export 0
run restore workspace restore "$WORK/sauvegarde.json" --db "sqlite:$WORK/copie.db"
expect_status restore 0
expect_in restore out "Programme « programme » restauré"
run restored workspace show programme --db "sqlite:$WORK/copie.db"
expect_in restored out "→ décidé : 900 heures"
run again workspace restore "$WORK/sauvegarde.json" --db "sqlite:$WORK/copie.db"
expect_status again 1
expect_in again err "existe déjà"
echo '{"format": "autre"}' >"$WORK/faux.json"
run bad workspace restore "$WORK/faux.json" --db "sqlite:$WORK/copie.db"
expect_status bad 1
expect_in bad err ".format : « clausier-workspace » attendu"

# Databases that cannot be used.
run nodir workspace list --db "sqlite:$WORK/absent/ws.db"
expect_status nodir 1
expect_in nodir err "impossible d'ouvrir la base de données « sqlite:$WORK/absent/ws.db »"
run baddb workspace list --db "mysql://x"
expect_status baddb 1
expect_in baddb err "adresse de base de données inconnue"

if [ -z "${CLAUSIER_TEST_POSTGRES:-}" ]; then
  # Locked by another writer for longer than the busy timeout: a clear error, exit 1.
  LOCKDB="$WORK/verrou.db"
  timeout 60 "$CLAUSIER" workspace import "$SAMPLE" --db "sqlite:$LOCKDB" >/dev/null 2>&1
  python3 - "$LOCKDB" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
time.sleep(8)
c.execute("ROLLBACK")
PY
  holder=$!
  sleep 1
  run locked workspace decide programme C2027-01-L3 --clause insertion --hours 10 --db "sqlite:$LOCKDB"
  expect_status locked 1
  expect_in locked err "verrouillée : un autre programme y écrit depuis plus de 5 s"
  wait "$holder"

  # kill -9 in the middle of writes: the base stays consistent, and every

# A concession's exception grounds are those of L3114-2-1 (two, no
# « solution immédiatement disponible »): a motif given by its id is kept as
# the concessions' wording, and show lists both sets.
printf 'Référence;Objet;Acheteur;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement;Contrat de concession\nDSP1;Délégation de la restauration;Ville (exemple);services;55520000;6000000;01/03/2027;oui\n' >"$WORK/dsp.csv"
run dsp_import workspace import "$WORK/dsp.csv" --name dsp
expect_status dsp_import 0
run dsp_decide workspace decide dsp DSP1 --clause insertion --verdict exclue --motif lien-insuffisant
expect_status dsp_decide 0
run dsp_show workspace show dsp --format json
python3 - "$WORK/dsp_show.out" <<'PY' || fail "motifs d'une concession"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert [m["id"] for m in d["motifs_concessions"]] == ["concurrence-execution", "lien-insuffisant"], d["motifs_concessions"]
assert "solution-disponible" in [m["id"] for m in d["motifs"]]
lot = d["lots"][0]
assert lot["concession"] is True
clause = next(c for c in lot["clauses"] if c["type"] == "insertion")
assert clause["proposed"]["verdict"] == "obligatoire", clause
assert "contrat de concession" in clause["decision"]["motif"], clause["decision"]
assert clause["conflict"] is False, clause
PY
CHECKS=$((CHECKS + 1))

  # acknowledged decision is in it.
  KILLDB="$WORK/kill.db"
  timeout 60 "$CLAUSIER" workspace import "$SAMPLE" --db "sqlite:$KILLDB" >/dev/null 2>&1
  (
    for i in $(seq 1 400); do
      if "$CLAUSIER" workspace decide programme C2027-01-L3 --clause insertion --hours "$i" --db "sqlite:$KILLDB" >/dev/null 2>&1; then
        echo "$i" >>"$WORK/acknowledged"
      fi
    done
  ) &
  writer=$!
  sleep 2
  pkill -9 -f -- "--db sqlite:$KILLDB" || true  # only this test's writers
  kill -9 "$writer" 2>/dev/null || true
  wait "$writer" 2>/dev/null
  # A last import killed in the middle of its transaction.
  timeout 60 "$CLAUSIER" workspace import "$WORK/programme.csv" --db "sqlite:$KILLDB" >/dev/null 2>&1 &
  importer=$!
  sleep 0.3
  kill -9 "$importer" 2>/dev/null || true
  wait "$importer" 2>/dev/null
  CHECKS=$((CHECKS + 1))
  python3 - "$KILLDB" "$WORK/acknowledged" <<'PY' || fail "base incohérente après kill -9"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
acknowledged = [int(x) for x in open(sys.argv[2]).read().split()] if __import__("os").path.exists(sys.argv[2]) else []
hours = c.execute("SELECT hours FROM decisions WHERE reference = 'C2027-01-L3'").fetchone()
if acknowledged:
    assert hours is not None and hours[0] >= acknowledged[-1], (hours, acknowledged[-1])
decisions = c.execute("SELECT COUNT(*) FROM history WHERE action = 'decision'").fetchone()[0]
assert decisions >= len(acknowledged), (decisions, len(acknowledged))
version, lots = c.execute("SELECT p.current_version, v.lots FROM programmes p JOIN versions v ON v.programme_id = p.id AND v.number = p.current_version").fetchone()
count = c.execute("SELECT COUNT(*) FROM lots l JOIN versions v ON l.version_id = v.id JOIN programmes p ON v.programme_id = p.id AND v.number = p.current_version").fetchone()[0]
assert lots == count, (lots, count)
PY
  run afterkill workspace show programme --db "sqlite:$KILLDB"
  expect_status afterkill 0
fi

finish

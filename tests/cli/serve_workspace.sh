#!/usr/bin/env bash
# `clausier serve --db`: the workspace over HTTP (docs/workspace.md, "HTTP
# routes"). Each route with its errors (404, 405, 413, 415, 422, 503), path
# segments URL-decoded (a reference with spaces), a decision made over HTTP
# seen by `clausier workspace show` and surviving a restart of the server; a
# database that cannot be opened stops `serve` with a French message. On
# SQLite, or on PostgreSQL (cli.serve_workspace_postgresql).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SAMPLE=samples/departement-2027
# SQLite, or the PostgreSQL server of CLAUSIER_TEST_POSTGRES
# (tests/postgres/with-postgres.sh: the test cli.serve_workspace_postgresql).
DB="${CLAUSIER_TEST_POSTGRES:-sqlite:$WORK/atelier.db}"

# A database that cannot be opened: a clear error naming it, exit 1.
echo "ceci n'est pas une base" >"$WORK/pas-une-base.db"
run bad_db serve --port 0 --db "sqlite:$WORK/pas-une-base.db"
expect_status bad_db 1
expect_in bad_db err "clausier :"
expect_in bad_db err "$WORK/pas-une-base.db"
run no_folder serve --port 0 --db "sqlite:$WORK/absent/base.db"
expect_status no_folder 1
expect_in no_folder err "$WORK/absent/base.db"
CLAUSIER_DB="postgresql://personne@127.0.0.1:1/rien" run bad_pg serve --port 0
expect_status bad_pg 1
expect_in bad_pg err "127.0.0.1"

start_server main --db "$DB" --max-upload 1 || exit 1
expect_in main log "Espace de travail : ${DB%%:*}:"

# An empty workspace.
http empty "$URL/api/programmes"
expect_status empty 200
expect_in empty out '"programmes": []'

# The blank template: the README's columns, as Excel reads them.
http template "$URL/modele-programmation.csv"
expect_status template 200
expect_in template err "Content-Type: text/csv; charset=utf-8"
expect_in template err 'filename="modele-programmation.csv"'
expect_in template out "Référence;Consultation;Lot;Objet;Acheteur;Type d'acheteur;Nature;Code CPV;Montant estimé HT;Durée (mois);Date prévisionnelle de lancement;Lieu d'exécution;Opération ANRU"
# Read back, it is a programme with no lot (headers recognised, nothing missing).
run template_read evaluate "$WORK/template.out"
expect_not_in template_read err "colonne obligatoire"

# POST /api/programmes: the sample, under its file's name, then under a name.
http import -F "programme=@$SAMPLE/programme.csv" "$URL/api/programmes"
expect_status import 201
expect_in import out '"name": "programme"'
expect_in import out '"version": 1'
expect_in import out '"lots": 43'
expect_in import err "Location: /api/programmes/programme"
http import_named -F "programme=@$SAMPLE/programme.xlsx" -F "name=Département 2027" "$URL/api/programmes"
expect_status import_named 201
expect_in import_named out '"name": "Département 2027"'
# The same file again: nothing written (200, unchanged).
http import_again -F "programme=@$SAMPLE/programme.csv" "$URL/api/programmes"
expect_status import_again 200
expect_in import_again out '"unchanged": true'
expect_in import_again out '"version": 1'
http list "$URL/api/programmes"
expect_status list 200
expect_in list out '"name": "programme"'
expect_in list out '"name": "Département 2027"'

# Import errors: not a programme (422 with the diagnostics, nothing kept),
# no file, not multipart, too large, a name with a slash.
printf 'a;b\n1;2\n' >"$WORK/pas-un-programme.csv"
http import_bad -F "programme=@$WORK/pas-un-programme.csv" "$URL/api/programmes"
expect_status import_bad 422
expect_in import_bad out '"diagnostics": ['
expect_in import_bad out '"severity": "error"'
http list_after_bad "$URL/api/programmes"
expect_not_in list_after_bad out "pas-un-programme"
http import_none -F "name=x" "$URL/api/programmes"
expect_status import_none 400
expect_in import_none out "aucun fichier"
http import_json -H 'Content-Type: application/json' --data '{"lots":[]}' "$URL/api/programmes"
expect_status import_json 415
head -c 1500000 /dev/zero | tr '\0' 'a' >"$WORK/big.csv"
http import_big -F "programme=@$WORK/big.csv" "$URL/api/programmes"
expect_status import_big 413
http import_slash -F "programme=@$SAMPLE/programme.csv" -F "name=a/b" "$URL/api/programmes"
expect_status import_slash 400
expect_in import_slash out "barre oblique"

# GET /api/programmes/{name}: the show document; the name URL-decoded.
http show "$URL/api/programmes/programme"
expect_status show 200
expect_in show out '"clause_types": ['
expect_in show out '"motifs": ['
expect_in show out '"reference": "C2027-01-L3"'
http show_named "$URL/api/programmes/D%C3%A9partement%202027"
expect_status show_named 200
expect_in show_named out '"name": "Département 2027"'
# Compressed for a client that takes gzip (a tenth of its size or less).
http show_gzip -H 'Accept-Encoding: gzip' "$URL/api/programmes/programme"
expect_status show_gzip 200
expect_in show_gzip err "Content-Encoding: gzip"
expect_not_in show err "Content-Encoding"
CHECKS=$((CHECKS + 1))
gzip -dc "$WORK/show_gzip.out" | cmp -s - "$WORK/show.out" || fail "la réponse compressée diffère"
CHECKS=$((CHECKS + 1))
[ "$(stat -c %s "$WORK/show_gzip.out")" -lt $(($(stat -c %s "$WORK/show.out") / 10)) ] || fail "réponse peu compressée"
http show_nogzip -H 'Accept-Encoding: gzip;q=0' "$URL/api/programmes/programme"
expect_not_in show_nogzip err "Content-Encoding"
http show_unknown "$URL/api/programmes/inconnu"
expect_status show_unknown 404
expect_in show_unknown out '"error": "'
http show_badenc "$URL/api/programmes/%zz"
expect_status show_badenc 400
expect_in show_badenc out "mal encodée"
http show_ctrl "$URL/api/programmes/a%0Ab"
expect_status show_ctrl 400
http wrong_route "$URL/api/programmes/programme/nulle-part"
expect_status wrong_route 404
http wrong_method -X POST "$URL/api/programmes/programme"
expect_status wrong_method 405
expect_in wrong_method err "Allow: GET"

# PUT a decision: 200 with the clause as `show` has it.
CLAUSE="$URL/api/programmes/programme/lots/C2027-01-L3/clauses/insertion"
http decide -X PUT -H 'Content-Type: application/json' \
  --data '{"verdict":"recommandee","hours":900,"motif":null,"comment":"Vu avec l’acheteur"}' "$CLAUSE"
expect_status decide 200
expect_in decide out '"type": "insertion"'
expect_in decide out '"verdict": "recommandee"'
expect_in decide out '"hours": 900'
expect_in decide out "Vu avec l’acheteur"
expect_in decide out '"author": "web"'
# Hours as text are read too.
http decide_text -X PUT -H 'Content-Type: application/json' \
  --data '{"verdict":"recommandee","hours":"950","comment":"Vu avec l’acheteur"}' "$CLAUSE"
expect_status decide_text 200
expect_in decide_text out '"hours": 950'

# Invalid decisions: 422 with located French errors, nothing written.
http bad_hours -X PUT -H 'Content-Type: application/json' --data '{"verdict":"possible","hours":-3}' "$CLAUSE"
expect_status bad_hours 422
expect_in bad_hours out '"errors": ['
expect_in bad_hours out '"location": "'
expect_in bad_hours out "-3"
expect_in bad_hours out "Décision refusée, rien n'a été enregistré"
http bad_verdict -X PUT -H 'Content-Type: application/json' --data '{"verdict":"peut-etre"}' "$CLAUSE"
expect_status bad_verdict 422
expect_in bad_verdict out "peut-etre"
http bad_field -X PUT -H 'Content-Type: application/json' --data '{"verdict":"possible","heures":3}' "$CLAUSE"
expect_status bad_field 422
expect_in bad_field out "champ inconnu « heures »"
http bad_type -X PUT -H 'Content-Type: application/json' --data '{"verdict":["possible"]}' "$CLAUSE"
expect_status bad_type 422
http bad_json -X PUT -H 'Content-Type: application/json' --data '{"verdict":' "$CLAUSE"
expect_status bad_json 400
http bad_ctype -X PUT -H 'Content-Type: text/plain' --data '{}' "$CLAUSE"
expect_status bad_ctype 415
head -c 20000 /dev/zero | tr '\0' 'a' | sed 's/^/{"comment":"/; s/$/"}/' >"$WORK/big.json"
http big_decision -X PUT -H 'Content-Type: application/json' --data-binary "@$WORK/big.json" "$CLAUSE"
expect_status big_decision 413
http after_bad "$URL/api/programmes/programme"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/after_bad.out" <<'PY' || fail "une décision refusée a été écrite"
import json, sys
show = json.load(open(sys.argv[1]))
lot = next(l for l in show["lots"] if l["reference"] == "C2027-01-L3")
d = next(c for c in lot["clauses"] if c["type"] == "insertion")["decision"]
assert d["verdict"] == "recommandee" and d["hours"] == 950, d
PY

# Unknown programme, lot or clause type: 404.
http unknown_programme -X PUT -H 'Content-Type: application/json' --data '{"verdict":"possible"}' \
  "$URL/api/programmes/inconnu/lots/C2027-01-L3/clauses/insertion"
expect_status unknown_programme 404
http unknown_lot -X PUT -H 'Content-Type: application/json' --data '{"verdict":"possible"}' \
  "$URL/api/programmes/programme/lots/ABSENT/clauses/insertion"
expect_status unknown_lot 404
expect_in unknown_lot out "ABSENT"
http unknown_clause -X PUT -H 'Content-Type: application/json' --data '{"verdict":"possible"}' \
  "$URL/api/programmes/programme/lots/C2027-01-L3/clauses/inconnue"
expect_status unknown_clause 404
expect_in unknown_clause out "inconnue"
http clause_get "$CLAUSE"
expect_status clause_get 405
expect_in clause_get err "Allow: PUT, DELETE"

# Concurrent decisions (the server's workers share one workspace): each is
# acknowledged, and each is kept.
CHECKS=$((CHECKS + 1))
python3 - "$URL" <<'PY' || fail "décisions simultanées perdues ou refusées"
import concurrent.futures, json, sys, urllib.request
url = sys.argv[1]
refs = [f"C2027-01-L{i}" for i in range(1, 9)]
def put(ref):
    body = json.dumps({"verdict": "possible", "hours": None, "motif": None, "comment": "simultané " + ref})
    request = urllib.request.Request(f"{url}/api/programmes/D%C3%A9partement%202027/lots/{ref}/clauses/reserve-siae",
                                     data=body.encode(), method="PUT", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    statuses = list(pool.map(put, refs))
assert statuses == [200] * len(refs), statuses
with urllib.request.urlopen(f"{url}/api/programmes/D%C3%A9partement%202027", timeout=60) as response:
    show = json.load(response)
kept = {l["reference"] for l in show["lots"] for c in l["clauses"]
        if c["type"] == "reserve-siae" and c["decision"] and c["decision"]["comment"].startswith("simultané")}
assert kept == set(refs), sorted(kept)
PY

# A database locked by another program beyond the busy timeout (5 s): 503,
# with Retry-After, and nothing written (SQLite).
if [ -z "${CLAUSIER_TEST_POSTGRES:-}" ]; then
python3 - "$WORK/atelier.db" "$WORK/verrou" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("ROLLBACK")
PY
LOCKER=$!
for _ in $(seq 1 50); do [ -e "$WORK/verrou" ] && break; sleep 0.1; done
http locked -X PUT -H 'Content-Type: application/json' --data '{"verdict":"exclue"}' "$CLAUSE"
expect_status locked 503
expect_in locked err "Retry-After:"
expect_in locked out "verrouillée"
wait "$LOCKER"
http after_lock "$URL/api/programmes/programme"
CHECKS=$((CHECKS + 1))
python3 - "$WORK/after_lock.out" <<'PY' || fail "une décision refusée (base verrouillée) a été écrite"
import json, sys
show = json.load(open(sys.argv[1]))
lot = next(l for l in show["lots"] if l["reference"] == "C2027-01-L3")
d = next(c for c in lot["clauses"] if c["type"] == "insertion")["decision"]
assert d["verdict"] == "recommandee" and d["hours"] == 950, d
PY
fi

# Imports at once: each is a version of its own.
CHECKS=$((CHECKS + 1))
python3 - "$URL" "$SAMPLE/programme.csv" <<'PY' || fail "imports simultanés"
import concurrent.futures, json, subprocess, sys
url, sample = sys.argv[1:3]
def post(i):
    out = subprocess.run(["curl", "-sS", "--max-time", "60", "-F", f"programme=@{sample}", "-F", f"name=simultané {i}",
                          "-w", "\n%{http_code}", f"{url}/api/programmes"], capture_output=True, text=True).stdout
    body, code = out.rsplit("\n", 1)
    return code, json.loads(body)["programme"]["lots"]
with concurrent.futures.ThreadPoolExecutor(3) as pool:
    results = list(pool.map(post, range(3)))
assert results == [("201", 43)] * 3, results
PY

# A reference with spaces, URL-decoded; DELETE withdraws.
printf '%s\n' "Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement;Lieu d'exécution" \
  "LOT 1 A;Maçonnerie du gymnase;travaux;45262500;1 000 000 €;01/03/2027;61" >"$WORK/espaces.csv"
http import_spaces -F "programme=@$WORK/espaces.csv" "$URL/api/programmes"
expect_status import_spaces 201
SPACES="$URL/api/programmes/espaces/lots/LOT%201%20A/clauses/insertion"
http spaces -X PUT -H 'Content-Type: application/json' --data '{"verdict":"exclue","motif":"lien-insuffisant"}' "$SPACES"
expect_status spaces 200
expect_in spaces out '"verdict": "exclue"'
http withdraw -X DELETE "$SPACES"
expect_status withdraw 200
expect_in withdraw out '"decision": null'

# GET …/history, for the programme or one lot.
http history "$URL/api/programmes/programme/history"
expect_status history 200
expect_in history out '"programme": "programme"'
expect_in history out '"action": "import"'
expect_in history out '"action": "decision"'
http history_lot "$URL/api/programmes/espaces/history?lot=LOT%201%20A"
expect_status history_lot 200
expect_in history_lot out '"action": "withdrawal"'
expect_not_in history_lot out '"action": "import"'
# The refused decisions (bad hours, verdict, field, locked database) left no trace.
http history_l3 "$URL/api/programmes/programme/history?lot=C2027-01-L3"
expect_count history_l3 out '"action": "decision"' 2
http history_unknown "$URL/api/programmes/inconnu/history"
expect_status history_unknown 404

# Documents and the review of a workspace programme use its decisions.
http doc -F workspace=programme -F reference=C2027-01-L3 -F format=html "$URL/api/render"
expect_status doc 200
expect_in doc out "950"
http doc_unknown -F workspace=inconnu -F reference=C2027-01-L3 -F format=html "$URL/api/render"
expect_status doc_unknown 404
http figures -F workspace=programme -F format=figures "$URL/api/review"
expect_status figures 200
expect_in figures out '<section id="synthese">'
http review_page -F workspace=programme "$URL/api/review"
expect_status review_page 200
expect_in review_page out "C2027-01-L3"
http zip -F workspace=programme -F format=zip "$URL/api/render"
expect_status zip 200
unzip -p "$WORK/zip.out" C2027-01-L3/ccap-insertion.md >"$WORK/zip_md.out" 2>/dev/null
expect_in zip_md out "950"

# A revised file under the same name: a new version, the changed lot and the
# decision that now sits on it.
python3 - "$SAMPLE/programme.csv" "$WORK/programme.csv" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8-sig").read().splitlines()
fields = [l.split(";") for l in lines]
row = next(f for f in fields if f[0] == "C2027-01-L3")
row[8] = "1100000"  # Montant estimé HT
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(";".join(f) for f in fields) + "\n")
PY
http revised -F "programme=@$WORK/programme.csv" "$URL/api/programmes"
expect_status revised 201
expect_in revised out '"version": 2'
expect_in revised out '"reference": "C2027-01-L3"'
expect_in revised out '"field": "montant_ht"'
expect_in revised out '"decisions_on_changed": ['
expect_in revised out '"clause": "insertion"'

# The decision is in the database: `clausier workspace show` sees it, and it
# survives a restart of the server.
run cli_show workspace show programme --format json --db "$DB"
expect_status cli_show 0
CHECKS=$((CHECKS + 1))
python3 - "$WORK/cli_show.out" <<'PY' || fail "workspace show ne voit pas la décision prise par HTTP"
import json, sys
show = json.load(open(sys.argv[1]))
lot = next(l for l in show["lots"] if l["reference"] == "C2027-01-L3")
d = next(c for c in lot["clauses"] if c["type"] == "insertion")["decision"]
assert d["hours"] == 950 and d["author"] == "web" and "acheteur" in d["comment"], d
PY
stop_servers
start_server again --db "$DB" || exit 1
http restarted "$URL/api/programmes/programme"
expect_status restarted 200
CHECKS=$((CHECKS + 1))
python3 - "$WORK/restarted.out" <<'PY' || fail "la décision n'a pas survécu au redémarrage"
import json, sys
show = json.load(open(sys.argv[1]))
lot = next(l for l in show["lots"] if l["reference"] == "C2027-01-L3")
d = next(c for c in lot["clauses"] if c["type"] == "insertion")["decision"]
assert d["verdict"] == "recommandee" and d["hours"] == 950, d
PY

finish

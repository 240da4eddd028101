#!/usr/bin/env bash
# `clausier serve` over HTTP: the JSON API gives what the CLI gives, every
# response carries the security headers, and each safety point holds: upload
# size cap, no path traversal, access token, bounded worker pool and
# connection timeout, uploads kept in memory only.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SAMPLE=samples/departement-2027

start_server main --max-upload 1 --threads 2 --timeout 2 --queue 8 || exit 1
export TMPDIR="$WORK/tmp" && mkdir -p "$TMPDIR"

# The pages, in French, with their assets and no external resource.
http home "$URL/"
expect_status home 200
expect_in home out "Programmations d'achats"
expect_in home out 'href="/modele-programmation.csv"'
expect_in home out 'src="/static/programme.js"'
expect_not_in home out "http://"
expect_not_in home out "https://"
expect_not_in home out "style="
for page in /rediger /regles /static/app.css /static/revue.css /static/common.js /static/programme.js /static/rediger.js /static/logo.svg; do
  http page "$URL$page"
  expect_status page 200
  expect_not_in page out "https://cdn"
done
http draft "$URL/rediger"
expect_in draft out "Rédiger une consultation"
http rules "$URL/regles"
expect_in rules out "Dernier rechargement réussi"
expect_in rules out "heures.taux_insertion"

# Security headers on pages, assets, API answers and errors.
for target in / /static/app.css /api/rules /nulle-part; do
  http headers "$URL$target"
  expect_in headers err "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'"
  expect_in headers err "frame-ancestors 'none'"
  expect_not_in headers err "unsafe-inline"
  expect_in headers err "X-Content-Type-Options: nosniff"
  expect_in headers err "Referrer-Policy: no-referrer"
  expect_in headers err "X-Frame-Options: DENY"
done
expect_status headers 404

# POST /api/evaluate with an upload gives the JSON of `evaluate --format json`.
run cli evaluate "$SAMPLE/programme.xlsx" --format json --no-policy
http upload -F "programme=@$SAMPLE/programme.xlsx" "$URL/api/evaluate"
expect_status upload 200
CHECKS=$((CHECKS + 1))
python3 - "$WORK/cli.out" "$WORK/upload.out" <<'PY' || fail "l'API et la commande evaluate diffèrent"
import json, sys
cli, api = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda lots: [{k: v for k, v in l.items() if k != "source"} for l in lots]
assert strip(cli["lots"]) == strip(api["lots"]), "lots"
assert len(api["lots"]) == 43, len(api["lots"])
assert api["lots"][0]["source"].startswith("programme.xlsx!"), api["lots"][0]["source"]
PY
CHECKS=$((CHECKS + 1))
[ -z "$(ls -A "$TMPDIR")" ] || fail "des fichiers temporaires restent: $(ls "$TMPDIR")"

# JSON lots: the published example, 1 000 000 € of masonry, gives 833 hours;
# a bad value is located by lot and field.
LOT='{"consultation":{"consultation":"C1","nature":"travaux","date_lancement":"2027-03-01","objet":"Collège"},
 "lots":[{"reference":"C1-L1","cpv":"45262500","montant_ht":1000000},{"reference":"C1-L2","cpv":"4526","montant_ht":"abc"}]}'
http json -H 'Content-Type: application/json' --data-binary "$LOT" "$URL/api/evaluate"
expect_status json 200
expect_in json out '"hours": 833'
expect_in json out '"path": "lots[1].montant_ht"'
expect_in json out '"path": "lots[1].cpv"'

# POST /api/render: one document, or all of them as a zip.
http render -F "programme=@$SAMPLE/programme.csv" -F reference=C2027-01-L3 -F format=html "$URL/api/render"
expect_status render 200
expect_in render out "833"
# Written with the rules in use: the facilitator of the lot's département (61, Orne).
expect_in render out "Conseil départemental de l’Orne"
expect_in render err 'Content-Disposition: attachment; filename="C2027-01-L3-ccap-insertion.html"'
expect_in render err "style-src 'self' 'sha256-"
http render_md -H 'Content-Type: application/json' --data-binary "${LOT%\}}, \"reference\":\"C1-L1\",\"format\":\"md\"}" "$URL/api/render"
expect_status render_md 200
expect_in render_md out "833"
http render_none -F "programme=@$SAMPLE/programme.csv" -F reference=ABSENT "$URL/api/render"
expect_status render_none 404
expect_in render_none out "aucun document"
http zip -F "programme=@$SAMPLE/programme.csv" -F format=zip "$URL/api/render"
expect_status zip 200
CHECKS=$((CHECKS + 1))
unzip -l "$WORK/zip.out" >"$WORK/zip_list.out"
for f in docx odt html md; do
  expect_in zip_list out "C2027-01-L3/ccap-insertion.$f"  # every format of writers::document_formats()
done
expect_in zip_list out "evaluation.json"
http render_docx -F "programme=@$SAMPLE/programme.csv" -F reference=C2027-01-L3 -F format=docx "$URL/api/render"
expect_status render_docx 200
expect_in render_docx err "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
expect_in render_docx err 'filename="C2027-01-L3-ccap-insertion.docx"'
unzip -p "$WORK/render_docx.out" word/document.xml >"$WORK/render_docx_xml.out" 2>/dev/null
expect_in render_docx_xml out "833"
http render_odt -F "programme=@$SAMPLE/programme.csv" -F reference=C2027-01-L3 -F format=odt "$URL/api/render"
expect_status render_odt 200
expect_in render_odt err "Content-Type: application/vnd.oasis.opendocument.text"

# POST /api/review: the facilitator's review as a download (the page of
# `clausier review`, or DOCX, ODT, Markdown), or its figures for the page.
http review -F "programme=@$SAMPLE/programme.xlsx" "$URL/api/review"
expect_status review 200
expect_in review err "Content-Type: text/html; charset=utf-8"
expect_in review err 'Content-Disposition: attachment; filename="revue-programme.html"'
expect_in review err "style-src 'self' 'sha256-"
expect_not_in review err "unsafe-inline"
expect_in review out "<h1>Revue de la programmation d'achats</h1>"
expect_in review out "Programme : programme.xlsx — 43 lots, 24 consultations"
expect_in review out "<th scope=\"row\">C2027-01-L3</th>"
expect_in review out "Clause d’insertion : obligatoire, 833 h"
expect_in review out "<h2>Par acheteur</h2>"
http review_docx -F "programme=@$SAMPLE/programme.csv" -F format=docx "$URL/api/review"
expect_status review_docx 200
expect_in review_docx err "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
expect_in review_docx err 'filename="revue-programme.docx"'
unzip -p "$WORK/review_docx.out" word/document.xml >"$WORK/review_docx_xml.out" 2>/dev/null
expect_in review_docx_xml out "C2027-01-L3"
expect_in review_docx_xml out "Lots à décider"
http review_odt -F "programme=@$SAMPLE/programme.csv" -F format=odt "$URL/api/review"
expect_status review_odt 200
expect_in review_odt err "Content-Type: application/vnd.oasis.opendocument.text"
http review_md -H 'Content-Type: application/json' --data-binary "${LOT%\}}, \"format\":\"md\"}" "$URL/api/review"
expect_status review_md 200
expect_in review_md out "| C1-L1 |"
expect_in review_md out "833"
# The figures the Programme page shows: the review's sections, SVG charts, no page around them.
http figures -F "programme=@$SAMPLE/programme.csv" -F format=figures "$URL/api/review"
expect_status figures 200
expect_in figures out '<section id="synthese">'
expect_in figures out '<svg xmlns="http://www.w3.org/2000/svg" class="chart"'
expect_count figures out '<svg ' 5  # target, quarter, nature, territory, clause types
expect_not_in figures out "<html"
expect_not_in figures out "<style"
expect_not_in figures out "style="
expect_not_in figures out "<script"
expect_not_in figures out 'id="lots"'
# The Programme page sends its upload once: /api/evaluate with revue=figures
# answers with the lots and, in "revue", the same figures from the same run.
http lots_figures -F "programme=@$SAMPLE/programme.csv" -F revue=figures "$URL/api/evaluate"
expect_status lots_figures 200
expect_in lots_figures out '"hours": 833'
expect_in lots_figures out '"revue": "<section id=\"synthese\">'
python3 - "$WORK/lots_figures.out" "$WORK/figures.out" <<'PY' && CHECKS=$((CHECKS + 1)) || fail "revue of /api/evaluate differs from /api/review format=figures"
import json, sys
answer = json.load(open(sys.argv[1]))
assert answer["summary"]["lots_evaluated"] == len(answer["lots"]) == 43, answer["summary"]
assert answer["revue"] == open(sys.argv[2]).read()
PY
http lots_bad_part -F "programme=@$SAMPLE/programme.csv" -F revue=page "$URL/api/evaluate"
expect_status lots_bad_part 400
expect_in lots_bad_part out "seule « figures »"
http review_bad -F "programme=@$SAMPLE/programme.csv" -F format=rtf "$URL/api/review"
expect_status review_bad 400
expect_in review_bad out "format inconnu « rtf » : choisissez html, md, docx, odt, pdf ou figures"
http revue_css "$URL/static/revue.css"
expect_status revue_css 200
expect_in revue_css err "Content-Type: text/css"
expect_in revue_css out ".revue .cards"
http api_rules "$URL/api/rules"
expect_status api_rules 200
expect_in api_rules out '"name": "heures.taux_insertion"'
expect_in api_rules out '"reload_error": null'

# Upload cap: a body over --max-upload 1 (Mo) is refused, whole or chunked.
head -c 1500000 /dev/zero | tr '\0' 'a' >"$WORK/big.csv"
http big -F "programme=@$WORK/big.csv" "$URL/api/evaluate"
expect_status big 413
expect_in big out "trop volumineux"
http big_chunked -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' --data-binary "@$WORK/big.csv" "$URL/api/evaluate"
expect_status big_chunked 413

# No path traversal: only the embedded files are served.
for path in "/static/../../../etc/passwd" "/static/%2e%2e/%2e%2e/etc/passwd" "/static/..%2f..%2fREADME.md" \
  "/static/app.css/../../README.md" "/static//etc/passwd" "/../README.md"; do
  http traversal --path-as-is "$URL$path"
  expect_status traversal 404
  expect_not_in traversal out "root:"
done

# Errors in French, with the right status.
http wrong_method -X DELETE "$URL/api/evaluate"
expect_status wrong_method 405
http bad_type -H 'Content-Type: text/plain' --data 'x' "$URL/api/evaluate"
expect_status bad_type 422
expect_in bad_type out "non pris en charge"

# Bounded pool, queue and timeouts: with 2 workers and --queue 8, idle
# connections hold the workers only until the 2 s timeout; those waiting
# beyond the queue's bound are then answered 503 with Retry-After (not
# reset), and the server answers again.
CHECKS=$((CHECKS + 1))
python3 - "${URL#http://}" <<'PY' || fail "pool borné ou délai d'attente"
import socket, sys, time, urllib.request
host, port = sys.argv[1].rsplit(":", 1)
idle = [socket.create_connection((host, int(port))) for _ in range(40)]
for s in idle: s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never finished
time.sleep(3)
busy = 0
for s in idle:
    s.settimeout(0.1)
    try:
        data = s.recv(300)
        if data.startswith(b"HTTP/1.1 503") and b"Retry-After: 1" in data: busy += 1
    except (ConnectionResetError, socket.timeout):
        pass
assert busy > 0, "aucune réponse 503 au-delà de la file d'attente"
start = time.time()
body = urllib.request.urlopen(f"http://{host}:{port}/api/rules", timeout=30).read()
assert b"clause_types" in body
waited = time.time() - start
assert waited < 25, f"servi après {waited:.1f} s"
for s in idle:
    s.settimeout(5)
    try:
        data = s.recv(100)  # the server times out and closes the idle ones
    except ConnectionResetError:
        data = b""
    assert not data.startswith(b"HTTP/1.1 200"), data
PY

# Access token: --token (or CLAUSIER_TOKEN) closes every route without it.
stop_servers
CLAUSIER_TOKEN=s3cret start_server token || exit 1
http no_token "$URL/api/rules"
expect_status no_token 401
expect_in no_token out "accès réservé"
http no_token_page "$URL/"
expect_status no_token_page 401
# The assets stay reachable without it: the login page (/connexion) uses them.
http no_token_asset "$URL/static/app.css"
expect_status no_token_asset 200
http bad_token -H "Authorization: Bearer faux" "$URL/api/rules"
expect_status bad_token 401
http bearer -H "Authorization: Bearer s3cret" "$URL/api/rules"
expect_status bearer 200
http visit "$URL/regles?token=s3cret"
expect_status visit 303
expect_in visit err "Set-Cookie: clausier_jeton=s3cret"
expect_in visit err "HttpOnly"
expect_in visit err "SameSite=Strict"
expect_in visit err "Location: /regles"
http cookie -b "clausier_jeton=s3cret" "$URL/regles"
expect_status cookie 200

finish

#!/usr/bin/env bash
# clausier followup, as a facilitator runs it on the sample (docs/followup.md):
# awards, the statement template (CSV, XLSX), a statement with every kind of
# error refused whole, correct statements moving the status, a repeated
# import changing nothing, the buyer's report (DOCX opened by LibreOffice) and
# the yearly consolidation (XLSX opened by LibreOffice, printable HTML), purge
# and a participant's data. Against SQLite, or the PostgreSQL server of
# CLAUSIER_TEST_POSTGRES (ctest cli.followup_postgresql).
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
SUIVI=samples/departement-2027/suivi
export CLAUSIER_AUTHOR=marie
if [ -n "${CLAUSIER_TEST_POSTGRES:-}" ]; then
  DB="$CLAUSIER_TEST_POSTGRES"
else
  DB="sqlite:$WORK/suivi.db"
fi
export CLAUSIER_DB="$DB"
ON="--as-of 2027-09-15"

run import workspace import "$SAMPLE" --name dep
expect_status import 0
run decide workspace decide dep C2027-01-L3 --clause insertion --hours 900
expect_status decide 0

run award followup award dep C2027-01-L2 --siret 99900001000010 --company "Bâtiments du Bocage (exemple)" \
  --start 2027-04-01 --end 2028-05-31
expect_status award 0
expect_in award out "1 566 heures dues (proposition, clause insertion)"
run award3 followup award dep C2027-01-L3 --siret "999 000 020 00019" --company "Façades de l'Orne (exemple)" \
  --kind ei --start 01/05/2027 --end 31/12/2027
expect_status award3 0
expect_in award3 out "900 heures dues (décision"
run badaward followup award dep C2027-01-L4 --siret 12345678901234 --company X --kind sarl --start 2027-05-01
expect_status badaward 1
expect_in badaward err "SIRET « 12345678901234 » invalide"
expect_in badaward err "type d'entreprise « sarl »"
expect_in badaward err "donnez les deux dates"
run nolot followup award dep NOPE --siret 99900001000010 --company X
expect_status nolot 1
expect_in nolot err "n'est pas dans la version en cours"

run tplcsv followup template dep -o "$WORK/releve.csv" --month 2027-08
expect_status tplcsv 0
expect_in_file() { CHECKS=$((CHECKS + 1)); grep -qF -- "$2" "$1" || fail "$1 ne contient pas « $2 »"; }
expect_in_file "$WORK/releve.csv" "Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;Heures travaillées;Heures de formation"
expect_in_file "$WORK/releve.csv" "C2027-01-L3;2027-08;"
run tplxlsx followup template dep C2027-01-L2 -o "$WORK/releve.xlsx"
expect_status tplxlsx 0

# A workbook statement, filled from the XLSX template: its errors are located
# by sheet and cell; once corrected, imported.
if PY="$(python_with openpyxl)"; then
  "$PY" - "$WORK/releve.xlsx" "$WORK" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
ws["B2"] = "2027-05"; ws["C2"] = "P-0901"; ws["D2"] = "RSA"; ws["E2"] = "15/04/2027"
ws["F2"] = "Embauche directe"; ws["G2"] = "cdi"; ws["H2"] = -4; ws["I2"] = 7
wb.save(sys.argv[2] + "/releve-faux.xlsx")
ws["H2"] = 35.5
wb.save(sys.argv[2] + "/releve-rempli.xlsx")
PY
  run xlsxbad followup statement import "$WORK/releve-faux.xlsx" $ON
  expect_status xlsxbad 1
  expect_in xlsxbad err "releve-faux.xlsx!Relevé!H2 : erreur : heures travaillées négatives"
  run xlsxok followup statement import "$WORK/releve-rempli.xlsx" $ON
  expect_status xlsxok 0
  expect_in xlsxok out "État importé : 1 ligne(s), 1 lot(s), 1 mois."
else
  fail "openpyxl absent : lancez .ci/install-deps --test"
fi

# Every error of the statement, located, and nothing imported.
run errors followup statement import "$SUIVI/releve-erreurs.csv" --company 99900001000010 $ON
expect_status errors 1
expect_in errors err "releve-erreurs.csv:3 (colonne « Référence du lot ») : erreur : lot « C2027-01-L99 » inconnu"
expect_in errors err "releve-erreurs.csv:4 (colonne « Mois (AAAA-MM) ») : erreur : mois 2027-02 hors de la durée du marché"
expect_in errors err "releve-erreurs.csv:5 (colonne « Heures travaillées ») : erreur : heures travaillées négatives"
expect_in errors err "releve-erreurs.csv:6 (colonne « Heures travaillées ») : erreur : heures travaillées « douze »"
expect_in errors err "releve-erreurs.csv:7 (colonne « Catégorie ») : erreur : catégorie « chomeur »"
expect_in errors err "releve-erreurs.csv:8 (colonne « Modalité ») : erreur : modalité « portage »"
expect_in errors err "releve-erreurs.csv:9 (colonne « Participant ») : erreur : participant « P-0101 » déjà déclaré"
expect_in errors err "releve-erreurs.csv:10 (colonne « Date de validation ») : erreur : participant « P-0108 » pas encore validé"
expect_in errors err "releve-erreurs.csv:11 (colonne « Date de validation ») : erreur : participant « P-0109 » pas encore validé en 2027-07"
expect_in errors err "releve-erreurs.csv:12 (colonne « Référence du lot ») : erreur : le lot « C2027-01-L3 » n'est pas attribué à l'entreprise"
expect_in errors err "10 erreurs signalées."
expect_in errors err "État refusé : rien n'a été importé."
run before followup status dep --format json $ON
expect_in before out '"hours_realised": 0,'

# A name never passes as a participant.
printf 'Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;Heures travaillées;Heures de formation\nC2027-01-L2;2027-08;Jeanne Exemple;rsa;01/04/2027;embauche directe;CDI;7;0\n' >"$WORK/nom.csv"
run name followup statement import "$WORK/nom.csv" $ON
expect_status name 1
expect_in name err "nom.csv:2 (colonne « Participant ») : erreur : identifiant de participant « Jeanne Exemple » refusé"

# Correct statements move the status; the same one again changes nothing.
for m in 04 05 06 07; do
  run "s$m" followup statement import "$SUIVI/releve-2027-$m.csv" $ON
  expect_status "s$m" 0
  expect_in "s$m" out "État importé"
done
run again followup statement import "$SUIVI/releve-2027-06.csv" $ON
expect_status again 0
expect_in again out "État déjà importé : rien n'a changé."
run status followup status dep $ON
expect_status status 0
expect_in status out "C2027-01-L2"
expect_in status out "Relancer le titulaire : état de 2027-08 non reçu"
run json followup status dep --format json $ON
expect_in json out '"hours_owed": 1566,'
expect_in json out '"hours_owed": 900,'
expect_in json out '"late": true,'
expect_in json out '"participants": 3,'
expect_in json out '"P-0202"'

run event followup event C2027-01-L2 --kind relance --date 2027-09-12 --note "Courriel au titulaire"
expect_status event 0
run afterevent followup status dep $ON
expect_in afterevent out "acheteur : Mettre le titulaire en demeure"

# The buyer's report: no identifier; DOCX and ODT open in LibreOffice.
run report followup report dep $ON --format md -o "$WORK/etat.md"
expect_status report 0
expect_in_file "$WORK/etat.md" "# État de réalisation de la clause d'insertion"
CHECKS=$((CHECKS + 1))
! grep -q "P-0" "$WORK/etat.md" || fail "l'état de réalisation contient un identifiant de participant"
run docx followup report dep $ON --format docx -o "$WORK/etat.docx"
expect_status docx 0
run final followup report dep --lot C2027-01-L3 --as-of 2028-02-01 --format odt -o "$WORK/final.odt"
expect_status final 0
# PDF: the DOCX report converted by LibreOffice (by -o's extension too).
if command -v soffice >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
  run reportpdf followup report dep $ON --format pdf -o "$WORK/etat-cli.pdf"
  expect_status reportpdf 0
  CHECKS=$((CHECKS + 1))
  pages=$(pdfinfo "$WORK/etat-cli.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 1 ] || fail "le rapport PDF n'a pas de page"
  pdftotext "$WORK/etat-cli.pdf" "$WORK/etat-cli.txt"
  expect_in_file "$WORK/etat-cli.txt" "État de réalisation de la clause d'insertion"
fi

run conso followup consolidation --year 2027 $ON
expect_status conso 0
expect_in conso out '"year": 2027'
expect_in conso out '"id": "sous-traitance EA"'
run consox followup consolidation --year 2027 --format xlsx -o "$WORK/consolidation.xlsx"
expect_status consox 0
run consoh followup consolidation --year 2027 --format html -o "$WORK/consolidation.html"
expect_status consoh 0
expect_in_file "$WORK/consolidation.html" "<svg"
expect_in_file "$WORK/consolidation.html" "Prévu, déclaré, réalisé par acheteur"

if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  timeout 240 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
    --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true' \
    --outdir "$WORK/lo" "$WORK/consolidation.xlsx" >"$WORK/soffice.out" 2>"$WORK/soffice.err"
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/lo/consolidation.csv" ] || fail "LibreOffice n'a pas ouvert la consolidation : $(cat "$WORK/soffice.err")"
  expect_in_file "$WORK/lo/consolidation.csv" "Heures par modalité"
  timeout 240 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --norestore \
    --convert-to pdf --outdir "$WORK/pdf" "$WORK/etat.docx" "$WORK/final.odt" "$WORK/consolidation.html" \
    >"$WORK/soffice2.out" 2>"$WORK/soffice2.err"
  for f in etat final consolidation; do
    CHECKS=$((CHECKS + 1))
    [ -s "$WORK/pdf/$f.pdf" ] || fail "LibreOffice n'a pas converti $f : $(cat "$WORK/soffice2.err")"
  done
  pdftotext "$WORK/pdf/etat.pdf" "$WORK/etat.txt"
  expect_in_file "$WORK/etat.txt" "État de réalisation de la clause d'insertion"
  pdftotext "$WORK/pdf/final.pdf" "$WORK/final.txt"
  expect_in_file "$WORK/final.txt" "Rapport final de la clause d'insertion"
else
  fail "LibreOffice (soffice) ou pdftotext absent : lancez .ci/install-deps --test"
fi


# Retention and a participant's rights.
run export followup participant export P-0201
expect_status export 0
expect_in export out '"category": "senior"'
run purge0 followup purge --before 2029-05-30
expect_in purge0 out "0 participant(s) anonymisé(s)"
run purge followup purge --before 2029-08-15
expect_in purge out "6 participant(s) anonymisé(s)"
run gone followup participant export P-0201
expect_status gone 1

# Over HTTP: the status, a statement refused with every error, a correct one
# imported (201), the same one again (200, unchanged), and the page.
run award5 followup award dep C2027-01-L5 --siret 99900003000018 --company "Couvreurs du Perche (exemple)" \
  --start 2026-01-01 --end 2027-12-31
expect_status award5 0
month=$(date -u +%Y-%m)
source "$(dirname "$0")/serve_lib.sh"
export CLAUSIER_DB="$DB"
start_server suivi --db "$DB"
http hstatus "$URL/api/programmes/dep/followup"
expect_status hstatus 200
expect_in hstatus out '"reference": "C2027-01-L2"'
http hnone "$URL/api/programmes/nope/followup"
expect_status hnone 404
http hrefused -F "releve=@$SUIVI/releve-erreurs.csv" -F company=99900001000010 "$URL/api/programmes/dep/followup/statements"
expect_status hrefused 422
expect_in hrefused out '"location": "releve-erreurs.csv:3'
expect_in hrefused out "catégorie « chomeur »"
printf 'Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;Heures travaillées;Heures de formation\nC2027-01-L2;2026-12;P-0101;deld;15/03/2026;embauche directe;CDD;35;0\n' >"$WORK/web.csv"
http hnofile -F "autre=@$WORK/web.csv" "$URL/api/programmes/dep/followup/statements"
expect_status hnofile 400
printf 'Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;Heures travaillées;Heures de formation\nC2027-01-L5;%s;P-0301;qpv;01/01/2026;embauche directe;CDD;35;0\n' "$month" >"$WORK/web.csv"
http himport -F "releve=@$WORK/web.csv" -F company=99900003000018 "$URL/api/programmes/dep/followup/statements"
expect_status himport 201
expect_in himport out '"imported": true'
http hagain -F "releve=@$WORK/web.csv" -F company=99900003000018 "$URL/api/programmes/dep/followup/statements"
expect_status hagain 200
expect_in hagain out '"unchanged": true'
http hafter "$URL/api/programmes/dep/followup"
expect_in hafter out '"hours_realised": 35,' 
http hreport "$URL/api/programmes/dep/followup/report?format=docx"
expect_status hreport 200
expect_in hreport err "etat-realisation-programme.docx"
if command -v soffice >/dev/null 2>&1; then
  http hreportpdf "$URL/api/programmes/dep/followup/report?format=pdf"
  expect_status hreportpdf 200
  expect_in hreportpdf err "etat-realisation-programme.pdf"
  CHECKS=$((CHECKS + 1))
  [ "$(head -c 5 "$WORK/hreportpdf.out")" = "%PDF-" ] || fail "le rapport téléchargé en PDF n'est pas un PDF"
fi
http hreportmd "$URL/api/programmes/dep/followup/report?format=md&lot=C2027-01-L2"
expect_status hreportmd 200
expect_in hreportmd out "## Lot C2027-01-L2"
expect_not_in hreportmd out "P-0"
http hpage "$URL/suivi/dep"
expect_status hpage 200
expect_in hpage out 'id="form-releve"'
expect_in hpage out "C2027-01-L3"
stop_servers

finish

#!/usr/bin/env bash
# clausier review: the facilitator's report of a whole programme. Exit codes,
# the file written whole or not at all, located input errors in the page, a
# well-formed page (xmllint) that Chromium prints on A4, and the DOCX and ODT
# review that LibreOffice opens. No folder of the machine in any of them: the
# programme by its name alone. (The PDF and its pages: pdf.sh.)
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

run sample review "$SAMPLE" -o "$WORK/revue.html"
expect_status sample 0
expect_in sample err "Résultat écrit dans"
CHECKS=$((CHECKS + 1))
xmllint --noout "$WORK/revue.html" 2>"$WORK/xmllint.err" || fail "page mal formée: $(head -c 2000 "$WORK/xmllint.err")"
# The HTML parser too: nothing but HTML5 elements it does not know.
CHECKS=$((CHECKS + 1))
xmllint --html --noout "$WORK/revue.html" 2>&1 | grep 'error :' | grep -v 'Tag [a-z]* invalid' >"$WORK/html.err"
[ -s "$WORK/html.err" ] && fail "erreurs du parseur HTML: $(head -c 2000 "$WORK/html.err")"
cp "$WORK/revue.html" "$WORK/revue.out"
expect_in revue out "<h1>Revue de la programmation d'achats</h1>"
expect_in revue out "43 lots, 24 consultations"
expect_in revue out "17 726 h"
expect_in revue out "objectif national 30 % atteint"
expect_in revue out "<th scope=\"row\">C2027-01-L3</th>"
expect_in revue out "Clause d’insertion : obligatoire, 833 h"  # names, not ids
expect_not_in revue out ">insertion :"
expect_in revue out "<h3 id=\"lots-a-decider\">Lots à décider (18)</h3>"
expect_in revue out "<h2>Par acheteur</h2>"
expect_in revue out "<th scope=\"row\">Communauté de communes (exemple)</th><td class=\"num\">3</td>"
expect_in revue out "<section id=\"annexe\" class=\"page annexe\">"
expect_in revue out "<h3 id=\"motifs-insertion-obligatoire\">Clause d’insertion (condition d’exécution) : obligatoire (28 lots)</h3>"
expect_in revue out "Programme : programme.csv"
expect_not_in revue out "samples/departement-2027"
expect_not_in revue out "$PWD"
# The lots to decide come first: C2027-09-L1 (an obligation without hours)
# before C2027-01-L1 (mandatory, with its hours).
CHECKS=$((CHECKS + 1))
[ "$(grep -n 'id="lot-C2027-09-L1"' "$WORK/revue.out" | cut -d: -f1)" -lt \
  "$(grep -n 'id="lot-C2027-01-L1"' "$WORK/revue.out" | cut -d: -f1)" ] || fail "les lots à décider ne sont pas en tête"
# Each reason of the annex once: the shared sentence of the 28 mandatory lots is not repeated.
expect_count revue out "L’acheteur ne peut y déroger que dans les cas que retiennent les règles appliquées" 1
expect_not_in revue out "<script"
expect_not_in revue out "http://www.w3.org/1999/xhtml\" src"
expect_not_in revue out "https://"

# Markdown, on standard output.
run md review "$SAMPLE" --format md -o -
expect_status md 0
expect_in md out "## Lots"
expect_in md out "### Lots à décider (18)"
expect_in md out "# Annexe : motifs par type de clause"
expect_in md out "| C2027-01-L3 |"

# DOCX and ODT: the same review in the document skeletons; LibreOffice opens
# both (one soffice call, own profile) and the PDF text has the summary
# figures, the table of lots and the page furniture of a review.
run docx review "$SAMPLE" --format docx -o "$WORK/revue.docx"
expect_status docx 0
run odt review "$SAMPLE" --format odt -o "$WORK/revue.odt"
expect_status odt 0
unzip -p "$WORK/revue.docx" word/document.xml >"$WORK/docx_xml.out"
expect_in docx_xml out "Lots à décider"
expect_in docx_xml out "Annexe"
expect_in docx_xml out "<w:pageBreakBefore/>"
expect_not_in docx_xml out "samples/departement-2027"
expect_in docx_xml out "C2027-01-L3"
unzip -p "$WORK/revue.docx" word/header1.xml >"$WORK/docx_header.out"
expect_not_in docx_header out "Consultation"  # a review spans the consultations
unzip -p "$WORK/revue.docx" docProps/core.xml >"$WORK/docx_core.out"
expect_in docx_core out "Revue de la programmation d'achats – programme.csv"
expect_not_in docx_core out "samples/departement-2027"
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
  # Distinct names: soffice names each PDF after its input.
  cp "$WORK/revue.docx" "$WORK/pdf-docx.docx"
  cp "$WORK/revue.odt" "$WORK/pdf-odt.odt"
  timeout 300 soffice "-env:UserInstallation=file://$WORK/profile" --headless --norestore --convert-to pdf \
    --outdir "$WORK/pdf" "$WORK/pdf-docx.docx" "$WORK/pdf-odt.odt" >"$WORK/soffice.log" 2>&1
  for format in docx odt; do
    CHECKS=$((CHECKS + 1))
    if [ -s "$WORK/pdf/pdf-$format.pdf" ]; then
      pdftotext -enc UTF-8 "$WORK/pdf/pdf-$format.pdf" - | plain | tr '\n' ' ' | tr -s ' ' >"$WORK/office_$format.out"
      expect_in "office_$format" out "Revue de la programmation d'achats – programme.csv"  # footer
      expect_not_in "office_$format" out "samples/departement-2027"
      expect_in "office_$format" out "Synthèse"
      expect_in "office_$format" out "17 726"   # hours of the programme
      expect_in "office_$format" out "C2027-01-L3"
      # pdftotext may interleave the lines of neighbouring cells: the name and the verdict apart.
      expect_in "office_$format" out "Clause d’insertion :"
      expect_in "office_$format" out "obligatoire, 833 h"
      expect_in "office_$format" out "Conseil départemental (exemple) et 4 autres acheteurs"
      expect_not_in "office_$format" out "Recomman dée"  # no header word broken
      expect_in "office_$format" out "Page 1 sur"
    else
      fail "LibreOffice n'a pas converti la revue $format: $(tail -c 1000 "$WORK/soffice.log")"
    fi
  done
else
  echo "review: soffice ou pdftotext absent, DOCX et ODT non ouverts" >&2
fi

# A DECP file: what buyers recorded, compared with the rules, lot by lot and in summary.
run decp review samples/decp/marches.json -o "$WORK/decp.html"
expect_status decp 0
cp "$WORK/decp.html" "$WORK/decp.out"
expect_in decp out "Considérations déclarées (données publiées)"
expect_in decp out "<h3>Considérations sociales déclarées et règles</h3>"
expect_in decp out "déclaré : Pas de considération sociale (recommandation non suivie)"
expect_in decp out "au-dessus des seuils sans considération retenue"

# Input errors: the page is written, each bad row located in it, exit 1.
run errors review tests/fixtures/csv/programme-utf8.csv -o "$WORK/erreurs.html"
expect_status errors 1
expect_in errors err "programme-utf8.csv:10 (colonne « Montant estimé HT ») : erreur : montant illisible"
cp "$WORK/erreurs.html" "$WORK/erreurs.out"
expect_in erreurs out "<code>programme-utf8.csv:11 (colonne « Date prévisionnelle de lancement »)</code>"
expect_not_in erreurs out "tests/fixtures"
expect_in erreurs out "2 lignes rejetées ne sont pas dans cette revue"

# An unreadable programme: exit 1, the previous report left as it was.
echo "rapport précédent" >"$WORK/ancien.html"
run absent review "$WORK/absent.csv" -o "$WORK/ancien.html"
expect_status absent 1
expect_in absent err "Aucune revue écrite"
CHECKS=$((CHECKS + 1))
[ "$(cat "$WORK/ancien.html")" = "rapport précédent" ] || fail "le rapport précédent a été remplacé"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK" -name '*.tmp*')" ] || fail "fichier temporaire laissé: $(find "$WORK" -name '*.tmp*')"

# Usage errors.
run format review "$SAMPLE" --format rtf
expect_status format 2
expect_in format err "format inconnu « rtf » : choisissez html, md, docx, odt ou pdf"
run none review
expect_status none 2

# Headless Chromium prints the page on A4, the reasons in the annex.
# The PDF is kept under build/ for a look.
if command -v chromium >/dev/null; then
  mkdir -p build
  pdf="$PWD/build/review-sample.pdf"
  rm -f "$pdf"
  HOME="$WORK" timeout 90 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/chromium" \
    --no-pdf-header-footer --print-to-pdf="$pdf" "file://$WORK/revue.html" >"$WORK/chromium.log" 2>&1
  CHECKS=$((CHECKS + 1))
  if [ -s "$pdf" ]; then
    pdfinfo "$pdf" | grep "Page size: *594.* x 841.* pts (A4)" >/dev/null || fail "le PDF n'est pas en A4"
    pdftotext "$pdf" "$WORK/revue.txt"
    cp "$WORK/revue.txt" "$WORK/pdf.out"
    expect_in pdf out "Synthèse"
    expect_in pdf out "Volume d’insertion proposé : 833"  # in the annex
  else
    fail "Chromium n'a pas imprimé la page: $(tail -c 1000 "$WORK/chromium.log")"
  fi
else
  echo "review: chromium absent, impression non vérifiée" >&2
fi

finish

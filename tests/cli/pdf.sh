#!/usr/bin/env bash
# PDF through LibreOffice: the review of the sample (DOCX converted by the
# program, `-o revue.pdf` or `--format pdf`) prints in at most 20 pages before
# its annex and names each buyer with its own figures; the HTML review, printed
# by headless Chromium, keeps to 20 pages too (A4, table headers repeated,
# reasons open in the annex); a lot's documents convert in one soffice run, the
# first-start restart (status 81) handled, in the program's own profile; and
# without LibreOffice, `--format pdf` says how to install it and writes nothing.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

for tool in soffice pdfinfo pdftotext chromium; do
  command -v "$tool" >/dev/null || { fail "$tool absent : lancez .ci/install-deps --test"; finish; }
done

expect_in_file() { CHECKS=$((CHECKS + 1)); grep -qF -- "$2" "$1" || fail "$1 ne contient pas « $2 »"; }
expect_not_in_file() { CHECKS=$((CHECKS + 1)); ! grep -qF -- "$2" "$1" || fail "$1 contient « $2 »"; }

# The pages before the page where `title` starts (the whole file when absent).
pages_before() {
  local pdf="$1" title="$2" pages page
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for page in $(seq 1 "$pages"); do
    # Not `grep -q` in the pipe: it would end before pdftotext (pipefail).
    if pdftotext -f "$page" -l "$page" "$pdf" - | plain | grep -F "$title" >/dev/null; then
      echo $((page - 1))
      return
    fi
  done
  echo "$pages"
}
ANNEX="Annexe : motifs par type de clause"

# The review as PDF, by -o's extension: the DOCX converted by LibreOffice.
run review review "$SAMPLE" -o "$WORK/revue.pdf"
expect_status review 0
CHECKS=$((CHECKS + 1))
[ "$(head -c 5 "$WORK/revue.pdf")" = "%PDF-" ] || fail "revue.pdf n'est pas un PDF"
pdfinfo "$WORK/revue.pdf" | grep "Page size: .* pts (A4)" >/dev/null || fail "la revue PDF n'est pas en A4"
summary=$(pages_before "$WORK/revue.pdf" "$ANNEX")
total=$(pdfinfo "$WORK/revue.pdf" | awk '/^Pages:/ {print $2}')
echo "revue PDF (DOCX) : $summary pages avant l'annexe, $total en tout" >&2
CHECKS=$((CHECKS + 1))
[ "$summary" -le 20 ] || fail "la revue PDF a $summary pages avant l'annexe (20 au plus)"
CHECKS=$((CHECKS + 1))
[ "$summary" -lt "$total" ] || fail "la revue PDF n'a pas d'annexe"
pdftotext -enc UTF-8 "$WORK/revue.pdf" - | plain | tr '\n' ' ' | tr -s ' ' >"$WORK/revue.out"
expect_in revue out "Synthèse"
expect_in revue out "Revue de la programmation d'achats – programme.csv"  # the footer: the file's name alone
expect_not_in revue out "samples/departement-2027"
expect_not_in revue out "Recomman dée"
expect_in revue out "Clause d’insertion : obligatoire, 833 h"
expect_not_in revue out "reserve-handicap"  # clause types by their names
# Each buyer with its own figures (lots, amount, with a consideration, hours,
# to decide), read in the table's order.
for row in "Conseil départemental (exemple) 35 25 804 000 € 28 13 322 16" \
  "Communauté de communes (exemple) 3 3 084 000 € 3 2 242 1" \
  "Office public de l’habitat (exemple) 3 2 010 000 € 3 1 858 0" \
  "Syndicat départemental d’eau potable (exemple) 1 1 350 000 € 0 0 1" \
  "Préfecture (exemple) – secrétariat général commun départemental 1 152 000 € 1 304 0"; do
  expect_in revue out "$row"
done

# --format pdf says the same; a failed write leaves nothing.
run format review "$SAMPLE" --format pdf -o "$WORK/autre.pdf"
expect_status format 0
CHECKS=$((CHECKS + 1))
[ -s "$WORK/autre.pdf" ] || fail "--format pdf n'a rien écrit"

# The HTML review printed by Chromium: A4, at most 20 pages before the annex,
# the table headers repeated on each page of a long table, the reasons printed.
run html review "$SAMPLE" -o "$WORK/revue.html"
expect_status html 0
HOME="$WORK" timeout 90 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/chromium" \
  --no-pdf-header-footer --print-to-pdf="$WORK/revue-html.pdf" "file://$WORK/revue.html" >"$WORK/chromium.log" 2>&1
CHECKS=$((CHECKS + 1))
if [ -s "$WORK/revue-html.pdf" ]; then
  pdfinfo "$WORK/revue-html.pdf" | grep "Page size: *594.* x 841.* pts (A4)" >/dev/null || fail "la page imprimée n'est pas en A4"
  summary=$(pages_before "$WORK/revue-html.pdf" "$ANNEX")
  total=$(pdfinfo "$WORK/revue-html.pdf" | awk '/^Pages:/ {print $2}')
  echo "revue HTML imprimée : $summary pages avant l'annexe, $total en tout" >&2
  CHECKS=$((CHECKS + 1))
  [ "$summary" -le 20 ] || fail "la revue HTML s'imprime en $summary pages avant l'annexe (20 au plus)"
  CHECKS=$((CHECKS + 1))
  [ "$summary" -lt "$total" ] || fail "la revue HTML imprimée n'a pas d'annexe"
  # The tables of lots span pages: their header on each.
  headed=0
  for page in $(seq 1 "$summary"); do
    text="$(pdftotext -f "$page" -l "$page" "$WORK/revue-html.pdf" -)"
    grep -q "Référence" <<<"$text" && grep -q "Lancement" <<<"$text" && headed=$((headed + 1))
  done
  CHECKS=$((CHECKS + 1))
  [ "$headed" -ge 3 ] || fail "l'en-tête du tableau des lots n'est repris que sur $headed page(s)"
  pdftotext -enc UTF-8 "$WORK/revue-html.pdf" - | plain | tr '\n' ' ' | tr -s ' ' >"$WORK/printed.out"
  expect_in printed out "Volume d’insertion proposé : 833 heures"  # the reasons, in the annex
  expect_in printed out "Communauté de communes (exemple)"
  expect_not_in printed out "Recomman dée"
else
  fail "Chromium n'a pas imprimé la revue : $(tail -c 1000 "$WORK/chromium.log")"
fi

# A lot's documents as PDF (with their DOCX): one soffice run for all of them,
# in a profile of the program's own, started again after the first-start
# restart. A stand-in soffice records each run, ends the first with status 81
# as a fresh profile may, then hands over to LibreOffice.
real_soffice="$(command -v soffice)"
cat >"$WORK/soffice" <<SCRIPT
#!/usr/bin/env bash
printf '%s\n' "\$*" >>"$WORK/soffice-runs.log"
if [ ! -e "$WORK/soffice-started" ]; then
  : >"$WORK/soffice-started"
  exit 81
fi
exec "$real_soffice" "\$@"
SCRIPT
chmod +x "$WORK/soffice"
mkdir -p "$WORK/tmp"
TMPDIR="$WORK/tmp" CLAUSIER_SOFFICE="$WORK/soffice" run render render "$SAMPLE" --only C2027-01-L3 --format docx,pdf -o "$WORK/documents"
expect_status render 0
expect_in render out "12 document(s) rédigé(s) pour 1 lot(s)"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/soffice-runs.log")" -eq 2 ] || fail "soffice lancé $(wc -l <"$WORK/soffice-runs.log") fois (2 attendues : 81, puis la conversion)"
CHECKS=$((CHECKS + 1))
[ "$(grep -o '\.docx' "$WORK/soffice-runs.log" | wc -l)" -eq 12 ] || fail "les 6 documents ne sont pas convertis en un seul appel : $(cat "$WORK/soffice-runs.log")"
expect_in_file "$WORK/soffice-runs.log" "-env:UserInstallation=file:///"
expect_not_in_file "$WORK/soffice-runs.log" "-env:UserInstallation=file://$HOME"
for doc in ccap-insertion guide-entreprise motifs-exception rc-critere-insertion reservation; do
  pdf="$WORK/documents/C2027-01-L3/$doc.pdf"
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/documents/C2027-01-L3/$doc.docx" ] || fail "$doc.docx absent"
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "$doc.pdf : ${pages:-0} page(s)" >&2
  CHECKS=$((CHECKS + 1))
  [ "${pages:-0}" -ge 1 ] || fail "$doc.pdf n'a pas de page"
done
pdftotext -enc UTF-8 "$WORK/documents/C2027-01-L3/ccap-insertion.pdf" - | plain | tr '\n' ' ' >"$WORK/ccap.out"
expect_in ccap out "833 heures"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK/tmp" -maxdepth 1 -name 'clausier-pdf-*')" ] || fail "dossier temporaire de conversion laissé"

# draft: the consultation's folder, PDF alone, written whole once every PDF is made.
run draft draft samples/consultation-gymnase.txt --format pdf -o "$WORK/gymnase"
expect_status draft 0
CHECKS=$((CHECKS + 1))
[ "$(find "$WORK/gymnase" -name '*.pdf' | wc -l)" -ge 5 ] || fail "draft --format pdf : $(find "$WORK/gymnase" -type f | head -5)"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK/gymnase" -type f ! -name '*.pdf')" ] || fail "draft --format pdf a écrit d'autres formats"
for pdf in "$WORK"/gymnase/*/*.pdf; do
  CHECKS=$((CHECKS + 1))
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 1 ] || fail "$(basename "$pdf") n'a pas de page"
done

# Without LibreOffice: said in French, with the package to install; nothing written.
mkdir -p "$WORK/no-office"
ln -s "$(command -v timeout)" "$WORK/no-office/timeout"
PATH="$WORK/no-office" CLAUSIER_SOFFICE= run absent review "$SAMPLE" -o "$WORK/absente.pdf"
expect_status absent 1
expect_in absent err "apt install libreoffice-writer-nogui"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/absente.pdf" ] || fail "une revue PDF a été écrite sans LibreOffice"
PATH="$WORK/no-office" CLAUSIER_SOFFICE= run absentdocs render "$SAMPLE" --format md,pdf -o "$WORK/sans-pdf"
expect_status absentdocs 1
expect_in absentdocs err "LibreOffice est nécessaire pour écrire du PDF"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/sans-pdf" ] || fail "des documents ont été écrits sans LibreOffice : $(find "$WORK/sans-pdf" | head -3)"

PATH="$WORK/no-office" CLAUSIER_SOFFICE= run absentdraft draft samples/consultation-gymnase.txt --format pdf \
  -o "$WORK/sans-pdf-draft"
expect_status absentdraft 1
expect_in absentdraft err "libreoffice-writer-nogui"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/sans-pdf-draft" ] || fail "draft a écrit sans LibreOffice"

finish

#!/usr/bin/env bash
# The DOCX and ODT documents open in LibreOffice: the sample is rendered,
# every DOCX and ODT converted to PDF in ONE soffice call (own profile in a
# temporary folder), and the PDF text read back with pdftotext: no conversion
# error, the hours of the published example, the facilitator block, the
# article headings, and no Mustache tag left in any format.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

for tool in soffice pdftotext; do
  command -v "$tool" >/dev/null || { fail "$tool absent : lancez .ci/install-deps"; finish; }
done

run render render "$SAMPLE" -o "$WORK/documents"
expect_status render 0

# Flat names, one per package, so that the PDFs do not overwrite each other.
mkdir -p "$WORK/in" "$WORK/pdf"
for f in "$WORK"/documents/*/*.docx "$WORK"/documents/*/*.odt; do
  lot="$(basename "$(dirname "$f")")"
  name="$(basename "$f")"
  cp "$f" "$WORK/in/${lot}__${name%.*}__${name##*.}.${name##*.}"
done
packages=$(find "$WORK/in" -type f | wc -l)
CHECKS=$((CHECKS + 1))
[ "$packages" -ge 2 ] || fail "aucun DOCX ni ODT rendu"

timeout 600 soffice "-env:UserInstallation=file://$WORK/profile" --headless --norestore \
  --convert-to pdf --outdir "$WORK/pdf" "$WORK"/in/* >"$WORK/soffice.out" 2>"$WORK/soffice.err"
status=$?
CHECKS=$((CHECKS + 1))
[ $status -eq 0 ] || fail "soffice a échoué ($status) : $(head -c 2000 "$WORK/soffice.err")"
CHECKS=$((CHECKS + 1))
if grep -qi "error" "$WORK/soffice.out" "$WORK/soffice.err"; then
  fail "erreur de conversion : $(grep -i error "$WORK/soffice.out" "$WORK/soffice.err" | head -5)"
fi
for f in "$WORK"/in/*; do
  pdf="$WORK/pdf/$(basename "${f%.*}").pdf"
  CHECKS=$((CHECKS + 1))
  if [ ! -s "$pdf" ]; then
    fail "pas de PDF pour $(basename "$f")"
    continue
  fi
  pdftotext -enc UTF-8 "$pdf" "${pdf%.pdf}.txt" || fail "pdftotext a échoué sur $(basename "$pdf")"
done

# The published example's article, in both formats.
for format in docx odt; do
  text="$WORK/pdf/C2027-01-L3__ccap-insertion__$format.txt"
  CHECKS=$((CHECKS + 1))
  [ -s "$text" ] || { fail "texte absent : $(basename "$text")"; continue; }
  # pdftotext breaks lines where the page does: compare on one line.
  flat="$(plain "$text" | tr '\n' ' ' | tr -s ' ')"
  for want in "833 heures" "Coordonnées du facilitateur" "Article [n°] – Clause d’insertion sociale" \
    "1. Objet et fondement juridique" "3. Volume d’heures d’insertion" "6. Accompagnement par le facilitateur" \
    "10. Adaptation et bilan final" "Conseil départemental (exemple)" "Consultation C2027-01" "Page 1 sur"; do
    CHECKS=$((CHECKS + 1))
    grep -qF -- "$want" <<<"$flat" || fail "$format de C2027-01-L3 : « $want » absent du PDF"
  done
done

# No Mustache tag left anywhere, in any format.
CHECKS=$((CHECKS + 1))
left=$(grep -l '{{' "$WORK"/pdf/*.txt "$WORK"/documents/*/*.md "$WORK"/documents/*/*.html 2>/dev/null | head -5)
[ -z "$left" ] || fail "balise Mustache restée dans : $left"

finish

#!/usr/bin/env bash
# The DOCX and ODT documents open in LibreOffice: the sample is rendered, the
# DOCX and ODT of two lots converted to PDF in ONE soffice call (own profile in a
# temporary folder), and the PDF text read back with pdftotext: no conversion
# error, every document type in both formats, the hours of the published
# example, the facilitator block, the article headings, and no Mustache tag
# left in any format.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

for tool in soffice pdftotext; do
  command -v "$tool" >/dev/null || { fail "$tool absent : lancez .ci/install-deps --test"; finish; }
done

run render render "$SAMPLE" -o "$WORK/documents"
expect_status render 0

# Two lots cover every document type and its variants (C2027-01-L3: the five
# documents; C2027-17-L3: ANRU and the joint reservation); converting every
# document of the sample would outlast the test's time limit. Flat names, one
# per package, so that the PDFs do not overwrite each other.
mkdir -p "$WORK/in" "$WORK/pdf"
for f in "$WORK"/documents/C2027-01-L3/*.docx "$WORK"/documents/C2027-01-L3/*.odt \
  "$WORK"/documents/C2027-17-L3/*.docx "$WORK"/documents/C2027-17-L3/*.odt; do
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

# Every document type converts, in both formats.
for manifest in templates/*/manifest.json; do
  base="$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m.get("basename", m["id"]))' "$manifest")"
  for format in docx odt; do
    CHECKS=$((CHECKS + 1))
    ls "$WORK"/pdf/*__"${base}__$format.txt" >/dev/null 2>&1 || fail "$base.$format : aucun PDF lisible"
  done
done
# The facilitator block of the directory, in the company guide; ANRU and the
# joint reservation in the second lot.
for want in "C2027-01-L3__guide-entreprise__docx:Facilitateur des clauses sociales du Conseil départemental de l’Orne" \
  "C2027-17-L3__ccap-insertion__odt:charte nationale d’insertion de l’ANRU" \
  "C2027-17-L3__reservation__docx:Réservation conjointe aux EA et ESAT et aux SIAE"; do
  text="$WORK/pdf/${want%%:*}.txt"
  CHECKS=$((CHECKS + 1))
  flat="$(plain "$text" 2>/dev/null | tr '\n' ' ' | tr -s ' ')"
  grep -qF -- "${want#*:}" <<<"$flat" || fail "${want%%:*} : « ${want#*:} » absent du PDF"
done

# No Mustache tag left anywhere, in any format.
CHECKS=$((CHECKS + 1))
left=$(grep -l '{{' "$WORK"/pdf/*.txt "$WORK"/documents/*/*.md "$WORK"/documents/*/*.html 2>/dev/null | head -5)
[ -z "$left" ] || fail "balise Mustache restée dans : $left"

finish

#!/usr/bin/env bash
# Every office download of `clausier serve` opens in LibreOffice: a lot's
# document (DOCX, ODT) and the review (DOCX, ODT), downloaded over HTTP, are
# converted to PDF in ONE soffice call (own profile) and their text read back.
# The PDF downloads (format=pdf: converted by the server) are PDFs with pages.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SAMPLE=samples/departement-2027

for tool in soffice pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { fail "$tool absent : lancez .ci/install-deps --test"; finish; }
done
start_server office || exit 1

mkdir -p "$WORK/in" "$WORK/pdf"
for format in docx odt; do
  http "lot_$format" -F "programme=@$SAMPLE/programme.xlsx" -F reference=C2027-01-L3 -F "format=$format" \
    "$URL/api/render"
  expect_status "lot_$format" 200
  cp "$WORK/lot_$format.out" "$WORK/in/lot-$format.$format"
  http "revue_$format" -F "programme=@$SAMPLE/programme.xlsx" -F "format=$format" "$URL/api/review"
  expect_status "revue_$format" 200
  cp "$WORK/revue_$format.out" "$WORK/in/revue-$format.$format"
done
http lot_pdf -F "programme=@$SAMPLE/programme.xlsx" -F reference=C2027-01-L3 -F document=ccap-insertion \
  -F format=pdf "$URL/api/render"
expect_status lot_pdf 200
expect_in lot_pdf err "Content-Type: application/pdf"
expect_in lot_pdf err 'filename="C2027-01-L3-ccap-insertion.pdf"'
http revue_pdf -F "programme=@$SAMPLE/programme.xlsx" -F format=pdf "$URL/api/review"
expect_status revue_pdf 200
expect_in revue_pdf err "Content-Type: application/pdf"
expect_in revue_pdf err 'filename="revue-programme.pdf"'
stop_servers
for name in lot_pdf revue_pdf; do
  CHECKS=$((CHECKS + 1))
  pages=$(pdfinfo "$WORK/$name.out" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge 1 ] || fail "$name : pas un PDF lisible"
  pdftotext -enc UTF-8 "$WORK/$name.out" - | plain | tr '\n' ' ' | tr -s ' ' >"$WORK/$name.txt"
done
cp "$WORK/lot_pdf.txt" "$WORK/lot_pdf_text.out"
expect_in lot_pdf_text out "833 heures"
cp "$WORK/revue_pdf.txt" "$WORK/revue_pdf_text.out"
expect_in revue_pdf_text out "Par acheteur"
expect_in revue_pdf_text out "Annexe : motifs par type de clause"

timeout 300 soffice "-env:UserInstallation=file://$WORK/profile" --headless --norestore \
  --convert-to pdf --outdir "$WORK/pdf" "$WORK"/in/* >"$WORK/soffice.log" 2>&1
CHECKS=$((CHECKS + 1))
if grep -qi "error" "$WORK/soffice.log"; then
  fail "erreur de conversion : $(grep -i error "$WORK/soffice.log" | head -5)"
fi
for f in "$WORK"/in/*; do
  name="$(basename "${f%.*}")"
  CHECKS=$((CHECKS + 1))
  if [ -s "$WORK/pdf/$name.pdf" ]; then
    # pdftotext breaks lines where the page does: compare on one line.
    pdftotext -enc UTF-8 "$WORK/pdf/$name.pdf" - | plain | tr '\n' ' ' | tr -s ' ' >"$WORK/$name.out"
  else
    fail "LibreOffice n'a pas ouvert $(basename "$f") : $(tail -c 1000 "$WORK/soffice.log")"
    : >"$WORK/$name.out"
  fi
done
for format in docx odt; do
  expect_in "lot-$format" out "833 heures"
  expect_in "lot-$format" out "Consultation C2027-01"
  expect_in "revue-$format" out "Synthèse"
  expect_in "revue-$format" out "17 726"
  # pdftotext may interleave the lines of neighbouring cells: the name and the verdict apart.
  expect_in "revue-$format" out "Clause d’insertion :"
  expect_in "revue-$format" out "obligatoire, 833 h"
  expect_in "revue-$format" out "programme.xlsx"
done

finish

#!/usr/bin/env bash
# Every office download of `clausier serve` opens in LibreOffice: a lot's
# document (DOCX, ODT) and the review (DOCX, ODT), downloaded over HTTP, are
# converted to PDF in ONE soffice call (own profile) and their text read back.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
SAMPLE=samples/departement-2027

for tool in soffice pdftotext; do
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
stop_servers

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
  # pdftotext may interleave the cells of a table row: the verdict and its hours apart
  expect_in "revue-$format" out "insertion : obligatoire,"
  expect_in "revue-$format" out "833 h ;"
  expect_in "revue-$format" out "programme.xlsx"
done

finish

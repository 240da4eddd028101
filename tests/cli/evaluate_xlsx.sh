#!/usr/bin/env bash
# evaluate --format xlsx: a workbook that openpyxl and LibreOffice read as a
# facilitator would use it (frozen header row, autofilter over the table,
# widths, euro amounts and real dates), one row per lot and clause type,
# written only to a file.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
PY="$(python_with openpyxl)" || { fail "python3-openpyxl absent : lancez .ci/install-deps --test"; finish; }

run no_file evaluate "$SAMPLE" --format xlsx
expect_status no_file 2
expect_in no_file err "le classeur xlsx ne s'affiche pas : écrivez-le dans un fichier avec -o FICHIER.xlsx"

run book evaluate "$SAMPLE" --format xlsx -o "$WORK/evaluation.xlsx"
expect_status book 0
expect_in book err "Résultat écrit dans"
# 43 lots, 7 clause types: one row each, under the header row.
cat >"$WORK/check.py" <<'PY'
import datetime, sys, warnings
import openpyxl
warnings.simplefilter("ignore")
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
print("sheet", ws.title)
print("freeze", ws.freeze_panes)
print("filter", ws.auto_filter.ref)
print("rows", ws.max_row)
print("header", "|".join(c.value for c in ws[1]))
print("width D", ws.column_dimensions["D"].width)
for row in ws.iter_rows(min_row=2):
    if row[0].value == "C2027-01-L3" and row[9].value == "obligatoire":
        print("amount", row[6].value, row[6].number_format)
        print("date", row[7].value.date().isoformat() if isinstance(row[7].value, datetime.datetime) else row[7].value,
              row[7].number_format)
        print("hours", row[10].value)
        break
PY
"$PY" "$WORK/check.py" "$WORK/evaluation.xlsx" >"$WORK/openpyxl.out" 2>&1
expect_in openpyxl out "sheet Évaluation"
expect_in openpyxl out "freeze A2"
expect_in openpyxl out "filter A1:L345"
expect_in openpyxl out "rows 345"
expect_in openpyxl out "header Référence|Consultation|Lot|Objet|Nature|Code CPV|Montant estimé HT|Date de lancement|Clause|Verdict|Heures d'insertion|Motifs"
expect_in openpyxl out "width D 50"
expect_in openpyxl out 'amount 1000000 #,##0 "€"'
expect_in openpyxl out "date 2027-03-01 dd/mm/yyyy"
expect_in openpyxl out "hours 833"

# LibreOffice converts it, cells as shown: amounts in euros, dates day first.
if command -v soffice >/dev/null 2>&1; then
  timeout 120 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true' \
    --outdir "$WORK/lo" "$WORK/evaluation.xlsx" >"$WORK/soffice.out" 2>"$WORK/soffice.err"
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/lo/evaluation.csv" ] || fail "LibreOffice n'a pas converti le classeur : $(cat "$WORK/soffice.err")"
  cp "$WORK/lo/evaluation.csv" "$WORK/lo.out" 2>/dev/null || : >"$WORK/lo.out"
  expect_count lo out "C2027-01-L3;" 8
  expect_in lo out "Référence;Consultation;Lot;Objet"
  expect_in lo out "01/03/2027"
  expect_in lo out "000 €"
else
  fail "LibreOffice (soffice) absent : lancez .ci/install-deps --test"
fi

# Standard output only when it is not a terminal (here, a file): a zip archive.
"$CLAUSIER" evaluate "$SAMPLE" --format xlsx -o - >"$WORK/stdout.xlsx" 2>"$WORK/stdout.err"
CHECKS=$((CHECKS + 1))
[ "$(head -c 2 "$WORK/stdout.xlsx")" = "PK" ] || fail "pas une archive zip sur la sortie standard : $(cat "$WORK/stdout.err")"
"$PY" "$WORK/check.py" "$WORK/stdout.xlsx" >"$WORK/stdout_check.out" 2>&1
expect_in stdout_check out "rows 345"

# The same rows read back as a programme's sheet would be: by clausier itself,
# through --sheet (the header names the programme columns; each lot appears
# once per clause type, so the repeated references are reported).
run reread evaluate "$WORK/evaluation.xlsx" --sheet Évaluation --format csv
expect_in reread err "evaluation.xlsx!Évaluation!A3"

finish

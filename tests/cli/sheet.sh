#!/usr/bin/env bash
# --sheet NOM|N on every command that reads a programme: a workbook's sheet by
# name or position, an unknown sheet named with the list of the sheets, a
# warning for a CSV file; and a programme that cannot be opened prints only
# its error (no table header, no output file).
source "$(dirname "$0")/lib.sh"
BOOK=tests/fixtures/xlsx/programme-notice.xlsx  # sheets: Notice, Paramètres (hidden), Programme 2027

run found evaluate "$BOOK" --format csv
expect_status found 0
lots=$(grep -c ';insertion;' "$WORK/found.out")
CHECKS=$((CHECKS + 1))
[ "$lots" -gt 0 ] || fail "aucun lot lu dans la feuille trouvée : $(head -c 1000 "$WORK/found.err")"

run by_name evaluate "$BOOK" --sheet "programme 2027" --format csv
expect_status by_name 0
expect_count by_name out ";insertion;" "$lots"
run by_position evaluate "$BOOK" --sheet 3 --format csv
expect_status by_position 0
expect_count by_position out ";insertion;" "$lots"

run unknown evaluate "$BOOK" --sheet Budget
expect_status unknown 1
expect_in unknown err "programme-notice.xlsx : erreur : feuille « Budget » introuvable dans le classeur ; ses feuilles :"
expect_in unknown err "« Notice »"
expect_in unknown err "« Programme 2027 »"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/unknown.out" ] || fail "sortie inattendue (en-tête de tableau ?) : $(cat "$WORK/unknown.out")"

run beyond evaluate "$BOOK" --sheet 9
expect_status beyond 1
expect_in beyond err "feuille « 9 » introuvable"

# The same option for render, diff and export.
run render render "$BOOK" --sheet "Programme 2027" -o "$WORK/documents"
expect_status render 0
run diff diff "$BOOK" --sheet "Programme 2027" --rules-before rules --rules-after rules
expect_status diff 0
run diff_unknown diff "$BOOK" --sheet Budget --rules-before rules --rules-after rules
expect_status diff_unknown 1
expect_in diff_unknown err "feuille « Budget » introuvable"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/diff_unknown.out" ] || fail "diff imprime un tableau pour un fichier illisible : $(cat "$WORK/diff_unknown.out")"
run export export decp "$BOOK" --sheet Budget -o "$WORK/decp.json"
expect_status export 1
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/decp.json" ] || fail "un fichier a été écrit alors que la feuille est introuvable"

# A CSV file has no sheets: said, and read all the same.
run csv evaluate samples/departement-2027/programme.csv --sheet Programme --format csv
expect_status csv 0
expect_in csv err "feuille"
expect_count csv out ";insertion;" 43

run empty evaluate "$BOOK" --sheet ""
expect_status empty 2
expect_in empty err "--sheet attend le nom ou le rang d'une feuille"

# A file that cannot be opened: the error alone, and no output file.
run absent evaluate "$WORK/absent.csv"
expect_status absent 1
expect_in absent err "introuvable"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/absent.out" ] || fail "en-tête de tableau imprimé pour un fichier illisible : $(cat "$WORK/absent.out")"
run absent_csv evaluate "$WORK/absent.csv" --format csv
expect_status absent_csv 1
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/absent_csv.out" ] || fail "en-tête CSV imprimé pour un fichier illisible : $(cat "$WORK/absent_csv.out")"
run absent_json evaluate "$WORK/absent.csv" --format json -o "$WORK/absent.json"
expect_status absent_json 1
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/absent.json" ] || fail "fichier JSON écrit pour un programme illisible"

run help evaluate --help
expect_in help out "--sheet NOM|N"
run rules_help rules check --help
expect_not_in rules_help out "--sheet"

finish

#!/usr/bin/env bash
# The shipped sample evaluates cleanly; the published example (1 000 000 € of
# masonry, 50 % labour, 5 % insertion, 30 €/h) gives 833 hours; documents are
# written for the lots that call for them, with no Mustache tag left and French
# typography.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

run table evaluate "$SAMPLE"
expect_status table 0
expect_in table out "C2027-01-L3"
expect_in table out "OBLIG. 833 h"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/table.err" ] || fail "des messages inattendus: $(cat "$WORK/table.err")"

run json evaluate "$SAMPLE" --format json -o "$WORK/evaluation.json"
expect_status json 0
CHECKS=$((CHECKS + 1))
grep -A3 '"reference": "C2027-01-L3"' "$WORK/evaluation.json" >/dev/null || fail "C2027-01-L3 absent du JSON"
expect_in json err "Résultat écrit dans"
CHECKS=$((CHECKS + 1))
grep -q '"hours": 833,' "$WORK/evaluation.json" || fail "833 heures absentes du JSON"
for key in '"lots": [' '"diagnostics": [' '"verdict": "obligatoire"' '"basis": [' '"reasons": ['; do
  CHECKS=$((CHECKS + 1))
  grep -qF "$key" "$WORK/evaluation.json" || fail "clé absente du JSON: $key"
done

run csv evaluate "$SAMPLE" --format csv
expect_status csv 0
expect_count csv out ";insertion;" 43

run render render "$SAMPLE" -o "$WORK/documents"
expect_status render 0
expect_in render out "document(s) rédigé(s)"
for f in ccap-insertion.md ccap-insertion.html ccap-insertion.docx ccap-insertion.odt; do
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/documents/C2027-01-L3/$f" ] || fail "document absent: C2027-01-L3/$f"
done
CHECKS=$((CHECKS + 1))
grep -q "833 heures" "$WORK/documents/C2027-01-L3/ccap-insertion.md" || fail "833 heures absentes de l'article"
CHECKS=$((CHECKS + 1))
# (DOCX and ODT are zipped: tests/cli/libreoffice.sh checks their text.)
if grep -rl --include='*.md' --include='*.html' '{{' "$WORK/documents" >/dev/null; then
  fail "balise Mustache restée dans: $(grep -rl --include='*.md' --include='*.html' '{{' "$WORK/documents")"
fi
# Lots excluded or merely possible get no article.
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/documents/C2027-14" ] || fail "un article a été rédigé pour un lot exclu (C2027-14)"
# French typography: no plain space before ; : ! ? in the text of the documents.
CHECKS=$((CHECKS + 1))
bad=$(cat "$WORK"/documents/*/*.md | grep -nP ' [;:!?](\s|$)' | head -5)
[ -z "$bad" ] || fail "espace ordinaire avant une ponctuation haute (Markdown): $bad"
CHECKS=$((CHECKS + 1))
bad=$(for f in "$WORK"/documents/*/*.html; do sed '/<style/,/<\/style>/d' "$f"; done | grep -nP ' [;:!?](\s|<|$)' | head -5)
[ -z "$bad" ] || fail "espace ordinaire avant une ponctuation haute (HTML): $bad"
CHECKS=$((CHECKS + 1))
# (An address printed as text, such as a facilitator's site, loads nothing.)
if grep -lE '<link|<script|src=|url\(' "$WORK"/documents/*/*.html >/dev/null; then fail "une page HTML appelle une ressource externe"; fi
# The same document twice gives the same bytes (dated by SOURCE_DATE_EPOCH).
SOURCE_DATE_EPOCH=1795305600 "$CLAUSIER" render "$SAMPLE" -o "$WORK/same1" --only C2027-01-L3 >/dev/null 2>&1
SOURCE_DATE_EPOCH=1795305600 "$CLAUSIER" render "$SAMPLE" -o "$WORK/same2" --only C2027-01-L3 >/dev/null 2>&1
CHECKS=$((CHECKS + 1))
diff -r "$WORK/same1" "$WORK/same2" >/dev/null || fail "deux rendus du même lot diffèrent (DOCX/ODT non reproductibles)"

run only render "$SAMPLE" -o "$WORK/one" --only C2027-01-L3 --format md
expect_status only 0
CHECKS=$((CHECKS + 1))
others=$(find "$WORK/one" -type f ! -path "$WORK/one/C2027-01-L3/*.md")
[ -z "$others" ] && [ -f "$WORK/one/C2027-01-L3/ccap-insertion.md" ] ||
  fail "--only --format md devrait écrire les seuls documents Markdown du lot: $(find "$WORK/one" -type f)"

finish

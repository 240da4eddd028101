#!/usr/bin/env bash
# Which documents each lot of the sample gets, and how they read. The
# expectation is computed, not typed: from `evaluate --format json` (the
# verdicts of each lot) and each template's manifest.json (`applies`), a lot
# must get exactly the documents one of whose entries matches one of its
# results, in each of the four formats. Then every Markdown document is read
# for what a reviewer would catch: a Mustache tag left, an empty list item,
# runs of blank lines, a note cut in two, an unbalanced bracket, a plain space
# before : ; ! ? ».
# And `clausier rules check` lints the shipped templates clean.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv

run check rules check
expect_status check 0
expect_not_in check err "erreur"
expect_not_in check err "avertissement"
expect_in check out "aucune erreur, aucun avertissement"

run evaluate evaluate "$SAMPLE" --format json -o "$WORK/evaluation.json"
expect_status evaluate 0
run render render "$SAMPLE" -o "$WORK/documents"
expect_status render 0

# Expected and written files, one "<reference>/<basename>.<format>" per line.
python3 - "$WORK/evaluation.json" templates >"$WORK/expected.txt" <<'EOF' || fail "calcul des documents attendus impossible"
import json, pathlib, sys
lots = json.load(open(sys.argv[1], encoding="utf-8"))["lots"]
manifests = [json.load(open(p, encoding="utf-8")) for p in sorted(pathlib.Path(sys.argv[2]).glob("*/manifest.json"))]
if not manifests:
    sys.exit("aucun manifest.json")
for lot in lots:
    verdicts = {(c["type"], c.get("verdict")) for c in lot["clauses"]}
    for m in manifests:
        # Entries with proposed_verdicts match only decisions of a workspace (tests/cli/workspace.sh).
        if any((a["clause"], v) in verdicts for a in m["applies"] if "proposed_verdicts" not in a
               for v in a["verdicts"]):
            for fmt in ("docx", "odt", "html", "md"):
                print(f'{lot["reference"]}/{m.get("basename", m["id"])}.{fmt}')
EOF
(cd "$WORK/documents" && find . -type f | sed 's|^\./||') >"$WORK/written.txt"
sort -o "$WORK/expected.txt" "$WORK/expected.txt"
sort -o "$WORK/written.txt" "$WORK/written.txt"
CHECKS=$((CHECKS + 1))
if ! diff "$WORK/expected.txt" "$WORK/written.txt" >"$WORK/documents.diff"; then
  fail "documents écrits (>) et attendus d'après les verdicts (<) diffèrent : $(head -c 3000 "$WORK/documents.diff")"
fi
# Every document type of templates/ is exercised by the sample.
for manifest in templates/*/manifest.json; do
  id="$(basename "$(dirname "$manifest")")"
  base="$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(m.get("basename", m["id"]))' "$manifest")"
  CHECKS=$((CHECKS + 1))
  grep -q "/$base\.md\$" "$WORK/written.txt" || fail "aucun lot de l'exemple ne reçoit le document $id"
done
expect_in render out "$(wc -l <"$WORK/expected.txt" | tr -d ' ') document(s) rédigé(s)"

# How the Markdown reads (the other formats come from the same markup).
for f in "$WORK"/documents/*/*.md; do
  name="${f#"$WORK/documents/"}"
  CHECKS=$((CHECKS + 1))
  ! grep -q '{{\|}}' "$f" || fail "$name : balise Mustache restée"
  CHECKS=$((CHECKS + 1))
  ! grep -nE '^\s*(-|[0-9]+\.)\s*$|^>\s*-\s*$' "$f" >"$WORK/empty" || fail "$name : élément de liste vide : $(head -3 "$WORK/empty")"
  CHECKS=$((CHECKS + 1))
  awk 'NR > 1 && $0 ~ /^>? *$/ && prev ~ /^>? *$/ { exit 1 } { prev = $0 }' "$f" ||
    fail "$name : plusieurs lignes vides de suite"
  CHECKS=$((CHECKS + 1))
  awk 'NR > 2 && $0 ~ /^>/ && prev == "" && before ~ /^>/ { exit 1 } { before = prev; prev = $0 }' "$f" ||
    fail "$name : note « > » coupée en deux par une ligne vide"
  CHECKS=$((CHECKS + 1))
  awk '{ o = gsub(/\[/, "["); c = gsub(/\]/, "]"); if (o != c) { print NR ": " $0; exit 1 } }' "$f" >"$WORK/brackets" ||
    fail "$name : crochet non fermé : $(head -c 300 "$WORK/brackets")"
  CHECKS=$((CHECKS + 1))
  ! grep -nE ' [:;!?»]( |$)|« ' "$f" >"$WORK/typo" ||
    fail "$name : espace ordinaire avant : ; ! ? » ou après « (espace insécable attendue) : $(head -c 300 "$WORK/typo")"
done

finish

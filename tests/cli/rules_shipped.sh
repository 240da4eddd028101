#!/usr/bin/env bash
# The jurist tools on the shipped tree: every rule test case passes, the rules,
# plugins, cases and templates check clean, and the reference documentation is
# written (Markdown and self-contained HTML).
source "$(dirname "$0")/lib.sh"

run test rules test
expect_status test 0
expect_in test out " 0 failed"
expect_in test out " 0 en échec"
CHECKS=$((CHECKS + 1))
grep -qE '^[0-9]+ passed, 0 failed$' "$WORK/test.out" || fail "ligne « N passed, 0 failed » absente: $(cat "$WORK/test.out")"

run check rules check
expect_status check 0
expect_in check out "aucune erreur"

run doc rules doc -o "$WORK/doc"
expect_status doc 0
expect_in doc out "regles.md, regles.html"
for f in regles.md regles.html; do
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/doc/$f" ] || fail "documentation absente: $f"
done
expect_in doc out " de clause"
CHECKS=$((CHECKS + 1))
grep -q '### `seuils.ue.travaux`' "$WORK/doc/regles.md" || fail "seuils.ue.travaux absent de regles.md"
CHECKS=$((CHECKS + 1))
grep -q '`insertion`' "$WORK/doc/regles.md" || fail "la clause insertion est absente de regles.md"
CHECKS=$((CHECKS + 1))
if grep -qE '<link|<script|src=|url\(' "$WORK/doc/regles.html"; then fail "regles.html appelle une ressource externe"; fi
# French typography in the prose the program writes (references are the jurists').
CHECKS=$((CHECKS + 1))
bad=$(grep -nP '^(- [^:]* :|#.* :)' "$WORK/doc/regles.md" | head -3)
[ -z "$bad" ] || fail "espace ordinaire avant « : » dans regles.md: $bad"

finish

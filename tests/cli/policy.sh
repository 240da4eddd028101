#!/usr/bin/env bash
# The local policy layer: --policy FILE, or politique-locale.lua beside the
# programme (said on stderr), --no-policy; its values in the --explain trace
# with their date and reference; a broken policy file is located (exit 3).
source "$(dirname "$0")/lib.sh"
F=tests/fixtures
TREE=(--rules "$F/rules-test/regles" --plugins "$F/rules-test/plugins")
PROG=$F/policy/programme/programme.csv

run beside evaluate "$PROG" "${TREE[@]}" --explain
expect_status beside 0
expect_in beside err "politique locale appliquée : $F/policy/programme/politique-locale.lua (montant_minimum, taux) ; --no-policy pour l'ignorer"
expect_in beside out "obligatoire, 3 333 h"
expect_in beside out "taux = 10 %, depuis le 1er janvier 2026 (Politique locale : Délibération de démonstration du 15 décembre 2025, article 2)"
expect_in beside out "montant_minimum [travaux] = 500 000 €, depuis le 1er janvier 2026 (Politique locale : Délibération de démonstration du 15 décembre 2025)"
# Before the policy, and after its local repeal: the national rate, with its own reference.
expect_in beside out "taux = 5 %, depuis le 1er janvier 2024 (Aucune source publiée : point de départ) [hypothèse de praticien]"

run none evaluate "$PROG" "${TREE[@]}" --no-policy
expect_status none 0
expect_not_in none err "politique locale"
expect_not_in none out "3 333 h"

run given evaluate "$F/diff/programme.csv" "${TREE[@]}" --policy "$F/policy/politique.lua" --format json
expect_status given 0
expect_in given err "politique locale appliquée : $F/policy/politique.lua"
expect_in given out '"reference": "Politique locale'

run invalid evaluate "$PROG" "${TREE[@]}" --policy "$F/policy/politique-invalide.lua"
expect_status invalid 3
expect_in invalid err "$F/policy/politique-invalide.lua: descripion : erreur : champ inconnu « descripion »"
expect_in invalid err "$F/policy/politique-invalide.lua: parametres.cout.values[1].from : erreur : date invalide"
expect_in invalid err "$F/policy/politique-invalide.lua: parametres.taux.kind : erreur"

run missing evaluate "$PROG" "${TREE[@]}" --policy /nonexistent/politique.lua
expect_status missing 3
expect_in missing err "/nonexistent/politique.lua : erreur : fichier de politique locale introuvable"

run conflict evaluate "$PROG" --policy x.lua --no-policy
expect_status conflict 2

# render, diff and rules test take it too.
run render render "$PROG" "${TREE[@]}" --templates "$F/rules-test/templates" -o "$WORK/docs"
expect_status render 0
expect_in render err "politique locale appliquée"
CHECKS=$((CHECKS + 1))
plain "$WORK/docs/P1/article-demo.md" | grep "3 333 heures" >/dev/null || fail "article de P1 sans les 3 333 heures de la politique: $(cat "$WORK/docs/P1/article-demo.md" 2>&1)"
CHECKS=$((CHECKS + 1))
grep -q "Politique locale" "$WORK/docs/P1/article-demo.md" || fail "la référence locale manque dans l'article de P1"

run diff diff "$PROG" --rules-before "$F/rules-test/regles" --rules-after "$F/diff/regles-apres" --plugins "$F/rules-test/plugins"
expect_status diff 0
expect_in diff err "politique locale appliquée"
expect_in diff out "Politique locale (des deux côtés) : $F/policy/programme/politique-locale.lua"

cat >"$WORK/cas.lua" <<'LUA'
case {
  name = "Taux local de 10 % en 2026",
  lot = { nature = "travaux", cpv = "45262500", montant_ht = 1000000, date_lancement = "2026-03-01" },
  expect = { demo = { hours = 3333 } },
}
LUA
run cases rules test "$WORK/cas.lua" "${TREE[@]}" --policy "$F/policy/politique.lua"
expect_status cases 0
expect_in cases out "1 passed, 0 failed"
run cases_national rules test "$WORK/cas.lua" "${TREE[@]}"
expect_status cases_national 1

# The shipped sample policy: 7 % instead of 5 % on the published example.
run sample evaluate samples/departement-2027/programme.csv --policy samples/departement-2027/politique-locale.lua.exemple --only C2027-01-L3 --explain
expect_status sample 0
expect_in sample out "obligatoire, 1 166 h"
expect_in sample out "heures.taux_insertion = 7 %, depuis le 1er janvier 2027 (Politique locale : Délibération du conseil départemental du 14 décembre 2026 (exemple), article 3)"

# A penalty the buyer's policy sets reaches the CCAP article and the company
# guide; without it, the article keeps the bracket and the buyer's note lists
# it. The rounding keeps its label under a policy that rewrites it.
cat >"$WORK/penalite.lua" <<'LUA'
return {
  description = "Politique de démonstration",
  reference = "Délibération de démonstration",
  parametres = {
    ["suivi.penalite_heure"] = { values = { { from = "2021-04-01", value = 45, status = "verifie" } } },
    ["heures.arrondi"] = { values = { { from = "2016-04-01", value = "inferieur", status = "verifie" } } },
  },
}
LUA
SAMPLE=samples/departement-2027/programme.csv
run penalty render "$SAMPLE" --policy "$WORK/penalite.lua" --only C2027-01-L3 --format md -o "$WORK/penalite"
expect_status penalty 0
run no_penalty render "$SAMPLE" --no-policy --only C2027-01-L3 --format md -o "$WORK/sans-penalite"
expect_status no_penalty 0
with="$WORK/penalite/C2027-01-L3"
without="$WORK/sans-penalite/C2027-01-L3"
for check in "$with/ccap-insertion.md:heures d’insertion non réalisées : 45 €/h, montant appliqué à la différence" \
  "$with/guide-entreprise.md:45 €/h par heure non réalisée" \
  "$with/note-acheteur.md:Arrondi des heures d’insertion calculées | à l’heure inférieure" \
  "$without/ccap-insertion.md:[montant] € par heure non réalisée" \
  "$without/guide-entreprise.md:leurs montants et leur plafond sont ceux du paragraphe « Pénalités » de la clause" \
  "$without/note-acheteur.md:**Pénalité par heure non réalisée, [montant] €**"; do
  CHECKS=$((CHECKS + 1))
  plain "${check%%:*}" | grep -F -- "${check#*:}" >/dev/null || fail "${check%%:*} : « ${check#*:} » absent"
done
CHECKS=$((CHECKS + 1))
! plain "$with/ccap-insertion.md" | grep -F "[montant] € par heure non réalisée" >/dev/null || fail "crochet de la pénalité resté malgré la politique"
CHECKS=$((CHECKS + 1))
! plain "$with/note-acheteur.md" | grep -F "Pénalité par heure non réalisée, [montant]" >/dev/null || fail "choix de la pénalité listé malgré la politique"

finish

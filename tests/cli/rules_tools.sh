#!/usr/bin/env bash
# clausier rules test | check | doc on fixtures: a passing file, failing cases
# with their file and line, invalid case files, one problem of each kind for
# check, and usage errors.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/rules-test
TREE=(--rules "$F/regles" --plugins "$F/plugins")

run help rules --help
expect_status help 0
for sub in test check doc; do expect_in help out "$sub"; done
for sub in test check doc; do
  run "help_$sub" rules "$sub" --help
  expect_status "help_$sub" 0
  expect_in "help_$sub" out "Usage"
done
run bare rules
expect_status bare 2
run unknown rules frobnicate
expect_status unknown 2
expect_in unknown err "sous-commande inconnue"
run bad_option rules test --frobnicate
expect_status bad_option 2

# Default cases: <rules>/tests/*.lua (a folder the rules loader skips).
run default rules test "${TREE[@]}"
expect_status default 0
expect_in default out "1 cas, 1 réussi, 0 en échec"
expect_in default out "1 passed, 0 failed"

run passing rules test "$F/cases/passing.lua" "${TREE[@]}"
expect_status passing 0
expect_in passing out "4 passed, 0 failed"

run failing rules test "$F/cases/failing.lua" "${TREE[@]}"
expect_status failing 1
expect_in failing out "$F/cases/failing.lua:8 : échec : « Verdict et heures faux » — demo : verdict attendu « obligatoire », obtenu « recommandee »"
expect_in failing out "$F/cases/failing.lua:8 : échec : « Verdict et heures faux » — demo : heures attendues « 999 », obtenues « 1000 »"
expect_in failing out "$F/cases/failing.lua:14 : échec : « Motif absent » — demo : aucun motif ne contient"
expect_in failing out "motifs obtenus :"
expect_in failing out "- Volume : 1 000 heures."
expect_in failing out "$F/cases/failing.lua:20 : échec : « Avertissements » — demo : aucun avertissement ne contient « un avertissement que le plugin ne donne pas »"
expect_in failing out "avertissements obtenus :"
expect_in failing out "$F/cases/failing.lua:27 : échec : « Aucun avertissement attendu » — demo : aucun avertissement attendu, 1 obtenu(s)"
expect_in failing out "5 cas, 1 réussi, 4 en échec"
CHECKS=$((CHECKS + 1))
[ "$(tail -n 1 "$WORK/failing.out")" = "1 passed, 4 failed" ] || fail "dernière ligne: $(tail -n 1 "$WORK/failing.out")"

run invalid rules test "$F/cases/invalid.lua" "${TREE[@]}"
expect_status invalid 1
expect_in invalid err "$F/cases/invalid.lua:2: expect.demo.verdit : erreur : champ inconnu « verdit » : vouliez-vous écrire « verdict » ?"
expect_in invalid err "$F/cases/invalid.lua:8: expect.insertion : erreur : aucun plugin ne fournit la clause « insertion »"
expect_in invalid err "$F/cases/invalid.lua:20 : erreur : case attend une table"
expect_in invalid out "1 passed, 2 failed"

run syntax rules test "$F/cases/syntax.lua" "${TREE[@]}"
expect_status syntax 1
expect_in syntax err "$F/cases/syntax.lua:7 : erreur : syntaxe Lua incorrecte"

run folder rules test "$F/cases" "${TREE[@]}"
expect_status folder 1
expect_in folder out "12 cas, 6 réussis, 6 en échec"

run missing rules test /nonexistent/cas.lua "${TREE[@]}"
expect_status missing 1
expect_in missing err "/nonexistent/cas.lua"

# A plugin that fails to load: exit status 3.
run broken_plugins rules test "$F/cases/passing.lua" --rules "$F/regles" --plugins tests/fixtures/plugins/load_errors
expect_status broken_plugins 3

# rules check: every problem, each at its place; exit 3 on errors.
C=$F/check
run check rules check --rules "$C/rules" --plugins "$C/plugins" --templates "$C/templates"
expect_status check 3
expect_in check err "$C/rules/seuils/dates.lua: values[2].from : erreur"
expect_in check err "$C/rules/taux.lua: values[1] : erreur : référence manquante"
expect_in check err "$C/plugins/api_3.lua : erreur : champ « api » invalide"
expect_in check err "$C/plugins/lecteur.lua : avertissement : champ « params » : le paramètre « absent.declare » n'existe pas"
expect_in check err "$C/plugins/lecteur.lua:9 : erreur : ctx.try_param(« inexistant.parametre ») : ce paramètre n'existe pas"
expect_in check err "$C/plugins/lecteur.lua:10 : avertissement : ctx.try_param(« cout ») : paramètre lu mais absent du champ params"
expect_in check err "$C/plugins/lecteur.lua:11 : erreur : ctx.override(« taux »)"
expect_in check err "$C/rules/tests/cas.lua:1: expect.lecteur.verdict : erreur : verdict inconnu « obligatoir »"
expect_in check err "$C/templates/article-demo/article-demo.md.mustache:3 : erreur : variable inconnue « clause.verdikt »"
expect_in check err "$C/templates/article-demo/article-demo.md.mustache:4 : avertissement : balise brute « lot.objet »"
expect_in check err "section « clause.motifs » ouverte mais jamais fermée"
expect_in check err "$C/templates/orphelin/manifest.json : erreur : aucun plugin chargé ne fournit la clause « absente »"
expect_not_in check err "commentaire"
expect_in check out "9 erreurs, 3 avertissements"

# Warnings alone: exit 0 (a raw tag in the fixture template).
run check_clean rules check "${TREE[@]}" --templates "$F/templates"
expect_status check_clean 0
expect_in check_clean err "$F/templates/article-demo/article-demo.md.mustache:13 : avertissement : balise brute"
expect_in check_clean out "6 paramètres, 1 plugin, 1 fichier de cas (1 cas), 1 modèle ; aucune erreur, 1 avertissement."
# The policy given is checked too.
run check_policy rules check "${TREE[@]}" --templates "$F/templates" --policy tests/fixtures/policy/politique-invalide.lua
expect_status check_policy 3
expect_in check_policy err "tests/fixtures/policy/politique-invalide.lua: parametres.taux.kind : erreur"

# rules doc: both files, written whole; an unknown format is a usage error.
run doc rules doc "${TREE[@]}" -o "$WORK/doc"
expect_status doc 0
for f in regles.md regles.html; do
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/doc/$f" ] || fail "documentation absente: $f"
done
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK/doc" -name '*.tmp*' -o -name '.*' -type f)" ] || fail "fichier temporaire laissé: $(ls -a "$WORK/doc")"
run doc_md rules doc "${TREE[@]}" -o "$WORK/doc-md" --format md
CHECKS=$((CHECKS + 1))
[ "$(ls "$WORK/doc-md")" = "regles.md" ] || fail "--format md devrait écrire regles.md seul: $(ls "$WORK/doc-md")"
run doc_bad rules doc "${TREE[@]}" --format pdf
expect_status doc_bad 2
expect_in doc_bad err "pdf"

finish

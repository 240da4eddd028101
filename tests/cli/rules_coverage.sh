#!/usr/bin/env bash
# Lots dated before the rules begin (textes.couverture: 1 April 2016) are
# refused at their line, counted rejected, and the others evaluated; a date
# forced by --as-of before it refuses every lot, saying it is that date.
source "$(dirname "$0")/lib.sh"

cat >"$WORK/programme.csv" <<'CSV'
Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement
A;Voirie;travaux;45233140;300 000 €;15/03/2016
B;Voirie;travaux;45233140;300 000 €;01/04/2016
CSV
run csv evaluate "$WORK/programme.csv"
expect_status csv 1
expect_in csv out "1 lot évalué ; 1 ligne rejetée (voir les messages)."
expect_in csv err "$WORK/programme.csv:2 : erreur : lot « A » : sa date, le 15 mars 2016, précède le 1er avril 2016, où commencent les règles (Ordonnance n° 2015-899 du 23 juillet 2015 et décret n° 2016-360 du 25 mars 2016, en vigueur le 1er avril 2016) ; un marché d'avant relève du code des marchés publics de 2006, qu'elles ne décrivent pas : le lot n'est pas évalué"
expect_count csv err " : erreur : " 1
expect_not_in csv err "plugins/"

run forced evaluate "$WORK/programme.csv" --as-of 2015-06-30
expect_status forced 1
expect_in forced out "0 lot évalué ; 2 lignes rejetées (voir les messages)."
expect_in forced err "$WORK/programme.csv:3 : erreur : lot « B » : la date d'évaluation donnée (--as-of), le 30 juin 2015, précède le 1er avril 2016"

# Rules without the parameter say nothing of it: every lot goes to the plugins.
cp -r rules "$WORK/rules"
rm "$WORK/rules/textes/couverture.lua"
run bare evaluate "$WORK/programme.csv" --rules "$WORK/rules"
expect_not_in bare err "où commencent les règles"

finish

#!/usr/bin/env bash
# clausier draft: a consultation described by options or by a fiche de
# consultation, its evaluation on standard output and every document of every
# lot written to one folder, whole or not at all; options override the fiche;
# errors located and exit codes as docs/cli.md. The published example (the
# sample's lot C2027-01-L3 as a consultation of its own) gives the 833 hours
# of `render` on the sample.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
FICHE=samples/consultation-gymnase.txt
ABS_CLAUSIER="$(realpath "$CLAUSIER")"

# Missing values: one usage message naming them all.
run none draft
expect_status none 2
expect_in none err "il manque --objet, --nature, --cpv, --montant, --date"
run some draft --objet "Maçonnerie" --cpv 45262500
expect_status some 2
expect_in some err "il manque --nature, --montant, --date"
expect_not_in some err "--objet"
run two draft "$FICHE" "$FICHE"
expect_status two 2
run format draft "$FICHE" --format rtf
expect_status format 2
expect_in format err "format inconnu « rtf »"

# The published example as a one-lot consultation, in the default folder.
EXAMPLE=(--objet "Reconstruction du collège de Flers (exemple) – maçonnerie, enduits et ravalement de façades"
  --nature travaux --cpv 45262500-6 --montant "1 000 000,00 €" --date 01/03/2027 --lieu 61100 --duree 20
  --acheteur "Conseil départemental (exemple)" --reference C2027-01-L3)
mkdir -p "$WORK/here"
(cd "$WORK/here" && "$ABS_CLAUSIER" draft "${EXAMPLE[@]}" >"$WORK/example.out" 2>"$WORK/example.err"
  echo $? >"$WORK/example.status")
expect_status example 0
expect_in example out "C2027-01-L3"
expect_in example out "recom. 833 h"
expect_in example out "20 documents rédigés pour 1 lot sur 1, dans consultation-C2027-01-L3/"
CHECKS=$((CHECKS + 1))
[ ! -s "$WORK/example.err" ] || fail "messages inattendus: $(cat "$WORK/example.err")"
for f in ccap-insertion.md ccap-insertion.html ccap-insertion.docx ccap-insertion.odt; do
  CHECKS=$((CHECKS + 1))
  [ -s "$WORK/here/consultation-C2027-01-L3/C2027-01-L3/$f" ] || fail "document absent: $f"
done
run render render "$SAMPLE" --only C2027-01-L3 --format md -o "$WORK/render"
expect_status render 0
# The CCAP article's hours paragraph is the same, word for word, as render's.
hours() { grep -E "volume minimal de|^Pour le présent marché" "$1"; }
CHECKS=$((CHECKS + 1))
hours "$WORK/here/consultation-C2027-01-L3/C2027-01-L3/ccap-insertion.md" >"$WORK/draft-hours"
hours "$WORK/render/C2027-01-L3/ccap-insertion.md" >"$WORK/render-hours"
grep -q "833 heures" "$WORK/draft-hours" || fail "833 heures absentes de l'article de draft"
diff "$WORK/draft-hours" "$WORK/render-hours" >/dev/null ||
  fail "heures différentes de render: $(diff "$WORK/draft-hours" "$WORK/render-hours")"

# The sample fiche: 4 lots, documents for those that call for them.
run fiche draft "$FICHE" -o "$WORK/gym"
expect_status fiche 0
expect_in fiche out "2027-GYM : Réhabilitation du gymnase Jean-Moulin (exemple) — 4 lots, 1 490 000 € HT"
expect_count fiche out "2027-GYM-L" 4
expect_in fiche out "68 documents rédigés pour 4 lots sur 4"
for lot in 2027-GYM-L2 2027-GYM-L3 2027-GYM-L4; do
  for f in ccap-insertion.md ccap-insertion.html ccap-insertion.docx ccap-insertion.odt; do
    CHECKS=$((CHECKS + 1))
    [ -s "$WORK/gym/$lot/$f" ] || fail "document absent: $lot/$f"
  done
done
CHECKS=$((CHECKS + 1))
grep -q "lot n° 2 « Réhabilitation du gymnase Jean-Moulin (exemple) – Couverture et étanchéité »" \
  <(plain "$WORK/gym/2027-GYM-L2/ccap-insertion.md") || fail "objet du lot 2 absent de son article"

# Options override the fiche's consultation values; the other values stand.
run override draft "$FICHE" --date 2027-09-01 --reference GYM-B --acheteur "Ville de Flers" --format md \
  -o "$WORK/gym-b"
expect_status override 0
expect_in override out "GYM-B-L2"
CHECKS=$((CHECKS + 1))
grep -F "lancement de la consultation : 1er septembre 2027" <(plain "$WORK/gym-b/GYM-B-L2/ccap-insertion.md") >/dev/null ||
  fail "date de l'option absente de l'article"
CHECKS=$((CHECKS + 1))
grep -q "Ville de Flers" "$WORK/gym-b/GYM-B-L2/note-acheteur.md" || fail "acheteur de l'option absent"
CHECKS=$((CHECKS + 1))
grep -q "320 000" <(plain "$WORK/gym-b/GYM-B-L2/ccap-insertion.md") || fail "montant de la fiche absent"

# A fiche with errors: all located, the valid lot still evaluated, nothing written.
cat >"$WORK/erreurs.txt" <<'TXT'
référence : T1
date de lancement : 15/03/2027
natur : travaux
[lot 1]
objet : Maçonnerie
nature : travaux
cpv : 45262500
montant : 1 000 000 €
[lot 2]
objet : Peinture
nature : travaux
cpv : 45442100
montant : 12,3,4
TXT
run errors draft "$WORK/erreurs.txt" -o "$WORK/erreurs"
expect_status errors 1
expect_in errors err "erreurs.txt:3 : erreur : clé « natur » inconnue"
expect_in errors err "erreurs.txt:13 : erreur : montant illisible « 12,3,4 »"
expect_in errors err "2 erreurs signalées."
expect_in errors out "T1-L1"
expect_in errors out "Aucun document écrit : corrigez les erreurs signalées"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/erreurs" ] || fail "dossier écrit malgré les erreurs"

# A bad option value is reported like a programme cell, at its option.
run badopt draft "${EXAMPLE[@]}" --montant "beaucoup" --date 31/02/2027 -o "$WORK/badopt"
expect_status badopt 1
expect_in badopt err "option --montant : erreur : montant illisible « beaucoup »"
expect_in badopt err "option --date : erreur : date inexistante « 31/02/2027 »"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/badopt" ] || fail "dossier écrit malgré les erreurs"

run missing draft "$WORK/absente.txt"
expect_status missing 1
expect_in missing err "absente.txt » est introuvable"

# No reference: one made from the consultation's object, said in a note.
run noref draft --objet "Entretien des espaces verts" --nature services --cpv 77310000 --montant 264000 \
  --date 15/02/2027 --format md -o "$WORK/noref"
expect_status noref 0
expect_in noref err "la consultation prend la référence « entretien-des-espaces-verts »"

# An existing folder: its documents are replaced, other files kept.
mkdir -p "$WORK/gym-b"
echo "notes" >"$WORK/gym-b/notes.txt"
run again draft "$FICHE" --reference GYM-B --format md -o "$WORK/gym-b"
expect_status again 0
CHECKS=$((CHECKS + 1))
[ -s "$WORK/gym-b/notes.txt" ] || fail "fichier de l'utilisateur supprimé"
CHECKS=$((CHECKS + 1))
grep -F "lancement de la consultation : 15 mars 2027" <(plain "$WORK/gym-b/GYM-B-L2/ccap-insertion.md") >/dev/null ||
  fail "document non remplacé"
CHECKS=$((CHECKS + 1))
[ -z "$(find "$WORK" -maxdepth 1 -name '.*tmp-*')" ] || fail "dossier temporaire laissé"

# A plugin that fails: exit 3, nothing written.
cp -r plugins "$WORK/plugins"
cat >"$WORK/plugins/panne.lua" <<'LUA'
return { id = "panne", api = 1, evaluate = function(lot, ctx) error("panne") end }
LUA
run plugin draft "$FICHE" --plugins "$WORK/plugins" -o "$WORK/panne"
expect_status plugin 3
expect_in plugin err "plugins/panne.lua:1"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/panne" ] || fail "dossier écrit malgré l'échec d'un plugin"

# The documents are written with the rules the lots were evaluated with: the facilitator of the
# lot's département (Flers, 61100: Orne) from the directory, the delays of rules/suivi.
grep -F "Conseil départemental de l’Orne" <(plain "$WORK/gym/2027-GYM-L2/ccap-insertion.md") >/dev/null ||
  fail "facilitateur de l'Orne absent de l'article du lot 2"
grep -F "dans les 15 jours suivant la notification" <(plain "$WORK/gym/2027-GYM-L2/ccap-insertion.md") >/dev/null ||
  fail "délai de prise de contact absent de l'article du lot 2"

# The other commands read a fiche too, recognised by its content (here also from standard input).
run fiche_evaluate evaluate "$FICHE" --format json
expect_status fiche_evaluate 0
expect_count fiche_evaluate out '"reference": "2027-GYM-L' 4
expect_in fiche_evaluate out '"consultation_montant_ht": 1490000'
CHECKS=$((CHECKS + 1))
"$CLAUSIER" evaluate - --format jsonl <"$FICHE" >"$WORK/fiche_stdin.out" 2>"$WORK/fiche_stdin.err" ||
  fail "evaluate - d'une fiche: $(cat "$WORK/fiche_stdin.err")"
expect_count fiche_stdin out '"reference":"2027-GYM-L' 4

finish

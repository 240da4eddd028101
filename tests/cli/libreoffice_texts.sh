#!/usr/bin/env bash
# Every document of the sample programme and of the sample fiche opens in
# LibreOffice, and what goes into the consultation file is only the text to
# paste. All the DOCX and ODT packages are converted to text by soffice, in
# batches (own profile in a temporary folder); then the texts a buyer pastes into
# the DCE (the CCAP article, the RC criterion, the reservation wording) and the
# guide sent to the company must hold no buyer's note, no parameter id of the
# rules (the list is read from `clausier rules doc`, not typed here), no
# verification status of the rules, no internal source.
source "$(dirname "$0")/lib.sh"
SAMPLE=samples/departement-2027/programme.csv
FICHE=samples/consultation-gymnase.txt

command -v soffice >/dev/null || { fail "soffice absent : lancez .ci/install-deps --test"; finish; }

run render render "$SAMPLE" -o "$WORK/programme" --format docx,odt
expect_status render 0
run draft draft "$FICHE" -o "$WORK/fiche" --format docx,odt
expect_status draft 0

# Flat names, one per package: <source>__<lot>__<basename>__<format>.<format>.
mkdir -p "$WORK/in" "$WORK/txt"
for f in "$WORK"/programme/*/*.docx "$WORK"/programme/*/*.odt "$WORK"/fiche/*/*.docx "$WORK"/fiche/*/*.odt \
  "$WORK"/fiche/*.docx "$WORK"/fiche/*.odt; do
  [ -f "$f" ] || continue
  rel="${f#"$WORK/"}"
  source_name="${rel%%/*}"
  lot="$(basename "$(dirname "$f")")"
  name="$(basename "$f")"
  cp "$f" "$WORK/in/${source_name}__${lot}__${name%.*}__${name##*.}.${name##*.}"
done
packages=$(find "$WORK/in" -type f | wc -l)
CHECKS=$((CHECKS + 1))
[ "$(find "$WORK/in" -name 'programme__*' | wc -l)" -ge 100 ] || fail "trop peu de documents de l'exemple : $packages"
CHECKS=$((CHECKS + 1))
[ "$(find "$WORK/in" -name 'fiche__*' | wc -l)" -ge 2 ] || fail "aucun document de la fiche"

# soffice stops silently after some two hundred files of one call: batches of
# 100, one after the other, on the same profile.
find "$WORK/in" -type f | sort | timeout 280 xargs -n 100 soffice "-env:UserInstallation=file://$WORK/profile" \
  --headless --norestore --convert-to "txt:Text (encoded):UTF8" --outdir "$WORK/txt" \
  >"$WORK/soffice.out" 2>"$WORK/soffice.err"
status=$?
CHECKS=$((CHECKS + 1))
[ $status -eq 0 ] || fail "soffice a échoué ($status) : $(head -c 2000 "$WORK/soffice.err")"
CHECKS=$((CHECKS + 1))
if grep -qi "error" "$WORK/soffice.out" "$WORK/soffice.err"; then
  fail "erreur de conversion : $(grep -i error "$WORK/soffice.out" "$WORK/soffice.err" | head -5)"
fi
# Every package converted, to a text that is not empty.
missing=0
for f in "$WORK"/in/*; do
  [ -s "$WORK/txt/$(basename "${f%.*}").txt" ] || { missing=$((missing + 1)); echo "$(basename "$f")"; }
done >"$WORK/missing.txt"
CHECKS=$((CHECKS + 1))
[ "$missing" -eq 0 ] || fail "$missing document(s) sans texte après conversion : $(head -5 "$WORK/missing.txt")"

# The rules' parameter ids, as the program documents them.
run doc rules doc -o "$WORK/regles"
expect_status doc 0
sed -n 's/^### `\([a-z0-9_]*\(\.[a-z0-9_]*\)\+\)`$/\1/p' "$WORK/regles/regles.md" | sort -u >"$WORK/ids.txt"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/ids.txt")" -ge 20 ] || fail "liste des paramètres des règles illisible : $(head -c 300 "$WORK/ids.txt")"
CHECKS=$((CHECKS + 1))
grep -qx 'heures.arrondi' "$WORK/ids.txt" || fail "heures.arrondi absent de la liste des paramètres"
# The verification statuses: the ids the rules write, and the labels documents print.
grep -rhoE 'status = "[a-z-]+"' rules | sed 's/.*"\(.*\)"/\1/' | sort -u >"$WORK/statuses.txt"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$WORK/statuses.txt")" -ge 4 ] || fail "statuts des règles illisibles : $(cat "$WORK/statuses.txt")"

checked=0
for text in "$WORK"/txt/*__ccap-insertion__*.txt "$WORK"/txt/*__rc-critere-insertion__*.txt \
  "$WORK"/txt/*__reservation__*.txt "$WORK"/txt/*__guide-entreprise__*.txt; do
  [ -f "$text" ] || continue
  checked=$((checked + 1))
  name="$(basename "$text" .txt)"
  flat="$WORK/flat.txt"
  plain "$text" >"$flat"
  CHECKS=$((CHECKS + 1))
  ! grep -nE "Note à l[’']acheteur|à ne pas reproduire" "$flat" >"$WORK/hit" ||
    fail "$name : note à l'acheteur dans le texte à reproduire : $(head -c 300 "$WORK/hit")"
  CHECKS=$((CHECKS + 1))
  ! grep -nwF -f "$WORK/ids.txt" "$flat" >"$WORK/hit" ||
    fail "$name : identifiant de paramètre des règles : $(head -c 300 "$WORK/hit")"
  CHECKS=$((CHECKS + 1))
  ! grep -nwF -f "$WORK/statuses.txt" "$flat" >"$WORK/hit" ||
    fail "$name : statut de vérification (identifiant) : $(head -c 300 "$WORK/hit")"
  CHECKS=$((CHECKS + 1))
  ! grep -niE "partiellement vérifié|hypothèse de praticien|à vérifier|statut de la fiche|source :" "$flat" >"$WORK/hit" ||
    fail "$name : statut de vérification ou source interne : $(head -c 300 "$WORK/hit")"
done
# Every lot of the sample that gets a CCAP article was checked, in both formats.
articles=$(find "$WORK/programme" -name 'ccap-insertion.docx' | wc -l)
CHECKS=$((CHECKS + 1))
[ "$articles" -ge 10 ] || fail "trop peu d'articles du CCAP dans l'exemple : $articles"
CHECKS=$((CHECKS + 1))
[ "$(ls "$WORK"/txt/programme__*__ccap-insertion__*.txt | wc -l)" -eq $((articles * 2)) ] ||
  fail "articles du CCAP convertis : $(ls "$WORK"/txt/programme__*__ccap-insertion__*.txt | wc -l), attendus $((articles * 2))"
CHECKS=$((CHECKS + 1))
ls "$WORK"/txt/fiche__*__ccap-insertion__*.txt >/dev/null 2>&1 || fail "la fiche ne donne aucun article du CCAP"

# The buyer's note is a document of its own, readable: labels, not ids.
for text in "$WORK"/txt/*__note-acheteur__*.txt; do
  name="$(basename "$text" .txt)"
  CHECKS=$((CHECKS + 1))
  ! grep -nwF -f "$WORK/ids.txt" "$text" >"$WORK/hit" ||
    fail "$name : identifiant de paramètre des règles : $(head -c 300 "$WORK/hit")"
done
CHECKS=$((CHECKS + 1))
note="$WORK/txt/programme__C2027-01-L3__note-acheteur__docx.txt"
flat="$(plain "$note" 2>/dev/null | tr '\n' ' ' | tr -s ' ')"
for want in "Note à l’acheteur – C2027-01-L3" "Choix à faire avant publication" "Arrondi des heures d’insertion calculées" \
  "à l’heure inférieure" "833 heures" "hypothèse de praticien"; do
  CHECKS=$((CHECKS + 1))
  grep -qF -- "$want" <<<"$flat" || fail "note à l'acheteur de C2027-01-L3 : « $want » absent"
done

finish

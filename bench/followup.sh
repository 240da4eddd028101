#!/usr/bin/env bash
# The follow-up's benchmark (issue 14): a department-sized year on SQLite,
# 2 000 awarded lots, 3 000 participants, 36 000 monthly lines in 12 monthly
# statements; times the import of all the statements, `followup status` and
# `followup consolidation` (target: each at most 2 s). The programme import
# and the awards are set-up, not timed. Prints the rows of the README table.
#
# Environment: CLAUSIER (build/host/clausier), BENCH_FOLLOWUP_LOTS (2000),
# BENCH_FOLLOWUP_PEOPLE (3000), BENCH_FOLLOWUP_LINES (36000).
set -euo pipefail
cd "$(dirname "$0")/.."
CLAUSIER="${CLAUSIER:-build/host/clausier}"
LOTS="${BENCH_FOLLOWUP_LOTS:-2000}"
PEOPLE="${BENCH_FOLLOWUP_PEOPLE:-3000}"
LINES="${BENCH_FOLLOWUP_LINES:-36000}"
OUT=build/bench/followup
rm -rf "$OUT" && mkdir -p "$OUT"
DB="sqlite:$OUT/suivi.db"
export CLAUSIER_DB="$DB"

/usr/bin/python3 bench/gen_programme.py "$LOTS" "$OUT/programme.csv"
"$CLAUSIER" workspace import "$OUT/programme.csv" --name annee --no-policy >/dev/null
# References of the lots, one award each (companies of 5 lots), contracts over 2027.
refs=$(tail -n +2 "$OUT/programme.csv" | cut -d';' -f1 | head -n "$LOTS")
/usr/bin/python3 - "$OUT" "$PEOPLE" "$LINES" $refs <<'PY'
import sys, random
out, people, lines, refs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
random.seed(14)
def luhn(base):
    for d in range(10):
        s = base + str(d); t = 0
        for i, ch in enumerate(reversed(s)):
            v = int(ch)
            if i % 2: v = v * 2 - 9 if v * 2 > 9 else v * 2
            t += v
        if t % 10 == 0: return s
with open(f"{out}/awards.txt", "w") as f:
    for i, r in enumerate(refs):
        f.write(f"{r} {luhn('9990%08d0' % (i // 5))}\n")
routes = ["embauche directe", "mise à disposition ETTI", "mise à disposition AI", "mise à disposition GEIQ",
          "sous-traitance SIAE", "sous-traitance EA"]
contracts = ["CDI", "CDD", "CDDI", "intérim", "contrat de professionnalisation", "apprentissage"]
cats = ["deld", "rsa", "ass", "aah", "rqth", "jeune-sans-qualification", "senior", "qpv", "iae", "geiq", "avis-motive"]
header = ("Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;"
          "Heures travaillées;Heures de formation;Validé par;Employeur;Sexe;Tranche d'âge;Niveau de qualification;QPV;Sortie")
per_month = lines // 12
# Each participant works on one lot; each month, per_month (participant, lot) lines.
assign = [(f"P-{p:05d}", refs[p % len(refs)], random.choice(cats), random.choice(routes), random.choice(contracts),
           random.choice("FH"), random.choice(["moins-26", "26-49", "50-plus"]), random.choice(["oui", "non"]))
          for p in range(people)]
for m in range(1, 13):
    rows = [header]
    chosen = random.sample(assign, per_month) if per_month <= people else assign
    for (pid, ref, cat, route, contract, sex, age, qpv) in chosen:
        rows.append(f"{ref};2027-{m:02d};{pid};{cat};01/01/2027;{route};{contract};{random.choice([35, 70, 105, 140])};"
                    f"{random.choice([0, 0, 7])};Maison de l'emploi;;{sex};{age};3;{qpv};")
    with open(f"{out}/releve-2027-{m:02d}.csv", "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")
PY
while read -r ref siret; do
  "$CLAUSIER" followup award annee "$ref" --siret "$siret" --company "Entreprise $siret (exemple)" \
    --start 2027-01-01 --end 2027-12-31 >/dev/null
done <"$OUT/awards.txt"

now() { date +%s.%N; }
t0=$(now)
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  "$CLAUSIER" followup statement import "$OUT/releve-2027-$m.csv" --as-of 2028-01-15 >/dev/null
done
t1=$(now)
"$CLAUSIER" followup status --format json --as-of 2028-01-15 >"$OUT/status.json"
t2=$(now)
"$CLAUSIER" followup consolidation --year 2027 --as-of 2028-01-15 -o "$OUT/consolidation.json"
t3=$(now)
lines=$(grep -c '"participant"' "$OUT/status.json" || true)
echo "| mesure (SQLite, $(nproc) cœurs) | temps | objectif |"
echo "|---|---|---|"
printf '| importer 12 états mensuels (%s lignes, %s lots, %s participants) | %.2f s | 2 s |\n' "$LINES" "$LOTS" "$PEOPLE" "$(echo "$t1 - $t0" | bc)"
printf '| followup status --format json (%s lots) | %.2f s | 2 s |\n' "$LOTS" "$(echo "$t2 - $t1" | bc)"
printf '| followup consolidation --year 2027 | %.2f s | 2 s |\n' "$(echo "$t3 - $t2" | bc)"

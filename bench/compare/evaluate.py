#!/usr/bin/env python3
"""The comparison for `clausier evaluate`: what a script written in an afternoon
does with the csv module. Two passes (consultation totals, then each lot), the
EU threshold test on the consultation total and the insertion hours formula
(amount x labour share x insertion rate / hourly cost), one output row per lot.
It knows one clause type out of seven, no dates, no overrides, no reasons: it
is a floor for what an interpreted language costs, not an equivalent.

    evaluate.py PROGRAMME.csv OUT.csv
"""
import csv
import sys

THRESHOLDS = {"travaux": 5_404_000, "collectivite": 216_000, "etat": 140_000,
              "entite-adjudicatrice": 432_000, "defense": 432_000}
LABOUR_SHARE = {"45": 0.5, "90": 0.6, "77": 0.6, "55": 0.4, "60": 0.5}
RATE, COST = 0.05, 30.0


def amount(text):
    return float(text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
                 .replace("€", "").replace(",", "."))


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        yield from csv.DictReader(f, delimiter=";")


def main(path, out_path):
    totals = {}
    for row in rows(path):
        key = row["Consultation"] or row["Référence"]
        totals[key] = totals.get(key, 0.0) + amount(row["Montant estimé HT"])
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Référence", "Clause", "Verdict", "Heures"])
        for row in rows(path):
            total = totals[row["Consultation"] or row["Référence"]]
            nature = row["Nature"]
            threshold = THRESHOLDS["travaux" if nature == "travaux" else row["Type d'acheteur"]]
            share = LABOUR_SHARE.get(row["Code CPV"][:2], 0.3)
            hours = int(amount(row["Montant estimé HT"]) * share * RATE / COST)
            verdict = "obligatoire" if total >= threshold else "possible"
            writer.writerow([row["Référence"], "insertion", verdict, hours])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

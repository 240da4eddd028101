#!/usr/bin/env python3
"""The comparison for `clausier render --format docx`: python-docxtpl fills
a Word template of the CCAP insertion article for every lot of a
`clausier evaluate --format jsonl` output that calls for it (insertion
obligatoire or recommandee, ANRU obligatoire), one .docx per lot.

    render_docxtpl.py TEMPLATE.md.mustache TEMPLATE.docx EVALUATION.jsonl OUT_DIR

The Word template is made once, with python-docx, from clausier's own template
(templates/ccap-insertion/ccap-insertion.md.mustache): the same headings,
paragraphs, lists, notes and parameter table, the Mustache tags turned into
Jinja ones ({%p if %}, {%p for %}, {%tr for %}). The view is built here from the
jsonl with plain formatting (clausier's view adds the directory of
facilitators, the rules' delays and French typography), so the work measured
is a floor, not an equivalent.
"""
import json
import os
import re
import sys

from docx import Document
from docxtpl import DocxTemplate

# Mustache sections that are lists (loops); every other section is a condition.
LOOPS = {"clauses": "c", "motifs": "m", "avertissements": "w", "clause.fondements": "f",
         "clause.parametres": "p"}
# Names read from the current item inside a loop.
ITEM_FIELDS = {"texte", "titre", "verdict_libelle", "motifs", "avertissements", "parametre", "valeur",
               "depuis", "reference", "statut"}
TAG = re.compile(r"\{\{([#^/]?)\s*([\w.]+)\s*\}\}")


class Translator:
    """Mustache tags to Jinja, with the loop variables in scope."""

    def __init__(self):
        self.stack = []  # (name, kind, variable)

    def name(self, path):
        if path.split(".")[0] in ITEM_FIELDS:
            for _, kind, var in reversed(self.stack):
                if kind == "for":
                    return f"{var}.{path}"
        return path

    def open(self, sigil, path, tag):
        if sigil == "#" and path in LOOPS:
            var = LOOPS[path]
            expr = f"{{%{tag} for {var} in {self.name(path)} %}}"
            self.stack.append((path, "for", var))
            return expr
        self.stack.append((path, "if", None))
        return f"{{%{tag} if {'not ' if sigil == '^' else ''}{self.name(path)} %}}"

    def close(self, tag):
        _, kind, _ = self.stack.pop()
        return f"{{%{tag} end{kind} %}}"

    def inline(self, text):
        def replace(m):
            sigil, path = m.group(1), m.group(2)
            if sigil in ("#", "^"):
                return self.open(sigil, path, "")
            if sigil == "/":
                return self.close("")
            return "{{ " + self.name(path) + " }}"
        return TAG.sub(replace, text).replace("**", "")


def make_template(mustache_path, docx_path):
    doc = Document()
    tr = Translator()
    table = None
    for raw in open(mustache_path, encoding="utf-8").read().split("\n"):
        quote = raw.startswith(">")
        line = raw[1:].lstrip() if quote else raw
        standalone = TAG.fullmatch(line.strip())
        if standalone and standalone.group(1):
            sigil, path = standalone.group(1), standalone.group(2)
            text = tr.close("p" if table is None else "tr") if sigil == "/" else tr.open(
                sigil, path, "p" if table is None else "tr")
            if table is None:
                doc.add_paragraph(text)
            else:
                table.add_row().cells[0].text = text
            continue
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if set("".join(cells)) <= set("-"):
                continue  # the separator row
            if table is None:
                table = doc.add_table(rows=0, cols=len(cells))
                table.style = "Table Grid"
            row = table.add_row().cells
            for cell, text in zip(row, cells):
                cell.text = tr.inline(text)
            continue
        table = None
        if not line.strip() or line.strip() == "---":
            continue
        heading = re.match(r"(#{1,3}) (.*)", line)
        if heading:
            doc.add_heading(tr.inline(heading.group(2)), level=len(heading.group(1)))
        elif line.startswith("- "):
            doc.add_paragraph(tr.inline(line[2:]), style="List Bullet")
        else:
            doc.add_paragraph(tr.inline(line), style="Quote" if quote else None)
    doc.save(docx_path)


def euros(value):
    whole, cents = divmod(round(value * 100), 100)
    return f"{whole:,}".replace(",", "\u202f") + (f",{cents:02d}" if cents else "") + "\u00a0€"


LABELS = {"obligatoire": "obligatoire", "recommandee": "recommandée", "possible": "possible",
          "exclue": "exclue"}


def view(lot):
    by_type = {c["type"]: c for c in lot["clauses"]}
    clause = by_type.get("insertion", {})
    values = clause.get("values", {})
    hours = clause.get("hours")
    numbered = bool(lot.get("lot"))
    return {
        "modele": {"titre": "Article du CCAP : clause d'insertion"},
        "document": {"date": "1er janvier 2027", "generateur": "python-docxtpl"},
        "acheteur": {"nom": lot.get("acheteur", "")},
        "consultation": {"reference": lot["consultation"], "plusieurs_lots": lot["consultation_lots"] > 1,
                         "nb_lots": lot["consultation_lots"],
                         "montant_total": euros(lot["consultation_montant_ht"])},
        "lot": {"reference": lot["reference"], "objet": lot["objet"], "a_numero": numbered,
                "numero": lot.get("lot", ""), "montant": euros(lot["montant_ht"]),
                "duree": f"{lot['duree_mois']} mois" if lot.get("duree_mois") else "",
                "lieu": lot.get("lieu", ""), "date_lancement": lot["date_lancement"]},
        "clauses_par_type": {t: ({by_type[t]["verdict"]: True} if by_type.get(t, {}).get("verdict") in (
            "obligatoire", "recommandee") else {}) for t in ("insertion", "anru")},
        "valeurs": by_type.get("anru", {}).get("values", {}),
        "a_heures": False,
        "heures_texte": "",
        "clause": {
            "verdict_libelle": LABELS.get(clause.get("verdict"), ""),
            "a_heures": hours is not None, "heures_texte": f"{hours:,} heures".replace(",", "\u202f") if hours else "",
            "valeurs": {k: (euros(v) if k in ("seuil", "total_consultation") else v) for k, v in values.items()},
            "fondements": [{"texte": b} for b in clause.get("basis", [])],
            "parametres": [{"parametre": t.get("parameter", ""), "valeur": t.get("value", ""),
                            "depuis": t.get("from", ""), "reference": t.get("reference", ""),
                            "statut": t.get("status", "")} for t in clause.get("trace", [])],
        },
        "clauses": [{"titre": c["type"], "verdict_libelle": LABELS.get(c["verdict"], ""),
                     "motifs": [{"texte": r} for r in c.get("reasons", [])], "avertissements": []}
                    for c in lot["clauses"]],
        "facilitateur": {"connu": False},
        "regles": {"suivi": {name: {"valeur": "", "statut": ""} for name in (
            "delai_contact_facilitateur", "delai_reunion_lancement", "jour_etat_mensuel")}},
    }


def called_for(lot):
    verdicts = {c["type"]: c["verdict"] for c in lot["clauses"]}
    return verdicts.get("insertion") in ("obligatoire", "recommandee") or verdicts.get("anru") == "obligatoire"


def main(mustache_path, docx_path, evaluation, out_dir):
    if not os.path.exists(docx_path):
        make_template(mustache_path, docx_path)
    written = 0
    with open(evaluation, encoding="utf-8") as lines:
        for line in lines:
            lot = json.loads(line)
            if not called_for(lot):
                continue
            folder = os.path.join(out_dir, lot["reference"])
            os.makedirs(folder, exist_ok=True)
            template = DocxTemplate(docx_path)
            template.render(view(lot))
            template.save(os.path.join(folder, "ccap-insertion.docx"))
            written += 1
    print(written, "documents")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])

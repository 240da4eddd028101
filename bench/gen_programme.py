#!/usr/bin/env python3
"""Deterministic generator of purchasing programmes for the benchmarks.

    gen_programme.py LOTS OUT.csv|OUT.xlsx|OUT.ods|OUT.json [--seed N]

The same LOTS and seed always give the same bytes. Lots are drawn from a
catalogue shaped like the shipped sample (natures, CPV codes, buyer types,
amounts from 5 000 EUR to 12 MEUR, launch dates over 2026-2028, 1 to 6 lots
per consultation, a few ANRU operations), so that every plugin takes its
usual paths. The CSV is what buyers export (UTF-8 BOM, ";", French amounts
and dates); the XLSX has shared strings and numeric amounts, as Excel writes;
the ODS has currency amounts, dates and the attributes LibreOffice writes
(calcext:value-type, repeated columns and a trailing repeated empty row);
the JSON is DECP open data in the official 2.0 shape ({"marches": {"marche":
[...]}}, one contract per lot, notified on the lot's launch date, with the
social considerations a buyer records), written contract by contract.
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

HEADER = ["Référence", "Consultation", "Lot", "Objet", "Acheteur", "Type d'acheteur", "Nature",
          "Code CPV", "Montant estimé HT", "Durée (mois)", "Date prévisionnelle de lancement",
          "Lieu d'exécution", "Opération ANRU"]

# (nature, CPV, subject)
CATALOGUE = [
    ("travaux", "45262660", "désamiantage et déconstruction"),
    ("travaux", "45223220", "gros œuvre"),
    ("travaux", "45262500", "maçonnerie, enduits et ravalement de façades"),
    ("travaux", "45261100", "charpente bois"),
    ("travaux", "45421000", "menuiseries extérieures"),
    ("travaux", "45331000", "chauffage, ventilation, climatisation"),
    ("travaux", "45310000", "électricité courants forts et faibles"),
    ("travaux", "45233140", "réfection de chaussées"),
    ("travaux", "45232410", "assainissement"),
    ("services", "90919200", "nettoyage de locaux"),
    ("services", "90911200", "nettoyage de bâtiments"),
    ("services", "77310000", "entretien des espaces verts"),
    ("services", "55524000", "restauration scolaire"),
    ("services", "60130000", "transport scolaire"),
    ("services", "85311000", "accompagnement social"),
    ("services", "79810000", "impression"),
    ("services", "71240000", "maîtrise d'œuvre"),
    ("services", "50700000", "maintenance des installations techniques"),
    ("fournitures", "30213000", "ordinateurs portables"),
    ("fournitures", "34144900", "véhicules électriques"),
    ("fournitures", "30232000", "imprimantes et périphériques"),
    ("fournitures", "39130000", "mobilier de bureau"),
]
BUYERS = [
    ("Conseil départemental (exemple)", "collectivite"),
    ("Communauté de communes (exemple)", "collectivite"),
    ("Office public de l'habitat (exemple)", "collectivite"),
    ("Préfecture (exemple)", "etat"),
    ("Syndicat d'eau potable (exemple)", "entite-adjudicatrice"),
    ("Base de défense (exemple)", "defense"),
]
PLACES = ["61", "61000", "61100", "61200", "75", "69003", "13001", "2A", "971", "59000"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


class Lcg:
    """A 64-bit linear congruential generator: the same numbers on every Python."""

    def __init__(self, seed):
        self.state = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n


def french_amount(cents):
    euros, rest = divmod(cents, 100)
    digits = f"{euros:,}".replace(",", "\u202f")
    return f"{digits},{rest:02d} €"


def lots(count, seed):
    """Yields the rows (a list of 13 values: amounts in cents, dates as (y, m, d))."""
    rng = Lcg(seed)
    made = 0
    consultation = 0
    while made < count:
        consultation += 1
        size = min(1 + rng.below(6), count - made)
        buyer, buyer_type = BUYERS[rng.below(len(BUYERS)) if rng.below(4) == 0 else rng.below(3)]
        year = 2026 + rng.below(3)
        month = 1 + rng.below(12)
        day = 1 + rng.below(DAYS_IN_MONTH[month - 1])
        place = PLACES[rng.below(len(PLACES))]
        anru = "oui" if rng.below(20) == 0 else "non"
        works = rng.below(2) == 0
        ref = f"C{year}-{consultation:07d}"
        for n in range(1, size + 1):
            nature, cpv, subject = CATALOGUE[rng.below(9) if works else 9 + rng.below(len(CATALOGUE) - 9)]
            scale = [100, 1000, 10000, 100000][rng.below(4)]
            cents = (5_000 + rng.below(120) * scale) * 100 + rng.below(100)
            reference = f"{ref}-L{n}" if size > 1 else ref
            yield [reference, ref, str(n) if size > 1 else "", f"Opération {consultation} – {subject}",
                   buyer, buyer_type, nature, cpv, cents, str(3 + rng.below(46)), (year, month, day),
                   place, anru]
            made += 1


def write_csv(path, count, seed):
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff" + ";".join(HEADER) + "\r\n")
        for row in lots(count, seed):
            y, m, d = row[10]
            row[8] = french_amount(row[8])
            row[10] = f"{d:02d}/{m:02d}/{y}"
            out.write(";".join(row) + "\r\n")


def column_name(i):
    return "ABCDEFGHIJKLM"[i]


def write_xlsx(path, count, seed):
    strings = {}

    def shared(s):
        if s not in strings:
            strings[s] = len(strings)
        return strings[s]

    rows = []

    def cells(r, values):
        out = []
        for i, v in enumerate(values):
            ref = f"{column_name(i)}{r}"
            if isinstance(v, (int, float)):
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif v != "":
                out.append(f'<c r="{ref}" t="s"><v>{shared(v)}</v></c>')
        return f'<row r="{r}">' + "".join(out) + "</row>"

    rows.append(cells(1, HEADER))
    for r, row in enumerate(lots(count, seed), start=2):
        y, m, d = row[10]
        row[8] = row[8] / 100
        row[10] = f"{d:02d}/{m:02d}/{y}"
        rows.append(cells(r, row))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(rows) + "</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">'
           + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Types xmlns="{ns}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>",
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships">'
            '<sheets><sheet name="Programme" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{ns}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            "</Relationships>",
        "xl/styles.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<styleSheet xmlns="{ns}/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
            "</styleSheet>",
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": sst,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def write_ods(path, count, seed):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
          'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
          'office:version="1.3"')

    def text_cell(v):
        if v == "":
            return "<table:table-cell/>"
        return ('<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>'
                + escape(v) + "</text:p></table:table-cell>")

    def row_xml(values):
        out = []
        for i, v in enumerate(values):
            if i == 8 and isinstance(v, int):
                euros = f"{v / 100:.2f}"
                out.append('<table:table-cell table:style-name="ce2" office:value-type="currency" '
                           f'office:currency="EUR" office:value="{euros}" calcext:value-type="currency">'
                           f"<text:p>{french_amount(v)}</text:p></table:table-cell>")
            elif i == 10 and isinstance(v, tuple):
                y, m, d = v
                out.append('<table:table-cell table:style-name="ce3" office:value-type="date" '
                           f'office:date-value="{y}-{m:02d}-{d:02d}" calcext:value-type="date">'
                           f"<text:p>{d:02d}/{m:02d}/{y}</text:p></table:table-cell>")
            elif i == 9 and v.isdigit():
                out.append(f'<table:table-cell office:value-type="float" office:value="{v}" '
                           f'calcext:value-type="float"><text:p>{v}</text:p></table:table-cell>')
            else:
                out.append(text_cell(v))
        return ('<table:table-row table:style-name="ro1">' + "".join(out)
                + '<table:table-cell table:number-columns-repeated="1011"/></table:table-row>\n')

    body = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
            f"<office:document-content {ns}><office:automatic-styles>"
            '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
            '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
            '<style:style style:name="ro1" style:family="table-row"/>'
            '<style:style style:name="ce2" style:family="table-cell"/>'
            '<style:style style:name="ce3" style:family="table-cell"/>'
            "</office:automatic-styles><office:body><office:spreadsheet>"
            '<table:table table:name="Programme" table:style-name="ta1">'
            '<table:table-column table:number-columns-repeated="1024"/>\n',
            row_xml(HEADER)]
    for row in lots(count, seed):
        body.append(row_xml(row))
    body.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row>'
                "</table:table></office:spreadsheet></office:body></office:document-content>\n")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, b"application/vnd.oasis.opendocument.spreadsheet")
        for name, text in (("content.xml", "".join(body)), ("META-INF/manifest.xml", manifest)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def siret(n):
    """A 14-digit buyer id, deterministic, with a valid Luhn key."""
    base = f"{21610000 + n * 977:08d}00010"
    total = 0
    for i, c in enumerate(reversed(base)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return base + str((10 - total % 10) % 10)


SOCIAL = [["Clause sociale"], ["Pas de considération sociale"], ["Critère social"],
          ["Clause sociale", "Critère social"], ["Marché réservé"], ["Pas de considération sociale"]]


def write_decp(path, count, seed):
    buyers = {name: siret(i) for i, (name, _) in enumerate(BUYERS)}
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write('{"marches": {"marche": [\n')
        for i, row in enumerate(lots(count, seed)):
            reference, _, _, objet, buyer, buyer_type, _, cpv, cents, months, (y, m, d), place, _ = row
            amount = cents / 100
            record = {
                "id": reference,
                "acheteur": {"id": buyers[buyer], "nom": buyer},
                "nature": "Marché de défense ou de sécurité" if buyer_type == "defense" else "Marché",
                "objet": objet,
                "codeCPV": cpv,
                "procedure": "Appel d'offres ouvert" if amount >= 221_000 else "Procédure adaptée",
                "lieuExecution": {"code": place, "typeCode": "Code postal" if len(place) == 5 else "Code département"},
                "dureeMois": int(months),
                "dateNotification": f"{y}-{m:02d}-{d:02d}",
                "datePublicationDonnees": f"{y}-{m:02d}-{d:02d}",
                "montant": amount,
                "formePrix": "Forfaitaire",
                "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET", "id": siret(1000 + i % 5000)}}],
                "considerationsSociales": {"considerationSociale": SOCIAL[i % len(SOCIAL)]},
                "considerationsEnvironnementales": {
                    "considerationEnvironnementale": ["Pas de considération environnementale"]},
            }
            out.write(("" if i == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        out.write("\n]}}\n")


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    count = int(argv[1])
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 2027
    if argv[2].endswith(".xlsx"):
        write_xlsx(argv[2], count, seed)
    elif argv[2].endswith(".ods"):
        write_ods(argv[2], count, seed)
    elif argv[2].endswith(".json"):
        write_decp(argv[2], count, seed)
    else:
        write_csv(argv[2], count, seed)


if __name__ == "__main__":
    main(sys.argv)

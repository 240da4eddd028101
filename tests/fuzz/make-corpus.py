#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<reader>/).
Standard library only; the outputs are committed. Run after changing it:

    python3 tests/fuzz/make-corpus.py
"""

import io
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
CORPUS = os.path.join(HERE, "corpus")
SEP = b"\n@@\n"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def write(reader, name, data):
    folder = os.path.join(CORPUS, reader)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def read(*path):
    with open(os.path.join(ROOT, *path), "rb") as f:
        return f.read()


def restored(data, compression):
    """The same archive with every entry stored or deflated."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.compress_type = compression
            target.writestr(copy, data)
    return out.getvalue()


def csv_seeds():
    write("csv", "utf8.csv", read("tests", "fixtures", "csv", "programme-utf8.csv"))
    write("csv", "cp1252.csv", read("tests", "fixtures", "csv", "programme-cp1252.csv"))
    tsv = "Référence\tObjet\tNature\tCPV\tMontant\tLancement\nL1\tVoirie\tTravaux\t45233140\t1 000\t01/02/2027\n"
    write("csv", "tab.tsv", tsv)
    write("csv", "utf16.csv", b"\xff\xfe" + tsv.replace("\t", ";").encode("utf-16-le"))
    write("csv", "quotes.csv", 'Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\r\n'
          '"L1";"Nettoyage ; vitrerie\r\n""x""";services;90919200-3;"1 234,50 €";2027-03-01T00:00:00\r\n'
          'L2;"non fermé;travaux;45000000;12;1er mars 2027\r\n')


XLSX_HEADER = ["Référence", "Objet", "Nature", "Code CPV", "Montant estimé HT",
               "Date prévisionnelle de lancement", "Lieu d'exécution", "Part main-d'œuvre"]


def xlsx_parts():
    workbook = ('<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="false"/><sheets>'
                '<sheet name="Notice" sheetId="1" r:id="rId2" state="hidden"/>'
                '<sheet name="Programme" sheetId="2" r:id="rId1"/></sheets></workbook>' % (MAIN, REL))
    header = "".join('<c r="%s3" t="s"><v>%d</v></c>' % (chr(65 + i), i) for i in range(len(XLSX_HEADER)))
    sheet1 = ('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><r><t>Programme</t></r><rPh><t>x</t></rPh></is></c></row>'
              '<row r="3">%s</row>'
              '<row r="4"><c r="A4" t="s"><v>8</v></c><c r="B4" t="inlineStr"><is><t>Voirie</t></is></c>'
              '<c r="C4" t="s"><v>9</v></c><c r="D4"><v>9310000</v></c><c r="E4" s="2"><v>1234567.891</v></c>'
              '<c r="F4" s="1"><v>46447</v></c><c r="G4"><v>61</v></c><c r="H4" s="3"><v>0.5</v></c></row>'
              '<row r="5"><c r="A5" t="str"><f>A4&amp;"b"</f><v>L1b</v></c><c r="B5" t="e"><v>#N/A</v></c>'
              '<c r="C5" t="b"><v>1</v></c><c r="D5" t="d"><v>2027-03-01T00:00:00</v></c><c r="XFD5"><v>1</v></c>'
              '</row><row r="6"><c r="A6" t="s"><v>99</v></c></row></sheetData>'
              '<mergeCells count="2"><mergeCell ref="C4:C6"/><mergeCell ref="A1:H1"/></mergeCells></worksheet>'
              % (MAIN, header))
    shared = ('<?xml version="1.0"?><sst xmlns="%s">%s<si><t>L1</t></si><si><r><t>tra</t></r><r><t>vaux</t></r>'
              '</si></sst>' % (MAIN, "".join("<si><t>%s</t></si>" % h.replace("'", "&apos;") for h in XLSX_HEADER)))
    styles = ('<?xml version="1.0"?><styleSheet xmlns="%s"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
              '<numFmt numFmtId="165" formatCode="#,##0.00\\ [$€-40C];[Red]-#,##0.00"/></numFmts><cellXfs>'
              '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs></styleSheet>'
              % MAIN)
    sheet2 = ('<?xml version="1.0"?><worksheet xmlns="%s"><sheetData><row><c t="inlineStr"><is><t>Lisez-moi</t>'
              '</is></c></row></sheetData></worksheet>' % MAIN)
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="%s/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="%s/worksheet" Target="worksheets/../worksheets/sheet2.xml"/>'
            '<Relationship Id="rId3" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId4" Type="%s/styles" Target="styles.xml"/></Relationships>' % (REL, REL, REL, REL))
    return [workbook, sheet1, shared, styles, sheet2, rels]


def xlsx_scanner_sheet():
    """A sheet off the common cell shape: what XmlScanner's general path reads."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- written by hand -->'
            '<x:worksheet xmlns:x="%s"><x:sheetPr codeName=\'a>b\'/><x:sheetData>'
            '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>R&#233;f&#xE9;rence</x:t></x:is></x:c>'
            '<x:c t="inlineStr"><x:is><x:t><![CDATA[Obj]]>et</x:t></x:is></x:c>'
            "<x:c r='C1' t='inlineStr'><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Nature</x:t></x:r></x:is></x:c>"
            '<x:c r = "D1" t="str"><x:v>Code CPV</x:v></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>Montant '
            'estim&#233; HT</x:t></x:is></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>Date pr&#xe9;visionnelle de '
            'lancement</x:t></x:is></x:c></x:row>\r\n'
            '<x:row><x:c r="A2" t="inlineStr"><x:is><x:t>L1 &amp; L2\r\n</x:t></x:is></x:c><?pi x?>'
            '<x:c r="B2" t="str"><x:f>"Voirie"</x:f><x:v>Voirie</x:v></x:c><x:c r="C2" t="str"><!-- c -->'
            '<x:v>travaux</x:v></x:c><x:c r="D2"><x:v>45233140</x:v><x:extLst><x:ext uri="{a}"><y v=">"/>'
            '</x:ext></x:extLst></x:c><x:c r="E2"><x:v> 1000 </x:v></x:c><x:c r="F2" t="d"><x:v>2027-03-01'
            '</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref=\'C2:C3\'/></x:mergeCells>'
            '</x:worksheet>' % MAIN)


def xlsx_seeds():
    small = read("tests", "fixtures", "xlsx", "small.xlsx")
    write("xlsx", "raw-small.xlsx", b"\x00" + small)
    write("xlsx", "raw-small-stored.xlsx", b"\x00" + restored(small, zipfile.ZIP_STORED))
    write("xlsx", "raw-notice.xlsx", b"\x00" + read("tests", "fixtures", "xlsx", "programme-notice.xlsx"))
    write("xlsx", "raw-sample.xlsx", b"\x00" + read("samples", "departement-2027", "programme.xlsx"))
    parts = [p.encode("utf-8") for p in xlsx_parts()]
    write("xlsx", "parts.bin", b"\x01" + SEP.join(parts))
    write("xlsx", "parts-named.bin", b"\x03" + SEP.join(parts[:5]))
    write("xlsx", "parts-sheet2.bin", b"\x05" + SEP.join(parts[:2]))
    write("xlsx", "parts-scanner.bin", b"\x01" + SEP.join([parts[0], xlsx_scanner_sheet().encode("utf-8")]))


ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def ods_content():
    def text(t, extra=""):
        return '<table:table-cell office:value-type="string"%s><text:p>%s</text:p></table:table-cell>' % (extra, t)

    header = "<table:table-row>%s</table:table-row>" % "".join(text(h.replace("'", "&apos;")) for h in XLSX_HEADER)
    lot = ('<table:table-row>%s%s%s<table:table-cell office:value-type="float" office:value="9310000"><text:p>9310000'
           '</text:p></table:table-cell><table:table-cell office:value-type="currency" office:currency="EUR" '
           'office:value="1234.5"><text:p>1 234,50 €</text:p></table:table-cell><table:table-cell '
           'office:value-type="date" office:date-value="2027-03-01" table:number-rows-spanned="2"><text:p>01/03/2027'
           '</text:p></table:table-cell>%s<table:table-cell office:value-type="percentage" office:value="0.5">'
           '<text:p>50 %%</text:p></table:table-cell></table:table-row>'
           % (text("L1"), text("Voirie<text:s text:c=\"3\"/>lot<text:tab/>1<text:line-break/>"
                               "<text:span>suite</text:span><office:annotation><text:p>note</text:p>"
                               "</office:annotation>"), text("travaux"), text("2A")))
    second = ('<table:table-row table:number-rows-repeated="2">%s%s%s<table:covered-table-cell '
              'table:number-columns-repeated="3"/><table:table-cell office:value-type="boolean" '
              'office:boolean-value="true"><text:p>VRAI</text:p></table:table-cell>'
              '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
              '<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
              'table:number-columns-repeated="1024"/></table:table-row>' % (text("L2"), text("Voirie 2"),
                                                                              text("travaux")))
    notice = ('<table:table table:name="Notice" table:style-name="ta2"><table:table-row>%s</table:table-row>'
              '</table:table>' % text("Lisez-moi"))
    programme = ('<table:table table:name="Programme"><table:table-column table:number-columns-repeated="1024"/>'
                 '<table:table-header-rows><table:table-row>%s</table:table-row>%s</table:table-header-rows>'
                 '<table:table-row-group>%s%s</table:table-row-group></table:table>'
                 % (text("Programme 2027", ' table:number-columns-spanned="8"'), header, lot, second))
    return ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s><office:automatic-styles>'
            '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/>'
            '</style:style></office:automatic-styles><office:body><office:spreadsheet>%s%s</office:spreadsheet>'
            '</office:body></office:document-content>' % (ODS_NS, notice, programme))


def ods_seeds():
    write("ods", "raw-sample.ods", b"\x00" + read("samples", "departement-2027", "programme.ods"))
    content = ods_content().encode("utf-8")
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    write("ods", "raw-stored.ods", b"\x00" + stored.getvalue())
    write("ods", "content.bin", b"\x01" + content)
    write("ods", "content-named.bin", b"\x03" + content)
    manifest = (b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                b'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"/></manifest:manifest>')
    write("ods", "content-manifest.bin", b"\x01" + content + SEP + manifest)


def decp_seeds():
    """First byte even: JSON; odd: XML (see fuzz_decp.cpp)."""
    for name in ("marches-2022.json", "marches-2019.json"):
        write("decp", name, b"\x00" + read("tests", "fixtures", "decp", name))
    write("decp", "marches.xml", b"\x01" + read("tests", "fixtures", "decp", "marches.xml"))
    write("decp", "list.json", b"\x00" + '[{"id": "A", "objet": "Voirie", "codeCPV": "45233140", "montant": "1 000,5", '
          '"dateNotification": "2026-03-01+01:00", "considerationsSociales": ["Clause sociale"]}, "x"]'.encode())
    write("decp", "escapes.json", b"\x00" + b'{"marches": {"marche": {"id": "\\u00e9\\ud83d\\ude00", '
          b'"objet": "R\xc3\x83\xc2\xa9novation \xe9t\xe9", "montant": 1.5e3}}}')


def eforms_seeds():
    """The notices of tests/fixtures/eforms/, as they are (see fuzz_eforms.cpp)."""
    for path in (("avis-orne-2027.xml",), ("sdk", "can_24_minimal.xml"), ("sdk", "pin-only_24_lots.xml")):
        write("eforms", path[-1], read("tests", "fixtures", "eforms", *path))


if __name__ == "__main__":
    csv_seeds()
    xlsx_seeds()
    ods_seeds()
    decp_seeds()
    eforms_seeds()

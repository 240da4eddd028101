"""`clausier serve` in a real browser (headless Chromium): the upload page
shows the sample's lots, draws the charts, filters, downloads a document; the
draft form evaluates as the user types and previews a document; no page
breaks its security policy.

Usage: serve_test.py URL SAMPLE.xlsx ARTEFACT_DIR"""

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import Browser, WebDriverError  # noqa: E402

url, sample, artefacts = sys.argv[1:4]
os.makedirs(artefacts, exist_ok=True)
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
        print("ÉCHEC (browser): " + message, file=sys.stderr)


# Records CSP violations from the moment a page's scripts run.
WATCH_CSP = """
window.__csp = window.__csp || [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""

with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as downloads:
    browser = Browser(profile, downloads)
    try:
        # 1. Upload the sample workbook; the table shows its 43 lots.
        browser.get(url + "/")
        browser.js(WATCH_CSP)
        browser.type("#fichier", os.path.abspath(sample), clear=False)
        browser.click("#envoi button[type=submit]")
        rows = browser.wait("document.querySelectorAll('#lots tbody tr').length", what="tableau des lots")
        check(rows == 43, f"{rows} lignes au lieu de 43")
        browser.screenshot(os.path.join(artefacts, "1-programme.png"))
        check("C2027-01-L3" in browser.js("return document.querySelector('#lots').textContent"),
              "C2027-01-L3 absent du tableau")
        hours_cell = browser.js(
            "return document.querySelector('#lots tr[data-reference=\"C2027-01-L3\"]').textContent")
        check("833\u00a0h" in hours_cell, f"833 h absentes de la ligne C2027-01-L3: {hours_cell!r}")

        # 2. The charts are drawn: bars for verdicts and for hours.
        bars = browser.js("return document.querySelectorAll('#graphique-verdicts svg rect').length")
        check(bars >= 7, f"graphique des verdicts: {bars} barres")
        hour_bars = browser.js("return document.querySelectorAll('#graphique-heures rect.barre-heures').length")
        check(hour_bars >= 1, f"graphique des heures: {hour_bars} barres")
        width = browser.js("return document.querySelector('#graphique-verdicts svg').getBoundingClientRect().width")
        check(width > 100, f"graphique des verdicts large de {width} px")

        # 3. Filters, client-side.
        visible = "[...document.querySelectorAll('#lots tbody tr')].filter(r => !r.hidden)"
        browser.js("const s = document.getElementById('filtre-verdict'); s.value = 'obligatoire';"
                   "s.dispatchEvent(new Event('change'));")
        shown = browser.js(f"return {visible}.length")
        check(0 < shown < 43, f"filtre obligatoire: {shown} lignes")
        all_mandatory = browser.js(f"return {visible}.every(r => r.querySelector('[data-verdict=obligatoire]'))")
        check(all_mandatory, "une ligne affichée n'a pas de clause obligatoire")
        browser.js("const s = document.getElementById('filtre-verdict'); s.value = '';"
                   "s.dispatchEvent(new Event('change'));")
        browser.type("#filtre-texte", "charpente")
        shown_text = browser.js(f"return {visible}.map(r => r.textContent.toLowerCase())")
        check(len(shown_text) >= 1 and all("charpente" in t for t in shown_text),
              f"recherche « charpente »: {len(shown_text)} lignes")
        browser.screenshot(os.path.join(artefacts, "2-filtre.png"))
        browser.type("#filtre-texte", "C2027-01-L3")

        # 4. Download the lot's HTML document and check it.
        browser.click('#lots tr[data-reference="C2027-01-L3"] button[data-format="html"]')
        target = os.path.join(downloads, "C2027-01-L3-ccap-insertion.html")
        for _ in range(100):
            if os.path.exists(target):
                break
            time.sleep(0.2)
        check(os.path.exists(target), f"document non téléchargé: {os.listdir(downloads)}")
        if os.path.exists(target):
            text = open(target, encoding="utf-8").read()
            check("833" in text and "C2027-01-L3" in text, "le document téléchargé n'a pas les 833 heures")
            check("{{" not in text, "balise Mustache restée dans le document")

        # 5. The draft form: live verdicts as the user types.
        browser.get(url + "/rediger")
        browser.js(WATCH_CSP)
        browser.type("input[name=objet]", "Collège de Flers – maçonnerie")
        browser.js("const s = document.querySelector('select[name=nature]'); s.value = 'travaux';"
                   "s.dispatchEvent(new Event('change', {bubbles: true}));")
        browser.js("const d = document.querySelector('input[name=date_lancement]'); d.value = '2027-03-01';"
                   "d.dispatchEvent(new Event('input', {bubbles: true}));")
        browser.type("#lots-saisie input[name=cpv]", "45262500")
        browser.type("#lots-saisie input[name=montant_ht]", "1000000")
        insertion = "document.querySelector('#resultats [data-clause=insertion]')"
        got = browser.wait(f"{insertion} && {insertion}.textContent.includes('833') && {insertion}.textContent",
                           what="833 heures dans le formulaire")
        check("833" in got, f"formulaire: {got!r}")
        browser.type("#lots-saisie input[name=montant_ht]", "2000000")
        got = browser.wait(f"{insertion} && {insertion}.textContent.includes('1\u202f666') && {insertion}.textContent",
                           what="heures recalculées")
        check("1\u202f666" in got, f"formulaire après changement: {got!r}")
        browser.screenshot(os.path.join(artefacts, "3-rediger.png"))

        # 6. Preview in the frame: the document arrives with its own policy.
        browser.click("#resultats button[data-apercu]")
        browser.js("document.getElementById('apercu').scrollIntoView()")
        time.sleep(1.5)
        frame = browser.find("#apercu")
        browser.cmd("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": frame}})
        preview = browser.wait("document.body && document.body.textContent.includes('1\u202f666') && document.body.textContent",
                               what="aperçu du document")
        check("1\u202f666" in preview, "aperçu sans les heures")
        browser.cmd("POST", "/frame/parent", {})
        browser.screenshot(os.path.join(artefacts, "4-apercu.png"))

        # 7. The rules page; no policy violation anywhere.
        violations = browser.js("return window.__csp || []")
        check(violations == [], f"violations de la politique de sécurité: {violations}")
        browser.get(url + "/regles")
        check("Règles en vigueur" in browser.js("return document.body.textContent"), "page Règles")
        browser.screenshot(os.path.join(artefacts, "5-regles.png"))
    except WebDriverError as e:
        failures.append(str(e))
        print("ÉCHEC (browser): " + str(e), file=sys.stderr)
        try:
            browser.screenshot(os.path.join(artefacts, "echec.png"))
        except Exception:  # noqa: BLE001 — the screenshot is a bonus
            pass
    finally:
        browser.quit()

if failures:
    print(f"browser: {len(failures)} échec(s) sur {checks} vérifications", file=sys.stderr)
    sys.exit(1)
print(f"browser: {checks} vérifications réussies; captures dans {artefacts}")

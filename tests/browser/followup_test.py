"""The follow-up page in headless Chromium: a company's statement sent
through the form, refused with every error located, then a correct one
imported and shown. Usage: followup_test.py URL MONTH ARTEFACT_DIR."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import Browser  # noqa: E402

url, month, artefacts = sys.argv[1:4]
os.makedirs(artefacts, exist_ok=True)
failures = []
checks = 0
HEADER = ("Référence du lot;Mois (AAAA-MM);Participant;Catégorie;Date de validation;Modalité;Type de contrat;"
          "Heures travaillées;Heures de formation\n")
WATCH_CSP = """
window.__csp = window.__csp || [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
        print("ÉCHEC (browser suivi): " + message, file=sys.stderr)


with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as downloads:
    browser = Browser(profile, downloads)
    try:
        bad = os.path.join(profile, "releve-errone.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(HEADER + f"C2027-01-L5;{month};P-0301;chomeur;01/01/2026;embauche directe;CDD;-3;0\n")
        good = os.path.join(profile, "releve.csv")
        with open(good, "w", encoding="utf-8") as f:
            f.write(HEADER + f"C2027-01-L5;{month};P-0301;qpv;01/01/2026;embauche directe;CDD;35;0\n")

        browser.get(url + "/suivi/dep")
        browser.js(WATCH_CSP)
        browser.wait("document.getElementById('form-releve')", what="formulaire d'envoi")
        browser.type("#releve", bad, clear=False)
        browser.type("#company", "99900003000018")
        browser.click("#form-releve button[type=submit]")
        browser.wait("document.querySelector('#resultat-releve li')", what="erreurs affichées")
        text = browser.js("return document.getElementById('resultat-releve').textContent")
        check("rien n'a été importé" in text, f"refus: {text!r}")
        check("releve-errone.csv:2" in text, f"erreur sans sa ligne: {text!r}")
        check("chomeur" in text and "négatives" in text, f"toutes les erreurs: {text!r}")
        browser.screenshot(os.path.join(artefacts, "suivi-erreurs.png"))

        browser.type("#releve", good, clear=False)
        browser.click("#form-releve button[type=submit]")
        browser.wait("document.getElementById('resultat-releve').textContent.includes('État importé')",
                     what="état importé")
        browser.wait("document.querySelector('#suivi-lots') && "
                     "document.querySelector('#suivi-lots tbody').textContent.includes('35')",
                     what="heures affichées après rechargement", timeout=30)
        row = browser.js("return document.querySelector('#suivi-lots tbody tr').textContent")
        check("C2027-01-L5" in row and "35" in row, f"ligne du lot: {row!r}")
        browser.js(WATCH_CSP)
        check(browser.js("return window.__csp || []") == [], "violations CSP")
        browser.screenshot(os.path.join(artefacts, "suivi-importe.png"))
    except Exception as e:  # noqa: BLE001
        failures.append(str(e))
        print("ÉCHEC (browser suivi): " + str(e), file=sys.stderr)
    finally:
        browser.quit()

print(f"browser suivi: {len(failures)} échec(s) sur {checks} vérifications", file=sys.stderr)
sys.exit(1 if failures else 0)

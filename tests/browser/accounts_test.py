"""Accounts in a real browser (headless Chromium): once the workspace has a
user, the Programme page sends to the login page (French); a wrong password
shows the server's French message; the right one opens the Programme page
with the structure's programmes; a decision made by the page's script
carries the session's X-CSRF-Token (common.js) and is saved; the same
request without the header is refused (403).

Usage: accounts_test.py URL LOGIN PASSWORD ARTEFACT_DIR"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import Browser, WebDriverError  # noqa: E402

url, login, password, artefacts = sys.argv[1:5]
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
        print("ÉCHEC (comptes, navigateur): " + message, file=sys.stderr)


with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as downloads:
    browser = Browser(profile, downloads)
    try:
        browser.get(url + "/")
        browser.wait("location.pathname === '/connexion'", what="renvoi vers /connexion")
        check("Connexion" in browser.js("return document.querySelector('h1').textContent"), "titre Connexion")
        browser.type("#login", login)
        browser.type("#password", "pas le bon mot de passe")
        browser.click("button[type=submit]")
        message = browser.wait("!document.getElementById('erreurs').hidden && "
                               "document.getElementById('erreurs').textContent", what="message d'erreur")
        check("mot de passe incorrect" in message, "message d'erreur en français: " + message)
        browser.type("#password", password)
        browser.click("button[type=submit]")
        browser.wait("location.pathname === '/' && document.getElementById('programmes') && "
                     "document.getElementById('programmes').textContent.includes('programme')",
                     what="page Programme après la connexion")
        browser.screenshot(os.path.join(artefacts, "comptes-programme.png"))
        # A decision through the page's fetch (common.js adds X-CSRF-Token).
        status = browser.wait("""(window.__put = window.__put || fetch(
            '/api/programmes/programme/lots/C2027-01-L3/clauses/insertion',
            {method: 'PUT', headers: {'Content-Type': 'application/json'},
             body: JSON.stringify({verdict: 'possible', hours: 12, motif: null, comment: 'navigateur connecté'})})
            .then(r => window.__status = r.status)) && window.__status""", what="PUT avec session")
        check(status == 200, f"décision avec la session: statut {status}")
        # The same without the header, through the browser's own fetch: refused.
        bare = browser.wait("""(window.__bare = window.__bare || new Promise(resolve => {
            const f = document.createElement('iframe'); f.hidden = true; document.body.append(f);
            f.contentWindow.fetch('/api/programmes/programme/lots/C2027-01-L3/clauses/insertion',
              {method: 'PUT', headers: {'Content-Type': 'application/json'}, body: '{"verdict": "exclue"}',
               credentials: 'same-origin'}).then(r => resolve(r.status)); })
            .then(s => window.__bareStatus = s)) && window.__bareStatus""", what="PUT sans en-tête")
        check(bare == 403, f"décision sans X-CSRF-Token: statut {bare}")
    except WebDriverError as e:
        failures.append(str(e))
        print("ÉCHEC (comptes, navigateur): " + str(e), file=sys.stderr)
        try:
            browser.screenshot(os.path.join(artefacts, "comptes-echec.png"))
        except Exception:  # noqa: BLE001 — the screenshot is a bonus
            pass
    finally:
        browser.quit()

if failures:
    print(f"comptes (navigateur): {len(failures)} échec(s) sur {checks} vérifications", file=sys.stderr)
    sys.exit(1)
print(f"comptes (navigateur): {checks} vérifications réussies")

"""`clausier serve` in a real browser (headless Chromium): the Programme page
is the facilitator's workbench over the workspace. A file that is not a
programme shows its errors first, in red, and no review; the sample imported
shows its lots and the review's figures (server-drawn SVG charts), filters;
a lot folds open on its reasons and its decision form: a decision (verdict,
hours, motif, comment) is saved at once, survives a reload, and a bad value
(hours -3) shows a French error and writes nothing; the lot's history and its
documents menu (download, preview) follow the decision; the blank template
downloads; at 390 px wide nothing scrolls sideways. The draft form evaluates
as the user types and previews a document; no page breaks its security
policy.

Usage: serve_test.py URL SAMPLE.xlsx ARTEFACT_DIR"""

import json
import os
import sys
import tempfile
import time
import urllib.request
import zipfile

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

def wait_file(folder, name):
    """The path of a download once complete (Chromium writes .crdownload first), or None."""
    target = os.path.join(folder, name)
    for _ in range(150):
        if os.path.exists(target) and os.path.getsize(target) > 0:
            return target
        time.sleep(0.2)
    check(False, f"{name} non téléchargé: {os.listdir(folder)}")
    return None


def stored_clause(reference, clause):
    """The clause of the workspace's programme "programme", as the API has it."""
    with urllib.request.urlopen(url + "/api/programmes/programme", timeout=30) as response:
        show = json.load(response)
    lot = next(l for l in show["lots"] if l["reference"] == reference)
    return next(c for c in lot["clauses"] if c["type"] == clause)


LOT = '#lots details.lot[data-reference="C2027-01-L3"]'
FORM = LOT + ' form.decision[data-clause="insertion"]'


def csp_violations():
    return browser.js("return window.__csp || []")


with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as downloads:
    browser = Browser(profile, downloads)
    try:
        # 1. A file that is not a programme: its errors first and in red, no
        # review, nothing kept.
        bad = os.path.join(profile, "pas-un-programme.csv")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("a;b\n1;2\n")
        browser.get(url + "/")
        browser.js(WATCH_CSP)
        browser.wait("document.querySelector('#programmes li')", what="liste des programmations")
        browser.type("#fichier", bad, clear=False)
        browser.click("#envoi button[type=submit]")
        browser.wait("!document.getElementById('erreurs').hidden", what="erreurs affichées")
        errors = browser.js("return document.getElementById('erreurs').textContent")
        check("aucun lot" in errors, f"message d'erreur: {errors!r}")
        color = browser.js("return getComputedStyle(document.querySelector('#erreurs strong')).color")
        check(color == "rgb(201, 25, 30)", f"erreurs pas en rouge: {color}")
        first = browser.js("const e = document.getElementById('erreurs').getBoundingClientRect().top;"
                           "return [...document.querySelectorAll('#envoi, #programmes, #atelier')]"
                           ".every(x => x.hidden || x.getBoundingClientRect().top > e)")
        check(first, "les erreurs ne sont pas en tête de page")
        check(browser.js("return document.getElementById('atelier').hidden"), "une revue est dessinée sans lot lu")
        browser.screenshot(os.path.join(artefacts, "0-erreurs.png"))

        # 2. Import the sample workbook; its 43 lots, the errors gone.
        browser.type("#fichier", os.path.abspath(sample), clear=False)
        browser.type("#nom", "programme")
        browser.click("#envoi button[type=submit]")
        rows = browser.wait("document.querySelectorAll('#lots details.lot').length", what="lots importés")
        check(rows == 43, f"{rows} lots au lieu de 43")
        check(browser.js("return document.getElementById('erreurs').hidden"), "erreurs du premier envoi restées")
        listed = browser.js("return document.getElementById('programmes').textContent")
        check("programme" in listed and "version 1" in listed, f"liste des programmations: {listed!r}")
        summary = browser.js(f"return document.querySelector('{LOT} > summary').textContent")
        check("833\u00a0h" in summary, f"833 h absentes du lot C2027-01-L3: {summary!r}")
        check("Clause d'insertion" in summary and "obligatoire" in summary,
              f"nom de clause ou verdict absent du lot: {summary!r}")
        page_text = browser.js("return document.getElementById('atelier').innerText")
        check("recommandee" not in page_text, "un identifiant de verdict sans accent est affiché")
        browser.screenshot(os.path.join(artefacts, "1-programme.png"))

        # 3. The review's figures, as the printed review has them.
        charts = browser.wait("document.querySelectorAll('#revue svg.chart').length", what="graphiques de la revue")
        check(charts == 5, f"{charts} graphiques de la revue au lieu de 5")
        cards = browser.js("return document.querySelector('#revue .cards').textContent")
        check("43" in cards and "17\u202f726" in cards, f"cartes de synthèse: {cards!r}")
        widths = browser.js("return [...document.querySelectorAll('#revue svg.chart')]"
                            ".map(s => s.getBoundingClientRect().width)")
        check(all(w > 100 for w in widths), f"graphiques trop étroits: {widths} px")
        border = browser.js("return getComputedStyle(document.querySelector('#revue .card')).borderLeftWidth")
        check(border == "5px", f"cartes sans le style de la revue (bordure {border!r})")
        badge = browser.js(f"return getComputedStyle(document.querySelector("
                           f"'{LOT} summary .badge.v-obligatoire')).backgroundColor")
        check(badge == "rgb(166, 61, 0)", f"badge obligatoire de couleur {badge!r}, pas celle de la revue")

        # 4. Filters, client-side.
        visible = "[...document.querySelectorAll('#lots details.lot')].filter(r => !r.hidden)"
        browser.js("const s = document.getElementById('filtre-verdict'); s.value = 'obligatoire';"
                   "s.dispatchEvent(new Event('change'));")
        shown = browser.js(f"return {visible}.length")
        check(0 < shown < 43, f"filtre obligatoire: {shown} lots")
        all_mandatory = browser.js(f"return {visible}.every(r => r.querySelector('[data-verdict=obligatoire]'))")
        check(all_mandatory, "un lot affiché n'a pas de clause obligatoire")
        browser.js("const s = document.getElementById('filtre-verdict'); s.value = '';"
                   "s.dispatchEvent(new Event('change'));")
        browser.type("#filtre-texte", "charpente")
        shown_text = browser.js(f"return {visible}.map(r => r.textContent.toLowerCase())")
        check(len(shown_text) >= 1 and all("charpente" in t for t in shown_text),
              f"recherche « charpente »: {len(shown_text)} lots")
        browser.type("#filtre-texte", "C2027-01-L3")

        # 5. The lot folds open on its reasons and its decision form; a
        # decision is saved at once.
        browser.click(LOT + " > summary")
        browser.wait(f"document.querySelector('{FORM}')", what="formulaire de décision")
        reasons = browser.js(f"return document.querySelector('{LOT} section.clause[data-clause=insertion] ul.motifs').textContent")
        check("833" in reasons, f"motifs de la proposition: {reasons!r}")
        motifs = browser.js(f"return [...document.querySelectorAll('{FORM} select[name=motif] option')].map(o => o.value)")
        check(len(motifs) >= 3, f"motifs d'exception absents du formulaire: {motifs}")
        motif = motifs[1] if len(motifs) > 1 else ""
        motif_label = browser.js(f"return document.querySelector('{FORM} select[name=motif] option[value=\"' + {json.dumps(motif)} + '\"]')"
                                 ".textContent")
        browser.js(f"const s = document.querySelector('{FORM} select[name=verdict]'); s.value = 'recommandee';")
        browser.type(FORM + " input[name=hours]", "900")
        browser.js(f"const s = document.querySelector('{FORM} select[name=motif]'); s.value = {json.dumps(motif)};"
                   "s.dispatchEvent(new Event('change'));")
        browser.type(FORM + " textarea[name=comment]", "Vu avec l’acheteur le 5 janvier")
        browser.click(FORM + " button[type=submit]")
        saved = browser.wait(f"document.querySelector('{FORM} [role=status]').textContent.includes('enregistrée')"
                             f" && document.querySelector('{LOT} > summary').textContent", what="décision enregistrée")
        check("900\u00a0h" in saved and "décidé" in saved, f"le lot n'affiche pas la décision: {saved!r}")
        stored = stored_clause("C2027-01-L3", "insertion")["decision"] or {}
        # The motif chosen by its id is kept as its wording.
        check(stored.get("verdict") == "recommandee" and stored.get("hours") == 900
              and stored.get("motif") and motif_label.startswith(stored["motif"])
              and "acheteur" in (stored.get("comment") or ""), f"décision enregistrée: {stored} (motif {motif_label!r})")
        browser.screenshot(os.path.join(artefacts, "2-decision.png"))

        # 6. A bad value: a French error in red, nothing written.
        browser.type(FORM + " input[name=hours]", "-3")
        browser.click(FORM + " button[type=submit]")
        message = browser.wait(f"document.querySelector('{FORM} .etat.erreur') && "
                               f"document.querySelector('{FORM}').textContent", what="erreur de saisie")
        check("-3" in message and "refusée, rien n'a été enregistré" in message, f"message d'erreur: {message!r}")
        color = browser.js(f"return getComputedStyle(document.querySelector('{FORM} .etat.erreur')).color")
        check(color == "rgb(201, 25, 30)", f"erreur pas en rouge: {color}")
        stored = stored_clause("C2027-01-L3", "insertion")["decision"] or {}
        check(stored.get("hours") == 900, f"une valeur refusée a été écrite: {stored}")
        browser.screenshot(os.path.join(artefacts, "3-erreur.png"))

        # 7. The lot's history.
        browser.click(LOT + " details.historique > summary")
        history = browser.wait(f"document.querySelector('{LOT} details.historique li') && "
                               f"document.querySelector('{LOT} details.historique ol').textContent",
                               what="historique du lot")
        check("web" in history, f"historique du lot: {history!r}")

        # 8. The documents menu: the CCAP article with the decided hours,
        # downloaded and previewed.
        options = browser.js(f"return [...document.querySelectorAll('{LOT} .documents-lot select[name=document] option')]"
                             ".map(o => o.textContent)")
        check(len(options) >= 1 and all(not o.startswith("ccap-") for o in options),
              f"documents du lot sans leur nom: {options}")
        browser.js(f"document.querySelector('{LOT} .documents-lot select[name=document]').value = 'ccap-insertion';"
                   f"document.querySelector('{LOT} .documents-lot select[name=format]').value = 'html';")
        browser.click(LOT + " .documents-lot button[name=telecharger]")
        target = wait_file(downloads, "C2027-01-L3-ccap-insertion.html")
        if target:
            text = open(target, encoding="utf-8").read()
            check("900" in text and "C2027-01-L3" in text, "le document téléchargé n'a pas les 900 heures décidées")
            check("{{" not in text, "balise Mustache restée dans le document")
        browser.js(f"document.querySelector('{LOT} .documents-lot select[name=format]').value = 'docx';")
        browser.click(LOT + " .documents-lot button[name=telecharger]")
        target = wait_file(downloads, "C2027-01-L3-ccap-insertion.docx")
        if target:
            with zipfile.ZipFile(target) as z:
                body = z.read("word/document.xml").decode("utf-8")
            check("900" in body, "900 absent de word/document.xml")
        browser.click(LOT + " .documents-lot button[name=apercu]")
        time.sleep(1.5)
        frame = browser.find(LOT + " iframe#apercu")
        browser.cmd("POST", "/frame", {"id": {"element-6066-11e4-a52e-4f735466cecf": frame}})
        preview = browser.wait("document.body && document.body.textContent.includes('900') && document.body.textContent",
                               what="aperçu du document")
        check("C2027-01-L3" in preview, "aperçu sans le lot")
        browser.cmd("POST", "/frame/parent", {})
        browser.screenshot(os.path.join(artefacts, "4-documents.png"))

        # 8b. The review itself, as a page to print.
        browser.click('#telecharger-revue button[data-revue="html"]')
        for _ in range(150):
            reviews = [n for n in os.listdir(downloads) if n.startswith("revue-") and n.endswith(".html")]
            if reviews:
                break
            time.sleep(0.2)
        check(bool(reviews), f"revue non téléchargée: {os.listdir(downloads)}")
        if reviews:
            time.sleep(0.5)
            text = open(os.path.join(downloads, reviews[0]), encoding="utf-8").read()
            check("Revue de la programmation d'achats" in text and "C2027-01-L3" in text,
                  "la revue téléchargée n'a pas son titre ou le lot C2027-01-L3")

        # 9. A reload comes back to the programme (kept in the address), the
        # decision still there.
        check(browser.js("return location.hash") == "#programme=programme",
              f"programme absent de l'adresse: {browser.js('return location.hash')!r}")
        browser.cmd("POST", "/refresh", {})
        browser.js(WATCH_CSP)
        browser.wait(f"document.querySelector('{LOT}')", what="programme rouvert après rechargement")
        summary = browser.js(f"return document.querySelector('{LOT} > summary').textContent")
        check("900\u00a0h" in summary and "décidé" in summary, f"décision perdue au rechargement: {summary!r}")
        browser.click(LOT + " > summary")
        hours = browser.wait(f"document.querySelector('{FORM} input[name=hours]')?.value", what="formulaire rouvert")
        check(hours == "900", f"heures du formulaire après rechargement: {hours!r}")
        decided = browser.js(f"return document.querySelector('{LOT} section.clause[data-clause=insertion] .decide').textContent")
        check("acheteur" in decided, f"commentaire absent après rechargement: {decided!r}")
        chosen = browser.js(f"return document.querySelector('{FORM} select[name=motif]').value")
        check(chosen == motif, f"motif du formulaire après rechargement: {chosen!r} au lieu de {motif!r}")

        # 10. The blank template.
        browser.click("#modele")
        target = wait_file(downloads, "modele-programmation.csv")
        if target:
            header = open(target, encoding="utf-8-sig").readline()
            check(header.startswith("Référence;Consultation;Lot;Objet"), f"modèle vierge: {header!r}")

        # 11. At 390 px wide: lots as cards, nothing scrolls sideways.
        browser.cdp("Emulation.setDeviceMetricsOverride",
                    {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        browser.cmd("POST", "/refresh", {})  # the page again, every lot folded
        browser.wait(f"document.querySelector('{LOT}')", what="page à 390 px")
        browser.click(LOT + " > summary")
        browser.wait(f"document.querySelector('{FORM}')", what="formulaire à 390 px")
        check(browser.js(f"return document.querySelector('{LOT}').open"), "lot refermé à 390 px")
        browser.js(f"document.querySelector('{FORM}').scrollIntoView()")
        time.sleep(0.3)
        widths = browser.js("return [window.innerWidth, document.documentElement.scrollWidth, document.body.scrollWidth]")
        check(widths[0] <= 400 and widths[1] <= widths[0] and widths[2] <= widths[0],
              f"défilement horizontal à 390 px: fenêtre, document, corps = {widths}")
        wide = browser.js("return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > "
                          "window.innerWidth + 1 && !e.closest('.revue')).map(e => e.tagName + '.' + e.className).slice(0, 5)")
        check(wide == [], f"éléments plus larges que l'écran: {wide}")
        card = browser.js(f"const s = getComputedStyle(document.querySelector('{LOT}')); return s.borderTopWidth")
        check(card == "1px", f"lot pas en carte à 390 px (bordure {card!r})")
        browser.screenshot(os.path.join(artefacts, "5-mobile-390.png"))
        browser.js("window.scrollTo(0, 0)")
        browser.screenshot(os.path.join(artefacts, "5b-mobile-390-haut.png"))
        browser.cdp("Emulation.clearDeviceMetricsOverride", {})
        check(csp_violations() == [], f"violations de la politique de sécurité: {csp_violations()}")

        # 11b. A file with a bad row: its error first and in red, its valid
        # lot imported and shown.
        mixed = os.path.join(profile, "mixte.csv")
        with open(mixed, "w", encoding="utf-8") as f:
            f.write("Référence;Objet;Nature;Code CPV;Montant estimé HT;Date prévisionnelle de lancement\n"
                    "M-1;Maçonnerie du gymnase;travaux;45262500;1 000 000 €;01/03/2027\n"
                    "M-2;Peinture du gymnase;travaux;45442100;beaucoup;01/03/2027\n")
        browser.type("#fichier", mixed, clear=False)
        browser.type("#nom", "")
        browser.click("#envoi button[type=submit]")
        browser.wait("document.querySelector('#lots details.lot[data-reference=\"M-1\"]')", what="lot valide du fichier mixte")
        errors = browser.js("const e = document.getElementById('erreurs'); return e.hidden ? '' : e.textContent")
        check("beaucoup" in errors and "mixte.csv:3" in errors, f"erreur de la ligne 3 absente de l'encadré rouge: {errors!r}")
        check(browser.js("return document.querySelectorAll('#lots details.lot').length") == 1, "lots du fichier mixte")
        check(browser.js("return location.hash") == "#programme=mixte", "programme mixte non ouvert")
        browser.screenshot(os.path.join(artefacts, "6-fichier-mixte.png"))

        # 12. The draft form: live verdicts as the user types.
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
        # Labels, not ids: the clause type by its title, the verdict by its label (from the page's data).
        head = browser.js(f"return {insertion}.querySelector('th').textContent")
        check(head != "insertion" and head.startswith("Clause d"), f"type de clause affiché: {head!r}")
        badge = browser.js(f"return {insertion}.querySelector('.badge').textContent")
        check(badge in ("recommandée", "obligatoire"), f"verdict affiché: {badge!r}")
        browser.type("#lots-saisie input[name=montant_ht]", "2000000")
        got = browser.wait(f"{insertion} && {insertion}.textContent.includes('1\u202f666') && {insertion}.textContent",
                           what="heures recalculées")
        check("1\u202f666" in got, f"formulaire après changement: {got!r}")
        browser.screenshot(os.path.join(artefacts, "3-rediger.png"))

        # 13. Preview in the frame: the document arrives with its own policy.
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

        # 14. The rules page; no policy violation anywhere.
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

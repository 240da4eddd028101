// "Rédiger une consultation" page: the form is sent to /api/evaluate as JSON
// lots as the user types (debounced); each lot shows its verdicts, hours and
// reasons, a preview of its documents (a form posted into the frame, so that
// the document arrives with its own security policy) and downloads.
"use strict";

(() => {
  const { el, integer, clauseTitle, verdictBadge, documentsFor, api, download, debounce } = Clausier;
  const $ = (id) => document.getElementById(id);
  const form = $("consultation");
  const lotsBody = $("lots-saisie").tBodies[0];
  let sequence = 0;

  function addLot(values = {}) {
    const n = lotsBody.rows.length + 1;
    const input = (name, attrs) => el("input", Object.assign({ name, "aria-label": name }, attrs));
    const row = el("tr", {},
      el("td", {}, input("lot", { value: values.lot || String(n), size: 3, "aria-label": "Numéro du lot" })),
      el("td", {}, input("objet_lot", { value: values.objet || "", "aria-label": "Objet du lot " + n })),
      el("td", {}, input("cpv", { value: values.cpv || "", inputmode: "numeric", "aria-label": "Code CPV du lot " + n, placeholder: "45262500" })),
      el("td", {}, input("montant_ht", { value: values.montant_ht || "", inputmode: "decimal", "aria-label": "Montant estimé HT du lot " + n, placeholder: "1 000 000" })),
      el("td", {}, el("button", { type: "button", class: "secondaire", "aria-label": "Retirer le lot " + n,
        onclick: () => { row.remove(); changed(); } }, "×")));
    lotsBody.append(row);
  }

  // The request the API takes: the consultation's fields shared by its lots.
  function request() {
    const data = new FormData(form);
    const consultation = {};
    for (const key of ["consultation", "acheteur", "type_acheteur", "nature", "date_lancement", "lieu", "duree_mois"]) {
      const v = String(data.get(key) || "").trim();
      if (v) consultation[key] = v;
    }
    consultation.anru = form.elements.anru.checked;
    const objet = String(data.get("objet") || "").trim();
    const lots = [...lotsBody.rows].map((row) => {
      const get = (name) => row.querySelector(`[name=${name}]`).value.trim();
      const label = get("lot");
      const lotObjet = get("objet_lot");
      return {
        reference: (consultation.consultation || "C") + "-L" + (label || "1"),
        lot: label,
        objet: lotObjet ? (objet ? objet + " – " + lotObjet : lotObjet) : objet,
        cpv: get("cpv"),
        montant_ht: get("montant_ht"),
      };
    });
    return { consultation, lots };
  }

  const evaluate = debounce(async () => {
    const mine = ++sequence;
    const status = $("etat");
    status.className = "etat";
    status.textContent = "Évaluation…";
    const body = JSON.stringify(request());
    let result;
    try {
      result = await (await api("/api/evaluate", body)).json();
    } catch (error) {
      if (mine !== sequence) return;
      status.className = "etat erreur";
      status.textContent = error.message;
      return;
    }
    if (mine !== sequence) return;  // a later evaluation is on its way
    status.textContent = result.lots.length + " lot(s) évalué(s).";
    show(result, body);
  }, 350);

  function changed() { evaluate(); }

  function show(result, body) {
    $("resultats").replaceChildren(...result.lots.map((lot) => el("article", { class: "resultat-lot", "data-reference": lot.reference },
      el("h3", {}, lot.reference + " — " + lot.objet),
      el("table", {}, el("tbody", {}, lot.clauses.map((c) => el("tr", { "data-clause": c.type },
        el("th", { scope: "row" }, clauseTitle(c.type)),
        el("td", {}, verdictBadge(c), c.hours ? el("span", { class: "heures" }, integer(c.hours) + "\u00A0heures d'insertion") : null),
        el("td", {}, el("ul", { class: "motifs" }, (c.reasons || []).map((r) => el("li", {}, r)))))))),
      el("div", { class: "documents" }, documentsFor(lot).flatMap((d) => [
        el("button", { type: "button", class: "secondaire", "data-apercu": d.id,
          onclick: () => preview(body, lot.reference, d.id) }, "Aperçu\u00A0: " + d.title),
        ...d.formats.map((format) => el("button", { type: "button", class: "secondaire", "data-format": format,
          onclick: () => save(body, lot.reference, d.id, format) }, "Télécharger " + format.toUpperCase())),
      ])))));
    Clausier.diagnostics($("diagnostics"), result.diagnostics);
  }

  function preview(body, reference, documentId) {
    const f = $("apercu-form");
    f.elements.request.value = body;
    f.elements.reference.value = reference;
    f.elements.document.value = documentId;
    f.submit();
  }

  async function save(body, reference, documentId, format) {
    const request = JSON.parse(body);
    Object.assign(request, { reference, document: documentId, format });
    try {
      const name = await download(await api("/api/render", JSON.stringify(request)), "document." + format);
      $("etat").textContent = "Téléchargé\u00A0: " + name;
    } catch (error) {
      $("etat").className = "etat erreur";
      $("etat").textContent = error.message;
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("ajouter-lot").addEventListener("click", () => { addLot(); changed(); });
  if (!form.elements.date_lancement.value) {
    form.elements.date_lancement.value = new Date().toISOString().slice(0, 10);
  }
  addLot();
  changed();
})();

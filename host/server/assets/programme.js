// "Programme" page: uploads a programme once to /api/evaluate (the lots, in a
// filterable table, the diagnostics, and the review's summary and charts,
// drawn by the server as the printed review draws them), and downloads
// documents and the review (the file is sent again each time: the server
// keeps nothing).
"use strict";

(() => {
  const { config, el, euros, integer, verdictBadge, documentsFor, api, download } = Clausier;
  const $ = (id) => document.getElementById(id);
  let file = null;
  let evaluation = null;

  $("envoi").addEventListener("submit", async (event) => {
    event.preventDefault();
    file = $("fichier").files[0];
    if (!file) return;
    const status = $("etat");
    status.className = "etat";
    if (file.size > config.max_upload) {
      status.className = "etat erreur";
      status.textContent = "Fichier trop volumineux\u00A0: " + config.max_upload_label + " au plus.";
      return;
    }
    status.textContent = "Évaluation de " + file.name + "…";
    const form = new FormData();
    form.append("programme", file, file.name);
    form.append("revue", "figures");
    try {
      evaluation = await (await api("/api/evaluate", form)).json();
      showReview(evaluation.revue || "");
    } catch (error) {
      status.className = "etat erreur";
      status.textContent = error.message;
      return;
    }
    status.textContent = file.name + "\u00A0: " + evaluation.lots.length + " lot(s) évalué(s).";
    show();
  });

  // The review's "Synthèse" and "Répartition" sections (cards, SVG charts and
  // their tables of figures), written by the server and styled by revue.css.
  // Parsed as an inert document, then moved into the page: nothing in it runs.
  function showReview(html) {
    const parsed = new DOMParser().parseFromString(html, "text/html");
    $("revue").replaceChildren(...parsed.body.childNodes);
  }

  function show() {
    $("resultat").hidden = false;
    const lots = evaluation.lots;
    const types = evaluation.clause_types || config.clauses;
    fillSelect($("filtre-clause"), types.map((t) => [t.id, t.title]));
    fillSelect($("filtre-consultation"), [...new Set(lots.map((l) => l.consultation))].map((c) => [c, c]));
    table(types, lots);
    Clausier.diagnostics($("diagnostics"), evaluation.diagnostics);
    filter();
  }

  function fillSelect(select, options) {
    const first = select.options[0];
    select.replaceChildren(first, ...options.map(([value, label]) => el("option", { value }, label)));
  }

  function table(types, lots) {
    const head = $("lots").tHead;
    head.replaceChildren(el("tr", {},
      el("th", { scope: "col" }, "Référence"), el("th", { scope: "col" }, "Objet"),
      el("th", { scope: "col" }, "Montant HT"),
      types.map((t) => el("th", { scope: "col", title: t.title }, t.id)),
      el("th", { scope: "col" }, "Documents")));
    const body = $("lots").tBodies[0];
    body.replaceChildren(...lots.map((lot) => {
      const row = el("tr", { "data-reference": lot.reference },
        el("td", {}, lot.reference), el("td", {}, lot.objet),
        el("td", { class: "nombre" }, euros(lot.montant_ht)),
        types.map((t) => {
          const c = lot.clauses.find((x) => x.type === t.id);
          if (!c) return el("td", {});
          return el("td", { "data-verdict": c.verdict || "erreur", title: (c.reasons || []).join("\n") },
            verdictBadge(c), c.hours ? el("span", { class: "heures" }, integer(c.hours) + "\u00A0h") : null);
        }),
        el("td", {}, el("div", { class: "documents" }, documentButtons(lot))));
      row.dataset.search = [lot.reference, lot.consultation, lot.objet, lot.acheteur, lot.cpv].join(" ").toLowerCase();
      return row;
    }));
  }

  function documentButtons(lot) {
    return documentsFor(lot).flatMap((d) => d.formats.map((format) =>
      el("button", {
        type: "button", class: "secondaire", title: d.title + " (" + format + ")",
        "data-document": d.id, "data-format": format,
        onclick: () => fetchDocument({ reference: lot.reference, document: d.id, format }),
      }, format.toUpperCase())));
  }

  async function fetchDocument(fields, route = "/api/render") {
    const status = $("etat");
    const form = new FormData();
    form.append("programme", file, file.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    status.className = "etat";
    try {
      const name = await download(await api(route, form), "document");
      status.textContent = "Téléchargé\u00A0: " + name;
    } catch (error) {
      status.className = "etat erreur";
      status.textContent = error.message;
    }
  }

  $("tout-telecharger").addEventListener("click", () => fetchDocument({ format: "zip" }));
  for (const button of $("telecharger-revue").querySelectorAll("button[data-revue]")) {
    button.addEventListener("click", () => fetchDocument({ format: button.dataset.revue }, "/api/review"));
  }

  function filter() {
    const clause = $("filtre-clause").value;
    const verdict = $("filtre-verdict").value;
    const consultation = $("filtre-consultation").value;
    const text = $("filtre-texte").value.trim().toLowerCase();
    let shown = 0;
    for (const row of $("lots").tBodies[0].rows) {
      const lot = evaluation.lots.find((l) => l.reference === row.dataset.reference);
      const clauses = lot.clauses.filter((c) => !clause || c.type === clause);
      const ok = (!verdict || clauses.some((c) => c.verdict === verdict)) &&
        (!consultation || lot.consultation === consultation) &&
        (!text || row.dataset.search.includes(text));
      row.hidden = !ok;
      if (ok) shown++;
    }
    $("compte").textContent = shown + " lot(s) affiché(s) sur " + evaluation.lots.length + ".";
  }
  for (const id of ["filtre-clause", "filtre-verdict", "filtre-consultation"]) $(id).addEventListener("change", filter);
  $("filtre-texte").addEventListener("input", filter);
  $("filtres").addEventListener("submit", (e) => e.preventDefault());

})();

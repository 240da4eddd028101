// "Programme" page: uploads a programme to /api/evaluate, shows the lots in a
// filterable table with charts and diagnostics, and downloads documents (the
// file is sent again with the lot wanted: the server keeps nothing).
"use strict";

(() => {
  const { config, el, svg, euros, integer, verdictBadge, verdictLabels, documentsFor, api, download } = Clausier;
  const $ = (id) => document.getElementById(id);
  let file = null;
  let evaluation = null;

  const verdictOrder = ["obligatoire", "recommandee", "possible", "exclue"];

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
    try {
      evaluation = await (await api("/api/evaluate", form)).json();
    } catch (error) {
      status.className = "etat erreur";
      status.textContent = error.message;
      return;
    }
    status.textContent = file.name + "\u00A0: " + evaluation.lots.length + " lot(s) évalué(s).";
    show();
  });

  function show() {
    $("resultat").hidden = false;
    const lots = evaluation.lots;
    const types = evaluation.clause_types || config.clauses;
    const errors = evaluation.diagnostics.filter((d) => d.severity === "error").length;
    const hours = lots.reduce((sum, lot) => sum + lot.clauses.reduce((s, c) => s + (c.hours || 0), 0), 0);
    const mandatory = lots.filter((lot) => lot.clauses.some((c) => c.verdict === "obligatoire")).length;
    $("synthese").textContent = lots.length + " lot(s), " + mandatory + " avec une clause obligatoire, " +
      integer(hours) + " heures d'insertion au total, " + errors + " erreur(s) dans le fichier.";

    fillSelect($("filtre-clause"), types.map((t) => [t.id, t.title]));
    fillSelect($("filtre-consultation"), [...new Set(lots.map((l) => l.consultation))].map((c) => [c, c]));
    drawVerdicts(types, lots);
    drawHours(lots);
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

  async function fetchDocument(fields) {
    const status = $("etat");
    const form = new FormData();
    form.append("programme", file, file.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    status.className = "etat";
    try {
      const name = await download(await api("/api/render", form), "document");
      status.textContent = "Téléchargé\u00A0: " + name;
    } catch (error) {
      status.className = "etat erreur";
      status.textContent = error.message;
    }
  }

  $("tout-telecharger").addEventListener("click", () => fetchDocument({ format: "zip" }));

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

  // Stacked bars: for each clause type, how many lots get each verdict.
  function drawVerdicts(types, lots) {
    const width = 460, bar = 18, gap = 8, left = 130, top = 6;
    const height = top + types.length * (bar + gap) + 4;
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Nombre de lots par verdict, pour chaque type de clause" });
    const colours = { obligatoire: "#000091", recommandee: "#1f8d49", possible: "#b34000", exclue: "#888" };
    types.forEach((t, i) => {
      const y = top + i * (bar + gap);
      chart.append(svg("text", { x: left - 6, y: y + bar * 0.7, "text-anchor": "end" }, t.id));
      let x = left;
      for (const v of verdictOrder) {
        const n = lots.filter((l) => l.clauses.some((c) => c.type === t.id && c.verdict === v)).length;
        if (!n) continue;
        const w = (width - left - 10) * n / Math.max(lots.length, 1);
        chart.append(svg("rect", { x, y, width: w, height: bar, fill: colours[v], class: "barre-" + v },
          svg("title", {}, `${t.id} — ${verdictLabels[v]}\u00A0: ${n} lot(s)`)));
        if (w > 16) chart.append(svg("text", { x: x + w / 2, y: y + bar * 0.7, "text-anchor": "middle", class: "sur-barre" }, n));
        x += w;
      }
    });
    const legend = el("div", { class: "legende" }, verdictOrder.map((v) =>
      el("span", {}, el("span", { class: "pastille verdict-" + v }), verdictLabels[v])));
    $("graphique-verdicts").replaceChildren(chart, legend);
  }

  // Horizontal bars: insertion hours per consultation (the 15 largest).
  function drawHours(lots) {
    const totals = new Map();
    for (const lot of lots) {
      const h = lot.clauses.filter((c) => c.type === "insertion").reduce((s, c) => s + (c.hours || 0), 0);
      totals.set(lot.consultation, (totals.get(lot.consultation) || 0) + h);
    }
    const rows = [...totals].filter(([, h]) => h > 0).sort((a, b) => b[1] - a[1]).slice(0, 15);
    const width = 460, bar = 16, gap = 6, left = 110, top = 4;
    const height = top + Math.max(rows.length, 1) * (bar + gap) + 4;
    const max = Math.max(1, ...rows.map(([, h]) => h));
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Heures d'insertion par consultation" });
    if (rows.length === 0) chart.append(svg("text", { x: 4, y: 16 }, "Aucune heure d'insertion calculée."));
    rows.forEach(([name, h], i) => {
      const y = top + i * (bar + gap);
      const w = (width - left - 70) * h / max;
      chart.append(svg("text", { x: left - 6, y: y + bar * 0.75, "text-anchor": "end" }, name));
      chart.append(svg("rect", { x: left, y, width: Math.max(w, 1), height: bar, fill: "#000091", class: "barre-heures" },
        svg("title", {}, `${name}\u00A0: ${integer(h)} heures`)));
      chart.append(svg("text", { x: left + w + 4, y: y + bar * 0.75 }, integer(h) + "\u00A0h"));
    });
    $("graphique-heures").replaceChildren(chart);
  }
})();

// "Programme" page, the facilitator's workbench over the workspace
// (docs/workspace.md): the programmes kept, an import form, and for the
// programme opened its review (figures drawn by the server) and its lots.
// Each lot folds open on its clauses: the proposal with its reasons, the
// decision and a small form to change it (saved at once with PUT), the lot's
// documents (one menu, a preview) and its history. The programme opened is
// kept in the address (#programme=NAME), so that a reload comes back to it.
"use strict";

(() => {
  const { config, el, euros, integer, verdictLabels, clauseTitle, valueLabel, download } = Clausier;
  const $ = (id) => document.getElementById(id);
  const NBSP = "\u00A0";
  const verdicts = ["obligatoire", "recommandee", "possible", "exclue"];

  let current = null;  // the `show` document of the programme opened
  let sequence = 0;    // the latest opening: older answers are dropped

  // --- Requests --------------------------------------------------------------

  // fetch with the server's French message as the Error's; `error.details`
  // holds the located errors (422) or diagnostics when the answer has them.
  async function call(path, options = {}) {
    const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
    if (!response.ok) {
      let message = "erreur " + response.status;
      const error = new Error(message);
      try {
        const body = await response.json();
        error.message = body.error || message;
        error.details = body.errors || body.diagnostics || [];
      } catch (_) { /* not JSON */ }
      error.status = response.status;
      throw error;
    }
    return response;
  }

  const programmeUrl = (name) => "/api/programmes/" + encodeURIComponent(name);
  const clauseUrl = (name, reference, type) =>
    programmeUrl(name) + "/lots/" + encodeURIComponent(reference) + "/clauses/" + encodeURIComponent(type);

  // --- Errors, first and in red -----------------------------------------------

  function showErrors(message, details) {
    const box = $("erreurs");
    box.replaceChildren(el("p", {}, el("strong", {}, message)));
    const list = (details || []).filter((d) => d.message);
    if (list.length) {
      box.append(el("ul", { class: "diagnostics" }, list.map((d) =>
        el("li", { class: d.severity || "error" }, el("code", {}, d.location || d.file || ""), " ", d.message))));
    }
    box.hidden = false;
    box.focus();
  }

  function clearErrors() {
    $("erreurs").hidden = true;
    $("erreurs").replaceChildren();
  }

  // --- The programmes of the workspace ------------------------------------------

  function date(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleDateString("fr-FR") + " à " + d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" });
  }

  async function loadProgrammes() {
    const list = $("programmes");
    let programmes;
    try {
      programmes = (await (await call("/api/programmes")).json()).programmes;
    } catch (error) {
      list.replaceChildren(el("li", { class: "erreur" }, error.message));
      return;
    }
    if (!programmes.length) {
      list.replaceChildren(el("li", {}, "Aucune programmation pour l'instant : importez-en une."));
      return;
    }
    list.replaceChildren(...programmes.map((p) => el("li", { "data-programme": p.name },
      el("button", { type: "button", class: "lien", onclick: () => open(p.name) }, p.name),
      el("span", { class: "aide" }, " version " + p.version + " · " + integer(p.lots) + " lot(s) · " +
        integer(p.decisions) + " décision(s) · " + p.source + (p.imported_at ? ", importée le " + date(p.imported_at) : "")))));
    markOpened();
  }

  function markOpened() {
    for (const li of $("programmes").querySelectorAll("li[data-programme]")) {
      if (current && li.dataset.programme === current.programme.name) li.setAttribute("aria-current", "true");
      else li.removeAttribute("aria-current");
    }
  }

  // --- Import ---------------------------------------------------------------------

  $("envoi").addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = $("fichier").files[0];
    if (!file) return;
    // A new upload: the previous results and messages go.
    clearErrors();
    closeProgramme();
    $("bilan").replaceChildren();
    const status = $("etat");
    status.className = "etat";
    if (file.size > config.max_upload) {
      status.textContent = "";
      showErrors("Fichier trop volumineux" + NBSP + ": " + config.max_upload_label + " au plus.");
      return;
    }
    status.textContent = "Import de " + file.name + "…";
    const form = new FormData();
    form.append("programme", file, file.name);
    const name = $("nom").value.trim();
    if (name) form.append("name", name);
    let outcome;
    try {
      outcome = await (await call("/api/programmes", { method: "POST", body: form })).json();
    } catch (error) {
      status.textContent = "";
      showErrors(error.message, error.details);
      return;
    }
    status.textContent = outcome.unchanged
      ? file.name + NBSP + ": déjà importé (version " + outcome.programme.version + " de « " + outcome.programme.name +
        " »), rien de nouveau."
      : file.name + NBSP + ": version " + outcome.programme.version + " de « " + outcome.programme.name + " », " +
        integer(outcome.programme.lots) + " lot(s) importé(s).";
    showOutcome(outcome);
    await loadProgrammes();
    await open(outcome.programme.name);
  });

  // What the import changed, and the file's problems (errors first).
  function showOutcome(outcome) {
    const items = [];
    if (outcome.unchanged) items.push(el("li", {}, "Même fichier que la version en cours, mêmes règles" + NBSP + ": rien n'a été écrit."));
    if (outcome.added.length) items.push(el("li", {}, outcome.added.length + " lot(s) ajouté(s)" + NBSP + ": " + outcome.added.join(", ")));
    if (outcome.removed.length) items.push(el("li", {}, outcome.removed.length + " lot(s) retiré(s)" + NBSP + ": " + outcome.removed.join(", ")));
    for (const c of outcome.changed) {
      items.push(el("li", {}, "Lot " + c.reference + " modifié" + NBSP + ": " +
        c.fields.map((f) => fieldLabel(f.field) + " « " + valueLabel(f.field, f.before) + " » → « " + valueLabel(f.field, f.after) + " »").join(", ")));
    }
    if (outcome.decisions_on_changed.length) {
      items.push(el("li", { class: "erreur" }, "Décisions à revoir (lot modifié ou retiré)" + NBSP + ": " +
        outcome.decisions_on_changed.map((d) => d.reference + " (" + clauseLabel(d.clause) + ")").join(", ")));
    }
    // The file's errors first, in red at the top; its warnings with the outcome.
    const errors = outcome.diagnostics.filter((d) => d.severity === "error");
    const others = outcome.diagnostics.filter((d) => d.severity !== "error");
    if (errors.length) {
      showErrors(errors.length + " erreur(s) dans le fichier" + NBSP + ": les lignes concernées n'ont pas été importées, les autres l'ont été.", errors);
    }
    const bilan = $("bilan");
    bilan.replaceChildren();
    if (items.length) bilan.append(el("ul", { class: "bilan" }, items));
    if (others.length) {
      bilan.append(el("p", {}, others.length + " remarque(s) sur le fichier" + NBSP + ":"));
      Clausier.diagnostics(bilan.appendChild(el("div", {})), others);
    }
  }

  // --- The programme opened ----------------------------------------------------------

  function closeProgramme() {
    current = null;
    $("atelier").hidden = true;
    $("lots").replaceChildren();
    $("revue").replaceChildren();
    markOpened();
  }

  async function open(name) {
    const mine = ++sequence;
    let show;
    try {
      show = await (await call(programmeUrl(name))).json();
    } catch (error) {
      if (mine !== sequence) return;
      closeProgramme();
      showErrors(error.message, error.details);
      if (error.status === 404) history.replaceState(null, "", location.pathname);
      return;
    }
    if (mine !== sequence) return;
    current = show;
    history.replaceState(null, "", "#programme=" + encodeURIComponent(name));
    $("atelier").hidden = false;
    summary();
    fillSelect($("filtre-clause"), show.clause_types.map((t) => [t.type, t.label]));
    fillSelect($("filtre-consultation"), [...new Set(show.lots.map((l) => l.consultation))].map((c) => [c, c]));
    $("lots").replaceChildren(...show.lots.map(lotCard));
    filter();
    markOpened();
    loadReview(name, mine);
  }

  function summary() {
    const p = current.programme;
    $("titre-programme").textContent = p.name;
    const parts = ["Version " + p.version + " (" + p.source + (p.imported_at ? ", " + date(p.imported_at) : "") + ")",
      integer(p.lots) + " lot(s)", integer(countDecisions()) + " décision(s)"];
    const conflicts = countConflicts();
    $("resume-programme").replaceChildren(parts.join(" · "),
      conflicts ? el("span", { class: "erreur" }, " · " + conflicts + " décision(s) en conflit") : "",
      p.rules_changed ? el("span", { class: "aide" }, " · règles modifiées depuis l'import" + NBSP + ": propositions réévaluées") : "");
  }

  const allClauses = () => current.lots.flatMap((l) => l.clauses);
  const countDecisions = () => allClauses().filter((c) => c.decision).length;
  const countConflicts = () => allClauses().filter((c) => c.decision && c.conflict).length;

  // The review's summary and charts of the lots as decided, drawn by the
  // server; parsed as an inert document, nothing in it runs.
  async function loadReview(name, mine) {
    const form = new FormData();
    form.append("workspace", name);
    form.append("format", "figures");
    try {
      const html = await (await call("/api/review", { method: "POST", body: form })).text();
      if (mine !== sequence) return;
      const parsed = new DOMParser().parseFromString(html, "text/html");
      $("revue").replaceChildren(...parsed.body.childNodes);
    } catch (error) {
      if (mine === sequence) $("revue").replaceChildren(el("p", { class: "erreur" }, "Revue indisponible" + NBSP + ": " + error.message));
    }
  }

  // The review's figures follow the decisions, once a series of them is done.
  const reviewAgain = Clausier.debounce(() => { if (current) loadReview(current.programme.name, sequence); }, 1500);

  function fillSelect(select, options) {
    const first = select.options[0];
    select.replaceChildren(first, ...options.map(([value, label]) => el("option", { value }, label)));
  }

  function clauseLabel(type) {
    const t = (current?.clause_types || []).find((x) => x.type === type);
    return t ? t.label : clauseTitle(type);
  }

  const fieldLabel = (key) => (config.columns || {})[key] || key;

  // The grounds of the rules a lot's decision may record: those of L3114-2-1
  // for a concession, of L2112-2-1 for a public contract.
  const motifsOf = (lot) => (lot.concession ? current?.motifs_concessions : current?.motifs) || [];
  // A motif of the rules, by its id or by its wording (the workspace keeps
  // the wording of a motif given by its id), among the lot's grounds, or
  // among all of them when no lot is given.
  const findMotif = (motif, lot) =>
    (lot ? motifsOf(lot) : [...(current?.motifs || []), ...(current?.motifs_concessions || [])])
      .find((x) => x.id === motif || x.label === motif);

  function motifLabel(motif) {
    const m = findMotif(motif);
    return m ? m.label : motif;
  }

  // What stands for a clause: the decision's verdict and hours, else the proposal's.
  function effective(clause) {
    const d = clause.decision;
    return {
      verdict: (d && d.verdict) || clause.proposed.verdict,
      hours: d && d.hours !== null && d.hours !== undefined ? d.hours : clause.proposed.hours,
    };
  }

  function badge(verdict) {
    if (!verdict) return el("span", { class: "badge v-erreur" }, "erreur");
    return el("span", { class: "badge v-" + verdict }, verdictLabels[verdict] || verdict);
  }

  const hoursText = (h) => (h === null || h === undefined ? "" : integer(h) + NBSP + "h");

  // --- A lot: a row that folds open --------------------------------------------------

  function lotCard(lot) {
    const card = el("details", { class: "lot", "data-reference": lot.reference });
    card.append(el("summary", {}, lotSummary(lot)));
    card.dataset.search = [lot.reference, lot.consultation, lot.objet, lot.acheteur, lot.cpv].join(" ").toLowerCase();
    card.addEventListener("toggle", () => {
      if (card.open && !card.querySelector(".detail")) card.append(lotDetail(lot));
    });
    return card;
  }

  function lotSummary(lot) {
    return [
      el("span", { class: "lot-ref" }, lot.reference),
      el("span", { class: "lot-objet" }, lot.objet),
      el("span", { class: "lot-montant" }, lot.montant_ht == null ? "montant inconnu" : euros(lot.montant_ht)),
      el("span", { class: "lot-clauses" }, shownInSummary(lot).map((c) => {
        const e = effective(c);
        return el("span", { class: "lot-clause", "data-clause": c.type, "data-verdict": e.verdict || "erreur" },
          el("span", { class: "lot-clause-nom" }, c.label || clauseLabel(c.type)), " ", badge(e.verdict),
          e.hours ? el("span", { class: "heures" }, hoursText(e.hours)) : null,
          c.decision ? el("span", { class: "marque-decision", title: "décision prise" }, "décidé") : null,
          c.decision && c.conflict ? el("span", { class: "marque-conflit" }, "conflit") : null);
      }), excludedNote(lot)),
    ];
  }

  // The summary names the clauses that ask something of the buyer (not
  // excluded), and those decided; the others are counted.
  const inSummary = (c) => effective(c).verdict !== "exclue" || c.decision;
  const shownInSummary = (lot) => lot.clauses.filter(inSummary);
  function excludedNote(lot) {
    const n = lot.clauses.length - shownInSummary(lot).length;
    if (!n) return null;
    return el("span", { class: "aide lot-exclues", "data-verdict": "exclue" },
      n === 1 ? "1 autre clause exclue" : n + " autres clauses exclues");
  }

  function refreshSummary(card, lot) {
    card.querySelector("summary").replaceChildren(...lotSummary(lot));
  }

  function lotDetail(lot) {
    const detail = el("div", { class: "detail" });
    detail.append(el("p", { class: "aide" },
      [lot.consultation && "Consultation " + lot.consultation, lot.acheteur, lot.nature, lot.cpv && "CPV " + lot.cpv,
        lot.date_lancement && "lancement le " + lot.date_lancement, lot.lieu && "lieu " + lot.lieu, lot.source]
        .filter(Boolean).join(" · ")));
    detail.append(documentsMenu(lot), historyBlock(lot));
    // The clauses that ask something first; the excluded ones folded below.
    const others = lot.clauses.filter((c) => !inSummary(c));
    for (const clause of lot.clauses.filter(inSummary)) detail.append(clauseSection(lot, clause));
    if (others.length) {
      detail.append(el("details", { class: "autres-clauses" },
        el("summary", {}, others.length === 1 ? "1 autre clause, exclue" : others.length + " autres clauses, exclues"),
        others.map((clause) => clauseSection(lot, clause))));
    }
    return detail;
  }

  function clauseSection(lot, clause) {
    const section = el("section", { class: "clause", "data-clause": clause.type });
    const fill = () => {
      const p = clause.proposed;
      section.replaceChildren(...[
        el("h4", {}, clause.label || clauseLabel(clause.type)),
        el("p", { class: "propose" }, "Proposé" + NBSP + ": ", badge(p.verdict), p.hours ? " " + hoursText(p.hours) : ""),
        (p.reasons || []).length ? el("ul", { class: "motifs" }, p.reasons.map((r) => el("li", {}, r))) : null,
        (p.basis || []).length ? el("p", { class: "fondements aide" }, "Fondements" + NBSP + ": " + p.basis.join(", ")) : null,
        (p.warnings || []).length ? el("ul", { class: "avertissements" }, p.warnings.map((w) => el("li", {}, w))) : null,
        p.error ? el("p", { class: "erreur" }, "La règle a échoué pour ce lot" + NBSP + ": " + p.error) : null,
        decisionText(clause),
        clause.decision && clause.conflict ? el("p", { class: "erreur conflit" }, "Conflit" + NBSP + ": " + clause.conflict) : null,
        decisionForm(lot, clause, (updated) => {
          Object.assign(clause, updated);
          fill();
          const card = section.closest("details.lot");
          refreshSummary(card, lot);
          // The documents the lot calls for follow its verdicts as decided.
          const menu = card.querySelector(".documents-lot");
          if (menu) menu.replaceWith(documentsMenu(lot));
          summary();
          refreshHistory(card, lot);
          filter();
          reviewAgain();
        })].filter((node) => node !== null));
    };
    fill();
    return section;
  }

  function decisionText(clause) {
    const d = clause.decision;
    if (!d) return el("p", { class: "decide" }, "Décidé" + NBSP + ": pas encore de décision, la proposition s'applique.");
    const parts = [];
    if (d.verdict) parts.push(badge(d.verdict));
    if (d.hours !== null && d.hours !== undefined) parts.push(" " + hoursText(d.hours));
    if (d.motif) parts.push(" · motif" + NBSP + ": " + motifLabel(d.motif));
    if (d.comment) parts.push(" · « " + d.comment + " »");
    return el("p", { class: "decide" }, "Décidé" + NBSP + ": ", parts.length ? parts : "proposition confirmée",
      el("span", { class: "aide" }, " (" + (d.author || "?") + (d.at ? ", " + date(d.at) : "") + ")"));
  }

  let formCount = 0;

  // The decision form: verdict, hours, motif (a ground of the rules or free
  // text), comment. Sent whole at once (PUT); the answer is the clause as
  // the workspace now has it.
  function decisionForm(lot, clause, saved) {
    const id = "d" + (++formCount);
    const d = clause.decision || {};
    const motifs = motifsOf(lot);
    const known = d.motif ? findMotif(d.motif, lot) : null;
    const field = (label, control) => el("label", { for: control.id }, label, control);

    const verdict = el("select", { id: id + "-verdict", name: "verdict" },
      el("option", { value: "" }, "celui proposé (" + (verdictLabels[clause.proposed.verdict] || "aucun") + ")"),
      verdicts.map((v) => el("option", { value: v, selected: d.verdict === v }, verdictLabels[v])));
    const hours = el("input", { id: id + "-heures", name: "hours", inputmode: "numeric", autocomplete: "off",
      value: d.hours ?? "", placeholder: clause.proposed.hours ? String(clause.proposed.hours) : "" });
    const motif = el("select", { id: id + "-motif", name: "motif" },
      el("option", { value: "" }, "aucun"),
      motifs.map((m) => el("option", { value: m.id, selected: known === m }, m.label + (m.reference ? " (" + m.reference + ")" : ""))),
      el("option", { value: "__libre", selected: !!(d.motif && !known) }, "autre (texte libre)…"));
    const motifText = el("input", { id: id + "-motif-libre", name: "motif_libre", autocomplete: "off", maxlength: 4000,
      value: d.motif && !known ? d.motif : "" });
    const motifTextLabel = field("Motif en texte libre", motifText);
    motifTextLabel.hidden = motif.value !== "__libre";
    motif.addEventListener("change", () => { motifTextLabel.hidden = motif.value !== "__libre"; });
    const comment = el("textarea", { id: id + "-commentaire", name: "comment", rows: 2, maxlength: 4000 }, d.comment || "");
    const status = el("p", { class: "etat", role: "status", "aria-live": "polite" });
    const errors = el("ul", { class: "diagnostics erreurs-decision", hidden: true });
    const withdraw = el("button", { type: "button", class: "secondaire", name: "retirer", hidden: !clause.decision },
      "Retirer la décision");

    const form = el("form", { class: "decision", "data-clause": clause.type },
      el("fieldset", {}, el("legend", {}, "Décision"),
        field("Verdict", verdict), field("Heures d'insertion", hours), field("Motif", motif), motifTextLabel,
        field("Commentaire", comment),
        el("p", { class: "actions" }, el("button", { type: "submit" }, "Enregistrer"), " ", withdraw),
        status, errors));

    const report = (error) => {
      const list = error.details || [];
      status.className = "etat erreur";
      status.textContent = list.length ? "Décision refusée, rien n'a été enregistré" + NBSP + ":" : error.message;
      errors.replaceChildren(...list.map((e) => el("li", { class: "error" }, e.location ? el("code", {}, e.location) : null, " ", e.message)));
      errors.hidden = list.length === 0;
    };

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const value = (s) => (s.trim() === "" ? null : s.trim());
      const body = {
        verdict: value(verdict.value),
        hours: value(hours.value),
        motif: motif.value === "__libre" ? value(motifText.value) : value(motif.value),
        comment: value(comment.value),
      };
      status.className = "etat";
      status.textContent = "Enregistrement…";
      errors.hidden = true;
      try {
        const updated = await (await call(clauseUrl(current.programme.name, lot.reference, clause.type), {
          method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
        })).json();
        saved(updated);
        const again = findForm(lot.reference, clause.type);
        if (again) again.querySelector("[role=status]").textContent = "Décision enregistrée.";
      } catch (error) {
        report(error);
      }
    });
    withdraw.addEventListener("click", async () => {
      status.className = "etat";
      status.textContent = "Retrait…";
      try {
        const updated = await (await call(clauseUrl(current.programme.name, lot.reference, clause.type), { method: "DELETE" })).json();
        saved(updated);
        const again = findForm(lot.reference, clause.type);
        if (again) again.querySelector("[role=status]").textContent = "Décision retirée" + NBSP + ": la proposition s'applique.";
      } catch (error) {
        report(error);
      }
    });
    return form;
  }

  function findForm(reference, type) {
    for (const card of $("lots").querySelectorAll("details.lot")) {
      if (card.dataset.reference === reference) return card.querySelector(`form.decision[data-clause="${CSS.escape(type)}"]`);
    }
    return null;
  }

  // --- Documents: one menu per lot -----------------------------------------------------

  // The documents the lot's verdicts (as decided) call for, by name.
  function lotDocuments(lot) {
    const out = [];
    for (const d of config.documents || []) {
      const called = (d.applies || []).some((a) => lot.clauses.some((c) => c.type === a.clause && a.verdicts.includes(effective(c).verdict)));
      if (called) out.push(d);
    }
    return out;
  }

  const formatLabels = { html: "page web", docx: "Word", odt: "OpenDocument", md: "Markdown", pdf: "PDF" };

  function documentsMenu(lot) {
    const docs = lotDocuments(lot);
    const box = el("div", { class: "documents-lot" });
    if (!docs.length) {
      box.append(el("p", { class: "aide" }, "Aucun document appelé par les verdicts de ce lot."));
      return box;
    }
    const id = "doc" + (++formCount);
    const select = el("select", { id, name: "document" }, docs.map((d) => el("option", { value: d.id }, d.title)));
    const formats = el("select", { id: id + "-format", name: "format", "aria-label": "Format" },
      (docs[0].formats || ["html"]).map((f) => el("option", { value: f }, formatLabels[f] || f)));
    const status = el("span", { class: "etat", role: "status" });
    box.append(el("label", { for: id }, "Documents du lot"),
      el("div", { class: "actions" }, select, formats,
        el("button", { type: "button", class: "secondaire", name: "apercu", onclick: () => preview(box, lot, select.value) }, "Aperçu"),
        el("button", { type: "button", class: "secondaire", name: "telecharger", onclick: async () => {
          status.className = "etat";
          status.textContent = "Préparation…";
          try {
            status.textContent = "Téléchargé" + NBSP + ": " + await fetchDocument({ reference: lot.reference, document: select.value, format: formats.value });
          } catch (error) {
            status.className = "etat erreur";
            status.textContent = error.message;
          }
        } }, "Télécharger")),
      status);
    return box;
  }

  // The preview: the form posted into a frame, so that the document arrives
  // with its own security policy. One frame, moved to the lot shown.
  function preview(box, lot, documentId) {
    let frame = $("apercu");
    if (!frame) frame = el("iframe", { id: "apercu", name: "apercu", title: "Aperçu du document", sandbox: "" });
    box.append(frame);
    const form = $("apercu-form");
    form.elements.workspace.value = current.programme.name;
    form.elements.reference.value = lot.reference;
    form.elements.document.value = documentId;
    form.submit();
  }

  async function fetchDocument(fields, route = "/api/render") {
    const form = new FormData();
    form.append("workspace", current.programme.name);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return download(await call(route, { method: "POST", body: form }), "document");
  }

  $("tout-telecharger").addEventListener("click", () => downloadAll({ format: "zip" }));
  for (const button of $("telecharger-revue").querySelectorAll("button[data-revue]")) {
    button.addEventListener("click", () => downloadAll({ format: button.dataset.revue }, "/api/review"));
  }
  async function downloadAll(fields, route) {
    const status = $("etat");
    status.className = "etat";
    try {
      status.textContent = "Téléchargé" + NBSP + ": " + await fetchDocument(fields, route);
    } catch (error) {
      showErrors(error.message, error.details);
    }
  }

  // --- History of a lot ------------------------------------------------------------------

  function historyBlock(lot) {
    const block = el("details", { class: "historique" }, el("summary", {}, "Historique du lot"), el("ol", {}));
    block.addEventListener("toggle", () => { if (block.open) fillHistory(block, lot); });
    return block;
  }

  function refreshHistory(card, lot) {
    const block = card.querySelector("details.historique");
    if (block && block.open) fillHistory(block, lot);
  }

  async function fillHistory(block, lot) {
    const list = block.querySelector("ol");
    try {
      const url = programmeUrl(current.programme.name) + "/history?lot=" + encodeURIComponent(lot.reference);
      const entries = (await (await call(url)).json()).history;
      list.replaceChildren(...(entries.length ? entries.slice().reverse().map(historyItem)
        : [el("li", {}, "Aucun changement enregistré.")]));
    } catch (error) {
      list.replaceChildren(el("li", { class: "erreur" }, error.message));
    }
  }

  const actionLabels = { import: "Import", decision: "Décision", withdrawal: "Décision retirée", restore: "Restauration" };

  // A change, said with the clause's name and the values in French.
  function historyItem(h) {
    const when = el("span", { class: "aide" }, date(h.at) + " · " + (h.author || "?") + (h.version ? " · version " + h.version : "") + " · ");
    if (!h.clause) return el("li", {}, when, h.summary || actionLabels[h.action] || h.action);
    const said = (d) => {
      if (!d) return "aucune décision";
      const parts = [];
      if (d.verdict) parts.push(verdictLabels[d.verdict] || d.verdict);
      if (d.hours !== null && d.hours !== undefined) parts.push(hoursText(d.hours));
      if (d.motif) parts.push("motif" + NBSP + ": " + motifLabel(d.motif));
      if (d.comment) parts.push("« " + d.comment + " »");
      return parts.join(", ") || "proposition confirmée";
    };
    const text = (actionLabels[h.action] || h.action) + " · " + clauseLabel(h.clause) + NBSP + ": " +
      (h.action === "withdrawal" ? "(elle était" + NBSP + ": " + said(h.before) + ")" :
        said(h.after) + (h.before ? " (avant" + NBSP + ": " + said(h.before) + ")" : ""));
    return el("li", {}, when, text);
  }

  // --- Filters ------------------------------------------------------------------------------

  function filter() {
    if (!current) return;
    const clause = $("filtre-clause").value;
    const verdict = $("filtre-verdict").value;
    const decision = $("filtre-decision").value;
    const consultation = $("filtre-consultation").value;
    const text = $("filtre-texte").value.trim().toLowerCase();
    let shown = 0;
    const byReference = new Map(current.lots.map((l) => [l.reference, l]));
    for (const card of $("lots").children) {
      const lot = byReference.get(card.dataset.reference);
      const clauses = lot.clauses.filter((c) => !clause || c.type === clause);
      const ok = (!verdict || clauses.some((c) => effective(c).verdict === verdict)) &&
        (!decision || clauses.some((c) => decision === "decide" ? c.decision : decision === "conflit" ? c.decision && c.conflict : !c.decision)) &&
        (!consultation || lot.consultation === consultation) &&
        (!text || card.dataset.search.includes(text));
      card.hidden = !ok;
      if (ok) shown++;
    }
    $("compte").textContent = shown + " lot(s) affiché(s) sur " + current.lots.length + ".";
  }
  for (const id of ["filtre-clause", "filtre-verdict", "filtre-decision", "filtre-consultation"]) $(id).addEventListener("change", filter);
  $("filtre-texte").addEventListener("input", filter);
  $("filtres").addEventListener("submit", (e) => e.preventDefault());

  // --- Start ---------------------------------------------------------------------------------

  (async () => {
    await loadProgrammes();
    const match = /^#programme=(.+)$/.exec(location.hash);
    if (match) await open(decodeURIComponent(match[1]));
  })();
})();

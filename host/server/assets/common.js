// Shared helpers of the clausier pages (no framework, no external resource).
"use strict";

// Accounts (docs/accounts.md): every state-changing request made with the
// session cookie carries the session's anti-CSRF token (X-CSRF-Token), read
// once from GET /api/session; a request refused for want of a session (401)
// leads to the login page.
(() => {
  const plainFetch = window.fetch.bind(window);
  let csrf = null;
  async function token() {
    if (csrf !== null) return csrf;
    csrf = sessionStorage.getItem("clausier-csrf") || "";
    try {
      const response = await plainFetch("/api/session", { credentials: "same-origin" });
      if (response.ok) csrf = (await response.json()).csrf || "";
    } catch (_) { /* no session: an open workspace */ }
    return csrf;
  }
  async function send(input, init) {
    const method = (init.method || "GET").toUpperCase();
    if (method !== "GET" && method !== "HEAD") {
      const value = await token();
      if (value) {
        const headers = new Headers(init.headers || {});
        headers.set("X-CSRF-Token", value);
        init = Object.assign({}, init, { headers });
      }
    }
    return plainFetch(input, init);
  }
  window.fetch = async (input, init = {}) => {
    let response = await send(input, init);
    // A token of an older session (a login in another tab): read it again, once.
    if (response.status === 403 && csrf && init.method && init.method.toUpperCase() !== "GET") {
      csrf = null;
      sessionStorage.removeItem("clausier-csrf");
      response = await send(input, init);
    }
    if (response.status === 401 && String(input).startsWith("/api/programmes")) {
      window.location.assign("/connexion");
    }
    return response;
  };
})();

const Clausier = (() => {
  const NNBSP = "\u202F";
  const config = JSON.parse(document.getElementById("config")?.textContent || "{}");

  // Labels of the vocabularies' ids, from the server (model/): a person reads
  // « recommandée », the API says `recommandee`.
  const labels = config.labels || {};
  const verdictLabels = labels.verdicts || {};
  // The title of a clause type of the rules (`reserve-handicap` -> its title).
  function clauseTitle(type) {
    const c = (config.clauses || []).find((x) => x.id === type);
    return c ? c.title : type;
  }
  // A programme value as a person reads it: a buyer type or a nature by its label.
  function valueLabel(field, value) {
    return (labels[field] && labels[field][value]) || value;
  }

  // 1 234 567 with narrow no-break spaces, as French typography wants.
  function integer(n) {
    return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  }
  function euros(n) {
    const cents = Math.round(n * 100);
    const whole = integer(Math.trunc(cents / 100));
    const rest = Math.abs(cents % 100);
    return (rest ? whole + "," + String(rest).padStart(2, "0") : whole) + "\u00A0€";
  }

  // el("td", {class: "nombre"}, "text", child…): an element, safely (text is never HTML).
  function el(name, attrs, ...children) {
    const node = document.createElement(name);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function verdictBadge(clause) {
    // The badges of the review (revue.css): the same colours on screen and in print.
    if (!clause.verdict) return el("span", { class: "badge v-erreur", title: clause.error?.message }, "erreur");
    return el("span", { class: "badge v-" + clause.verdict }, verdictLabels[clause.verdict] || clause.verdict);
  }

  // The documents the template list says a lot's verdicts call for.
  function documentsFor(lot) {
    const out = [];
    for (const d of config.documents || []) {
      const called = (d.applies || []).some((a) =>
        (lot.clauses || []).some((c) => c.type === a.clause && a.verdicts.includes(c.verdict)));
      if (called) out.push(d);
    }
    return out;
  }

  // Sends a request to the API; resolves to the Response, or throws an Error
  // carrying the server's French message.
  async function api(path, body) {
    const response = await fetch(path, {
      method: "POST", body, credentials: "same-origin",
      headers: typeof body === "string" ? { "Content-Type": "application/json" } : {},
    });
    if (!response.ok) {
      let message = "erreur " + response.status;
      try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return response;
  }

  // Saves a Response body under the name its Content-Disposition gives.
  async function download(response, fallback) {
    const blob = await response.blob();
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename\*=UTF-8''([^;]+)/.exec(header) || /filename="([^"]+)"/.exec(header);
    const name = match ? decodeURIComponent(match[1]) : fallback;
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return name;
  }

  function diagnostics(container, list) {
    container.replaceChildren();
    if (!list || list.length === 0) {
      container.append(el("p", {}, "Aucun problème signalé."));
      return;
    }
    container.append(el("ul", { class: "diagnostics" }, list.map((d) =>
      el("li", { class: d.severity }, el("code", {}, d.location || d.file || ""), " ", d.message))));
  }

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  return { config, verdictLabels, clauseTitle, valueLabel, integer, euros, el, verdictBadge, documentsFor, api, download, diagnostics, debounce };
})();

// The follow-up page (/suivi/{name}): sends a statement to
// /api/programmes/{name}/followup/statements and shows the outcome, every
// error with its place, then reloads the page's figures when imported.
"use strict";
(function () {
  const form = document.getElementById("form-releve");
  const out = document.getElementById("resultat-releve");
  if (!form || !out) return;
  function show(title, items, kind) {
    out.textContent = "";
    out.className = kind;
    const p = document.createElement("p");
    p.textContent = title;
    out.appendChild(p);
    if (items && items.length) {
      const ul = document.createElement("ul");
      for (const item of items) {
        const li = document.createElement("li");
        li.textContent = item.location + "\u00A0: " + item.message;
        ul.appendChild(li);
      }
      out.appendChild(ul);
    }
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    show("Envoi en cours…", [], "attente");
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form) });
      const body = await response.json();
      if (response.status === 422) {
        show("État refusé\u00A0: " + body.errors.length + " erreur(s), rien n'a été importé.", body.errors, "erreurs");
      } else if (!response.ok) {
        show(body.error || "Envoi impossible.", [], "erreurs");
      } else if (body.unchanged) {
        show("État déjà importé\u00A0: rien n'a changé.", body.warnings, "ok");
      } else {
        show("État importé\u00A0: " + body.lines + " ligne(s), " + body.lots + " lot(s), " + body.months + " mois.",
          body.warnings, "ok");
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    } catch (e) {
      show("Envoi impossible\u00A0: " + e, [], "erreurs");
    }
  });
})();

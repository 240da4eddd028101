// The login page (/connexion): sends the form to POST /api/session as JSON;
// the server sets the session cookie (HttpOnly) and answers the anti-CSRF
// token, which the other pages read from GET /api/session (common.js).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const NBSP = "\u00A0";

  function showError(message) {
    const box = $("erreurs");
    box.textContent = message;
    box.hidden = false;
    box.focus();
  }

  $("connexion").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("erreurs").hidden = true;
    $("etat").textContent = "Connexion…";
    try {
      const response = await fetch("/api/session", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ login: $("login").value, password: $("password").value }),
      });
      if (!response.ok) {
        let message = "erreur " + response.status;
        try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
        throw new Error(message);
      }
      const session = await response.json();
      sessionStorage.setItem("clausier-csrf", session.csrf);
      $("etat").textContent = "Connecté" + NBSP + ": " + session.login + ".";
      window.location.assign("/");
    } catch (error) {
      $("etat").textContent = "";
      showError(error.message);
    }
  });

  $("deconnexion").addEventListener("click", async () => {
    const csrf = sessionStorage.getItem("clausier-csrf") || "";
    await fetch("/api/session", { method: "DELETE", credentials: "same-origin", headers: { "X-CSRF-Token": csrf } });
    sessionStorage.removeItem("clausier-csrf");
    $("etat").textContent = "Déconnecté.";
  });
})();

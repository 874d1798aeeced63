// Billforge web app: CSRF header for htmx requests, theme toggle, confirmations. No inline scripts (strict CSP).
(function () {
  "use strict";
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  document.addEventListener("htmx:configRequest", function (event) {
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  var root = document.documentElement;
  var saved = null;
  try { saved = window.localStorage.getItem("bf-theme"); } catch (e) { saved = null; }
  if (saved === "dark" || saved === "light") {
    root.setAttribute("data-theme", saved);
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-theme-toggle]");
    if (!button) {
      return;
    }
    var dark = root.getAttribute("data-theme") === "dark"
      || (!root.hasAttribute("data-theme") && window.matchMedia("(prefers-color-scheme: dark)").matches);
    var next = dark ? "light" : "dark";
    root.setAttribute("data-theme", next);
    try { window.localStorage.setItem("bf-theme", next); } catch (e) { /* private mode: not remembered */ }
  });

  // Progress feedback: a submitted form's buttons are disabled until the next page arrives.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
    }, 0);
  });
})();
window.addEventListener("pageshow", function () {
  document.querySelectorAll("button[type=submit]:disabled").forEach(function (b) { b.disabled = false; });
});

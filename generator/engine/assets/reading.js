/* The reading toolbar (长者模式 / 无障碍): the reader's choices of text size,
   contrast and line spacing, kept in localStorage ("hb-reading") and applied as
   attributes on <html> (reading.css). The page's head applies them before it is
   drawn; this script wires the buttons. Works without storage (the choice then
   lasts for the page). */
(function () {
  "use strict";
  var KEY = "hb-reading";
  var root = document.documentElement;

  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY) || "{}");
      return { text: s.text === 1 || s.text === 2 ? s.text : 0, contrast: !!s.contrast, spacing: !!s.spacing };
    } catch (e) {
      return { text: 0, contrast: false, spacing: false };
    }
  }

  function save(state) {
    try {
      if (!state.text && !state.contrast && !state.spacing) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* private mode: the choice lasts for this page */ }
  }

  function apply(state) {
    if (state.text) root.setAttribute("data-hb-text", String(state.text));
    else root.removeAttribute("data-hb-text");
    root.toggleAttribute("data-hb-contrast", state.contrast);
    root.toggleAttribute("data-hb-spacing", state.spacing);
    document.querySelectorAll("[data-hb-text]").forEach(function (b) {
      if (b.tagName === "BUTTON") b.setAttribute("aria-pressed", String(Number(b.getAttribute("data-hb-text")) === state.text));
    });
    document.querySelectorAll("button[data-hb-contrast]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(state.contrast));
    });
    document.querySelectorAll("button[data-hb-spacing]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(state.spacing));
    });
  }

  function init() {
    var toggle = document.querySelector("[data-hb-reading-toggle]");
    var panel = document.getElementById("hb-reading-panel");
    if (!toggle || !panel) return;
    var state = load();
    apply(state);

    function open(show) {
      panel.hidden = !show;
      toggle.setAttribute("aria-expanded", String(show));
      if (show) {
        var first = panel.querySelector("button[aria-pressed='true']") || panel.querySelector("button");
        if (first) first.focus();
      }
    }

    toggle.addEventListener("click", function () { open(panel.hidden); });
    panel.addEventListener("click", function (event) {
      var b = event.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-hb-text")) state.text = Number(b.getAttribute("data-hb-text"));
      else if (b.hasAttribute("data-hb-contrast")) state.contrast = !state.contrast;
      else if (b.hasAttribute("data-hb-spacing")) state.spacing = !state.spacing;
      else if (b.hasAttribute("data-hb-reset")) state = { text: 0, contrast: false, spacing: false };
      else if (b.hasAttribute("data-hb-close")) { open(false); toggle.focus(); return; }
      apply(state);
      save(state);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { open(false); toggle.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !panel.contains(event.target) && !toggle.contains(event.target)) open(false);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

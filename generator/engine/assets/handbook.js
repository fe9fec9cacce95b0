/* The handbook's own behaviour: Pagefind search in Material's dialog, and the
 * status filter of the standards index. No external requests. */
(function () {
  "use strict";

  /* ---------- search ---------- */
  var dialog = document.querySelector(".hb-search");
  var toggle = document.getElementById("__search");
  if (dialog && toggle) {
    var input = dialog.querySelector(".md-search__input");
    var meta = dialog.querySelector(".md-search-result__meta");
    var list = dialog.querySelector(".md-search-result__list");
    var base = new URL((dialog.getAttribute("data-hb-base") || ".") + "/", location.href);
    var pagefind = null;
    var counter = 0;

    var load = function () {
      if (!pagefind) {
        /* The search runs in the page: its index is small, and a worker
         * would be one more script to fetch. */
        pagefind = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
          return pf.options({ baseUrl: base.pathname, noWorker: true }).then(function () {
            return pf;
          });
        });
      }
      return pagefind;
    };
    var clean = function (text) {
      return (text || "").replace(/¶\s*$/, "").trim();
    };
    var article = function (href, level, title, excerpt) {
      var a = document.createElement("a");
      a.href = href;
      a.className = "md-search-result__link";
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset";
      var h = document.createElement(level);
      h.textContent = title;
      art.appendChild(h);
      if (excerpt) {
        var p = document.createElement("p");
        p.innerHTML = excerpt; /* Pagefind escapes the text and adds only <mark> */
        art.appendChild(p);
      }
      a.appendChild(art);
      return a;
    };
    var render = function (term, results) {
      list.textContent = "";
      /* Pages of the edition in force before pages of single editions. */
      results = results.filter(function (r) { return !r.meta.edition; })
        .concat(results.filter(function (r) { return r.meta.edition; }));
      results.forEach(function (r) {
        var li = document.createElement("li");
        var title = clean(r.meta && r.meta.title);
        li.className = "md-search-result__item";
        li.appendChild(article(r.url, "h1", title, r.excerpt));
        /* Clauses whose number or title holds the query come first. */
        var subs = (r.sub_results || []).filter(function (s) {
          return s.url !== r.url && clean(s.title) !== title;
        });
        var inTitle = function (s) { return clean(s.title).indexOf(term) !== -1; };
        subs = subs.filter(inTitle).concat(subs.filter(function (s) { return !inTitle(s); }));
        subs.slice(0, 5).forEach(function (s) {
          li.appendChild(article(s.url, "h2", clean(s.title), s.excerpt));
        });
        list.appendChild(li);
      });
    };
    var search = function () {
      var term = input.value.trim();
      var mine = ++counter;
      if (!term) { list.textContent = ""; meta.textContent = ""; return; }
      meta.textContent = dialog.getAttribute("data-loading");
      load().then(function (pf) { return pf.debouncedSearch(term, {}, 150); })
        .then(function (found) {
          if (!found || mine !== counter) return null;
          return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }))
            .then(function (data) {
              if (mine !== counter) return;
              meta.textContent = data.length
                ? dialog.getAttribute("data-count").replace("{n}", found.results.length)
                : dialog.getAttribute("data-none");
              render(term, data);
            });
        })
        .catch(function () { meta.textContent = dialog.getAttribute("data-failed"); });
    };
    input.addEventListener("input", search);
    input.addEventListener("focus", function () { toggle.checked = true; load().catch(function () {}); });
    dialog.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { search(); input.focus(); }, 0);
    });
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
    list.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) { toggle.checked = false; }
    });
    document.addEventListener("keydown", function (ev) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (ev.key === "Escape" && toggle.checked) {
        toggle.checked = false; input.blur();
      } else if (!typing && (ev.key === "/" || ev.key === "s") && !ev.ctrlKey && !ev.metaKey) {
        ev.preventDefault(); toggle.checked = true; input.focus();
      }
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; toggle.checked = true; search(); }
  }

  /* ---------- filters on index pages (status, type) ---------- */
  var filter = document.querySelector(".hb-filter");
  var tables = document.querySelectorAll(".hb-filterable table");
  if (filter && tables.length) {
    var buttons = Array.prototype.slice.call(filter.querySelectorAll("button"));
    var output = document.querySelector(".hb-filter-result");
    var rows = [];
    Array.prototype.forEach.call(tables, function (t) {
      rows = rows.concat(Array.prototype.slice.call(t.tBodies[0].rows));
    });
    var apply = function (value) {
      var shown = 0;
      rows.forEach(function (row) {
        var key = row.querySelector("[data-filter-key]");
        var match = !value || (key && key.getAttribute("data-filter-key") === value);
        row.hidden = !match;
        if (match) shown++;
      });
      buttons.forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === value));
      });
      if (output) {
        output.textContent = shown ? shown + " " + output.getAttribute("data-template")
                                   : output.getAttribute("data-none");
      }
    };
    buttons.forEach(function (b) {
      b.addEventListener("click", function () { apply(b.getAttribute("data-filter")); });
    });
    filter.hidden = false;
  }

  /* ---------- a notice's status, checked again against today's date ---------- */
  var notice = document.querySelector("[data-hb-notice]");
  if (notice) {
    /* Today in China, as YYYY-MM-DD, whatever the reader's time zone. */
    var today = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit"
    }).format(new Date());
    var start = notice.getAttribute("data-start");
    var end = notice.getAttribute("data-end");
    var outcome = notice.getAttribute("data-outcome");
    /* The statuses by name, as the page writes them (NoticeStatus in generator/notices/status.py). */
    var state = today < start ? "not-started" : today <= end ? "open" :
      (outcome && outcome <= today) ? "decided" : "closed";
    var days = Math.round((Date.parse(end) - Date.parse(today)) / 86400000) + 1;
    var title = notice.querySelector(".admonition-title");
    title.textContent = notice.getAttribute("data-text-" + state).replace("{days}", days);
    ["note", "info", "abstract", "success"].forEach(function (k) { notice.classList.remove(k); });
    notice.classList.add(notice.getAttribute("data-kind-" + state));
    notice.setAttribute("data-checked", today);
    var channel = document.querySelector(".hb-objections");
    if (channel && state !== "not-started" && state !== "open") channel.hidden = true;
  }

  /* ---------- sortable, filterable result tables ---------- */
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var numberOf = function (text) {
    var m = text.replace(/[,，\s]/g, "").replace("−", "-").match(/^[+-]?\d+(\.\d+)?/);
    return m ? parseFloat(m[0]) : null;
  };
  Array.prototype.forEach.call(document.querySelectorAll(".hb-sortable table"), function (table, n) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hb-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row, i) {
          var text = row.cells[col] ? row.cells[col].textContent.trim() : "";
          return { row: row, text: text, num: numberOf(text), i: i };
        });
        keyed.sort(function (a, b) {
          var d = (a.num !== null && b.num !== null) ? a.num - b.num : collator.compare(a.text, b.text);
          return (ascending ? d : -d) || a.i - b.i;
        });
        keyed.forEach(function (k) { body.appendChild(k.row); });
      });
    });
    var box = document.createElement("div");
    box.className = "hb-table-filter";
    var id = "hb-filter-" + n;
    var wrap = table.closest(".hb-sortable");
    box.innerHTML = '<label for="' + id + '"></label><input type="search" id="' + id + '">';
    box.querySelector("label").textContent = wrap.getAttribute("data-label") || "筛选";
    box.querySelector("input").placeholder = wrap.getAttribute("data-placeholder") || "";
    box.querySelector("input").addEventListener("input", function (ev) {
      var q = ev.target.value.trim();
      rows.forEach(function (row) { row.hidden = q !== "" && row.textContent.indexOf(q) === -1; });
    });
    wrap.insertBefore(box, wrap.firstChild);
  });
})();

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
    var panel = dialog.querySelector(".hb-facets");
    var groups = dialog.querySelector(".hb-facets__groups");
    var summary = dialog.querySelector(".hb-facets__chosen");
    var base = new URL((dialog.getAttribute("data-hb-base") || ".") + "/", location.href);
    /* Facets, value orders, badge classes (generator/facets.py). */
    var settings = JSON.parse(dialog.getAttribute("data-hb-facets") || "{}");
    var facets = settings.facets || [];
    var text = function (name) { return dialog.getAttribute("data-" + name) || ""; };
    var chosen = {}; /* facet → value; kept when the query changes */
    var pagefind = null;
    var counter = 0;

    var load = function () {
      if (!pagefind) {
        /* One index per part of the site (generator/engine/search.py): the first carries
         * the search code, the others are merged into it. */
        var indexes = (dialog.getAttribute("data-hb-indexes") || "pages").split(" ");
        var folder = function (name) { return new URL("pagefind/" + name + "/", base); };
        pagefind = import(new URL("pagefind.js", folder(indexes[0])).href).then(function (pf) {
          /* The search runs in the page: its indexes are small, and a worker
           * would be one more script to fetch. A page's length counts little:
           * standards are long, and should not lose to a short page that
           * names the same words. */
          var ranking = { pageLength: 0.2 };
          return pf.options({ baseUrl: base.pathname, noWorker: true, ranking: ranking })
            .then(function () {
              return Promise.all(indexes.slice(1).map(function (name) {
                return pf.mergeIndex(folder(name).pathname, { baseUrl: base.pathname, ranking: ranking });
              }));
            })
            /* Loads the filters, so that each search counts its results by facet. */
            .then(function () { return pf.filters(); })
            .then(function () { return pf; });
        });
      }
      return pagefind;
    };
    var clean = function (value) {
      return (value || "").replace(/¶\s*$/, "").trim();
    };
    var filtersWithout = function (facet) {
      var f = {};
      Object.keys(chosen).forEach(function (k) { if (k !== facet) f[k] = chosen[k]; });
      return f;
    };
    var first = function (r, facet) { return ((r.filters || {})[facet] || [])[0] || ""; };

    /* ----- results ----- */
    var tag = function (label, cls) {
      var s = document.createElement("span");
      s.className = "md-tag" + (cls ? " " + cls : "");
      s.textContent = label;
      return s;
    };
    var marks = function (r) {
      var nav = document.createElement("p");
      nav.className = "md-tags hb-result-marks";
      var kind = first(r, settings.kind) || r.meta.kind;
      var status = first(r, settings.status);
      if (kind) nav.appendChild(tag(kind, "hb-result-kind"));
      if (r.meta.code) nav.appendChild(tag(r.meta.code));
      if (r.meta.notice) nav.appendChild(tag(text("notice-id") + " " + r.meta.notice));
      if (status) {
        nav.appendChild(tag(status, "hb-status hb-status--" + (settings.classes[status] || "other")));
      }
      return nav.childNodes.length ? nav : null;
    };
    var article = function (href, level, title, excerpt, extra) {
      var a = document.createElement("a");
      a.href = href;
      a.className = "md-search-result__link";
      var art = document.createElement("article");
      art.className = "md-search-result__article md-typeset";
      var h = document.createElement(level);
      h.textContent = title;
      art.appendChild(h);
      if (extra) art.appendChild(extra);
      if (excerpt) {
        var p = document.createElement("p");
        p.className = "md-search-result__teaser";
        p.innerHTML = excerpt; /* Pagefind escapes the text and adds only <mark> */
        art.appendChild(p);
      }
      a.appendChild(art);
      return a;
    };
    /* A sub-result's own score: what its matched words weigh. */
    var weight = function (s) {
      return (s.weighted_locations || []).reduce(function (n, w) { return n + (w.balanced_score || 0); }, 0);
    };
    /* A clause's heading without its number ("4.3 主题党日" → "主题党日"). */
    var bare = function (title) { return title.replace(/^[A-Z]?\d+(\.\d+)*\s+|^[A-Z]\.\d+\s+/, ""); };
    /* Pagefind's excerpt of a section starts with its heading (or the heading's
     * end), which is shown above it: drop it, and keep the marks of the rest. */
    var withoutHeading = function (excerpt, title) {
      excerpt = excerpt || "";
      var plain = excerpt.replace(/<[^>]*>/g, "").replace(/&[#a-z0-9]+;/gi, "\u0000");
      var cut = 0;
      for (var k = 0; k < title.length; k++) {
        var tail = title.slice(k);
        if (tail.length > 1 && plain.indexOf(tail) === 0 && /^($|[.\s])/.test(plain.slice(tail.length))) {
          cut = tail.length;
          break;
        }
      }
      if (!cut) return excerpt;
      var i = 0, seen = 0;
      while (i < excerpt.length && seen < cut) {
        if (excerpt[i] === "<") { i = excerpt.indexOf(">", i) + 1; continue; }
        /* an escaped character (&lt; …) is one character of the text */
        i = excerpt[i] === "&" && excerpt.indexOf(";", i) !== -1 ? excerpt.indexOf(";", i) + 1 : i + 1;
        seen++;
      }
      return excerpt.slice(i).replace(/^(<\/mark>)?\.?\s*/, "");
    };
    /* Pagefind marks each character of a Chinese word where it stands alone (a search
     * for 五好 marks every 好): in Chinese, only the query's whole words are marked. */
    var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
    var remark = function (excerpt, term) {
      var words = (term || "").split(/\s+/).filter(function (w) { return CJK.test(w) && !/[<>&"']/.test(w); });
      words = words.filter(function (w) {
        return !words.some(function (o) { return o !== w && o.indexOf(w) !== -1; });
      });
      if (!excerpt || !words.length) return excerpt;
      var html = excerpt.replace(/<mark>([^<]*)<\/mark>/g, function (m, inner) { return CJK.test(inner) ? inner : m; });
      return html.split(/(<[^>]*>)/).map(function (part, i) {
        if (i % 2) return part; /* a tag */
        words.forEach(function (w) { part = part.split(w).join("<mark>" + w + "</mark>"); });
        return part;
      }).join("");
    };
    /* 0: titled with the query (or numbered so); 1: its title holds the query;
     * 2: its text does; 3: it matched only parts of the query. */
    var rank = function (term, s) {
      var title = clean(s.title);
      var name = bare(title);
      if (name === term || title.split(/\s+/)[0] === term || name.indexOf(term + " ") === 0) return 0;
      if (title.indexOf(term) !== -1) return 1;
      return (s.plain_excerpt || "").indexOf(term) !== -1 ? 2 : 3;
    };
    var later = function (r) {
      return Boolean(r.meta.edition) || settings.later.indexOf(first(r, settings.status)) !== -1;
    };
    /* How squarely a page answers: 0 when one of its clauses or terms is titled
     * with the query (or numbered so), 1 when a standard's clause title holds
     * it, 2 otherwise; superseded and repealed editions after all others
     * (Pagefind's weights rank them lower already; this keeps them below). */
    var tier = function (term, r) {
      var best = (r.sub_results || []).reduce(function (n, s) {
        return s.url === r.url ? n : Math.min(n, rank(term, s));
      }, 3);
      best = best === 0 ? 0 : best === 1 && first(r, settings.kind) === settings.rules ? 1 : 2;
      return (later(r) ? 3 : 0) + best;
    };
    /* Results are shown a few at a time: each one shown costs its fragment. */
    var BATCH = 6;
    var more = function (term, found, from, mine) {
      var li = document.createElement("li");
      li.className = "hb-more";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button hb-more__button";
      b.textContent = text("more").replace("{n}", found.results.length - from);
      b.addEventListener("click", function () {
        b.disabled = true;
        Promise.all(found.results.slice(from, from + BATCH).map(function (r) { return r.data(); }))
          .then(function (data) {
            if (mine !== counter) return;
            li.remove();
            var first = render(term, data, found, from, mine);
            if (first) first.focus();
          });
      });
      li.appendChild(b);
      list.appendChild(li);
    };
    /* Shows results `from` on (a batch of `found`); returns the first one's link. */
    var render = function (term, results, found, from, mine) {
      if (!from) list.textContent = "";
      var start = list.childNodes.length;
      results = results.map(function (r, i) { return { r: r, i: i, tier: tier(term, r) }; })
        .sort(function (a, b) { return a.tier - b.tier || a.i - b.i; })
        .map(function (x) { return x.r; });
      results.forEach(function (r) {
        var li = document.createElement("li");
        var title = clean(r.meta && r.meta.title);
        li.className = "md-search-result__item";
        var subs = r.sub_results || [];
        /* The page's own excerpt comes from its text before the first heading:
         * a whole-page excerpt runs across clauses. */
        var own = subs.filter(function (s) { return s.url === r.url; })[0];
        var excerpt = subs.length ? (own ? own.excerpt : "") : r.excerpt;
        li.appendChild(article(r.url, "h1", title, remark(excerpt, term), marks(r)));
        /* The clause whose title is the query, or the term it names, first;
         * then clauses whose title holds it; then by what matched. */
        subs = subs.filter(function (s) { return s.url !== r.url && clean(s.title) !== title; })
          .map(function (s, i) { return { s: s, i: i, rank: rank(term, s), weight: weight(s) }; });
        subs.sort(function (a, b) { return a.rank - b.rank || b.weight - a.weight || a.i - b.i; });
        subs.slice(0, 3).forEach(function (x) {
          var shown = withoutHeading(x.s.excerpt, clean(x.s.title));
          li.appendChild(article(x.s.url, "h2", clean(x.s.title), remark(shown, term)));
        });
        list.appendChild(li);
      });
      if (found.results.length > from + results.length) more(term, found, from + results.length, mine);
      var item = list.childNodes[start];
      return item ? item.querySelector("a") : null;
    };

    /* ----- facets ----- */
    var values = function (facet, counts) {
      var order = (settings.order || {})[facet] || [];
      var names = Object.keys(counts || {}).filter(function (v) { return counts[v] > 0 || chosen[facet] === v; });
      if (chosen[facet] && names.indexOf(chosen[facet]) === -1) names.push(chosen[facet]);
      var descending = (settings.descending || []).indexOf(facet) !== -1;
      return names.sort(function (a, b) {
        var ia = order.indexOf(a), ib = order.indexOf(b);
        if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
        if (descending) return b < a ? -1 : b > a ? 1 : 0;
        return (counts[b] || 0) - (counts[a] || 0) || a.localeCompare(b, "zh-CN");
      });
    };
    var drawFacets = function (counts) {
      var focused = document.activeElement && groups.contains(document.activeElement)
        ? document.activeElement.getAttribute("data-facet") + "\n" + document.activeElement.getAttribute("data-value")
        : null;
      groups.textContent = "";
      facets.forEach(function (facet, n) {
        var shown = values(facet, counts[facet]);
        if (!shown.length) return;
        var group = document.createElement("div");
        group.className = "hb-facet";
        group.setAttribute("role", "group");
        var label = document.createElement("span");
        label.className = "hb-facet__name";
        label.id = "hb-facet-" + n;
        label.textContent = facet;
        group.setAttribute("aria-labelledby", label.id);
        group.appendChild(label);
        var row = document.createElement("div");
        row.className = "hb-facet__values";
        group.appendChild(row);
        shown.forEach(function (value) {
          var b = document.createElement("button");
          b.type = "button";
          b.className = "hb-facet__value";
          b.setAttribute("data-facet", facet);
          b.setAttribute("data-value", value);
          b.setAttribute("aria-pressed", String(chosen[facet] === value));
          b.appendChild(document.createTextNode(value + " "));
          var c = document.createElement("span");
          c.className = "hb-facet__count";
          c.textContent = String((counts[facet] || {})[value] || 0);
          b.appendChild(c);
          var unit = document.createElement("span");
          unit.className = "hb-sr-only";
          unit.textContent = text("count-unit");
          b.appendChild(unit);
          row.appendChild(b);
          if (focused === facet + "\n" + value) setTimeout(function () { b.focus(); }, 0);
        });
        groups.appendChild(group);
      });
      var n = Object.keys(chosen).length;
      summary.textContent = n ? text("chosen").replace("{n}", n) : "";
      panel.querySelector(".hb-facets__clear").hidden = !n;
      panel.hidden = !groups.childNodes.length;
    };
    /* Each facet's counts: for a facet with a choice, the counts without it
     * (so that its other values say what choosing them would give). */
    var countsFor = function (pf, term, found) {
      var counts = {};
      return Promise.all(facets.map(function (facet) {
        if (!chosen[facet]) { counts[facet] = (found.filters || {})[facet] || {}; return null; }
        return pf.search(term, { filters: filtersWithout(facet) }).then(function (other) {
          counts[facet] = (other && other.filters || {})[facet] || {};
        });
      })).then(function () { return counts; });
    };
    var describe = function () {
      var parts = Object.keys(chosen).map(function (k) { return k + " " + chosen[k]; });
      return parts.length ? text("filtered").replace("{chosen}", parts.join("、")) : "";
    };

    var search = function () {
      var term = input.value.trim();
      var mine = ++counter;
      var any = Object.keys(chosen).length > 0;
      var used = JSON.stringify(chosen);
      if (!term && !any) {
        list.textContent = ""; meta.textContent = ""; panel.hidden = true;
        dialog.setAttribute("data-shown", "");
        return;
      }
      meta.textContent = text("loading");
      var pf;
      /* With no words, the chosen facets alone list their pages. */
      /* A clause number's parts are words of their own in the index. */
      var words = /^[A-Z]?\d+(\.\d+)+$/.test(term) ? term.split(".").join(" ") : term;
      load().then(function (p) { pf = p; return pf.debouncedSearch(words || null, { filters: filtersWithout(null) }, 150); })
        .then(function (found) {
          if (!found || mine !== counter) return null;
          return Promise.all([
            Promise.all(found.results.slice(0, BATCH).map(function (r) { return r.data(); })),
            countsFor(pf, words || null, found)
          ]).then(function (done) {
            if (mine !== counter) return;
            var data = done[0];
            meta.textContent = (data.length
              ? text(term ? "count" : "count-all").replace("{n}", found.results.length)
              : text("none")) + describe();
            render(term, data, found, 0, mine);
            drawFacets(done[1]);
            dialog.setAttribute("data-filters", used); /* what this search was narrowed by */
            dialog.setAttribute("data-shown", term);
          });
        })
        .catch(function () { meta.textContent = text("failed"); });
    };
    groups.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-facet]");
      if (!b) return;
      var facet = b.getAttribute("data-facet"), value = b.getAttribute("data-value");
      if (chosen[facet] === value) delete chosen[facet]; else chosen[facet] = value;
      b.setAttribute("aria-pressed", String(chosen[facet] === value));
      search();
    });
    panel.querySelector(".hb-facets__clear").addEventListener("click", function () {
      chosen = {};
      input.focus();
      search();
    });
    /* Open on wide screens; on a phone the results come first. */
    if (window.matchMedia("(min-width: 60em)").matches) panel.querySelector("details").open = true;
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
      } else if (!typing && !toggle.checked && (ev.key === "/" || ev.key === "s") && !ev.ctrlKey && !ev.metaKey) {
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
    /* Working days left when the period is counted in them (the page lists them), else days. */
    var workdays = notice.getAttribute("data-workdays");
    var days = workdays ? workdays.split(" ").filter(function (d) { return d >= today; }).length
      : Math.round((Date.parse(end) - Date.parse(today)) / 86400000) + 1;
    var title = notice.querySelector(".admonition-title");
    title.textContent = notice.getAttribute("data-text-" + state).replace("{days}", days);
    ["note", "info", "abstract", "success"].forEach(function (k) { notice.classList.remove(k); });
    notice.classList.add(notice.getAttribute("data-kind-" + state));
    notice.setAttribute("data-checked", today);
    var channel = document.querySelector(".hb-objections");
    if (channel && state !== "not-started" && state !== "open") channel.hidden = true;
  }

  /* ---------- issue 25: copy an edition's citation ---------- */
  Array.prototype.forEach.call(document.querySelectorAll(".hb-copy"), function (button) {
    var text = button.parentNode.querySelector(".hb-citation__text");
    if (!text || !navigator.clipboard) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(text.textContent).then(function () {
        button.textContent = button.getAttribute("data-copied");
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });

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

  /* ---------- wide tables: say that they scroll, keep the first column in view ---------- */
  var scrollsText = (document.querySelector(".hb-search") || document.body).getAttribute("data-scrolls") || "";
  var markWide = function () {
    /* Material wraps each table in its scroll box once its own script has run. */
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      var table = wrap.querySelector("table");
      /* Wide when cells are out of sight, not just the box's padding (Material's own margin). */
      var box = table && table.parentElement;
      var pad = box ? parseFloat(getComputedStyle(box).paddingLeft) || 0 : 0;
      var wide = table && table.offsetWidth > wrap.clientWidth - pad + 1;
      wrap.classList.toggle("hb-wide", !!wide);
      var hint = wrap.previousElementSibling;
      var mine = hint && hint.classList.contains("hb-scroll-hint");
      if (wide && !mine && scrollsText) {
        hint = document.createElement("p");
        hint.className = "hb-scroll-hint";
        var row = table.tHead && table.tHead.rows[0] || table.rows[0];
        hint.textContent = scrollsText.replace("{n}", row ? row.cells.length : "");
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!wide && mine) {
        hint.parentNode.removeChild(hint);
      }
    });
  };
  window.addEventListener("load", markWide);
  window.addEventListener("resize", markWide);

  /* ---------- handbook serve: the preview's current problems, over the page ---------- */
  var problemsAt = (document.querySelector(".hb-search") || document.body).getAttribute("data-problems");
  if (problemsAt && window.fetch) {
    fetch(new URL(problemsAt, location.href).href, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (found) {
        if (!found.problems || !found.problems.length) return;
        var box = document.createElement("section");
        box.className = "hb-problems";
        box.setAttribute("role", "alert");
        box.setAttribute("aria-labelledby", "hb-problems-title");
        var title = document.createElement("h2");
        title.id = "hb-problems-title";
        title.textContent = found.title;
        var list = document.createElement("ol");
        found.problems.forEach(function (line) {
          var item = document.createElement("li");
          var code = document.createElement("code");
          code.textContent = line;
          item.appendChild(code);
          list.appendChild(item);
        });
        var hint = document.createElement("p");
        hint.textContent = found.hint;
        box.appendChild(title);
        box.appendChild(list);
        box.appendChild(hint);
        document.body.insertBefore(box, document.body.firstChild);
      })
      .catch(function () { /* a preview without the file shows its pages as they are */ });
  }
})();

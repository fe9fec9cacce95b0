"""The built site in headless Chromium, served from a sub-path as an operator would."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Static(http.server.SimpleHTTPRequestHandler):
    """A static server that, like nginx's `error_page 404`, answers with the site's 404 page."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "handbook" / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve the site under /handbook/ on a free loopback port."""
    docroot = tmp_path_factory.mktemp("www")
    shutil.copytree(built_site, docroot / "handbook")
    handler = functools.partial(_Static, directory=str(docroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/handbook/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, base_url):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []  # every URL the page asks for
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def _search(page, base_url: str, term: str):  # type: ignore[no-untyped-def]
    page.goto(base_url)
    page.fill(".hb-search .md-search__input", term)
    results = page.locator(".hb-search .md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results


def test_search_finds_a_chinese_sub_word_and_lands_on_the_clause(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    results = _search(page, base_url, "安全")
    link = page.locator('.hb-search a[href$="/standards/liuhua-24/#taizhang-guifan"]').first
    link.wait_for(timeout=15000)
    assert "信息<mark>安全</mark>" in link.inner_html()
    link.click()
    page.wait_for_url(re.compile(r"/handbook/standards/liuhua-24/#taizhang-guifan$"))
    heading = page.locator("#taizhang-guifan")
    assert heading.inner_text().startswith("6.1 台账规范")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    assert results is not None
    outside = [u for u in page.requests if not u.startswith(base_url)]
    assert outside == []


@pytest.mark.parametrize(
    ("term", "anchor"),
    [
        ("规定", "taizhang-guifan"),
        ("PDF", "taizhang-guifan"),
        ("主题党日", "zhuti-dangri"),
        ("4.3", "zhuti-dangri"),
    ],
)
def test_search_finds_words_english_and_clause_numbers(
    page, base_url: str, term: str, anchor: str
) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, term)
    page.locator(f'.hb-search a[href$="/standards/liuhua-24/#{anchor}"]').first.wait_for(
        timeout=15000
    )


def test_status_filter_on_the_index(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "standards/")
    rows = page.locator(".hb-standards tbody tr")
    assert rows.count() == 7  # six standards and one draft for comment
    page.click('.hb-filter button[data-filter="废止"]')
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == 1 and "XX/DJ 003-2019" in visible[0].inner_text()
    assert page.locator(".hb-filter-result").inner_text() == "1 项"
    page.click('.hb-filter button[data-filter="征求意见稿"]')
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == 1 and "XX/DJ 006-2027" in visible[0].inner_text()
    page.click('.hb-filter button[data-filter=""]')
    assert len([r for r in rows.all() if r.is_visible()]) == 7


def test_every_page_loads_nothing_from_outside(page, base_url: str, built_site: Path) -> None:  # type: ignore[no-untyped-def]
    for html in sorted(built_site.rglob("index.html")):
        rel = html.parent.relative_to(built_site).as_posix()
        page.goto(base_url + ("" if rel == "." else rel + "/"))
    page.goto(base_url + "no-such-page/")
    assert page.locator("h1").first.inner_text() == "页面不存在（404）"
    outside = [u for u in page.requests if not u.startswith(base_url)]
    assert outside == []


@pytest.mark.parametrize(
    "path",
    [
        "",
        "standards/",
        "standards/liuhua-24/",
        "standards/liuhua-24/2019/",
        "manuals/yewu-guifan/01-sanhui-yike/",
        "glossary/",
        "notices/",
        "notices/sixiang-zhibu-2026/",
        "results/",
        "results/yanshou-2023/",
        "results/units/wenlv/",
        "results/tables/zhenggai-2026q3/",
        "results/composites/kaoping-2025/",
        "standards/liuhua-24/2023/changes/",
    ],
)
@pytest.mark.parametrize("width", [1280, 375])
def test_pages_meet_wcag_aa(browser, base_url: str, path: str, width: int) -> None:  # type: ignore[no-untyped-def]
    assert AXE.is_file(), "axe-core is missing: npm install (see README)"
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    context.close()
    problems = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
        for v in result["violations"]
    ]
    assert problems == []


def test_a_citation_leads_to_the_clause(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "manuals/yewu-guifan/01-sanhui-yike/")
    page.click("a.hb-cite >> text=XX/DJ 001-2023 4.4 会风严谨")
    page.wait_for_url(re.compile(r"/handbook/standards/liuhua-24/#huifeng-yanjin$"))
    heading = page.locator("#huifeng-yanjin")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    # and the clause leads back to the manual section that cites it
    page.locator("#huifeng-yanjin ~ p.hb-backlinks a").first.click()
    page.wait_for_url(re.compile(r"/manuals/yewu-guifan/01-sanhui-yike/#"))


def test_the_defining_standard_ranks_first(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    # A search lists the standard that defines 主题党日 first, not after the manual
    # chapter of that name or every page that mentions it.
    _search(page, base_url, "主题党日")
    page.locator('.hb-search a[href*="/notices/"]').first.wait_for(timeout=15000)
    firsts = page.eval_on_selector_all(
        ".hb-search .md-search-result__item > a:first-child", "links => links.map(a => a.pathname)"
    )
    assert firsts[0] == "/handbook/standards/liuhua-24/", firsts


def test_search_finds_manual_text(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "题目")
    page.locator('.hb-search a[href*="/manuals/yewu-guifan/01-sanhui-yike/"]').first.wait_for(
        timeout=15000
    )


def test_open_notice_says_ended_when_the_readers_clock_is_past_its_end(
    browser, base_url: str
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    context = browser.new_context()
    page = context.new_page()
    page.clock.install(
        time=dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    )
    page.goto(base_url + "notices/sixiang-zhibu-2026/")
    status = page.locator(".hb-notice-status .admonition-title")
    assert status.inner_text() == "公示期已于2026年11月24日结束。"
    assert not page.locator("#objections").is_visible()
    page.clock.set_fixed_time(
        dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    )
    page.reload()
    assert status.inner_text() == "公示中：公示期至2026年11月24日，还剩2个工作日。"
    assert page.locator("#objections").is_visible()
    page.clock.set_fixed_time(
        dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    )
    page.reload()  # Friday: the weekend between is no working day
    assert status.inner_text() == "公示中：公示期至2026年11月24日，还剩3个工作日。"
    context.close()


def test_notice_type_filter(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "notices/")
    page.click('.hb-filter button[data-filter="通报"]')
    visible = [
        r.inner_text() for r in page.locator(".hb-filterable tbody tr").all() if r.is_visible()
    ]
    assert len(visible) == 1 and "第三季度" in visible[0]


def test_ranking_table_sorts_and_filters(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "results/yanshou-2023/")
    table = page.locator(".hb-sortable table").first

    def totals() -> list[float]:
        rows = [r for r in table.locator("tbody tr").all() if r.is_visible()]
        return [float(r.locator("td").nth(2).inner_text().split("（")[0]) for r in rows]

    start = totals()
    assert start == sorted(start, reverse=True)
    table.locator("th").nth(2).locator("button").click()
    assert table.locator("th").nth(2).get_attribute("aria-sort") == "ascending"
    assert totals() == sorted(start)
    table.locator("th").nth(1).locator("button").click()  # by unit name, in Chinese collation
    assert table.locator("th").nth(1).get_attribute("aria-sort") == "ascending"
    assert table.locator("th").nth(2).get_attribute("aria-sort") == "none"
    names = page.evaluate(
        "() => Array.from(document.querySelectorAll('.hb-sortable table')[0].tBodies[0].rows)"
        ".map(r => r.cells[1].textContent.trim())"
    )
    collated = page.evaluate("names => [...names].sort(new Intl.Collator('zh-CN').compare)", names)
    assert names == collated
    page.fill(".hb-table-filter input >> nth=0", "税务")
    visible = [r.inner_text() for r in table.locator("tbody tr").all() if r.is_visible()]
    assert len(visible) == 1 and "市税务局" in visible[0]


def _ranking():  # type: ignore[no-untyped-def]
    """The query set with its right first answers (benchmarks/search_ranking.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "search_ranking", REPO / "benchmarks" / "search_ranking.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shown(page, term: str) -> None:  # type: ignore[no-untyped-def]
    page.wait_for_function(
        "q => document.querySelector('.hb-search').getAttribute('data-shown') === q",
        arg=term,
        timeout=15000,
    )


def test_each_query_of_the_set_has_its_right_answer_first(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    ranking = _ranking()
    found = ranking.first_answers(page, base_url, [q for q, _ in ranking.SAMPLE])
    prefix = "/handbook/"
    wrong = {q: found[q] for q, want in ranking.SAMPLE if found[q] != prefix + want}
    assert wrong == {}


def _facet(page, name: str, value: str):  # type: ignore[no-untyped-def]
    group = page.locator(".hb-search .hb-facet", has=page.locator(f"text={name}"))
    return group.locator(f'button[data-value="{value}"]')


def _choose(page, name: str, value: str, term: str) -> int:  # type: ignore[no-untyped-def]
    """Click a facet's value; return the count its button said."""
    button = _facet(page, name, value)
    count = int(button.locator(".hb-facet__count").inner_text())
    button.click()
    page.wait_for_function(
        "([k, v]) => JSON.parse(document.querySelector('.hb-search').getAttribute('data-filters') || '{}')[k] === v",
        arg=[name, value],
        timeout=15000,
    )
    _shown(page, term)
    return count


def _marks(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        ".hb-search .md-search-result__item",
        "items => items.map(i => Array.from(i.querySelectorAll('.hb-result-marks .md-tag')).map(t => t.textContent))",
    )


def test_facets_narrow_the_results_and_survive_a_new_query(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "主题党日")
    _shown(page, "主题党日")
    assert page.locator(".hb-search .hb-facets details").get_attribute("open") is not None
    kinds = {m[0] for m in _marks(page)}
    assert {"标准", "操作手册", "公告公示"} <= kinds
    count = _choose(page, "类型", "标准", "主题党日")
    assert {m[0] for m in _marks(page)} == {"标准"}
    assert len(_marks(page)) == count
    meta = page.locator(".hb-search .md-search-result__meta").inner_text()
    assert meta == f"找到 {count} 个页面（已筛选：类型 标准）"
    # a new query keeps the choice
    page.fill(".hb-search .md-search__input", "台账")
    _shown(page, "台账")
    assert _facet(page, "类型", "标准").get_attribute("aria-pressed") == "true"
    assert {m[0] for m in _marks(page)} == {"标准"}
    # status: the edition in force only
    count = _choose(page, "状态", "现行", "台账")
    assert all(m[-1] == "现行" for m in _marks(page)) and len(_marks(page)) == count
    first = page.locator(".hb-search .md-search-result__item").first.inner_text()
    assert "XX/DJ 001-2023" in first
    _facet(page, "状态", "现行").click()  # choosing again lets go
    _facet(page, "类型", "标准").click()
    page.wait_for_function(
        "() => document.querySelector('.hb-search').getAttribute('data-filters') === '{}'"
    )
    # notices by their period's status
    page.fill(".hb-search .md-search__input", "公示")
    _shown(page, "公示")
    count = _choose(page, "状态", "公示中", "公示")
    marks = _marks(page)
    assert len(marks) == count == 1
    assert (
        marks[0][0] == "公告公示"
        and marks[0][1].startswith("索引号 XZ-GS-")
        and marks[0][-1] == "公示中"
    )


def test_issuer_and_year_facets(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "党支部")
    _shown(page, "党支部")
    count = _choose(page, "发布机构", "中共某省直属机关工作委员会", "党支部")
    links = page.eval_on_selector_all(
        ".hb-search .md-search-result__item > a:first-child", "links => links.map(a => a.pathname)"
    )
    assert len(links) == count
    assert all(
        p.startswith(
            ("/handbook/standards/wuhao-dangzhibu/", "/handbook/standards/dangyuan-jifen/")
        )
        for p in links
    ), links
    page.click(".hb-search .hb-facets__clear")
    page.wait_for_function(
        "() => document.querySelector('.hb-search').getAttribute('data-filters') === '{}'"
    )
    count = _choose(page, "年份", "2019", "党支部")
    titles = page.eval_on_selector_all(
        ".hb-search .md-search-result__item h1", "hs => hs.map(h => h.textContent)"
    )
    assert len(titles) == count and all("2019" in t for t in titles), titles
    # with no words, the chosen facets alone list their pages
    page.fill(".hb-search .md-search__input", "")
    _shown(page, "")
    titles = page.eval_on_selector_all(
        ".hb-search .md-search-result__item h1", "hs => hs.map(h => h.textContent)"
    )
    assert len(titles) > count and all("2019" in t for t in titles), titles
    meta = page.locator(".hb-search .md-search-result__meta").inner_text()
    assert meta == f"共 {len(titles)} 个页面（已筛选：年份 2019）"


def test_facets_by_keyboard(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "主题党日")
    _shown(page, "主题党日")
    button = _facet(page, "类型", "操作手册")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => JSON.parse(document.querySelector('.hb-search').getAttribute('data-filters'))['类型'] === '操作手册'"
    )
    _shown(page, "主题党日")
    assert {m[0] for m in _marks(page)} == {"操作手册"}
    focused = page.evaluate("() => document.activeElement.getAttribute('data-value')")
    assert focused == "操作手册"  # focus stays on the button after the results change
    assert _facet(page, "类型", "操作手册").get_attribute("aria-pressed") == "true"
    page.keyboard.press(" ")
    page.wait_for_function(
        "() => document.querySelector('.hb-search').getAttribute('data-filters') === '{}'"
    )


def test_results_say_what_they_are(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "主题党日")
    _shown(page, "主题党日")
    items = page.locator(".hb-search .md-search-result__item")
    first = items.first
    assert _marks(page)[0] == ["标准", "XX/DJ 001-2023", "现行"]
    assert first.locator("h2").first.inner_text() == "4.3 主题党日"
    paths = page.eval_on_selector_all(
        ".hb-search .md-search-result__item > a:first-child", "links => links.map(a => a.pathname)"
    )
    # the superseded edition is marked, and ranks below the edition in force
    old = paths.index("/handbook/standards/liuhua-24/2019/")
    assert paths.index("/handbook/standards/liuhua-24/") < old
    assert _marks(page)[old] == ["标准", "XX/DJ 001-2019", "被代替"]
    assert all(m[-1] not in ("被代替", "废止") for m in _marks(page)[:old])


def test_an_excerpt_shows_only_its_clause(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "安全")
    _shown(page, "安全")
    link = page.locator('.hb-search a[href$="/standards/liuhua-24/#taizhang-guifan"]').first
    excerpt = link.locator("p").inner_text()
    assert "信息安全" in excerpt
    assert "被引用" not in excerpt and "阵地保障" not in excerpt  # neither backlinks nor 6.2
    assert not excerpt.startswith("6.1")  # the heading is shown above, not repeated


def test_search_dialog_with_facets_meets_wcag_aa(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        _search(page, base_url, "主题党日")
        _shown(page, "主题党日")
        details = page.locator(".hb-search .hb-facets details")
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        _choose(page, "类型", "标准", "主题党日")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document.querySelector('.hb-search'), {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
        )
        context.close()
        problems = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['html'][:120]})"
            for v in result["violations"]
        ]
        assert problems == [], width


def test_more_results_on_request(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "党支部")
    _shown(page, "党支部")
    meta = page.locator(".hb-search .md-search-result__meta").inner_text()
    total = int(re.search(r"找到 (\d+) 个页面", meta).group(1))  # type: ignore[union-attr]
    items = page.locator(".hb-search .md-search-result__item")
    assert items.count() == 6 < total  # a batch at a time: each result costs a fetch
    button = page.locator(".hb-search .hb-more__button")
    assert button.inner_text() == f"显示更多结果（还有 {total - 6} 个）"
    button.click()
    page.wait_for_function(
        "() => document.querySelectorAll('.hb-search .md-search-result__item').length > 6"
    )
    assert items.count() == min(12, total)
    focused = page.evaluate(
        "() => document.activeElement.closest('.md-search-result__item') === document.querySelectorAll('.hb-search .md-search-result__item')[6]"
    )
    assert focused  # the keyboard goes on at the first new result


def test_a_unit_result_says_it_is_a_result(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "市文旅局")
    _shown(page, "市文旅局")
    first = page.locator(".hb-search .md-search-result__item").first
    assert first.locator("h1").inner_text() == "市文旅局"
    assert _marks(page)[0] == ["考核结果"]


def test_printing_a_standard_page_prints_the_text_with_clause_anchors(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base_url + "standards/liuhua-24/")
    link = page.locator(".hb-pdf a")
    assert link.inner_text() == "下载PDF"
    response = page.request.get(base_url + "standards/liuhua-24/" + link.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF-")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".hb-search", ".hb-pdf"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("#zhuti-dangri").is_visible()
    anchor = page.evaluate(
        "getComputedStyle(document.getElementById('zhuti-dangri'), '::after').content"
    )
    assert anchor == '"  #zhuti-dangri"'  # a paper copy still says how to cite the clause


def test_a_wide_table_on_a_phone_says_it_scrolls_and_keeps_its_first_column(
    browser, base_url: str
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base_url + "results/jiance-2025/")
    hint = page.locator(".hb-scroll-hint").last
    hint.wait_for()
    assert hint.inner_text() == "表格较宽，可左右滑动查看全部 6 列"
    box = page.locator(".md-typeset__scrollwrap").last
    box.evaluate("b => { b.scrollLeft = 200; }")
    first = page.locator(".hb-compact tbody tr td").first
    assert first.bounding_box()["x"] == pytest.approx(box.bounding_box()["x"], abs=2)
    context.set_default_timeout(5000)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function("() => document.querySelectorAll('.hb-scroll-hint').length === 0")
    chart = page.locator("svg.hb-chart").first.bounding_box()
    assert chart["width"] == 420  # its own size: labels as large as the text
    context.close()


def test_search_marks_whole_words_reads_table_cells_apart_and_lands_on_terms(
    page, base_url: str
) -> None:  # type: ignore[no-untyped-def]
    _search(page, base_url, "五好")
    _shown(page, "五好")
    marked = page.eval_on_selector_all(".hb-search mark", "ms => ms.map(m => m.textContent)")
    assert marked and set(marked) == {"五好"}  # no lone 好
    _search(page, base_url, "评分内容")
    _shown(page, "评分内容")
    rubric = page.locator('.hb-search a[href$="/standards/liuhua-24/#rubric"] p').first
    assert rubric.inner_text().startswith("序号 评分内容 分值 对应条款 检查方式 评分标准")
    _search(page, base_url, "党员领导干部")
    _shown(page, "党员领导干部")
    term = page.locator('.hb-search a[href$="/glossary/#wuhao-dangzhibu-guanjian-shaoshu"]')
    assert term.locator("h2").inner_text() == "党员领导干部"

"""End to end: the sample handbook built into a real site, asserted on its HTML."""

from __future__ import annotations

import datetime as dt
import gc
import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.engine.build import build_site
from generator.errors import ValidationFailed
from tests.samples import AS_OF, MINIMAL, Handbook


@pytest.fixture
def site(built_site: Path) -> Path:
    return built_site


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_main_standard_page_shows_the_edition_in_force(site: Path) -> None:
    html = page(site, "standards/liuhua-24")
    assert "XX/DJ 001-2023" in html
    assert "2023年5月26日" in html and "2023年7月1日" in html
    assert 'hb-status--current">现行<' in html
    # every clause has a permanent anchor from its id
    assert 'id="yingjian-jinjian"' in html and 'id="zhuti-dangri"' in html
    # the renumbered clause keeps its id
    # (a clause's heading weighs more in search than a page title: generator/facets.py)
    assert re.search(r'<h3 data-pagefind-weight="8\.0" id="huifeng-yanjin">4\.4 会风严谨', html)
    # the withdrawn clause is shown as withdrawn, pointing to its successor
    assert re.search(r'<h3 class="hb-withdrawn" id="jiancha-pingbi">3\.3 检查评比（已删除）', html)
    assert '内容移至 <a href="#shuzhi-pingyi">3.2 述职评议</a>' in html


def test_rubric_table(site: Path) -> None:
    html = page(site, "standards/liuhua-24")
    rubric = html[html.index('id="rubric"') :]
    assert rubric.count('<td style="text-align: right;">') == 20  # 19 criteria + total
    assert "<strong>100</strong>" in rubric
    assert '<a href="#zhuti-dangri">4.3</a>' in rubric
    assert "达标分数线：80分" in rubric


def test_superseded_edition_page(site: Path) -> None:
    html = page(site, "standards/liuhua-24/2019")
    assert "您正在查看历史版本（2019版）。本版本已被代替，不再执行。" in html
    assert 'hb-status--superseded">被代替<' in html
    assert 'id="jiancha-pingbi">3.3 检查评比<' in html
    assert '<a href="../../jiguan-zhibu-gongzuo/2017/">XX/DJ 001-2017</a>' in html


def test_upcoming_and_repealed_banners(site: Path) -> None:
    wuhao = page(site, "standards/wuhao-dangzhibu")
    assert "本标准的新版本（2026版）将于2027年1月1日实施。" in wuhao
    assert 'href="2026/"' in wuhao
    jifen = page(site, "standards/dangyuan-jifen")
    assert "本标准已于2024年12月31日废止，仅供查阅。" in jifen


def test_index_lists_every_standard_with_status_filter(site: Path) -> None:
    html = page(site, "standards")
    for code in ("XX/DJ 001-2023", "XX/DJ 002-2020", "XX/DJ 003-2019", "XX/DJ 001-2017"):
        assert code in html
    assert 'data-filter="废止">废止（1）</button>' in html
    assert 'data-filter="现行">现行（4）</button>' in html


def test_home_page_says_what_is_in_force(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "本手册汇集" in html
    assert "现行标准" in html and "XX/DJ 002-2020" in html
    assert "即将实施的标准" in html and "XX/DJ 002-2026" in html
    assert "示例数据" in html
    assert 'lang="zh"' in html


def test_search_index_covers_main_pages_only(site: Path) -> None:
    # One index of the whole site (generator/engine/search.py); the page names it.
    assert (site / "pagefind" / "pages" / "pagefind-entry.json").is_file()
    assert (site / "pagefind" / "pages" / "pagefind.js").is_file()
    assert [p.name for p in (site / "pagefind").iterdir()] == ["pages"]
    assert 'data-hb-indexes="pages"' in page(site, "")
    assert "data-pagefind-body" in page(site, "standards/liuhua-24")
    assert "data-pagefind-body" not in page(site, "standards/liuhua-24/2023")
    assert "data-pagefind-body" in page(site, "standards/liuhua-24/2019")


def test_no_external_resources_and_a_404_and_sitemap(site: Path) -> None:
    assert (site / "404.html").is_file()
    assert "standards/liuhua-24/2019/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        for url in re.findall(
            r'(?:src="|<link rel="(?:stylesheet|icon|preload|modulepreload)"[^>]*href=")(?:https?:)?//([^"/]+)',
            text,
        ):
            pytest.fail(f"{html_file}: external resource from {url}")
        assert "fonts.googleapis" not in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages: dict[str, _Links] = {}
    for html_file in site.rglob("index.html"):
        parser = _Links()
        parser.feed(html_file.read_text(encoding="utf-8"))
        pages["/" + html_file.parent.relative_to(site).as_posix().strip(".") + "/"] = parser
    pages = {k.replace("//", "/"): v for k, v in pages.items()}
    for url, parser in pages.items():
        for href in parser.links:
            target = urlsplit(urljoin("http://x" + url, href))
            if target.netloc != "x" or not target.path.endswith("/"):
                continue
            assert target.path in pages, f"{url}: broken link {href}"
            if target.fragment:
                assert target.fragment in pages[target.path].ids, f"{url}: broken anchor {href}"


def test_bad_input_leaves_the_previous_site_untouched(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    build_site(handbook.root, AS_OF)
    before = (handbook.root / "site" / "index.html").read_bytes()
    handbook.write("standards/demo/2020.yml", MINIMAL.replace('number: "1.2"', "number: 1.2"))
    with pytest.raises(ValidationFailed):
        build_site(handbook.root, dt.date(2030, 1, 1))
    assert (handbook.root / "site" / "index.html").read_bytes() == before
    assert not (handbook.root / "site.new").exists()
    # A build leaves the cycle collector as it found it, failed or not: a process that
    # builds again (`handbook serve`) still frees the garbage of its earlier builds.
    assert gc.get_freeze_count() == 0


def test_data_values_cannot_inject_markup(handbook: Handbook) -> None:
    evil = MINIMAL.replace(
        "title: 示例标准", 'title: "示例 <img src=x onerror=alert(1)> {{ 7*7 }} | *x*"'
    )
    evil = evil.replace(
        "text: 党支部应当按期换届。", 'text: "<script>alert(1)</script> {: onclick=alert(1) }"'
    )
    handbook.write("standards/demo/2020.yml", evil)
    build_site(handbook.root, AS_OF)
    html = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<img src=x" not in html and "<script>alert" not in html
    # The attribute list is shown as text, never made an attribute of an element.
    assert not re.search(r"<[^>]*\sonclick=", html)
    assert "{: onclick=alert(1) }" in html
    assert "{{ 7*7 }}" in html and "49" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_headings_have_real_anchors(site: Path) -> None:
    for html_file in site.rglob("index.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r'id="_\d+"', text), html_file


def test_no_page_keeps_a_markdown_attribute(site: Path) -> None:
    # md_in_html's `markdown="0"` (fields' HTML in editors' pages) is not HTML.
    pages = sorted(site.rglob("*.html"))
    assert any('class="hb-text"' in p.read_text(encoding="utf-8") for p in pages)
    for html_file in pages:
        assert 'markdown="' not in html_file.read_text(encoding="utf-8"), html_file


def test_generated_project_is_plain_mkdocs(site: Path, tmp_path: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    build = site.parent / ".handbook" / "build"
    config = (build / "mkdocs.yml").read_text(encoding="utf-8")
    assert "INHERIT: ../../mkdocs.yml" in config
    # Generated pages are finished HTML in Markdown files; our hook only spares
    # MkDocs from parsing it. Without the hook, plain MkDocs builds the same text.
    markdown = (build / "docs" / "standards" / "liuhua-24" / "index.md").read_text(encoding="utf-8")
    assert "hb_html: true" in markdown
    assert (
        '<h3 data-pagefind-weight="8.0" id="zhuti-dangri">4.3 主题党日<a class="headerlink"'
        in markdown
    )
    plain = build / "plain.yml"
    plain.write_text(config + f"\nhooks: []\nsite_dir: {tmp_path / 'plain'}\n", encoding="utf-8")
    try:
        mkdocs_build(load_config(str(plain)))
    finally:
        plain.unlink()
    html = (tmp_path / "plain" / "standards" / "liuhua-24" / "index.html").read_text("utf-8")
    assert '<h3 data-pagefind-weight="8.0" id="zhuti-dangri">4.3 主题党日' in html
    # Our hook makes the menu once for the pages it does not list (editions, notices,
    # units); each of them still has the menu Material makes for it. (The pages it
    # lists hold their table of contents in it, which plain MkDocs reads otherwise.)
    menus = shells = 0
    for ours in site.rglob("*.html"):
        theirs = tmp_path / "plain" / ours.relative_to(site)
        menu, material = _menu(ours.read_text("utf-8")), _menu(theirs.read_text("utf-8"))
        if "md-nav__link--active" not in material:
            assert menu == material, ours.relative_to(site)
            menus += bool(menu)
        # The header (but for the page's title), the footer, Material's configuration
        # and the scripts are made once for the pages alike (engine/shell.py): each
        # page has those Material makes for it.
        html, plain_html = ours.read_text("utf-8"), theirs.read_text("utf-8")
        assert _shell(html) == _shell(plain_html), ours.relative_to(site)
        shells += 1
    assert menus > 40
    assert shells > 40


def _shell(html: str) -> list[str]:
    """The page's header without its title, its footer, Material's configuration
    and the scripts after it."""
    header = html[html.index("<header") : html.index("</header>")]
    title = header.index('data-md-component="header-topic"')
    header = header[:title] + header[header.index("</span>", title) :]
    footer = html[html.index("<footer") : html.index("</footer>")]
    return [header, footer, html[html.index('<script id="__config"') :]]


def _menu(html: str) -> str:
    """The page's menu (Material's primary sidebar)."""
    start = html.find('data-md-type="navigation"')
    return html[start : html.find('data-md-type="toc"', start)] if start >= 0 else ""


def test_generated_html_pages_keep_their_table_of_contents(site: Path) -> None:
    html = page(site, "standards/liuhua-24")
    toc = html.split('class="md-nav md-nav--secondary"', 1)[1].split('class="md-content"', 1)[0]
    assert 'href="#zhuti-dangri"' in toc and "4.3 主题党日" in toc
    assert 'href="#rubric"' in toc


def test_the_core_does_not_import_mkdocs() -> None:
    import subprocess
    import sys

    code = (
        "import sys, generator.pipeline, generator.engine.project; print('mkdocs' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


MANUAL = "manuals/yewu-guifan/01-sanhui-yike"


def test_citations_become_links_with_code_number_and_title(site: Path) -> None:
    html = page(site, MANUAL)
    assert (
        '<a class="hb-cite" href="../../../standards/liuhua-24/#huifeng-yanjin">'
        "XX/DJ 001-2023 4.4 会风严谨</a>"
    ) in html
    assert (
        '<a class="hb-cite" href="../../../standards/liuhua-24/#sanhui-yike">三会一课</a>' in html
    )
    assert (
        '<a class="hb-cite" href="../../../standards/wuhao-dangzhibu/#lingdao-canjia">'
        "五好党支部“领导干部参加组织生活”</a>"
    ) in html


def test_dated_citation_of_a_superseded_edition_says_so(site: Path) -> None:
    html = page(site, MANUAL)
    assert (
        '<a class="hb-cite hb-cite--outdated" href="../../../standards/liuhua-24/2019/#jiancha-pingbi">'
        "XX/DJ 001-2019 3.3 检查评比（2019版，被代替）</a>"
    ) in html


def test_quoted_clause_carries_its_text_and_source(site: Path) -> None:
    html = page(site, MANUAL)
    quote = html[html.index('<blockquote class="hb-quote">') :]
    quote = quote[: quote.index("</blockquote>")]
    assert "党支部书记每年至少讲 1 次党课" in quote
    assert (
        '<a href="../../../standards/liuhua-24/#shanghao-dangke">'
        "XX/DJ 001-2023 机关党支部标准化规范化建设“六化”标准（2023版）4.1</a>"
    ) in quote


def test_clauses_list_the_manual_sections_that_cite_them(site: Path) -> None:
    html = page(site, "standards/liuhua-24")
    clause = html[html.index('id="zhuti-dangri"') : html.index('id="huifeng-yanjin"')]
    assert '<span class="hb-backlinks__label">被引用：</span>' in clause
    assert (
        '<a href="../../manuals/yewu-guifan/02-zhuti-dangri/#固定时间">第二讲 主题党日 › 固定时间</a>'
        in clause
    )
    old = page(site, "standards/liuhua-24/2019")
    clause = old[old.index('id="jiancha-pingbi"') : old.index('id="zuzhi-shenghuo"')]
    assert "第一讲 三会一课 › 会议记录与台账" in clause
    # an undated citation follows the edition in force, so it is not listed on 2019's page
    clause = old[old.index('id="zhiding-jihua"') : old.index('id="jianli-taizhang"')]
    assert "被引用" not in clause


def test_glossary_lists_terms_with_their_source(site: Path) -> None:
    html = page(site, "glossary")
    assert '<h3 class="hb-term" id="liuhua-24-sanhui-yike">三会一课<a class="headerlink"' in html
    assert '<a href="../standards/liuhua-24/#sanhui-yike">XX/DJ 001-2023 T.2</a>' in html


def test_manuals_are_in_the_menu_in_the_committees_order(site: Path) -> None:
    html = page(site, MANUAL)
    menu = list(
        dict.fromkeys(re.findall(r'<span class="md-ellipsis">\s*(第.讲[^<]*?)\s*</span>', html))
    )
    assert menu == ["第一讲 三会一课", "第二讲 主题党日", "第三讲 谈心谈话", "第四讲 民主评议党员"]


def test_notice_index_lists_open_notices_first_and_archives_by_year(site: Path) -> None:
    html = page(site, "notices")
    open_part = html[html.index('id="open"') : html.index('id="archive"')]
    assert "2026年度市直机关“四强”党支部拟命名对象公示" in open_part
    assert "2025年度" not in open_part
    assert 'id="y2026"' in html and 'id="y2025"' in html and 'id="y2024"' not in html
    assert 'data-filter="通报">通报（1）</button>' in html
    assert '<a href="atom.xml">Atom</a>' in html


def test_open_notice_shows_status_days_left_and_channel(site: Path) -> None:
    html = page(site, "notices/sixiang-zhibu-2026")
    # Built on Sunday 22 November: 23 and 24 are the working days left, today not one.
    assert "公示中：公示期至2026年11月24日，还剩2个工作日。" in html
    assert 'data-workdays="2026-11-18 2026-11-19 2026-11-20 2026-11-23 2026-11-24"' in html
    assert 'data-end="2026-11-24"' in html
    assert (
        '2026年11月18日</time>—<time datetime="2026-11-24">2026年11月24日</time>（5个工作日）'
        in html
    )
    assert 'id="objections"' in html and "zuzhibu@example.org" in html
    assert "XZ-GS-2026-0031" in html


def test_closed_notice_hides_the_channel_and_shows_the_outcome(site: Path) -> None:
    html = page(site, "notices/sixiang-zhibu-2025")
    assert "公示期已结束，结果已公布。" in html
    assert 'id="objections"' not in html
    assert "命名上述 20 个党支部" in html


def test_extension_is_linked_both_ways(site: Path) -> None:
    old = page(site, "notices/biaogan-danwei-2026")
    assert '本公告的公示期已延长，见<a href="../biaogan-danwei-2026-yanchang/">' in old
    new = page(site, "notices/biaogan-danwei-2026-yanchang")
    assert '本公告延长或重新开启了<a href="../biaogan-danwei-2026/">' in new


def test_removed_notice_is_nowhere(site: Path) -> None:
    assert not (site / "notices" / "youxiu-dangyuan-2024").exists()
    for path in site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert "XZ-GS-2024-0009" not in text and "张示例" not in text, path


def test_home_lists_open_notices(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert (
        '【公示】<a href="notices/sixiang-zhibu-2026/">2026年度市直机关“四强”党支部拟命名对象公示</a>（2026年11月24日止）'
        in html
    )


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    from tests.samples import copy_sample

    copy_sample(tmp_path)
    build_site(tmp_path, AS_OF, tmp_path / "one")
    build_site(tmp_path, AS_OF, tmp_path / "two")
    one = {
        p.relative_to(tmp_path / "one"): p.read_bytes()
        for p in (tmp_path / "one").rglob("*")
        if p.is_file()
    }
    two = {
        p.relative_to(tmp_path / "two"): p.read_bytes()
        for p in (tmp_path / "two").rglob("*")
        if p.is_file()
    }
    assert sorted(one) == sorted(two)
    assert [str(p) for p in one if one[p] != two[p]] == []
    assert b"2026-11-22" in one[Path("sitemap.xml")]  # the as-of day, not the build day
    assert b"2026-11-21" not in one[Path("sitemap.xml")]
    with gzip.open(tmp_path / "one" / "sitemap.xml.gz") as packed:
        packed.read()
        assert dt.datetime.fromtimestamp(packed.mtime, dt.UTC).date() == AS_OF


def test_comparison_page_marks_changes_and_is_linked_from_both_editions(site: Path) -> None:
    html = page(site, "standards/liuhua-24/2023/changes")
    assert "与2019版相比：新增1条，删除1条，移除0条，重新编号3条，修改2条，未变18条。" in html
    assert (
        '<ins><span class="hb-sr-only">插入：</span>；上级党组织每季度检查一次党支部工作，检查结果纳入年度评议</ins>'
        in html
    )
    assert re.search(r'<h3 id="huifeng-yanjin">4\.3 → 4\.4 会风严谨（重新编号）', html)
    assert '<a href="changes/">与上一版本对比</a>' in page(site, "standards/liuhua-24/2023")
    assert '<a href="../2023/changes/">与下一版本对比（2023版）</a>' in page(
        site, "standards/liuhua-24/2019"
    )


def test_chinese_file_names_and_headings(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(
        "content/指南/第一章.md",
        "---\ntitle: 第一章 总则\n---\n\n## 一、目的\n\n见 [[demo#tiaokuan-yi]]。\n",
    )
    build_site(handbook.root, AS_OF)
    html = (handbook.root / "site" / "指南" / "第一章" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="一目的">' in html
    assert (
        '<a class="hb-cite" href="../../standards/demo/#tiaokuan-yi">XX/DJ 009-2020 1.1 第一条</a>'
        in html
    )
    standard = (handbook.root / "site" / "standards" / "demo" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<a href="../../指南/第一章/#一目的">第一章 总则 › 一、目的</a>' in standard


def test_composite_page_states_the_formula_and_ranks(site: Path) -> None:
    html = page(site, "results/composites/kaoping-2025")
    assert "综合得分 = 日常督查 × 40% + 网络平台监管测评 × 30% + 年度述职评议 × 30%" in html
    assert "取本考评周期内督查各轮得分的平均值，共 4 轮" in html
    assert "其余各项的权重按比例放大至合计 100%" in html  # missing: reweight, stated
    assert 'href="../../../standards/kaoping-banfa/2024/#zonghe-defen"' in html
    assert '<svg class="hb-chart hb-chart-stacked"' in html
    assert "“较上年”与上一年度的综合考评比较" in html
    for name in ("composite.csv", "composite.json", "composite.xlsx"):
        assert (site / "results/composites/kaoping-2025" / name).is_file()
    index = page(site, "results")
    assert (
        "<td>督查</td> <td>2025年第一季度</td>" in index
    )  # the series' name, the period as written
    assert "2025年度落实基层党建主体责任综合考评" in index
    round_page = page(site, "results/yanshou-2023")
    assert "<dd>2023年度</dd>" in round_page


def test_unit_page_lists_its_composites(site: Path) -> None:
    html = page(site, "results/units/yibao")
    assert (
        '<a href="../../composites/kaoping-2025/">2025年度落实基层党建主体责任综合考评</a>' in html
    )

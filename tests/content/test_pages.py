"""Hand-written pages made ready for the engine: who cites a clause (its
backlinks), raw HTML shown as text, code kept as written, quotes as blocks."""

from __future__ import annotations

import re

from generator.content.check import Resolved, check_references
from generator.content.kind import PAGES
from generator.content.load import ContentPage
from generator.content.pages import backlinks, page_markdown
from generator.pipeline import Result, run
from generator.standards.kind import CATALOG
from tests.samples import AS_OF, MINIMAL, Handbook

FIRST = """\
---
title: 甲篇
---
开头引用 [[demo#tiaokuan-yi]]，再引一次 [[demo#tiaokuan-yi|第一条]]，整部标准 [[demo]]。

## 换届 {#huanjie}

按 [[demo#tiaokuan-yi]] 执行，另见 [[demo#tiaokuan-yi]]。

## 安全

[[demo#tiaokuan-yi]] 与 [[demo#tiaokuan-er]]。
"""
SECOND = """\
---
title: 乙篇
---
## 第二节 {#second}

[[demo@2020#tiaokuan-yi]]
"""


def loaded(handbook: Handbook, pages: dict[str, str], render: bool = False) -> Result:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    for rel, text in pages.items():
        handbook.write(rel, text)
    return run(handbook.root, AS_OF, render=render)


def resolved_of(result: Result) -> dict[str, list[Resolved]]:
    resolved, problems = check_references(result.store[PAGES], result.store[CATALOG])
    assert problems == []
    return resolved


def test_backlinks_list_each_citing_section_once_in_page_order(handbook: Handbook) -> None:
    # b.md is written first, but a.md comes first in page order (the files' order)
    result = loaded(handbook, {"content/guide/b.md": SECOND, "content/guide/a.md": FIRST})
    found = backlinks(result.store[PAGES], resolved_of(result))
    ref = result.store[CATALOG].standard("demo").current.ref
    assert [(b.page.path, b.title, b.anchor) for b in found[(ref, "tiaokuan-yi")]] == [
        ("guide/a.md", "甲篇", ""),  # before any section: the page itself
        ("guide/a.md", "甲篇 › 换届", "huanjie"),
        ("guide/a.md", "甲篇 › 安全", "安全"),
        ("guide/b.md", "乙篇 › 第二节", "second"),
    ]
    assert [(b.title, b.anchor) for b in found[(ref, "tiaokuan-er")]] == [("甲篇 › 安全", "安全")]
    assert set(found) == {(ref, "tiaokuan-yi"), (ref, "tiaokuan-er")}  # [[demo]]: no clause


def test_a_cited_clause_links_back_to_the_citing_sections(handbook: Handbook) -> None:
    result = loaded(handbook, {"content/guide/a.md": FIRST, "content/guide/b.md": SECOND}, True)
    standard = next(p for p in result.pages if p.path == "standards/demo/index.md")
    assert standard.content is not None
    first_clause = standard.content[standard.content.index('id="tiaokuan-yi"') :]
    backlinks_html = re.search(r'<p class="hb-backlinks"[^>]*>.*?</p>', first_clause)
    assert backlinks_html is not None
    assert backlinks_html.group(0) == (
        '<p class="hb-backlinks" data-pagefind-ignore="all"><span class="hb-backlinks__label">被引用：</span>'
        '<a href="../../guide/a/">甲篇</a>；'
        '<a href="../../guide/a/#huanjie">甲篇 › 换届</a>；'
        '<a href="../../guide/a/#安全">甲篇 › 安全</a>；'
        '<a href="../../guide/b/#second">乙篇 › 第二节</a></p>'
    )


def page_of(handbook: Handbook, body: str) -> tuple[ContentPage, list[Resolved]]:
    result = loaded(handbook, {"content/guide/one.md": f"---\ntitle: 指南\n---\n{body}"})
    (page,) = result.store[PAGES]
    return page, resolved_of(result).get(page.source, [])


def cite(r: Resolved) -> str:
    return f"<CITE {r.citation.anchor}>"


def test_raw_html_outside_code_is_shown_as_text(handbook: Handbook) -> None:
    page, resolved = page_of(
        handbook,
        '<div onclick="x()">块</div> a<b 与 <script>alert(1)</script> '
        "<https://example.org/a> <mailto:office@example.org> [[demo#tiaokuan-yi]]\n",
    )
    assert page_markdown(page, resolved, cite) == (
        '&lt;div onclick="x()">块&lt;/div> a&lt;b 与 &lt;script>alert(1)&lt;/script> '
        "<https://example.org/a> <mailto:office@example.org> <CITE tiaokuan-yi>\n"
    )


def test_code_spans_and_fences_are_left_as_written(handbook: Handbook) -> None:
    body = (
        "行内 `<b>[[demo#tiaokuan-yi]]</b>` 与 ``a ` <i>`` 之后 <u>\n"
        "\n"
        "```html\n"
        "<div>[[demo#tiaokuan-er]]</div>\n"
        "```\n"
        "\n"
        "~~~~\n"
        "<p>\n"
        "```\n"
        "still code <p>\n"
        "~~~~\n"
        "后文 <em> [[demo#tiaokuan-er]]\n"
    )
    page, resolved = page_of(handbook, body)
    assert page_markdown(page, resolved, cite) == body.replace("之后 <u>", "之后 &lt;u>").replace(
        "后文 <em> [[demo#tiaokuan-er]]", "后文 &lt;em> <CITE tiaokuan-er>"
    )


def test_indented_code_blocks_are_left_as_written(handbook: Handbook) -> None:
    body = "示例如下：\n\n    <div>示例</div>\n\n后文\n"
    page, resolved = page_of(handbook, body)
    assert page_markdown(page, resolved, cite) == body


def test_a_code_span_over_two_lines_is_left_as_written(handbook: Handbook) -> None:
    body = '见 `<div\nclass="x">` 的写法\n'
    page, resolved = page_of(handbook, body)
    assert page_markdown(page, resolved, cite) == body


def test_a_quoted_citation_becomes_a_block(handbook: Handbook) -> None:
    result = loaded(
        handbook,
        {"content/guide/one.md": "---\ntitle: 指南\n---\n前文 ![[demo#tiaokuan-yi]] 后文\n"},
        render=True,
    )
    page = next(p for p in result.pages if p.path == "guide/one.md")
    assert page.content is not None
    # a block of its own, whatever was written around it on the line
    quote = re.search(
        r"前文 \n\n(<blockquote class=\"hb-quote\">.*?</blockquote>)\n\n 后文", page.content, re.S
    )
    assert quote is not None, page.content
    block = quote.group(1)
    assert "<strong>1.1 第一条</strong>" in block
    assert "党支部应当按期换届。" in block
    assert (
        '——引自 <a href="../../standards/demo/#tiaokuan-yi">XX/DJ 009-2020 示例标准（2020版）1.1</a>'
        in block
    )


def test_a_plain_citation_is_an_inline_link(handbook: Handbook) -> None:
    result = loaded(
        handbook,
        {"content/guide/one.md": "---\ntitle: 指南\n---\n按 [[demo#tiaokuan-er|安全条款]] 执行\n"},
        render=True,
    )
    page = next(p for p in result.pages if p.path == "guide/one.md")
    assert page.content is not None
    assert "按 [安全条款](../standards/demo/index.md#tiaokuan-er){: .hb-cite } 执行" in page.content


def test_chinese_wrapped_in_the_file_reads_as_one_line_on_the_page_and_on_paper(
    handbook: Handbook,
) -> None:
    import subprocess

    from generator.engine.build import build_site

    handbook.write(
        "standards/demo/2020.yml",
        MINIMAL.replace(
            "党支部应当按期换届。", "|\n          党支部应当按期换届，\n          以班子成员为主。"
        ),
    )
    handbook.write(
        "content/manuals/讲义/index.md",
        "---\ntitle: 讲义\n---\n\n学习计划按年度\n制定，以班子成员为主，**集中\n学习**不少于\n4 次。\n",
    )
    build_site(handbook.root, AS_OF)
    site = handbook.root / "site"
    page = (site / "manuals/讲义/index.html").read_text(encoding="utf-8")
    assert "学习计划按年度制定，以班子成员为主，<strong>集中学习</strong>不少于\n4 次。" in page
    standard = (site / "standards/demo/index.html").read_text(encoding="utf-8")
    assert "党支部应当按期换届，以班子成员为主。" in standard
    text = subprocess.run(
        ["pdftotext", "-layout", str(site / "pdf/manuals/讲义.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "学习计划按年度制定，以班子成员为主，集中学习不少于 4 次。" in text

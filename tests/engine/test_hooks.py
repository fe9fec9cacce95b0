"""The MkDocs hooks: a generated HTML page reaches the theme as written, with the
table of contents and anchors a reader uses; editors' Markdown pages are untouched."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from generator.engine import hooks
from generator.engine.hooks import on_page_content, on_page_markdown, toc_tokens


def heading(level: int, anchor: str, inner: str) -> str:
    """A heading as the generator's templates write it (render/templates/_html.j2)."""
    return (
        f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}" '
        f'title="本条链接">¶</a></h{level}>'
    )


BODY = "\n".join(
    [
        heading(1, "demo", "XX/DJ 009-2020 示例标准"),
        '<div class="hb-meta" id="meta"><p>发布机构：示例委员会</p></div>',
        heading(2, "yiban", '<span class="hb-num">1</span> 一般要求'),
        heading(3, "tiaokuan-yi", "1.1 第一条"),
        '<p id="tiaokuan-yi-text">党支部应当按期换届。</p>',
        heading(3, "tiaokuan-er", "1.2 R&amp;D &lt;研发&gt;"),
        heading(2, "rubric", "评分细则"),
        heading(4, "grades", "等级划分"),
    ]
)


def names(tokens: list[dict[str, Any]]) -> list[object]:
    """The tree as (id, name, children) for comparison."""
    return [(t["id"], t["name"], t["level"], names(t["children"])) for t in tokens]


def test_toc_tokens_nest_headings_by_level() -> None:
    assert names(toc_tokens(BODY)) == [
        (
            "demo",
            "XX/DJ 009-2020 示例标准",
            1,
            [
                (
                    "yiban",
                    "1 一般要求",
                    2,
                    [
                        ("tiaokuan-yi", "1.1 第一条", 3, []),
                        ("tiaokuan-er", "1.2 R&amp;D &lt;研发&gt;", 3, []),
                    ],
                ),
                ("rubric", "评分细则", 2, [("grades", "等级划分", 4, [])]),
            ],
        )
    ]


def test_toc_ids_are_unescaped_and_names_escaped_once() -> None:
    body = heading(2, "a&amp;b", "<code>&lt;x&gt;</code> &amp; 甲") + heading(2, "c", "丙")
    first, second = toc_tokens(body)
    assert first["id"] == "a&b"  # MkDocs puts "#" + id in the link and escapes it itself
    assert first["name"] == "&lt;x&gt; &amp; 甲"  # the theme prints names as HTML
    assert second["id"] == "c"


def test_a_heading_after_a_deeper_one_closes_it() -> None:
    body = heading(3, "deep", "深") + heading(2, "up", "浅") + heading(3, "under", "下")
    assert names(toc_tokens(body)) == [
        ("deep", "深", 3, []),
        ("up", "浅", 2, [("under", "下", 3, [])]),
    ]


def test_no_headings_no_toc() -> None:
    assert toc_tokens("<p>只有正文。</p>") == []


def page(**meta: object) -> SimpleNamespace:
    return SimpleNamespace(meta=dict(meta), toc=None, present_anchor_ids=None)


def test_a_generated_html_page_passes_through_unchanged() -> None:
    generated = page(hb_html=True, title="示例标准")
    assert on_page_markdown(BODY, generated) == ""  # nothing for Python-Markdown to parse
    assert on_page_content("", generated) == BODY
    assert [(a.id, a.title) for a in generated.toc] == [("demo", "XX/DJ 009-2020 示例标准")]
    assert [a.id for a in generated.toc.items[0].children] == ["yiban", "rubric"]
    assert [a.id for a in generated.toc.items[0].children[0].children] == [
        "tiaokuan-yi",
        "tiaokuan-er",
    ]
    assert generated.present_anchor_ids == {
        "demo",
        "meta",
        "yiban",
        "tiaokuan-yi",
        "tiaokuan-yi-text",
        "tiaokuan-er",
        "rubric",
        "grades",
    }
    assert not hasattr(generated, hooks._BODY)  # nothing left on the page after use


def test_an_editors_markdown_page_is_left_alone() -> None:
    written = page(title="操作手册")
    markdown = "# 操作手册\n\n<b>不是 HTML</b>\n"
    assert on_page_markdown(markdown, written) == markdown
    assert on_page_content("<h1>操作手册</h1>", written) == "<h1>操作手册</h1>"
    assert written.toc is None and written.present_anchor_ids is None
    assert on_page_markdown(markdown, page(hb_html=False)) == markdown


def test_interleaved_pages_keep_their_own_html() -> None:
    # `mkdocs serve` reuses the process, and nothing says one page finishes before the next.
    one, two, plain = page(hb_html=True), page(hb_html=True), page()
    body_one = heading(1, "one", "第一页")
    body_two = heading(1, "two", "第二页") + heading(2, "two-a", "二甲")
    assert on_page_markdown(body_one, one) == ""
    assert on_page_markdown(body_two, two) == ""
    assert on_page_markdown("# 手写", plain) == "# 手写"
    assert on_page_content("<h1>手写</h1>", plain) == "<h1>手写</h1>"
    assert on_page_content("", two) == body_two
    assert on_page_content("", one) == body_one
    assert [a.id for a in one.toc] == ["one"]
    assert [a.id for a in two.toc] == ["two"] and [a.id for a in two.toc.items[0].children] == [
        "two-a"
    ]
    assert one.present_anchor_ids == {"one"} and two.present_anchor_ids == {"two", "two-a"}
    # what a page handed over is used once: the same page's HTML is not handed out again
    assert on_page_content("<p>converted</p>", one) == "<p>converted</p>"


def test_table_cells_are_spaced_for_search_and_anchors_are_whole_ids() -> None:
    table = (
        '<table data-id="t1"><tr><th>序号</th><th>评分内容</th></tr>'
        "<tr><td>1</td><td>按期换届</td></tr><tr><td></td></td><td>x</td></tr></table>"
    )
    generated = page(hb_html=True, title="评分表")
    on_page_markdown(table + '<p hid="no" id="ok">正文</p>', generated)
    assert on_page_content("", generated) == (
        '<table data-id="t1"><tr><th>序号</th> <th>评分内容</th> </tr>\n'
        "<tr><td>1</td> <td>按期换届</td> </tr>\n<tr><td></td> </td> <td>x</td> </tr>\n</table>"
        '<p hid="no" id="ok">正文</p>'
    )
    # Anchors are read from attributes named `id` as a word (`hid` is not one).
    assert generated.present_anchor_ids == {"ok", "t1"}


def test_a_page_is_read_as_mkdocs_reads_it(tmp_path: Path) -> None:
    from mkdocs.structure.files import File

    path = tmp_path / "docs" / "notice.md"
    path.parent.mkdir()
    # An editor's file from Windows: a byte order mark, CRLF and a lone CR.
    path.write_bytes("\ufeff---\r\ntitle: 通知\r\n---\r\n第一段。\r第二段。\r\n".encode())
    file = File("notice.md", str(tmp_path / "docs"), str(tmp_path / "site"), True)
    page = SimpleNamespace(file=file)
    assert hooks.on_page_read_source(page) == file.content_string
    assert file.content_string == "---\ntitle: 通知\n---\n第一段。\n第二段。\n"
    path.write_bytes(b"\xff\xfe")  # not UTF-8: left to MkDocs, which reports it
    assert hooks.on_page_read_source(page) is None

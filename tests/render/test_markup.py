"""Editors' values are text: escaped for where they land, never evaluated."""

from __future__ import annotations

import datetime as dt

from generator.render.markup import block, inline, zh_date


def test_dates_in_chinese() -> None:
    assert zh_date(dt.date(2023, 5, 26)) == "2023年5月26日"


def test_inline_escapes_markdown_and_html() -> None:
    assert str(inline("a|b *c* [d](e) <i> {: .x} & #")) == (
        r"a\|b \*c\* \[d\](e) \<i\> \{: .x\} &amp; \#"
    )


def test_block_shows_html_as_text_and_drops_unsafe_links() -> None:
    html = str(block("<script>alert(1)</script>\n\n[点我](javascript:alert(1)) **重点**"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert "<strong>重点</strong>" in html


def test_block_keeps_markdown_lists_and_tables() -> None:
    html = str(block("- 一\n- 二\n\n| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |"))
    assert "<li>一</li>" in html and "<td>1</td>" in html

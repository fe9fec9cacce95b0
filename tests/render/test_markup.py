"""Editors' values are text: escaped for where they land, never evaluated."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.render import markup
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


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("按期制定，\n以班子成员为主", "<p>按期制定，以班子成员为主</p>"),
        ("缩短为 3 个工作日，\n增加了“线上会议”", "<p>缩短为 3 个工作日，增加了“线上会议”</p>"),
        ("见**第一条**\n和第二条", "<p>见<strong>第一条</strong>和第二条</p>"),
        ("按照\n*有关规定*执行", "<p>按照<em>有关规定</em>执行</p>"),
        ("党支部 party\nbranch 的要求", "<p>党支部 party\nbranch 的要求</p>"),  # Latin: a space
        ("共 3\n人", "<p>共 3\n人</p>"),  # a digit on one side: as written
        ("    第一行\n    第二行", "<pre><code>第一行\n第二行\n</code></pre>"),  # code
    ],
)
def test_a_line_break_inside_chinese_text_joins_with_nothing(source: str, shown: str) -> None:
    html = str(markup.html_block(source))
    assert shown in html.replace('<div class="hb-text">\n', "").replace("\n</div>", "")

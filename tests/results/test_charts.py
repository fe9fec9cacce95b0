"""SVG charts: named and described for screen readers, every value printed as
text (nothing depends on colour), labels shown as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.results.charts import bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    """The words the chart prints, in order (parsing also proves it well-formed)."""
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_a_bar_chart_is_named_and_described_for_screen_readers() -> None:
    svg = bar_chart("第一轮：各等级单位数", [("优秀", 3), ("达标", 5), ("不达标", 0)], unit="个")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "第一轮：各等级单位数"
    assert root.findtext(f"{SVG}title") == "第一轮：各等级单位数"
    assert root.findtext(f"{SVG}desc") == "优秀 3个；达标 5个；不达标 0个"


def test_a_bar_chart_prints_every_value_and_label() -> None:
    svg = bar_chart("得分", [("甲", 92.5), ("乙", 80), ("丙", 0)], unit="分")
    assert texts(svg) == ["92.5分", "甲", "80分", "乙", "0分", "丙"]
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([0-9.]+)"', svg)]
    assert heights[0] > heights[1] > heights[2] == 0  # the tallest bar is the highest value


def test_a_line_chart_is_described_and_prints_every_value() -> None:
    svg = line_chart("示例单位：历次总分", [("2024", 78), ("2025", 85.5), ("2026", 91)])
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == "示例单位：历次总分"
    assert root.findtext(f"{SVG}desc") == "2024 78；2025 85.5；2026 91"
    printed = texts(svg)
    assert printed[:3] == ["0", "50", "100"]  # the scale
    assert printed[3:] == ["78", "2024", "85.5", "2025", "91", "2026"]
    assert root.find(f"{SVG}polyline") is not None


def test_a_line_chart_of_one_point_has_no_line_but_shows_the_value() -> None:
    svg = line_chart("示例单位：历次总分", [("2026", 91)])
    assert ET.fromstring(svg).find(f"{SVG}polyline") is None
    assert texts(svg)[3:] == ["91", "2026"]


def test_labels_and_titles_are_text_not_markup() -> None:
    label = "A<B & C"
    for svg in (
        bar_chart(f"对比 <{label}>", [(label, 1)], unit="<分>"),
        line_chart(f"对比 <{label}>", [(label, 1), ("二", 2)]),
    ):
        assert "<B" not in svg and "<分>" not in svg
        root = ET.fromstring(svg)  # well-formed: nothing a label says breaks the SVG
        assert root.findtext(f"{SVG}title") == f"对比 <{label}>"
        assert root.get("aria-label") == f"对比 <{label}>"
        assert label in texts(svg)
        assert (root.findtext(f"{SVG}desc") or "").startswith(label + " 1")
    assert "1<分>" in texts(bar_chart("t", [("x", 1)], unit="<分>"))

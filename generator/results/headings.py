"""What the workbooks look like: sheet names, headers, the 说明 sheet's fields.
Export writes these words and import reads them back, so they live in one place."""

from __future__ import annotations

import re

from generator.results.model import Column
from generator.standards.model import Criterion

SCORES = "评分"
REASONS = "理由与依据"
ABOUT = "说明"
UNITS = "单位"

UNIT_ID = "单位编号"
UNIT_NAME = "单位名称"
TOTAL = "合计"
CRITERION = "评分项"
REASON = "理由"
EVIDENCE = "依据"
NOT_ASSESSED = "?"

KIND_ROUND = "考核评分表"
KIND_TABLE = "台账与清单"

# The 说明 sheet: column A holds these labels, column B the values.
ABOUT_KIND = "表格类型"
ROUND_FIELDS = {
    "id": "轮次编号",
    "rubric": "评分依据",
    "series": "系列",
    "title": "标题",
    "period.kind": "周期类型",
    "period.start": "周期开始",
    "period.end": "周期结束",
    "assessed": "评估日期",
    "published": "公布日期",
    "assessor": "评估单位",
}
TABLE_FIELDS = {"id": "表格编号", "kind": "类别", "title": "标题", "published": "公布日期"}

# Columns a scores sheet may carry besides the criteria: read past, never written back
# (the site's scores.csv has the English ones).
IGNORED = frozenset(
    {
        TOTAL,
        "总分",
        "名次",
        "排名",
        "等级",
        "是否达标",
        "达标",
        "rank",
        "unit",
        "total",
        "grade",
        "passed",
    }
)
UNIT_HEADERS = frozenset({UNIT_ID, "unit_id", "单位代码"})
NAME_HEADERS = frozenset({UNIT_NAME, "单位"})

_POINTS_SUFFIX = re.compile(r"\s*[（(]\s*[0-9.]+\s*分\s*[）)]\s*$")
PRIVATE_SUFFIX = "（不公开）"


def criterion_header(c: Criterion, index: int) -> str:
    """`9 党课按期开展（5分）`: the number, what is assessed, its points."""
    return f"{c.number or index} {c.item}（{c.points:g}分）"


def column_header(c: Column) -> str:
    """A table column's header in a workbook (private ones marked)."""
    return c.label + (PRIVATE_SUFFIX if c.private else "")


def bare(header: str) -> str:
    """A header without its points suffix, private mark and surrounding spaces."""
    text = _POINTS_SUFFIX.sub("", header.strip())
    return text.removesuffix(PRIVATE_SUFFIX).strip()


def criterion_names(criteria: list[Criterion]) -> dict[str, str]:
    """Every way a header may name a criterion → its id: the id, the item, `number item`."""
    names: dict[str, str] = {}
    for index, c in enumerate(criteria, start=1):
        number = c.number or str(index)
        for name in (c.id, c.item, f"{number} {c.item}", f"{number}{c.item}", f"{number}.{c.item}"):
            names.setdefault(name, c.id)
    return names


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

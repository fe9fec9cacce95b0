"""Composite assessments: totals, contributions and ranks against hand-computed
values, the missing-unit rules, and each check's located message."""

from __future__ import annotations

import pytest

from generator.composites.kind import SCORED_COMPOSITES
from generator.pipeline import run
from generator.results.periods import official_period
from tests.messages.test_rules import problems as problems_in
from tests.samples import AS_OF, Handbook
from tests.samples import setup_results as setup

C = "content/results/composites/c2025.yml"
COMPOSITE = """\
id: c2025
title: 2025年度综合考评
method: demo@2020
method_clause: tiaokuan-yi
period: {{start: 2024-01-01, end: 2025-12-31}}
published: 2026-01-20
missing: {missing}
components:
  - {{name: 验收, series: demo, weight: 60}}
  - {{name: 评议, round: r2025, weight: 40}}
grades:
  - {{name: 好, min: 85}}
  - {{name: 一般, min: 0}}
"""


def composite(handbook: Handbook, missing: str = "zero", text: str | None = None):  # type: ignore[no-untyped-def]
    setup(handbook)
    handbook.write(C, text or COMPOSITE.format(missing=missing))
    return run(handbook.root, AS_OF, render=False)


def test_totals_contributions_and_ranks_by_hand(handbook: Handbook) -> None:
    result = composite(handbook)
    (c,) = result.store[SCORED_COMPOSITES]
    got = {u.unit.id: (round(u.total or 0, 2), u.rank, u.grade) for u in c.units}
    # series mean of r2024 and r2025 (totals out of 10 → ×10), then 60 % + 40 % of r2025:
    # a: (90+80)/2=85 → 51 + 32 = 83;  b: (80+100)/2=90 → 54 + 40 = 94
    # c: (80+80)/2=80 → 48 + 32 = 80;  d: (20+60)/2=40 → 24 + 24 = 48
    assert got == {
        "b": (94.0, 1, "好"),
        "a": (83.0, 2, "一般"),
        "c": (80.0, 3, "一般"),
        "d": (48.0, 4, "一般"),
    }
    b = c.units[0]
    assert [(p.score, round(p.contribution or 0, 2), p.rounds) for p in b.parts] == [
        (90.0, 54.0, 2),
        (100.0, 40.0, 1),
    ]


def test_ties_share_a_rank(handbook: Handbook) -> None:
    text = (
        COMPOSITE.format(missing="zero")
        .replace("weight: 60", "weight: 0")
        .replace("weight: 40", "weight: 100")
    )
    (c,) = composite(handbook, text=text).store[SCORED_COMPOSITES]
    # r2025 totals: b 10, a 8, c 8, d 6 → ranks 1, 2, 2, 4
    assert [(u.unit.id, u.rank) for u in c.units] == [
        ("b", 1),
        ("c", 2),
        ("a", 2),
        ("d", 4),
    ]  # ties by name


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("weight: 40", "weight: 30"),
            "content/results/composites/c2025.yml:8:1: components: 各部分权重之和应为 100%，实际为 90% [HB526]",
        ),
        (
            ("round: r2025", "round: r2026"),
            "content/results/composites/c2025.yml:10:23: components[1].round: 没有轮次 'r2026'，是否应为 'r2025'？ [HB528]",
        ),
        (
            ("series: demo", "series: dmeo"),
            "content/results/composites/c2025.yml:9:24: components[0].series: 没有系列 'dmeo'，是否应为 'demo'？ [HB530]",
        ),
        (
            ("end: 2025-12-31", "end: 2025-06-30"),
            "content/results/composites/c2025.yml:10:23: components[1].round: 轮次 r2025 的考核期（2025-01-01 至 2025-12-31）应在综合评定期（2024-01-01 至 2025-06-30）之内 [HB529]",
        ),
        (
            ("method_clause: tiaokuan-yi", "method_clause: nope"),
            "content/results/composites/c2025.yml:4:16: method_clause: demo@2020 中没有条款 'nope' [HB525]",
        ),
        (
            ("method: demo@2020", "method: demo@2021"),
            "content/results/composites/c2025.yml:3:9: method: 没有版次 'demo@2021'，是否应为 'demo@2020'？ [HB510]",
        ),
        (
            ("missing: zero", "missing: zero\nprevious: c2024"),
            "content/results/composites/c2025.yml:8:11: previous: 没有综合评定 'c2024'，是否应为 'c2025'？ [HB527]",
        ),
        (
            ("start: 2024-01-01, end: 2025-12-31", "start: 2023-01-01, end: 2023-12-31"),
            "content/results/composites/c2025.yml:9:24: components[0].series: 系列 'demo' 在 2023-01-01 至 2023-12-31 期间没有轮次 [HB531]",
        ),
        (
            ("missing: zero", "missing: zero\nkind: 机关"),
            "content/results/composites/c2025.yml:8:7: kind: 没有类别为“机关”的单位 [HB532]",
        ),
    ],
)
def test_checks_are_located(handbook: Handbook, edit: tuple[str, str], message: str) -> None:
    setup(handbook)
    handbook.write(C, COMPOSITE.format(missing="zero").replace(*edit))
    assert message in handbook.problems()


def test_units_in_no_component(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write(C, COMPOSITE.format(missing="zero"))
    handbook.write(
        "content/results/units.yml",
        (handbook.root / "content/results/units.yml").read_text(encoding="utf-8")
        + "  - {id: e, name: 戊单位, kind: 市直单位}\n",
    )
    assert handbook.problems() == [
        "content/results/composites/c2025.yml:8:1: components: 有 1 个单位不在任何一部分中：e；请在某一轮中为其评分，或用 kind: 只合成一类单位 [HB533]"
    ]
    assert problems_in(handbook, "en") == [
        "content/results/composites/c2025.yml:8:1: components: 1 unit(s) appear in no component: e; score them in a round, or limit the composite to a kind of unit with 'kind:' [HB533]"
    ]


def test_a_composite_id_used_twice(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write(C, COMPOSITE.format(missing="zero"))
    handbook.write("content/results/composites/c2025b.yml", COMPOSITE.format(missing="zero"))
    assert (
        "content/results/composites/c2025b.yml:1:5: id: 综合评定标识 'c2025' 重复；标识不得重复 [HB524]"
        in (handbook.problems())
    )
    assert (
        "content/results/composites/c2025.yml:1:5: id: the composite id 'c2025' is used twice [HB524]"
        in (problems_in(handbook, "en"))
    )


def test_official_periods() -> None:
    import datetime as d

    assert official_period(d.date(2023, 1, 1), d.date(2023, 12, 31)) == "2023年度"
    assert official_period(d.date(2025, 1, 1), d.date(2025, 3, 31)) == "2025年第一季度"
    assert official_period(d.date(2025, 10, 1), d.date(2025, 12, 31)) == "2025年第四季度"
    assert official_period(d.date(2025, 3, 1), d.date(2025, 3, 31)) == "2025年3月"
    assert official_period(d.date(2025, 3, 5), d.date(2025, 4, 2)) == "2025年3月5日—2025年4月2日"


def test_a_round_whose_series_has_no_name(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write("content/results/series.yml", "series:\n  - {id: dmo, name: 验收}\n")
    assert handbook.problems() == [
        "content/results/rounds/r2024.yml:2:9: series: content/results/series.yml 中没有系列 'demo'；请在其中补上该系列及其名称，是否应为 'dmo'？ [HB535]",
        "content/results/rounds/r2025.yml:2:9: series: content/results/series.yml 中没有系列 'demo'；请在其中补上该系列及其名称，是否应为 'dmo'？ [HB535]",
    ]
    assert problems_in(handbook, "en")[0] == (
        "content/results/rounds/r2024.yml:2:9: series: there is no series 'demo' in content/results/series.yml; add it there with its name; did you mean 'dmo'? [HB535]"
    )


def test_a_series_named_twice(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write(
        "content/results/series.yml",
        "series:\n  - {id: demo, name: 验收}\n  - {id: demo, name: 评议}\n",
    )
    assert handbook.problems() == [
        "content/results/series.yml:3:10: series[1].id: 系列标识 'demo' 重复；标识不得重复 [HB534]"
    ]

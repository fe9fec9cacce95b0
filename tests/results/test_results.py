"""Results: scoring, ties, grade bands, deltas, privacy, and each rule's exact message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.engine.build import build_site
from generator.pipeline import run
from generator.results.kind import SCORED
from generator.results.scoring import competition_ranks
from tests.samples import AS_OF, MINIMAL, SECOND, UNITS, Handbook
from tests.samples import RESULT_ROUND as R
from tests.samples import setup_results as setup


def test_competition_ranks() -> None:
    assert competition_ranks([9, 8, 8, 2]) == [1, 2, 2, 4]
    assert competition_ranks([5, 5, 5]) == [1, 1, 1]
    assert competition_ranks([]) == []


def test_totals_grades_ranks_pass_rate_and_deltas(handbook: Handbook) -> None:
    setup(handbook)
    result = run(handbook.root, AS_OF, render=False)
    first, second = result.store[SCORED]
    assert [(u.unit.id, u.total, u.rank, u.grade, u.passed) for u in first.units] == [
        ("a", 9, 1, "优秀", True),
        ("c", 8, 2, "达标", True),  # tie: same rank, sorted by name
        ("b", 8, 2, "达标", True),
        ("d", 2, 4, None, False),  # "?" is not 0: it is left out of the total
    ]
    assert first.units[3].missing == ("c2",)
    assert first.pass_rate == 0.75 and first.mean == 6.75
    assert first.distribution() == [("优秀", 1), ("达标", 2), ("", 1)]  # d is in no band
    by_unit = {u.unit.id: u for u in second.units}
    assert (
        by_unit["b"].total,
        by_unit["b"].rank,
        by_unit["b"].delta_total,
        by_unit["b"].delta_rank,
    ) == (10, 1, 2, 1)
    assert (by_unit["a"].delta_total, by_unit["a"].delta_rank) == (-1, -1)
    assert (by_unit["d"].delta_total, by_unit["d"].delta_rank) == (4, 0)
    assert first.units[0].delta_total is None  # no previous round


def problems(handbook: Handbook, second: str, units: str = UNITS) -> list[str]:
    setup(handbook, second, units)
    return handbook.problems()


def test_unknown_unit_and_criterion(handbook: Handbook) -> None:
    text = SECOND.replace("unit: d,", "unit: e,").replace("{c1: 4, c2: 6}", "{c1: 4, c3: 6}")
    assert problems(handbook, text) == [
        f'{R}:11:23: scores[1].scores: 缺少评分项 c2 的分数；未评估的评分项请写 "?" [HB515]',
        f"{R}:11:31: scores[1].scores.c3: demo@2020 的验收细则中没有评分项 'c3' [HB514]",
        f"{R}:13:12: scores[3].unit: content/results/units.yml 中没有单位 'e' [HB506]",
    ]


def test_score_out_of_range_or_not_a_number(handbook: Handbook) -> None:
    text = SECOND.replace("{c1: 4, c2: 6}", "{c1: 5, c2: -1}").replace(
        "{c1: 2, c2: 4}", "{c1: 五, c2: 4}"
    )
    assert problems(handbook, text) == [
        f"{R}:11:28: scores[1].scores.c1: 应为 0 到 4 之间的数（该评分项的分值），实际为 5 [HB509]",
        f"{R}:11:35: scores[1].scores.c2: 应为 0 到 6 之间的数（该评分项的分值），实际为 -1 [HB509]",
        f'{R}:13:28: scores[3].scores.c1: 应为分数（数字）、未评估时写 "?"，或写作 {{points, reason, evidence}}；实际为"五" [HB508]',
    ]


def test_rubric_must_be_an_edition_with_a_rubric(handbook: Handbook) -> None:
    handbook.write("standards/other/2020.yml", MINIMAL.replace("id: demo", "id: other"))
    assert problems(handbook, SECOND.replace("rubric: demo@2020", "rubric: other@2020")) == [
        f"{R}:4:9: rubric: XX/DJ 009-2020（other@2020）没有可用于评分的验收细则（rubric） [HB511]",
    ]
    assert problems(handbook, SECOND.replace("rubric: demo@2020", "rubric: demo@2021")) == [
        f"{R}:4:9: rubric: 没有版次 'demo@2021'，是否应为 'demo@2020'？ [HB510]",
    ]


def test_duplicate_unit_in_a_round_names_both(handbook: Handbook) -> None:
    assert problems(handbook, SECOND.replace("unit: d,", "unit: a,")) == [
        f"{R}:13:12: scores[3].unit: 单位 'a' 在本轮中出现了两次（第一次在第 10 行第 12 列） [HB504]",
    ]


def test_assessment_date_outside_the_period(handbook: Handbook) -> None:
    assert problems(handbook, SECOND.replace("assessed: 2025-12-10", "assessed: 2026-01-05")) == [
        f"{R}:6:11: assessed: 考核日期 2026-01-05 不在本轮考核期（2025-01-01 至 2025-12-31）内 [HB512]",
        f"{R}:7:12: published: 结果发布日期 2025-12-20 早于考核日期 2026-01-05 [HB513]",
    ]


def test_duplicate_unit_id_in_the_registry(handbook: Handbook) -> None:
    units = UNITS + "  - {id: a, name: 重复, kind: 市直单位}\n"
    assert problems(handbook, SECOND, units) == [
        "content/results/units.yml:6:10: units[4].id: 单位标识 'a' 重复（第一次在第 2 行第 10 列） [HB503]",
    ]


TABLE = """\
id: ledger
kind: 整改台账
title: 整改台账
published: 2026-10-01
deadline: deadline
done: done
columns:
  - {key: problem, label: 问题}
  - {key: unit, label: 单位, type: unit}
  - {key: deadline, label: 时限, type: date}
  - {key: done, label: 完成日期, type: date, optional: true}
  - {key: contact, label: 联系人, private: true}
rows:
  - {problem: 台账缺页, unit: a, deadline: 2026-11-01, contact: 私密联系人一}
  - {problem: 会议缺记录, unit: b, deadline: 2026-12-31, contact: 私密联系人二}
  - {problem: 已整改的问题, unit: c, deadline: 2026-11-01, done: 2026-10-20, contact: 私密联系人三}
"""
PRIVATE_TABLE = """\
id: members
kind: 其他
title: 党员积分（内部）
published: 2026-01-01
private: true
columns:
  - {key: member, label: 党员}
  - {key: points, label: 积分, type: number}
rows:
  - {member: 私密党员甲, points: 97}
"""


def test_table_cells_are_checked(handbook: Handbook) -> None:
    setup(handbook)
    handbook.write(
        "content/results/tables/ledger.yml",
        TABLE.replace("unit: b,", "unit: x,").replace("deadline: 2026-12-31", "deadline: 年底"),
    )
    assert handbook.problems() == [
        "content/results/tables/ledger.yml:15:28: rows[1].unit: 没有单位 'x' [HB505]",
        'content/results/tables/ledger.yml:15:41: rows[1].deadline: 应为 YYYY-MM-DD 格式的日期（如 2023-05-26），实际为"年底" [HB108]',
    ]


@pytest.fixture
def built(handbook: Handbook) -> Path:
    setup(handbook)
    handbook.write("content/results/tables/ledger.yml", TABLE)
    handbook.write("content/results/tables/members.yml", PRIVATE_TABLE)
    build_site(handbook.root, AS_OF)
    return handbook.root / "site"


def test_private_values_never_reach_the_site(built: Path) -> None:
    private = [
        "私密联系人一",
        "私密联系人二",
        "私密联系人三",
        "私密党员甲",
        "党员积分（内部）",
        "联系人",
    ]
    for path in built.rglob("*"):
        if path.is_file() and path.suffix in (
            ".html",
            ".xml",
            ".json",
            ".csv",
            ".txt",
            ".md",
            ".yml",
        ):
            text = path.read_text(encoding="utf-8")
            for value in private:
                assert value not in text, f"{value} in {path}"
    assert not (built / "results" / "tables" / "members").exists()


def test_round_page_shows_hand_computed_numbers(built: Path) -> None:
    html = (built / "results" / "r2024" / "index.html").read_text(encoding="utf-8")
    assert "参评单位 4 个，达标 3 个，达标率 75.0%，平均分 6.8 分。" in html
    assert "名次按总分从高到低排列；总分相同者名次相同，其后的名次顺延（如 1、2、2、4）。" in html
    # Every unit is in the chart, the one in no grade band too; at its own size.
    assert "<desc>优秀 1个；达标 2个；未达等级 1个</desc>" in html
    assert 'viewBox="0 0 330 230" width="330" height="230"' in html
    assert (
        "表头的序号为评分项，括号内为分值：<span>1　换届（4分）</span>；<span>2　安全（6分）</span>"
        in html
    )
    rows = html[html.index('id="ranking"') : html.index('id="detail"')]
    cells = [x.strip() for x in re.findall(r"<td[^>]*>(.*?)</td>", rows)]
    assert cells[:7] == ["1", '<a href="../units/a/">甲单位</a>', "9", "优秀", "是", "—", "—"]
    assert cells[21:28] == [
        "4",
        '<a href="../units/d/">丁单位</a>',
        "2（含未评项）",
        "",
        "否",
        "—",
        "—",
    ]
    assert "乙单位 · 安全：5/6，记录缺页（依据：会议记录本）" in html
    csv = (built / "results" / "r2024" / "scores.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[:2] == [
        "rank,unit_id,unit,total,grade,passed,c1,c2",
        "1,a,甲单位,9,优秀,yes,4,5",
    ]
    assert csv.splitlines()[4] == "4,d,丁单位,2,,no,2,?"


def test_unit_page_history_and_open_items(built: Path) -> None:
    html = (built / "results" / "units" / "a" / "index.html").read_text(encoding="utf-8")
    assert '<svg class="hb-chart"' in html and "<desc>2024 9；2025 8</desc>" in html
    assert "台账缺页" in html and "<strong>逾期</strong>" in html
    c = (built / "results" / "units" / "c" / "index.html").read_text(encoding="utf-8")
    assert "已整改的问题" not in c  # done: not open

"""A rebuild in the same process (`handbook serve`) keeps the checks and scores of
the rounds whose data did not change: what a round is checked against (the unit
registry, its rubric) changing still finds every problem a clean build finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.engine.build import build_site
from generator.errors import ValidationFailed
from tests.samples import AS_OF, clean_copy, copy_sample, site_files

UNITS = "content/results/units.yml"
RUBRIC = "standards/liuhua-24/2023.yml"


def _edit(root: Path, rel: str, *changes: tuple[str, str]) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _problems(root: Path) -> list[str]:
    with pytest.raises(ValidationFailed) as failed:
        build_site(root, AS_OF)
    return [str(p) for p in failed.value.problems]


@pytest.mark.parametrize(
    ("rel", "changes", "expected"),
    [
        (
            UNITS,
            [("  - id: shuiwu\n    name: 市税务局\n    kind: 市直单位\n", "")],
            "content/results/rounds/ducha-2025q1.yml:14:11: scores[0].unit: "
            "content/results/units.yml 中没有单位 'shuiwu'，是否应为 'shuili'？ [HB506]",
        ),
        (
            RUBRIC,
            [
                ("item: 按期换届, points: 5,", "item: 按期换届, points: 4,"),
                ("item: 党小组划分合理, points: 4,", "item: 党小组划分合理, points: 5,"),
            ],
            "content/results/rounds/ducha-2025q1.yml:17:16: scores[0].scores.huanjie: "
            "应为 0 到 4 之间的数（该评分项的分值），实际为 5 [HB509]",
        ),
    ],
    ids=["a unit removed from the registry", "a rubric item's points lowered"],
)
def test_unchanged_rounds_are_checked_again_when_what_they_are_checked_against_changes(
    tmp_path: Path, rel: str, changes: list[tuple[str, str]], expected: str
) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    _edit(root, rel, *changes)
    problems = _problems(root)  # the rounds' files are unchanged: their checks were kept
    assert expected in problems
    assert problems == _problems(clean_copy(root, tmp_path / "clean"))


def test_a_changed_pass_mark_scores_unchanged_rounds_again(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    _edit(root, RUBRIC, ("  pass_mark: 80\n", "  pass_mark: 95\n"))
    build_site(root, AS_OF)
    clean = clean_copy(root, tmp_path / "clean")
    build_site(clean, AS_OF)
    assert site_files(root / "site") == site_files(clean / "site")


ROUND = "content/results/rounds/ducha-2025q1.yml"
FIRST = "  - unit: shuiwu\n    scores:\n      zuzhi-jianquan: 6\n      huanjie: 5\n"


def test_score_edits_rebuilt_in_one_process_are_clean_builds(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    build_site(root, AS_OF)
    first = site_files(root / "site")
    lowered = FIRST.replace("huanjie: 5", "huanjie: 1")
    _edit(root, ROUND, (FIRST, lowered))
    build_site(root, AS_OF)  # the round's other units, rows and lines are kept
    edited = site_files(root / "site")
    csv = edited["results/ducha-2025q1/scores.csv"].decode("utf-8-sig")
    fields = next(line for line in csv.splitlines() if ",shuiwu," in line).split(",")
    assert fields[1:4] + fields[6:8] == ["shuiwu", "市税务局", "90", "6", "1"]  # 94 before
    clean = clean_copy(root, tmp_path / "clean")
    build_site(clean, AS_OF)
    assert edited == site_files(clean / "site")
    _edit(root, ROUND, (lowered, FIRST))
    build_site(root, AS_OF)
    assert site_files(root / "site") == first


def test_a_yes_where_a_kept_score_was_1_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "handbook")
    _edit(root, ROUND, (FIRST, FIRST.replace("huanjie: 5", "huanjie: 1")))
    build_site(root, AS_OF)  # the unit's scores are kept, `huanjie: 1` among them
    _edit(root, ROUND, ("huanjie: 1\n", "huanjie: true\n"))  # True == 1 in Python
    problems = _problems(root)
    assert problems == [
        "content/results/rounds/ducha-2025q1.yml:17:16: scores[0].scores.huanjie: "
        '应为分数（数字）、未评估时写 "?"，或写作 {points, reason, evidence}；实际为是/否值 true [HB508]'
    ]
    assert problems == _problems(clean_copy(root, tmp_path / "clean"))

"""Rules across fields and files, each with its exact message."""

from __future__ import annotations

import pytest

from tests.samples import MINIMAL, RUBRIC, Handbook

P = "standards/demo/2020.yml"


SECOND = (
    MINIMAL.replace('edition: "2020"', 'edition: "2023"')
    .replace("XX/DJ 009-2020", "XX/DJ 009-2023")
    .replace("issued: 2020-01-10", "issued: 2023-01-10")
    .replace("effective: 2020-02-01", "effective: 2023-02-01")
)


def test_duplicate_clause_id_names_both_places(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("- id: tiaokuan-er", "- id: tiaokuan-yi"))
    assert handbook.problems() == [
        f"{P}:17:13: sections[0].clauses[1].id: 标识 'tiaokuan-yi' 重复（第一次在第 13 行第 13 列）；标识不得重复 [HB206]",
    ]


def test_duplicate_clause_number_names_both_places(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace('number: "1.2"', 'number: "1.1"'))
    assert handbook.problems() == [
        f"{P}:18:17: sections[0].clauses[1].number: 条款编号 '1.1' 重复（第一次在第 14 行第 17 列）；条款编号不得重复 [HB207]",
    ]


def test_reserved_id(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("- id: yiban", "- id: scope"))
    assert handbook.problems() == [
        f"{P}:9:9: sections[0].id: 标识 'scope' 留作页面自身标题的锚点，不能使用；请另选一个 [HB205]",
    ]


def test_effective_before_issued(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("effective: 2020-02-01", "effective: 2019-12-31"))
    assert handbook.problems() == [
        f"{P}:6:12: effective: 实施日期 2019-12-31 早于发布日期 2020-01-10 [HB203]",
    ]


def test_repealed_before_effective(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issuer:", "repealed: 2020-01-20\nissuer:"))
    assert handbook.problems() == [
        f"{P}:7:11: repealed: 废止日期 2020-01-20 应晚于实施日期 2020-02-01 [HB204]",
    ]


def test_id_and_edition_must_match_the_path(handbook: Handbook) -> None:
    handbook.write("standards/other/2021.yml", MINIMAL)
    assert handbook.problems() == [
        "standards/other/2021.yml:1:5: id: 标识 'demo' 应与文件夹名 'other' 相同；请把文件移到 standards/demo/，或改正标识 [HB201]",
        "standards/other/2021.yml:4:10: edition: 版次 '2020' 应与文件名 '2021' 相同；请把文件改名为 2020.yml，或改正版次 [HB202]",
    ]


def test_rubric_points_must_add_up(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL + RUBRIC.replace("points: 6,", "points: 5,"))
    assert handbook.problems() == [
        f"{P}:23:10: rubric.total: 各评分项合计 9 分，但总分为 10 分 [HB211]",
    ]


def test_rubric_pass_mark_grades_and_clauses(handbook: Handbook) -> None:
    text = (
        RUBRIC.replace("pass_mark: 6", "pass_mark: 12")
        .replace("min: 9", "min: 11")
        .replace("[tiaokuan-er]", "[tiaokuan-san]")
    )
    handbook.write(P, MINIMAL + text)
    assert handbook.problems() == [
        f"{P}:24:14: rubric.pass_mark: 合格线 12 分高于总分 10 分 [HB212]",
        f"{P}:26:23: rubric.grades[0].min: 等级 '优秀' 的起点 11 分高于总分 10 分 [HB215]",
        f"{P}:30:47: rubric.criteria[1].clauses[0]: 本版次中没有条款 'tiaokuan-san'，是否应为 'tiaokuan-yi'？ [HB209]",
    ]


def test_dangling_replaces(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\nreplaces: [demo-old/2010]")
    )
    assert handbook.problems() == [
        f"{P}:8:12: replaces[0]: 没有版次 'demo-old/2010'（应有文件 standards/demo-old/2010.yml） [HB219]",
    ]


def test_replacement_must_be_recorded_both_ways(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\nreplaced_by: [neu/2023]")
    )
    handbook.write("standards/neu/2023.yml", SECOND.replace("id: demo", "id: neu"))
    assert handbook.problems() == [
        f"{P}:8:15: replaced_by[0]: standards/neu/2023.yml 的 'replaces' 中没有列出 'demo/2020'；代替关系须在两个版次中都写明 [HB220]",
    ]


def test_replacement_must_take_effect_later(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\nreplaces: [neu/2023]")
    )
    handbook.write(
        "standards/neu/2023.yml",
        SECOND.replace("id: demo", "id: neu").replace(
            "issuer: 示例委员会", "issuer: 示例委员会\nreplaced_by: [demo/2020]"
        ),
    )
    problems = handbook.problems()
    assert problems == [
        f"{P}:8:12: replaces[0]: 'demo/2020' 于 2020-02-01 实施，并不晚于 'neu/2023'（2023-02-01），不能代替它 [HB221]",
        "standards/neu/2023.yml:8:15: replaced_by[0]: 'demo/2020' 于 2020-02-01 实施，并不晚于 'neu/2023'（2023-02-01），不能代替它 [HB221]",
    ]


def test_withdrawn_clause_id_is_never_reused(handbook: Handbook) -> None:
    withdrawn = MINIMAL.replace(
        "        text: 信息安全按标准规定执行。",
        "        withdrawn: {note: 并入 1.1, moved_to: tiaokuan-yi}",
    )
    handbook.write(P, withdrawn)
    handbook.write("standards/demo/2023.yml", SECOND)
    assert handbook.problems() == [
        "standards/demo/2023.yml:17:13: sections[0].clauses[1].id: 条款标识 'tiaokuan-er' 已在 2020 版中删除；标识不得再用，请另起一个 [HB222]",
    ]


def test_withdrawn_pointer_must_exist(handbook: Handbook) -> None:
    handbook.write(
        P,
        MINIMAL.replace(
            "        text: 信息安全按标准规定执行。", "        withdrawn: {moved_to: tiaokuan-wu}"
        ),
    )
    assert handbook.problems() == [
        f"{P}:20:31: sections[0].clauses[1].withdrawn.moved_to: 本版次中没有条款 'tiaokuan-wu'，是否应为 'tiaokuan-yi'？ [HB209]",
    ]


def test_stored_status_must_agree(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issuer:", "status: 即将实施\nissuer:"))
    assert handbook.problems() == [
        f"{P}:7:9: status: 'status' 写的是“即将实施”，但按日期在 2026-11-22 应为“现行”；请改正日期，或删去 'status' 由系统计算 [HB223]",
    ]


def test_stored_status_that_agrees_is_fine(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issuer:", "status: 被代替\nissuer:"))
    handbook.write("standards/demo/2023.yml", SECOND)
    assert handbook.problems() == []


def test_a_file_linking_outside_the_repository_is_refused(
    handbook: Handbook, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "2023.yml"
    outside.write_text(MINIMAL, encoding="utf-8")
    link = handbook.root / P
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    assert handbook.problems() == [
        f"{P}: 此文件链接到仓库以外的位置，不予读取 [HB025]",
    ]

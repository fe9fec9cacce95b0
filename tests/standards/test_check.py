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
        f"{P}:17:13: sections[0].clauses[1].id: the id 'tiaokuan-yi' is used twice "
        "(first at line 13, column 13); the ids must be unique"
    ]


def test_duplicate_clause_number_names_both_places(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace('number: "1.2"', 'number: "1.1"'))
    assert handbook.problems() == [
        f"{P}:18:17: sections[0].clauses[1].number: the clause number '1.1' is used twice "
        "(first at line 14, column 17); the clause numbers must be unique"
    ]


def test_reserved_id(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("- id: yiban", "- id: scope"))
    assert handbook.problems() == [
        f"{P}:9:9: sections[0].id: the id 'scope' is reserved for the page's own headings; "
        "choose another"
    ]


def test_effective_before_issued(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("effective: 2020-02-01", "effective: 2019-12-31"))
    assert handbook.problems() == [
        f"{P}:6:12: effective: the effective date 2019-12-31 is before the issue date 2020-01-10"
    ]


def test_repealed_before_effective(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issuer:", "repealed: 2020-01-20\nissuer:"))
    assert handbook.problems() == [
        f"{P}:7:11: repealed: the repeal date 2020-01-20 must come after the effective date 2020-02-01"
    ]


def test_id_and_edition_must_match_the_path(handbook: Handbook) -> None:
    handbook.write("standards/other/2021.yml", MINIMAL)
    assert handbook.problems() == [
        "standards/other/2021.yml:1:5: id: the id 'demo' must equal the folder name 'other'; "
        "move the file to standards/demo/ or correct the id",
        "standards/other/2021.yml:4:10: edition: the edition '2020' must equal the file name "
        "'2021'; rename the file to 2020.yml or correct the edition",
    ]


def test_rubric_points_must_add_up(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL + RUBRIC.replace("points: 6,", "points: 5,"))
    assert handbook.problems() == [
        f"{P}:23:10: rubric.total: the criteria add up to 9 points, but the total is 10"
    ]


def test_rubric_pass_mark_grades_and_clauses(handbook: Handbook) -> None:
    text = (
        RUBRIC.replace("pass_mark: 6", "pass_mark: 12")
        .replace("min: 9", "min: 11")
        .replace("[tiaokuan-er]", "[tiaokuan-san]")
    )
    handbook.write(P, MINIMAL + text)
    assert handbook.problems() == [
        f"{P}:24:14: rubric.pass_mark: the pass mark 12 is above the total 10",
        f"{P}:26:23: rubric.grades[0].min: the grade '优秀' starts at 11, above the total 10",
        f"{P}:30:47: rubric.criteria[1].clauses[0]: there is no clause 'tiaokuan-san' in this "
        "edition; did you mean 'tiaokuan-yi'?",
    ]


def test_dangling_replaces(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\nreplaces: [demo-old/2010]")
    )
    assert handbook.problems() == [
        f"{P}:8:12: replaces[0]: there is no edition 'demo-old/2010' "
        "(expected a file standards/demo-old/2010.yml)"
    ]


def test_replacement_must_be_recorded_both_ways(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\nreplaced_by: [neu/2023]")
    )
    handbook.write("standards/neu/2023.yml", SECOND.replace("id: demo", "id: neu"))
    assert handbook.problems() == [
        f"{P}:8:15: replaced_by[0]: standards/neu/2023.yml does not list 'demo/2020' under "
        "'replaces'; a replacement is recorded in both editions"
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
        f"{P}:8:12: replaces[0]: 'demo/2020' takes effect on 2020-02-01, not after 'neu/2023' "
        "(2023-02-01), so it cannot replace it",
        "standards/neu/2023.yml:8:15: replaced_by[0]: 'demo/2020' takes effect on 2020-02-01, "
        "not after 'neu/2023' (2023-02-01), so it cannot replace it",
    ]


def test_withdrawn_clause_id_is_never_reused(handbook: Handbook) -> None:
    withdrawn = MINIMAL.replace(
        "        text: 信息安全按标准规定执行。",
        "        withdrawn: {note: 并入 1.1, moved_to: tiaokuan-yi}",
    )
    handbook.write(P, withdrawn)
    handbook.write("standards/demo/2023.yml", SECOND)
    assert handbook.problems() == [
        "standards/demo/2023.yml:17:13: sections[0].clauses[1].id: the clause id 'tiaokuan-er' "
        "was withdrawn in edition 2020; ids are never reused, choose a new one"
    ]


def test_withdrawn_pointer_must_exist(handbook: Handbook) -> None:
    handbook.write(
        P,
        MINIMAL.replace(
            "        text: 信息安全按标准规定执行。", "        withdrawn: {moved_to: tiaokuan-wu}"
        ),
    )
    assert handbook.problems() == [
        f"{P}:20:31: sections[0].clauses[1].withdrawn.moved_to: there is no clause 'tiaokuan-wu' "
        "in this edition; did you mean 'tiaokuan-yi'?"
    ]


def test_stored_status_must_agree(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issuer:", "status: 即将实施\nissuer:"))
    assert handbook.problems() == [
        f"{P}:7:9: status: the status says 即将实施, but on 2026-11-22 the dates make it 现行; "
        "correct the dates or remove 'status' and let it be computed"
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
    assert handbook.problems() == [f"{P}: the file links to a place outside the repository"]

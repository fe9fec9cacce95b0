"""Field-level rules: each problem's exact message, placed at its line and column."""

from __future__ import annotations

from tests.samples import MINIMAL, Handbook

P = "standards/demo/2020.yml"


def problems_for(handbook: Handbook, old: str, new: str) -> list[str]:
    assert old in MINIMAL
    handbook.write(P, MINIMAL.replace(old, new))
    return handbook.problems()


def test_unknown_field_suggests_the_intended_one(handbook: Handbook) -> None:
    # One message, not also "missing field 'issuer'": the suggestion says it.
    assert problems_for(handbook, "issuer: 示例委员会", "isuer: 示例委员会") == [
        f"{P}:7:1: isuer: unknown field 'isuer'; did you mean 'issuer'?",
    ]


def test_misspelt_nested_field(handbook: Handbook) -> None:
    assert problems_for(handbook, "        title: 第一条", "        titel: 第一条") == [
        f"{P}:15:9: sections[0].clauses[0].titel: unknown field 'titel'; did you mean 'title'?",
    ]


def test_unknown_field_without_a_close_match_lists_the_allowed_ones(handbook: Handbook) -> None:
    problems = problems_for(handbook, "        title: 第一条", "        标题: 第一条")
    assert problems == [
        f"{P}:15:9: sections[0].clauses[0].标题: unknown field '标题'; the allowed fields are: "
        "clauses, id, number, text, title, withdrawn"
    ]


def test_clause_number_must_be_text(handbook: Handbook) -> None:
    assert problems_for(handbook, 'number: "1.2"', "number: 1.10") == [
        f"{P}:18:17: sections[0].clauses[1].number: expected text, found the number 1.10; "
        'YAML reads unquoted 1.10 as a number (1.10 becomes 1.1), so write it in quotes: "1.10"'
    ]


def test_edition_must_be_text(handbook: Handbook) -> None:
    assert problems_for(handbook, 'edition: "2020"', "edition: 2020") == [
        f"{P}:4:10: edition: expected text, found the number 2020; YAML reads unquoted 2020 "
        'as a number (1.10 becomes 1.1), so write it in quotes: "2020"'
    ]


def test_missing_field_is_placed_at_its_mapping(handbook: Handbook) -> None:
    assert problems_for(handbook, "        title: 第二条\n", "") == []  # title is optional
    assert problems_for(handbook, "      - id: tiaokuan-er\n", "      - \n") == [
        f"{P}:18:9: sections[0].clauses[1].id: missing field 'id'"
    ]


def test_date_written_the_chinese_way(handbook: Handbook) -> None:
    assert problems_for(handbook, "effective: 2020-02-01", "effective: 2020年2月1日") == [
        f"{P}:6:12: effective: expected a date written as YYYY-MM-DD (like 2023-05-26), "
        'found "2020年2月1日"'
    ]


def test_id_must_be_a_slug(handbook: Handbook) -> None:
    assert problems_for(handbook, "- id: yiban", "- id: 一般") == [
        f"{P}:9:9: sections[0].id: expected an id of lowercase Latin letters, digits and hyphens "
        '(like liuhua-24), found "一般"'
    ]


def test_wrong_type_list_instead_of_text(handbook: Handbook) -> None:
    assert problems_for(handbook, "issuer: 示例委员会", "issuer: [甲, 乙]") == [
        f"{P}:7:9: issuer: expected text, found a list"
    ]


def test_clause_without_text(handbook: Handbook) -> None:
    assert problems_for(handbook, "        text: 党支部应当按期换届。\n", "") == [
        f"{P}:13:9: sections[0].clauses[0]: a clause needs 'text' or sub-clauses under 'clauses' "
        "(or 'withdrawn' if it was deleted)"
    ]


def test_not_a_mapping(handbook: Handbook) -> None:
    handbook.write(P, "- 一\n- 二\n")
    assert handbook.problems() == [
        f"{P}:1:1: expected a mapping of fields (key: value), found a list"
    ]


def test_all_problems_of_a_file_at_once(handbook: Handbook) -> None:
    text = MINIMAL.replace('number: "1.2"', "number: 1.2").replace("issuer: 示例委员会", "issuer:")
    handbook.write(P, text)
    problems = handbook.problems()
    assert len(problems) == 2
    assert problems[0].startswith(f"{P}:7:8: issuer: expected text, found an empty value")
    assert problems[1].startswith(f"{P}:18:17: sections[0].clauses[1].number: expected text")

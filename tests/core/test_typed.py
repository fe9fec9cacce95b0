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
        f"{P}:7:1: isuer: 字段 'isuer' 不存在，是否应为 'issuer'？ [HB102]",
    ]


def test_misspelt_nested_field(handbook: Handbook) -> None:
    assert problems_for(handbook, "        title: 第一条", "        titel: 第一条") == [
        f"{P}:15:9: sections[0].clauses[0].titel: 字段 'titel' 不存在，是否应为 'title'？ [HB102]",
    ]


def test_unknown_field_without_a_close_match_lists_the_allowed_ones(handbook: Handbook) -> None:
    problems = problems_for(handbook, "        title: 第一条", "        标题: 第一条")
    assert problems == [
        f"{P}:15:9: sections[0].clauses[0].标题: 字段 '标题' 不存在；可用的字段为：clauses、id、number、text、title、withdrawn [HB103]",
    ]


def test_clause_number_must_be_text(handbook: Handbook) -> None:
    assert problems_for(handbook, 'number: "1.2"', "number: 1.10") == [
        f'{P}:18:17: sections[0].clauses[1].number: 应为文字，实际为数字 1.10；YAML 把不加引号的 1.10 读作数字（1.10 会变成 1.1），请加上引号："1.10" [HB104]',
    ]


def test_edition_must_be_text(handbook: Handbook) -> None:
    assert problems_for(handbook, 'edition: "2020"', "edition: 2020") == [
        f'{P}:4:10: edition: 应为文字，实际为数字 2020；YAML 把不加引号的 2020 读作数字（1.10 会变成 1.1），请加上引号："2020" [HB104]',
    ]


def test_missing_field_is_placed_at_its_mapping(handbook: Handbook) -> None:
    assert problems_for(handbook, "        title: 第二条\n", "") == []  # title is optional
    assert problems_for(handbook, "      - id: tiaokuan-er\n", "      - \n") == [
        f"{P}:18:9: sections[0].clauses[1].id: 缺少字段 'id' [HB101]",
    ]


def test_date_written_the_chinese_way(handbook: Handbook) -> None:
    assert problems_for(handbook, "effective: 2020-02-01", "effective: 2020年2月1日") == [
        f'{P}:6:12: effective: 应为 YYYY-MM-DD 格式的日期（如 2023-05-26），实际为"2020年2月1日" [HB108]',
    ]


def test_id_must_be_a_slug(handbook: Handbook) -> None:
    assert problems_for(handbook, "- id: yiban", "- id: 一般") == [
        f'{P}:9:9: sections[0].id: 应为由小写拉丁字母、数字和连字符组成的标识（如 liuhua-24），实际为"一般" [HB107]',
    ]


def test_wrong_type_list_instead_of_text(handbook: Handbook) -> None:
    assert problems_for(handbook, "issuer: 示例委员会", "issuer: [甲, 乙]") == [
        f"{P}:7:9: issuer: 应为文字，实际为列表 [HB105]",
    ]


def test_clause_without_text(handbook: Handbook) -> None:
    assert problems_for(handbook, "        text: 党支部应当按期换届。\n", "") == [
        f"{P}:13:9: sections[0].clauses[0]: 条款需要 'text'（正文）或 'clauses'（子条款）；已删除的条款请写 'withdrawn' [HB116]",
    ]


def test_not_a_mapping(handbook: Handbook) -> None:
    handbook.write(P, "- 一\n- 二\n")
    assert handbook.problems() == [
        f"{P}:1:1: 应为一组字段（键: 值），实际为列表 [HB100]",
    ]


def test_all_problems_of_a_file_at_once(handbook: Handbook) -> None:
    text = MINIMAL.replace('number: "1.2"', "number: 1.2").replace("issuer: 示例委员会", "issuer:")
    handbook.write(P, text)
    assert handbook.problems() == [
        f"{P}:7:8: issuer: 应为文字，实际为空值 [HB105]",
        f'{P}:18:17: sections[0].clauses[1].number: 应为文字，实际为数字 1.2；YAML 把不加引号的 1.2 读作数字（1.10 会变成 1.1），请加上引号："1.2" [HB104]',
    ]

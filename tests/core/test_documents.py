"""Reading files as text: every problem located, all of them at once."""

from __future__ import annotations

from tests.samples import MINIMAL, Handbook

P = "standards/demo/2020.yml"


def test_minimal_file_has_no_problems(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    assert handbook.problems() == []


def test_bom_is_accepted(handbook: Handbook) -> None:
    handbook.write(P, "\ufeff".encode() + MINIMAL.encode())
    assert handbook.problems() == []


def test_not_utf8_says_where_and_how_to_fix(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("示例标准", "示例").encode("gbk"))
    assert handbook.problems() == [
        f"{P}:3:8: the file is not UTF-8 text (byte 0xCA cannot be read). It looks like "
        "GBK/GB18030, the old Chinese Windows encoding. Save it again as UTF-8: in your editor "
        "choose 'Save with encoding' or '另存为' and pick UTF-8."
    ]


def test_empty_file(handbook: Handbook) -> None:
    handbook.write(P, "# only a comment\n\n")
    assert handbook.problems() == [
        f"{P}:1:1: the file is empty; write the data into it or delete it"
    ]


def test_every_tab_is_reported(handbook: Handbook) -> None:
    text = MINIMAL.replace("    title: 一般要求", "\ttitle: 一般要求").replace(
        "        text: 党支部", "  \t      text: 党支部"
    )
    handbook.write(P, text)
    assert handbook.problems() == [
        f"{P}:11:1: a tab is used for indentation; YAML allows only spaces: replace the tab with spaces",
        f"{P}:16:3: a tab is used for indentation; YAML allows only spaces: replace the tab with spaces",
    ]


def test_syntax_error_is_placed_and_explained(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("title: 示例标准", "title: 示例标准: 第二版"))
    assert handbook.problems() == [
        f"{P}:3:12: YAML syntax error: a colon followed by a space starts a new key here; "
        "if it belongs to the text, put the whole text in quotes"
    ]


def test_duplicate_key_names_both_places(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\ntitle: 又一个标题")
    )
    assert handbook.problems() == [
        f"{P}:8:1: title: the key 'title' appears twice in the same mapping "
        "(first at line 3, column 1); keep one of them"
    ]


def test_impossible_date(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issued: 2020-01-10", "issued: 2020-02-30"))
    assert handbook.problems() == [
        f"{P}:5:9: issued: '2020-02-30' is not a real date (day is out of range for month)"
    ]


def test_problems_in_several_files_are_all_reported(handbook: Handbook) -> None:
    handbook.write(P, "")
    handbook.write("standards/other/2021.yml", "id: [unclosed\n")
    problems = handbook.problems()
    assert len(problems) == 2
    assert problems[0].startswith("standards/demo/2020.yml:1:1: the file is empty")
    assert problems[1].startswith("standards/other/2021.yml:2:1: YAML syntax error")


def test_file_outside_the_layout(handbook: Handbook) -> None:
    handbook.write("standards/demo.yml", MINIMAL)
    assert handbook.problems() == [
        "standards/demo.yml: a standard's edition is kept as standards/<standard-id>/<edition>.yml"
    ]

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
        f"{P}:3:8: 文件不是 UTF-8 编码（字节 0xCA 无法读取）。看起来是 GBK/GB18030 编码（旧版中文 Windows 的默认编码）。请另存为 UTF-8：WPS 或 Word 中选“文件 → 另存为”，保存类型选“纯文本”，编码选 UTF-8；记事本中选“另存为”，编码选 UTF-8；VS Code 中点右下角的编码名称，选“通过编码保存”，再选 UTF-8 [HB001]",
    ]


def test_empty_file(handbook: Handbook) -> None:
    handbook.write(P, "# only a comment\n\n")
    assert handbook.problems() == [
        f"{P}:1:1: 文件是空的；请写入内容，或删除此文件 [HB023]",
    ]


def test_every_tab_is_reported(handbook: Handbook) -> None:
    text = MINIMAL.replace("    title: 一般要求", "\ttitle: 一般要求").replace(
        "        text: 党支部", "  \t      text: 党支部"
    )
    handbook.write(P, text)
    assert handbook.problems() == [
        f"{P}:11:1: 这里用了 Tab 缩进；YAML 只允许用空格缩进，请把 Tab 换成空格 [HB002]",
        f"{P}:16:3: 这里用了 Tab 缩进；YAML 只允许用空格缩进，请把 Tab 换成空格 [HB002]",
    ]


def test_syntax_error_is_placed_and_explained(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("title: 示例标准", "title: 示例标准: 第二版"))
    assert handbook.problems() == [
        f"{P}:3:12: YAML 语法错误：“冒号加空格”在这里会被当作新的键；如果冒号属于文字内容，请把整段文字放在引号里 [HB010]",
    ]


def test_duplicate_key_names_both_places(handbook: Handbook) -> None:
    handbook.write(
        P, MINIMAL.replace("issuer: 示例委员会", "issuer: 示例委员会\ntitle: 又一个标题")
    )
    assert handbook.problems() == [
        f"{P}:8:1: title: 键 'title' 在同一层中出现了两次（第一次在第 3 行第 1 列）；请只保留一个 [HB020]",
    ]


def test_impossible_date(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL.replace("issued: 2020-01-10", "issued: 2020-02-30"))
    assert handbook.problems() == [
        f"{P}:5:9: issued: '2020-02-30' 不是真实存在的日期（2020 年 2 月只有 29 天） [HB021]",
    ]


def test_problems_in_several_files_are_all_reported(handbook: Handbook) -> None:
    handbook.write(P, "")
    handbook.write("standards/other/2021.yml", "id: [unclosed\n")
    # The unclosed bracket is pointed at where it opens (1:5), where the editor can fix
    # it; the message still says where the parser gave up.
    assert handbook.problems() == [
        f"{P}:1:1: 文件是空的；请写入内容，或删除此文件 [HB023]",
        "standards/other/2021.yml:1:5: YAML 语法错误：这里的方括号 [ 没有闭合（直到第 2 行第 1 列也没有找到 ]）；请在列表末尾补上 ]，各项之间用逗号分隔 [HB012]",
    ]


def test_file_outside_the_layout(handbook: Handbook) -> None:
    handbook.write("standards/demo.yml", MINIMAL)
    assert handbook.problems() == [
        "standards/demo.yml: 标准的每个版次应存放为 standards/<标准标识>/<版次>.yml [HB225]",
    ]

"""Citations in hand-written pages: every rule's exact message, and what they become."""

from __future__ import annotations

from tests.samples import MINIMAL, Handbook

PAGE = "content/guide/one.md"
SECOND = (
    MINIMAL.replace('edition: "2020"', 'edition: "2023"')
    .replace("XX/DJ 009-2020", "XX/DJ 009-2023")
    .replace("issued: 2020-01-10", "issued: 2023-01-10")
    .replace("effective: 2020-02-01", "effective: 2023-02-01")
    .replace("        text: 信息安全按标准规定执行。", "        withdrawn: {moved_to: tiaokuan-yi}")
    .replace("        title: 第一条\n", "        title: 第一条\n")
)


def setup(handbook: Handbook, body: str, front: str = "title: 指南\n") -> list[str]:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write("standards/demo/2023.yml", SECOND)
    handbook.write(PAGE, f"---\n{front}---\n\n{body}\n")
    return handbook.problems()


def test_valid_citations_of_every_form(handbook: Handbook) -> None:
    body = (
        "[[demo]] [[demo#tiaokuan-yi]] [[demo@2020#tiaokuan-er]] [[demo#tiaokuan-yi|第一条]]\n\n"
        "![[demo#tiaokuan-yi]]\n\n`[[not-checked-in-code]]`\n\n```\n[[nor-in-a-code-block]]\n```"
    )
    assert setup(handbook, body) == []


def test_unknown_standard(handbook: Handbook) -> None:
    assert setup(handbook, "见 [[dem#tiaokuan-yi]]。") == [
        f"{PAGE}:5:3: 没有标准 'dem'，是否应为 'demo'？ [HB301]",
    ]


def test_unknown_edition(handbook: Handbook) -> None:
    assert setup(handbook, "[[demo@2021#tiaokuan-yi]]") == [
        f"{PAGE}:5:1: 标准 'demo' 没有版次 '2021'；现有版次为：2020、2023 [HB302]",
    ]


def test_unknown_clause(handbook: Handbook) -> None:
    assert setup(handbook, "a\n\nb [[demo#tiaokuan-san]]") == [
        f"{PAGE}:7:3: XX/DJ 009-2023 中没有条款或术语 'tiaokuan-san'，是否应为 'tiaokuan-yi'？ [HB304]",
    ]


def test_withdrawn_clause_names_its_successor(handbook: Handbook) -> None:
    assert setup(handbook, "[[demo#tiaokuan-er]]") == [
        f"{PAGE}:5:1: 条款 'tiaokuan-er'（1.2 第二条）已在 XX/DJ 009-2023 中删除；其内容现在在 1.1 第一条，请引用 [[demo#tiaokuan-yi]] [HB305]",
    ]


def test_clause_only_in_an_older_edition(handbook: Handbook) -> None:
    handbook.write(
        "standards/demo/2020.yml",
        MINIMAL.replace("      - id: tiaokuan-er", "      - id: tiaokuan-jiu"),
    )
    handbook.write(
        "standards/demo/2023.yml",
        SECOND.replace("tiaokuan-er", "tiaokuan-shi").replace(
            "withdrawn: {moved_to: tiaokuan-yi}", "text: 新条文。"
        ),
    )
    handbook.write(PAGE, "---\ntitle: 指南\n---\n[[demo#tiaokuan-jiu]]\n")
    assert handbook.problems() == [
        f"{PAGE}:4:1: XX/DJ 009-2023 中没有条款或术语 'tiaokuan-jiu'；它在 2020 版中存在，请写作 [[demo@2020#tiaokuan-jiu]] [HB304]",
    ]


def test_malformed_citation(handbook: Handbook) -> None:
    assert setup(handbook, "按 [[示例标准 1.1]] 执行") == [
        f"{PAGE}:5:3: '[[示例标准 1.1]]' 不是有效的引用：应写作 [[标准标识]]、[[标准标识#条款标识]] 或 [[标准标识@版次#条款标识]]，后面可加 |链接文字 [HB308]",
    ]


def test_quote_needs_a_clause(handbook: Handbook) -> None:
    assert setup(handbook, "![[demo]]") == [
        f"{PAGE}:5:1: 引用原文需要指明条款：![[标准标识#条款标识]] [HB303]",
    ]


def test_front_matter_rules(handbook: Handbook) -> None:
    assert setup(handbook, "正文", front="title: 指南\nimplements: [demo, nosuch]\nordr: 2\n") == [
        f"{PAGE}:4:1: ordr: 字段 'ordr' 不存在，是否应为 'order'？ [HB102]",
    ]
    assert setup(handbook, "正文", front="title: 指南\nimplements: [demo, nosuch]\n") == [
        f"{PAGE}:3:20: implements[1]: 没有标准 'nosuch' [HB301]",
    ]


def test_page_without_front_matter(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(PAGE, "# 指南\n")
    assert handbook.problems() == [
        f"{PAGE}:1:1: 页面需要文件头，至少写明标题：文件开头写 ---、title: …、--- 三行 [HB026]",
    ]


def test_unsafe_links_and_attributes(handbook: Handbook) -> None:
    assert setup(handbook, '[点我](javascript:alert(1))\n\n段落\n{: onclick="alert(1)" }') == [
        f"{PAGE}:5:6: 不允许链接到脚本或数据地址；请链接到页面或 http(s) 地址 [HB306]",
        f"{PAGE}:8:1: 属性列表中不允许使用事件处理属性（on…=） [HB307]",
    ]

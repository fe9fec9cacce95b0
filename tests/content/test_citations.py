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
        f"{PAGE}:5:3: there is no standard 'dem'; did you mean 'demo'?"
    ]


def test_unknown_edition(handbook: Handbook) -> None:
    assert setup(handbook, "[[demo@2021#tiaokuan-yi]]") == [
        f"{PAGE}:5:1: the standard 'demo' has no edition '2021'; its editions are 2020, 2023"
    ]


def test_unknown_clause(handbook: Handbook) -> None:
    assert setup(handbook, "a\n\nb [[demo#tiaokuan-san]]") == [
        f"{PAGE}:7:3: XX/DJ 009-2023 has no clause or term 'tiaokuan-san'; did you mean 'tiaokuan-yi'?"
    ]


def test_withdrawn_clause_names_its_successor(handbook: Handbook) -> None:
    assert setup(handbook, "[[demo#tiaokuan-er]]") == [
        f"{PAGE}:5:1: the clause 'tiaokuan-er' (1.2 第二条) is withdrawn in XX/DJ 009-2023; "
        "its content is now in 1.1 第一条: cite [[demo#tiaokuan-yi]]"
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
        f"{PAGE}:4:1: XX/DJ 009-2023 has no clause or term 'tiaokuan-jiu'; it exists in edition 2020: "
        "cite it as [[demo@2020#tiaokuan-jiu]]"
    ]


def test_malformed_citation(handbook: Handbook) -> None:
    assert setup(handbook, "按 [[示例标准 1.1]] 执行") == [
        f"{PAGE}:5:3: '[[示例标准 1.1]]' is not a citation: write [[standard-id]], "
        "[[standard-id#clause-id]] or [[standard-id@edition#clause-id]], optionally followed by |link text"
    ]


def test_quote_needs_a_clause(handbook: Handbook) -> None:
    assert setup(handbook, "![[demo]]") == [
        f"{PAGE}:5:1: a quote needs a clause: ![[standard-id#clause-id]]"
    ]


def test_front_matter_rules(handbook: Handbook) -> None:
    assert setup(handbook, "正文", front="title: 指南\nimplements: [demo, nosuch]\nordr: 2\n") == [
        f"{PAGE}:4:1: ordr: unknown field 'ordr'; did you mean 'order'?"
    ]
    assert setup(handbook, "正文", front="title: 指南\nimplements: [demo, nosuch]\n") == [
        f"{PAGE}:3:20: implements[1]: there is no standard 'nosuch'"
    ]


def test_page_without_front_matter(handbook: Handbook) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    handbook.write(PAGE, "# 指南\n")
    assert handbook.problems() == [
        f"{PAGE}:1:1: the page needs front matter with at least a title: start the file with ---, title: …, ---"
    ]


def test_unsafe_links_and_attributes(handbook: Handbook) -> None:
    assert setup(handbook, '[点我](javascript:alert(1))\n\n段落\n{: onclick="alert(1)" }') == [
        f"{PAGE}:5:6: a link to a script or data address is not allowed; link to a page or an http(s) address",
        f"{PAGE}:8:1: an event-handler attribute (on…=) is not allowed in an attribute list",
    ]

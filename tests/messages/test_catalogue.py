"""The catalogues against the registry of codes and against every call site: a
code without a message or an explanation in a language, a message naming a
parameter its code does not give, or a call site giving other parameters than
the declared ones fails here."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from generator import layout
from generator.messages import LANGUAGES, en, zh
from generator.messages.codes import PHRASES, RULES, TEXTS
from generator.messages.explain import explain, reference_page

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
REPO = PACKAGE.parent
CATALOGUES = {"zh": zh, "en": en}
DECLARED: dict[str, tuple[str, ...]] = {
    **{code: rule.params for code, rule in RULES.items()},
    **PHRASES,
    **TEXTS,
}
CODE = re.compile(r"^HB\d{3}$")
# Calls whose first string argument is a key and whose keywords are its parameters.
KEYED_CALLS = {
    "problem",
    "at",
    "phrase",
    "text",
    "RuleBroken",
    "HandbookError",
    "BuildFailed",
    "fail",
}


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_key_has_a_text_and_every_rule_an_explanation(language: str) -> None:
    catalogue = CATALOGUES[language]
    assert set(catalogue.MESSAGES) == set(DECLARED), "keys missing or not declared"
    assert set(catalogue.EXPLAIN) == set(RULES)
    for code, (protects, fix) in catalogue.EXPLAIN.items():
        assert protects.strip() and fix.strip(), code


@pytest.mark.parametrize("language", LANGUAGES)
def test_messages_name_only_declared_parameters(language: str) -> None:
    for key, template in CATALOGUES[language].MESSAGES.items():
        assert _placeholders(template) <= set(DECLARED[key]), (language, key, template)
        template.format_map({name: "x" for name in DECLARED[key]})  # no stray brace


def test_chinese_messages_are_chinese() -> None:
    for code in RULES:
        assert re.search(r"[\u4e00-\u9fff]", zh.MESSAGES[code]), code


def _source_calls() -> list[tuple[str, int, str, set[str] | None]]:
    """(module, line, key, keywords or None when **kwargs are passed) of every keyed call."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "messages" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in KEYED_CALLS:
                continue
            keys = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value in DECLARED
            ]
            if not keys:
                continue
            keywords = {k.arg for k in node.keywords if k.arg is not None and k.arg != "key"}
            spread = any(k.arg is None for k in node.keywords)
            found.append((path.name, node.lineno, keys[0], None if spread else keywords))
    return found


def test_every_call_site_gives_exactly_the_declared_parameters() -> None:
    calls = _source_calls()
    assert len(calls) > 100
    wrong = [
        (module, line, key, sorted(keywords), DECLARED[key])
        for module, line, key, keywords in calls
        if keywords is not None and keywords != set(DECLARED[key])
    ]
    assert wrong == []


def test_every_code_in_the_code_is_declared_and_every_declared_code_is_used() -> None:
    used: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.match(node.value)
            ):
                used.add(node.value)
    assert used - set(RULES) == set(), "codes used but not declared"
    assert set(RULES) - used == set(), "codes declared but never reported"


def test_codes_stay_in_their_domains_hundred() -> None:
    for code in RULES:
        assert code[2] in "012345678", code


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_editors_reference_page_is_up_to_date(language: str) -> None:
    page = REPO / layout.ERROR_CODES_PAGES[language]
    assert page.read_text(encoding="utf-8") == reference_page(language), (
        "run: handbook explain --write"
    )


def test_explain_in_chinese() -> None:
    assert explain("HB102", "zh") == (
        "HB102: 字段 '…' 不存在，是否应为 '…'？\n"
        "\n"
        "这条规则保护什么\n"
        "    拼错的字段名会被悄悄忽略，填写的内容就丢失了；因此不认识的字段一律报错。\n"
        "\n"
        "错误的写法\n"
        "    isuer: 示例委员会\n"
        "\n"
        "正确的写法\n"
        "    issuer: 示例委员会\n"
        "\n"
        "怎样改正\n"
        "    按提示改正字段名。\n"
    )


def test_explain_in_english() -> None:
    assert explain("hb104", "en").splitlines()[:5] == [
        'HB104: expected text, found the number …; YAML reads unquoted … as a number (1.10 becomes 1.1), so write it in quotes: "…"',
        "",
        "What the rule protects",
        "    Numbers of clauses, editions and codes are text: unquoted, YAML reads 1.10 as the number 1.1 and 2020 as a number.",
        "",
    ]


def test_every_problem_is_made_with_a_declared_code() -> None:
    """A problem made with free text (the form before codes) would show without a
    code and in one language only."""
    loose = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = {"Problem": 4, "at": 4, "problem": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and arg.value not in RULES:
                loose.append((path.name, node.lineno, arg.value))
            elif not isinstance(arg, ast.Constant | ast.Name | ast.Attribute | ast.Starred):
                loose.append((path.name, node.lineno, ast.unparse(arg)))
    assert loose == []


def test_a_problem_without_a_code_still_shows_its_text() -> None:
    from generator.errors import Problem

    assert Problem("a.yml", 3, 1, "x", "a message from before codes").format("en") == (
        "a.yml:3:1: x: a message from before codes"
    )

"""`handbook explain`: each rule's explanation for the terminal, and the same
texts as the editors' reference page in Markdown."""

from __future__ import annotations

import re

from generator.messages import catalogue, phrase, text
from generator.messages.codes import RULES


def _explanations(language: str) -> dict[str, tuple[str, str]]:
    from generator.messages import en, zh

    return zh.EXPLAIN if language == "zh" else en.EXPLAIN


def _title(code: str, language: str) -> str:
    """The rule's message with "…" where the values go, as its title."""
    template = catalogue(language)[code]
    names = {name: "…" for name in RULES[code].params}
    for hint in ("hint", "guess", "why", "moved"):
        if hint in names:
            names[hint] = ""
    return template.format_map(names)


def _short(title: str) -> str:
    """A title up to its first sentence's end, for the one-line listing."""
    return re.split(r"(?<=[。；])|; |\. ", title, maxsplit=1)[0].rstrip("。；")


def known(code: str) -> bool:
    """Whether `code` is a rule's code."""
    return code.upper() in RULES


def unknown(code: str, language: str) -> str:
    """The message for a code that names no rule."""
    import difflib

    close = difflib.get_close_matches(code.upper(), sorted(RULES), n=1)
    hint = phrase("did_you_mean", name=close[0]) if close else phrase("nothing")
    return text("explain.unknown", language, code=code, hint=hint)


def explain(code: str, language: str) -> str:
    """A rule's explanation for the terminal."""
    code = code.upper()
    rule = RULES[code]
    protects, fix = _explanations(language)[code]

    def block(example: str) -> str:
        return "".join(f"    {line}\n" for line in example.splitlines())

    return (
        f"{code}: {_title(code, language)}\n\n"
        f"{text('explain.protects', language)}\n    {protects}\n\n"
        f"{text('explain.wrong', language)}\n{block(rule.wrong)}\n"
        f"{text('explain.right', language)}\n{block(rule.right)}\n"
        f"{text('explain.fix', language)}\n    {fix}\n"
    )


def listing(language: str) -> str:
    """Every code with its message, one a line."""
    lines = [text("explain.list_heading", language), ""]
    lines += [f"{code}  {_short(_title(code, language))}" for code in sorted(RULES)]
    lines += ["", text("explain.list_hint", language)]
    return "\n".join(lines) + "\n"


def reference_page(language: str) -> str:
    """The editors' reference page: every code's explanation, in Markdown."""
    out = [
        f"# {text('explain.page_title', language)}",
        "",
        f"<!-- {text('explain.page_generated', language)} -->",
        "",
        text("explain.page_intro", language),
        "",
        *(
            f"- [{code}](#{code.lower()}) {_short(_title(code, language))}"
            for code in sorted(RULES)
        ),
        "",
    ]
    colon = text("list.colon", language)
    for code in sorted(RULES):
        rule = RULES[code]
        protects, fix = _explanations(language)[code]
        out += [
            f"## {code}",
            "",
            f"**{text('explain.message', language)}{colon}** {_title(code, language)}",
            "",
            f"**{text('explain.protects', language)}{colon}** {protects}",
            "",
            f"**{text('explain.wrong', language)}{colon}**",
            "",
            f"```{rule.syntax}",
            rule.wrong.rstrip("\n"),
            "```",
            "",
            f"**{text('explain.right', language)}{colon}**",
            "",
            f"```{rule.syntax}",
            rule.right.rstrip("\n"),
            "```",
            "",
            f"**{text('explain.fix', language)}{colon}** {fix}",
            "",
        ]
    return "\n".join(out)

"""Problems written for people (plain), for forges' pull requests (GitHub,
Gitea and Forgejo Actions read the same workflow commands), or as JSON; each
with its rule's code, worded in the chosen language."""

from __future__ import annotations

import json

from generator.errors import Problem
from generator.messages import DEFAULT_LANGUAGE

FORMATS = ("plain", "github", "json")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> str:
    """One `::error` workflow command a problem: shown on the changed line of a pull request,
    titled with the rule's code and the field (`HB102 isuer`)."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        title = f"{p.code} {p.field}" if p.field else p.code
        props.append(f"title={_escape_property(title)}")
        lines.append(f"::error {','.join(props)}::{_escape_data(p.text(language))}")
    return "\n".join(lines)


def as_json(problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> str:
    """The problems as a JSON list, for other tools."""
    return json.dumps(
        [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "code": p.code,
                "message": p.text(language),
                "severity": "error",
            }
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )

"""Problems written for people (plain), for forges' pull requests (GitHub,
Gitea and Forgejo Actions read the same workflow commands), or as JSON; each
with its rule's code, worded in the chosen language. At most `PER_FILE` of one
file are listed, then how many more there are (HB050): a sheet with 300,000
wrong rows is a screenful, not 300,000 lines."""

from __future__ import annotations

import json

from generator.errors import Problem, place
from generator.messages import DEFAULT_LANGUAGE

FORMATS = ("plain", "github", "json")
PER_FILE = 50


def listed(problems: list[Problem], limit: int = PER_FILE) -> list[Problem]:
    """The problems to list, in their order: the first `limit` of each file, then one
    line saying how many more that file has."""
    counts: dict[str, int] = {}
    for p in problems:
        counts[place(p.path)[0]] = counts.get(place(p.path)[0], 0) + 1
    shown: dict[str, int] = {}
    out: list[Problem] = []
    for p in problems:
        file = place(p.path)[0]
        n = shown[file] = shown.get(file, 0) + 1
        if n <= limit:
            out.append(p)
        if n == limit and counts[file] > limit:
            out.append(Problem.at(file, 0, 0, "", "HB050", n=counts[file] - limit, limit=limit))
    return out


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], language: str = DEFAULT_LANGUAGE) -> str:
    """One `::error` workflow command a problem: shown on the changed line of a pull request,
    titled with the rule's code and the field (`HB102 isuer`)."""
    lines = []
    for p in listed(problems):
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
            for p in listed(problems)
        ],
        ensure_ascii=False,
        indent=2,
    )

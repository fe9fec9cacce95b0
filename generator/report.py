"""Problems written for people (plain), for forges' pull requests (GitHub,
Gitea and Forgejo Actions read the same workflow commands), or as JSON."""

from __future__ import annotations

import json

from generator.errors import Problem

FORMATS = ("plain", "github", "json")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem]) -> str:
    """One `::error` workflow command a problem: shown on the changed line of a pull request."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_property(p.field or 'handbook')}")
        lines.append(f"::error {','.join(props)}::{_escape_data(p.message)}")
    return "\n".join(lines)


def as_json(problems: list[Problem]) -> str:
    """The problems as a JSON list, for other tools."""
    return json.dumps(
        [
            {
                "path": p.path,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "message": p.message,
                "severity": "error",
            }
            for p in problems
        ],
        ensure_ascii=False,
        indent=2,
    )

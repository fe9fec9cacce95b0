"""MkDocs' warnings as located problems in the catalogue's words.

MkDocs writes finished English sentences (no message ids); the ones a page's
links cause are matched here and placed at the link in its source file
(`content/…`, line and column), with a code. The checks before the engine
(`content/links.py`) already refuse links that leave the handbook, so what
remains is mostly a link to a page that does not exist. Any other warning is
still a coded problem (HB315), placed at its page when it names one."""

from __future__ import annotations

import re
from pathlib import Path

from generator import layout
from generator.errors import Problem, did_you_mean
from generator.messages import NOTHING, Phrase, phrase

_DOC = r"^Doc file '(?P<doc>[^']+)' contains "
_RULES = (
    (
        re.compile(
            _DOC + r"a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found among "
            r"documentation files\.(?: Did you mean '(?P<hint>[^']*)'\?)?"
        ),
        "HB312",
    ),
    (re.compile(_DOC + r"an absolute link '(?P<url>[^']*)', it was left as is\."), "HB310"),
    (
        re.compile(_DOC + r"an unrecognized relative link '(?P<url>[^']*)', it was left as is\."),
        "HB313",
    ),
    (
        re.compile(_DOC + r"a link '(?P<url>[^']*)', but (?:there is no such anchor|the doc )"),
        "HB314",
    ),
)
_ANY_DOC = re.compile(_DOC)


def _place(root: Path | None, doc: str, url: str) -> tuple[str, int, int]:
    """The source file of a generated page (a hand-written one: under content/), and the
    line and column of `url` in it (0, 0 when it cannot be found)."""
    rel = f"{layout.CONTENT_DIR}/{doc}"
    path = root / rel if root is not None else None
    if path is None or not path.is_file():
        return doc, 0, 0
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    at = text.find(f"({url}")
    at = at + 1 if at >= 0 else text.find(url)
    if not url or at < 0:
        return rel, 0, 0
    return rel, text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def _hint(root: Path | None, where: str, url: str) -> Phrase:
    """MkDocs found no page: the closest name among the files beside the page, if any."""
    if root is None:
        return NOTHING
    folder = (root / where).parent
    name = url.split("#", 1)[0].rsplit("/", 1)[-1]
    if "/" in url or not folder.is_dir():
        return NOTHING
    return did_you_mean(name, [p.name for p in folder.iterdir() if p.is_file()])


def as_problems(messages: list[str], root: Path | None) -> list[Problem]:
    """Each of MkDocs' warnings as a problem (`root`: the handbook, to place it at its
    line; None: at its page)."""
    problems = []
    for message in messages:
        for pattern, code in _RULES:
            m = pattern.match(message)
            if m is None:
                continue
            where, line, column = _place(root, m["doc"], m["url"])
            params: dict[str, object] = {"url": m["url"]}
            if code == "HB312":
                hint = m["hint"]
                params["hint"] = (
                    phrase("did_you_mean", name=hint) if hint else _hint(root, where, m["url"])
                )
            problems.append(Problem.at(where, line, column, "", code, **params))
            break
        else:
            doc = _ANY_DOC.match(message)
            where = _place(root, doc["doc"], "")[0] if doc else layout.CONFIG_FILE
            problems.append(Problem.at(where, 0, 0, "", "HB315", detail=message))
    return problems


def worded(message: str, language: str) -> str | None:
    """One of MkDocs' warnings about a page, worded as a problem (None: not one of those)."""
    if not _ANY_DOC.match(message):
        return None
    return as_problems([message], None)[0].format(language)

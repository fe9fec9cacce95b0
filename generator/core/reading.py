"""A file as text, before it is data: its size and encoding, tabs in its
indentation, and YAML's syntax errors said in plain words, placed where the
editor can fix them (an unclosed quote where it opens, not where YAML gave up)."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import yaml

from generator.core import limits
from generator.errors import Problem
from generator.messages import NOTHING, phrase


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (a BOM is accepted), or say plainly why not."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            return None, [Problem.at(rel, 1, 1, "", "HB030", **limits.too_large(size))]
        data = path.read_bytes()
    except OSError as exc:
        code, params = unreadable_file(exc)
        return None, [Problem.at(rel, 0, 0, "", code, **params)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        # Point at the first non-ASCII byte of the line: where the foreign text begins.
        first = next(i for i in range(start, exc.start + 1) if data[i] >= 0x80)
        column = first - start + 1
        guess = NOTHING
        try:
            data.decode("gb18030")
            guess = phrase("encoding.gbk")
        except UnicodeDecodeError:
            pass
        return None, [
            Problem.at(rel, line, column, "", "HB001", byte=f"{data[first]:02X}", guess=guess)
        ]


def _tab_problems(text: str, rel: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem.at(rel, number, indent.index("\t") + 1, "", "HB002"))
    return problems


# What the parser was doing (its context) and what it met (its problem), as
# libyaml and PyYAML word them (the same words for twenty years; there is no
# code to match on), → our rule and whether the place to fix is where the
# construct opened (an unclosed quote or bracket, a key without its colon)
# rather than where the parser gave up.
_YAML_RULES: tuple[tuple[str, str, str, bool], ...] = (
    ("while scanning a quoted scalar", "found unexpected end of stream", "HB011", True),
    ("while parsing a flow sequence", "did not find expected ',' or ']'", "HB012", True),
    ("while parsing a flow mapping", "did not find expected ',' or '}'", "HB013", True),
    ("while scanning a simple key", "could not find expected ':'", "HB014", True),
    ("", "mapping values are not allowed", "HB010", False),
    ("while parsing a block", "did not find expected", "HB015", False),
    ("", "found undefined alias", "HB016", False),
    (
        "while scanning for the next token",
        "found character that cannot start any token",
        "HB017",
        False,
    ),
    ("", "found a tab character", "HB002", False),
    ("", "found character '\\t' that cannot start any token", "HB002", False),
)


_QUOTED_VALUE = re.compile(r"""^\s*(?:- )?[^\s#'"][^#]*?:[ ]+(?P<quote>["'])""")


def _unclosed_quote(text: str, before: int) -> tuple[int, int] | None:
    """Where a value's quote opens and is not closed on its line, above line `before`
    (1-based): when the parser fails further down, that quote is the likely cause."""
    lines = text.splitlines()
    for number in range(min(before, len(lines)) - 1, 0, -1):
        line = lines[number - 1]
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, start = match["quote"], match.end()
        rest = line[start:]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest)
        if not closed:
            return number, start
    return None


def _syntax_problem(exc: yaml.MarkedYAMLError, rel: str, text: str) -> Problem:
    context, what = exc.context or "", exc.problem or ""
    rule = next(
        (r for r in _YAML_RULES if context.startswith(r[0]) and what.startswith(r[1])), None
    )
    at_mark = exc.problem_mark or exc.context_mark
    end = (at_mark.line + 1, at_mark.column + 1) if at_mark else (1, 1)
    if rule is None:
        detail = "; ".join(part for part in (context, what) if part) or "?"
        return Problem.at(rel, *end, "", "HB019", detail=detail)
    code, at_opening = rule[2], rule[3]
    if code in ("HB010", "HB014", "HB015"):
        opening = _unclosed_quote(text, end[0])
        if opening:  # a quote left open swallowed the lines below it: the fix is there
            return Problem.at(rel, *opening, "", "HB011", line=end[0], column=end[1])
    start = exc.context_mark if at_opening and exc.context_mark else at_mark
    line, column = (start.line + 1, start.column + 1) if start else end
    if code == "HB002":
        return Problem.at(rel, line, column, "", code)
    if code == "HB017":
        lines = text.splitlines()
        char = lines[line - 1][column - 1 : column] if line <= len(lines) else "?"
        return Problem.at(rel, line, column, "", code, char=char)
    return Problem.at(rel, line, column, "", code, line=end[0], column=end[1])


def _character_problem(exc: yaml.reader.ReaderError, text: str, rel: str) -> Problem:
    # libyaml counts the position in UTF-8 bytes, the pure-Python reader in characters.
    data = text.encode("utf-8")
    at = len(data[: max(exc.position, 0)].decode("utf-8", "ignore"))
    char = chr(exc.character) if isinstance(exc.character, int) and exc.character else ""
    if char and char in text and (at >= len(text) or text[at] != char):
        at = text.find(char)
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return Problem.at(rel, line, column, "", "HB035", codepoint=f"{code:04X}")


def unreadable_file(exc: OSError) -> tuple[str, dict[str, object]]:
    """Why a data file could not be read: the rule code and its parameters."""
    if isinstance(exc, IsADirectoryError):
        return "HB036", {}
    if isinstance(exc, FileNotFoundError):
        return "HB037", {}
    if exc.errno == errno.ELOOP:
        return "HB038", {}
    if isinstance(exc, PermissionError):
        return "HB039", {}
    return "HB040", {"reason": exc.strerror or str(exc)}

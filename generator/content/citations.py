"""Citations of standards in hand-written Markdown: their syntax (what they
resolve to is `content.check`'s business).

The syntax is a wiki link that reads well in any Markdown viewer:

    [[liuhua-24]]                     the whole standard (edition in force)
    [[liuhua-24#zhuti-dangri]]        a clause or term of the edition in force (undated)
    [[liuhua-24@2019#jiancha-pingbi]] a clause of one named edition (dated)
    [[liuhua-24#zhuti-dangri|主题党日]] the same, with the link text chosen by the editor
    ![[liuhua-24#zhuti-dangri]]       the clause's text quoted as a block, with its source
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_LINK = re.compile(r"(!?)\[\[([^\[\]\n]*)\]\]")
_TARGET = re.compile(
    r"^(?P<standard>[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:@(?P<edition>[0-9A-Za-z][0-9A-Za-z.-]*))?"
    r"(?:#(?P<anchor>[a-z0-9]+(?:-[a-z0-9]+)*))?"
    r"(?:\|(?P<text>[^|]+))?$"
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)  # within a paragraph, over line breaks
_INDENTED = re.compile(r"^(?: {4}|\t)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")


@dataclass(frozen=True)
class Citation:
    """One `[[…]]` as written, with its place in the file."""

    line: int
    column: int
    start: int  # offset in the body
    end: int
    quote: bool
    standard: str
    edition: str | None
    anchor: str | None
    text: str | None


def code_free_spans(body: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every stretch of `body` outside code: fenced blocks, indented
    blocks (four spaces after a blank line, unless they continue a list item, as
    Python-Markdown reads them) and code spans, which may run over a line break
    within a paragraph."""
    offset, fence = 0, None
    in_code = False  # inside an indented code block
    after_blank = True  # the line before was blank (or there was none)
    in_list = False  # the last block began with a list item: its indented lines continue it
    paragraph: list[str] = []  # the plain lines not yet given out, from `start`
    start = 0

    def flush() -> Iterator[tuple[int, str]]:
        if not paragraph:
            return
        text, last = "".join(paragraph), 0
        for span in _CODE_SPAN.finditer(text):
            yield start + last, text[last : span.start()]
            last = span.end()
        yield start + last, text[last:]
        paragraph.clear()

    for line in body.splitlines(keepends=True):
        blank = not line.strip()
        indented = bool(_INDENTED.match(line))
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
        elif in_code and (blank or indented):
            pass  # the indented block goes on
        elif indented and not blank and after_blank and not in_list:
            yield from flush()
            in_code = True
        elif match:
            yield from flush()
            fence = match.group(1)
        else:
            in_code = False
            if blank:
                yield from flush()
                yield offset, line
            else:
                if not paragraph:
                    start = offset
                paragraph.append(line)
                if not indented:
                    in_list = bool(_LIST_ITEM.match(line))
        after_blank = blank
        offset += len(line)
    yield from flush()


def find_citations(body: str, first_line: int) -> tuple[list[Citation], list[tuple[int, int, str]]]:
    """Citations in a Markdown body, and (line, column, text) of malformed ones."""
    found, malformed = [], []
    for offset, text in code_free_spans(body):
        for match in _LINK.finditer(text):
            start = offset + match.start()
            line = first_line + body.count("\n", 0, start)
            column = start - (body.rfind("\n", 0, start) + 1) + 1
            target = _TARGET.match(match.group(2).strip())
            if target is None:
                malformed.append((line, column, match.group(0)))
                continue
            found.append(
                Citation(
                    line,
                    column,
                    start,
                    offset + match.end(),
                    bool(match.group(1)),
                    target["standard"],
                    target["edition"],
                    target["anchor"],
                    target["text"].strip() if target["text"] else None,
                )
            )
    return found, malformed

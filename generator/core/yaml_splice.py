"""A large YAML file read again after an edit of a few of its list's items: only
those items are parsed, and put in place of the old ones in what the previous
reading in this process gave (`handbook serve`, the benchmark: one score edit in
a round of 600 units parses one unit's line, not 13,000 values).

Only when that is sure to give what reading the whole file gives: no anchors,
aliases or tags anywhere (an item means what it says alone), the edit within the
items of one top-level key's block list, as many items before as after, and the
items read without a problem. Anything else is read whole (`documents._parse`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from generator.core.places import Loc

# Files below this size are read whole (quick anyway); above the second, a file
# might hold more values than `limits.MAX_VALUES` (two characters at least each).
MIN_CHARS = 32_000
MAX_CHARS = 1_000_000

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]*(#.*)?$")  # `scores:` alone on its line
_ITEM = re.compile(r"( *)- ")


@dataclass(frozen=True)
class Read:
    """A file as the last whole or spliced reading left it: its text and what it gave."""

    text: str
    data: dict[str, Any]
    raw: dict[Loc, str]


@dataclass(frozen=True)
class Splice:
    """Where an edit lies: the items `first`..`end` (excluded) of the list under `key`,
    and the new text of those items."""

    key: str
    first: int
    end: int
    text: str
    count: int  # the list's items, in both texts


def _content(line: str) -> bool:
    """Whether a line holds YAML (not blank, not only a comment)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _items(lines: list[str], key_line: int) -> tuple[list[int], int, int] | None:
    """The first line of each item of the block list under the top-level key at
    `key_line`, the line where the list ends and the items' indentation; None if it
    is not such a list."""
    starts: list[int] = []
    indent = -1
    for n in range(key_line + 1, len(lines)):
        line = lines[n]
        if not _content(line):
            continue
        width = len(line) - len(line.lstrip(" "))
        if indent < 0:
            match = _ITEM.match(line)
            if match is None:
                return None
            indent = len(match.group(1))
        if width < indent or (width == indent and not line.startswith("- ", width)):
            return (starts, n, indent) if width == 0 else None
        if width == indent:
            starts.append(n)
    return (starts, len(lines), indent) if starts else None


def find(before: str, after: str) -> Splice | None:
    """The items an edit from `before` to `after` changed, if only items of one list changed."""
    if not MIN_CHARS <= len(after) <= MAX_CHARS or any(
        mark in text
        for mark in ("&", "*", "!", "\t", "\r", "\n%", "\n---", "\n...")
        for text in (before, after)
    ):
        return None  # anchors, aliases, tags, tabs, directives, documents: read whole
    old, new = before.split("\n"), after.split("\n")
    top = 0
    limit = min(len(old), len(new))
    while top < limit and old[top] == new[top]:
        top += 1
    if top == limit:
        return None  # one text ends the other: not an edit inside a list
    tail = 0
    while tail < limit - top and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    key_line = next((n for n in range(top - 1, -1, -1) if _TOP_KEY.match(old[n])), None)
    if key_line is None or any(
        _content(line) and line[0] not in " -" for line in old[key_line + 1 : top]
    ):
        return None  # another top-level key between the list's and the edit
    if any(
        line[:1] not in ("", " ", "#", "-")
        for line in (*old[top : len(old) - tail], *new[top : len(new) - tail])
    ):
        return None  # a line at the margin: maybe a top-level key
    spans = [_items(lines, key_line) for lines in (old, new)]
    if spans[0] is None or spans[1] is None:
        return None
    (old_starts, old_end, old_indent), (new_starts, new_end, new_indent) = spans[0], spans[1]
    if (
        old_indent != new_indent
        or len(old_starts) != len(new_starts)
        or len(old) - old_end != len(new) - new_end
    ):
        return None
    # The items that hold the changed lines, in both texts (the same items: the lines
    # before and after them are the same lines).
    first = max((i for i, n in enumerate(new_starts) if n <= top), default=0)
    end = next((i for i, n in enumerate(new_starts) if n >= len(new) - tail), len(new_starts))
    if first >= end or old_starts[first] != new_starts[first]:
        return None
    shift = len(new) - len(old)
    if end < len(new_starts) and old_starts[end] + shift != new_starts[end]:
        return None
    stop = new_starts[end] if end < len(new_starts) else new_end
    match = _TOP_KEY.match(old[key_line])
    assert match is not None
    text = "\n".join(new[new_starts[first] : stop]) + "\n"
    return Splice(match.group(1), first, end, text, len(new_starts))


def replaced(read: Read, splice: Splice, items: list[Any], raw: dict[Loc, str]) -> Read | None:
    """What reading the whole edited text gives: `read` with the items `splice` names
    replaced by `items` (their raw texts in `raw`); None if the list is not as read."""
    old = read.data.get(splice.key)
    if (
        not isinstance(old, list)
        or len(old) != splice.count
        or len(items) != splice.end - splice.first
    ):
        return None
    values = list(old)
    values[splice.first : splice.end] = items
    data = dict(read.data)
    data[splice.key] = values
    edited = {(splice.key, i) for i in range(splice.first, splice.end)}
    kept = {loc: text for loc, text in read.raw.items() if loc[:2] not in edited}
    return Read("", data, kept | raw)


def items_node(node: yaml.Node | None) -> list[yaml.Node] | None:
    """The items of a parsed chunk of a list, or None if it is not just a list."""
    if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return list(node.value)
    return None

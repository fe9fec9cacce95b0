"""New values written into a YAML file's text, everything else left as it was.

Why text and not a round-trip YAML library: a results file is reviewed by pull
request, so an import should change the lines whose values changed and nothing
else: the comments, the quoting, the flow or block style, the order of keys and
the blank lines of the rest of the file stay byte for byte. ruamel.yaml keeps
comments but re-emits the whole document (indentation, line width, quotes), which
shows up as noise in a review. So we compose the file with PyYAML (pure Python:
its marks count characters), find the nodes to change and splice new text in at
their places; new entries copy the indentation of their neighbours.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from generator.errors import HandbookError


@dataclass(frozen=True)
class Edit:
    """Replace the text between two offsets."""

    start: int
    end: int
    text: str


def compose(text: str) -> yaml.MappingNode:
    """The YAML text's node tree (positions kept), whose top is a mapping."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        raise HandbookError("the file is not a mapping of fields")
    return node


def value(node: yaml.Node) -> object:
    """The node's data, as the generator reads it (dates as dates)."""
    data = yaml.SafeLoader("").construct_object(node, deep=True)
    if isinstance(data, dt.datetime) and data.time() == dt.time():
        return data.date()
    return data


def child(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of `key` in a mapping, if present."""
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def end_of(text: str, node: yaml.Node) -> int:
    """Where the node's own text ends (a block node's mark runs on to the next token)."""
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def line_start(text: str, index: int) -> int:
    """The offset where the line holding `index` starts."""
    return text.rfind("\n", 0, index) + 1


def scalar(data: object) -> str:
    """A value as YAML text inside a flow mapping: plain when YAML reads it back the
    same, else JSON-quoted (JSON strings are YAML double-quoted scalars)."""
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, int | float):
        return f"{data:g}"
    if isinstance(data, dt.date):
        return data.isoformat()
    text = str(data)
    if text and text == text.strip() and "#" not in text and ": " not in text:
        try:
            if yaml.safe_load(f"{{k: {text}}}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def flow(items: Sequence[tuple[str, object]]) -> str:
    """A flow mapping, `{a: 1, b: x}`, of these items."""
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in items) + "}"


def apply(text: str, edits: list[Edit]) -> str:
    """The text with every edit made (they must not overlap)."""
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.text + text[e.end :]
    return text


def replace_value(text: str, key: yaml.Node, node: yaml.Node, new: str) -> Edit:
    """The value after `key:` replaced by `new` (on the key's line)."""
    return Edit(key.end_mark.index, end_of(text, node), ": " + new)


def dash_indent(text: str, item: yaml.Node) -> str:
    """The indentation before a block sequence item's `-`."""
    start = line_start(text, item.start_mark.index)
    line = text[start : item.start_mark.index]
    return line[: len(line) - len(line.lstrip(" "))]

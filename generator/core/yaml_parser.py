"""libyaml's parser, and the nesting bound checked before it composes a file.

Depth is checked before libyaml composes the file: libyaml's scanner slows
down quadratically with nesting, so a hostile file (thousands of nested
lists) is refused with a located message at about the cost of a normal one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from generator.core import limits
from generator.errors import Problem

# libyaml's parser when PyYAML was built with it (several times faster); its
# nodes carry the same line and column marks as the pure-Python one.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS: dict[str, str] = {}  # a plain scalar's text → the tag YAML gives it


class Parser(_Base):  # type: ignore[misc,valid-type]
    """The parser, remembering what each plain scalar's text resolves to: a
    results table repeats the same few thousand values (ids, scores) many times."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of a value, from the memo for a plain scalar seen before."""
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 200_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return str(super().resolve(kind, value, implicit))


_COLLECTIONS = re.compile(r"[\[\]{}]")
_AS_SQUARE = str.maketrans("{}", "[]")


@functools.cache
def _indented(columns: int) -> re.Pattern[str]:
    """A line whose indentation (spaces, `- ` and `? ` of compact nesting) is this
    wide (searched in the text after a line break: a literal start is quicker)."""
    return re.compile(f"\n[ ?-]{{{max(columns, 0)}}}")


def _flow_depth(text: str) -> int:
    """A bound on how deep flow collections (`[…]`, `{…}`) nest, at C speed: the
    brackets alone, innermost pairs removed a level at a time; an unmatched
    opening bracket (text in quotes) may count as a level."""
    brackets = "".join(_COLLECTIONS.findall(text)).translate(_AS_SQUARE)
    levels = 0
    while "[]" in brackets and levels < limits.MAX_DEPTH:
        brackets = brackets.replace("[]", "")
        levels += 1
    return levels + brackets.count("[")


def too_deep(text: str, rel: str) -> Problem | None:
    """Whether the text nests deeper than the limit, found before libyaml composes it.

    A quick bound first (flow brackets, plus the deepest block indentation,
    which each block level needs at least a column of); only text that might be
    too deep is parsed event by event, stopping at the limit."""
    deepest = _flow_depth(text)
    indented = _indented(limits.MAX_DEPTH - deepest)
    if deepest < limits.MAX_DEPTH and not indented.search("\n" + text):
        return None
    parser = Parser(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    return Problem.at(rel, line, column, "", "HB031", limit=limits.MAX_DEPTH)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # the parse proper reports it
    finally:
        parser.dispose()
    return None

"""A composed YAML node tree turned into plain data, keeping where every value stood.

Building is bounded (see `limits`): a file's nesting depth and the number of
values it holds, counting what aliases (`*name`) repeat. An alias bomb is
refused with a located message instead of exhausting memory. Duplicate keys
and values YAML cannot read (2023-02-30) are problems placed at the value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, Any

import yaml

from generator.core import limits
from generator.core.places import Loc, format_loc
from generator.errors import Problem
from generator.messages import NOTHING, Phrase, phrase

if TYPE_CHECKING:
    from generator.core.documents import Document

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


class Builder:
    """Turn a composed node tree into plain data and record every node's place."""

    def __init__(
        self,
        doc: Document,
        constructor: yaml.SafeLoader,
        *,
        foreign_tags: bool = False,
        places: bool = True,
    ) -> None:
        self.doc = doc
        self.constructor = constructor
        self.foreign_tags = foreign_tags
        self.places = places  # False: record no places (found again if a problem needs one)
        self.problems: list[Problem] = []
        # Aliases make the composed graph share nodes: each use of a shared
        # collection is counted as the values it expands to.
        self.nodes = 0
        self.expanded = 0  # values reached through an alias
        self.seen: set[int] = set()  # collections already built once
        self.open: list[int] = []  # the collections being built (to catch an alias to itself)
        self.aliased = 0  # how many aliases are being expanded now
        self.alias_at: Loc = ()  # where the outermost of them is used
        self.max_values, self.max_aliased = limits.MAX_VALUES, limits.MAX_ALIAS_VALUES

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        """The plain value of `node`, found at `loc` (its children built in turn)."""
        if self.places:
            self.doc.places[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.foreign_tags and _is_foreign(node.tag):
            self._note_tags(node, loc)
            return None  # another program's value (mkdocs.yml's `!ENV`, `!!python/…`)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if len(loc) >= limits.MAX_DEPTH:  # checked before going one level deeper
            place = (node.start_mark.line + 1, node.start_mark.column + 1)
            raise Refused(
                Problem.at(self.doc.path, *place, format_loc(loc), "HB031", limit=limits.MAX_DEPTH)
            )
        key = id(node)
        if key in self.open:
            raise Refused(self._at(loc, "HB034"))
        alias = key in self.seen
        if alias and not self.aliased:
            self.alias_at = loc
        self._count(loc, len(node.value), alias)  # a collection counts what it holds
        self.seen.add(key)
        self.open.append(key)
        self.aliased += alias
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        finally:
            self.aliased -= alias
            self.open.pop()

    def _note_tags(self, node: yaml.Node, loc: Loc) -> None:
        """Keep the foreign tags in a value read as empty, its inner values' too
        (with their places), for the reader to judge (see `settings`)."""
        pending = [(node, loc)]
        while pending and len(self.doc.tags) < limits.MAX_ALIAS_VALUES:
            item, where = pending.pop()
            if _is_foreign(item.tag):
                self.doc.tags[where] = item.tag
                mark = item.start_mark
                self.doc.places.setdefault(where, (mark.line + 1, mark.column + 1))
            if isinstance(item, yaml.SequenceNode):
                pending += [(child, (*where, i)) for i, child in enumerate(item.value)]
            elif isinstance(item, yaml.MappingNode):
                pending += [(v, (*where, str(k.value))) for k, v in item.value]

    def _count(self, loc: Loc, values: int, alias: bool) -> None:
        self.nodes += values
        if self.aliased or alias:
            self.expanded += values
            if self.expanded > self.max_aliased:
                raise Refused(
                    self._at(self.alias_at, "HB033", limit=limits.shown(limits.MAX_ALIAS_VALUES))
                )
        if self.nodes > self.max_values:
            raise Refused(
                self.doc.problem(loc, "HB032", key=True, limit=limits.shown(limits.MAX_VALUES))
            )

    def _at(self, loc: Loc, code: str, **params: object) -> Problem:
        """A problem about the value at `loc`, placed at the key or the list that
        holds it: an alias has no place of its own (its node is the anchor's)."""
        line, column = self.doc.where(loc[:-1] if loc else loc, key=True)
        return Problem.at(self.doc.path, line, column, format_loc(loc), code, **params)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        self.constructor.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in first_seen:
                other = first_seen[key].start_mark
                self.problems.append(
                    Problem.at(
                        self.doc.path,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        format_loc((*loc, key)),
                        "HB020",
                        name=key,
                        line=other.line + 1,
                        column=other.column + 1,
                    )
                )
                continue
            first_seen[key] = key_node
            if self.places:
                mark = key_node.start_mark
                self.doc.key_places[(*loc, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        # Fast paths for the two commonest scalars; everything else goes through PyYAML.
        if node.tag == _STR:
            return node.value
        if node.tag == _INT and node.value.isdigit():
            self.doc.raw[loc] = node.value
            return int(node.value)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            place = (node.start_mark.line + 1, node.start_mark.column + 1)
            field = format_loc(loc)
            if node.tag == "tag:yaml.org,2002:timestamp":
                problem = Problem.at(
                    self.doc.path,
                    *place,
                    field,
                    "HB021",
                    value=node.value,
                    why=why_no_date(node.value),
                )
            else:
                problem = Problem.at(self.doc.path, *place, field, "HB022", value=node.value)
            self.problems.append(problem)
            self.doc.unreadable.add(loc)
            return None
        if isinstance(value, dt.datetime):
            value = value.date() if value.time() == dt.time() else value
        if not isinstance(value, str) and isinstance(node, yaml.ScalarNode):
            self.doc.raw[loc] = node.value
        return value


def why_no_date(value: str) -> Phrase:
    """Why a date such as 2023-02-30 is not a real day, in words."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not match:
        return NOTHING
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return phrase("date.no_month", month=month)
    days = calendar.monthrange(year, month)[1]
    return phrase("date.no_day", year=year, month=month, days=days) if day > days else NOTHING


class Refused(Exception):
    """A limit was passed: the walk stops at once, with this problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _is_foreign(tag: str) -> bool:
    """A tag for another program: a local `!tag` or a Python object."""
    return tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python/")

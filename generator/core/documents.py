"""Read YAML and Markdown files into plain data, keeping where every value stood.

Everything an editor can get wrong about a file as text (encoding, tabs, YAML
syntax, duplicate keys, an empty file) is reported here, all at once, each with
its line and column.

Reading is bounded (see `limits`): a file's size, its nesting depth and the
number of values it holds, counting what aliases (`*name`) repeat. A hostile
file (an alias bomb, thousands of nested lists) is refused with a located
message at about the cost of a normal one, instead of exhausting memory or
Python's recursion limit. Depth is checked before libyaml composes the file:
libyaml's scanner slows down quadratically with nesting.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.core import limits
from generator.core.reading import _character_problem, _syntax_problem, _tab_problems, read_text
from generator.errors import Problem
from generator.messages import NOTHING, Phrase, freeze, phrase

Loc = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (several times faster); its
# nodes carry the same line and column marks as the pure-Python one.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN_TAGS: dict[str, str] = {}  # a plain scalar's text → the tag YAML gives it


class _Parser(_Base):  # type: ignore[misc,valid-type]
    """The parser, remembering what each plain scalar's text resolves to: a
    results table repeats the same few thousand values (ids, scores) many times."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 200_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return str(super().resolve(kind, value, implicit))


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"


@dataclass
class Document:
    """A parsed YAML file: its data and the place of every node in it."""

    path: str
    data: Any
    places: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_places: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Loc, str] = field(default_factory=dict)
    unreadable: set[Loc] = field(default_factory=set)
    # The file it was read from, to find the places again when a build cache
    # kept only the data (see `__getstate__`); "" when the places are all here.
    reread_from: str = ""
    # Values tagged for another program (only read with `foreign_tags`): loc → tag.
    tags: dict[Loc, str] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        """What a build cache keeps: the data, not the places of its thousands of
        nodes (they are found again from the file, only if a problem needs one)."""
        state = dict(self.__dict__)
        if self.reread_from:
            state.update(places={}, key_places={}, raw={}, unreadable=set(), stale=True)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _find_places(self) -> None:
        self.__dict__.pop("stale", None)
        source = Path(self.reread_from)
        again = load_markdown(source, self.path)[0] if source.suffix == ".md" else None
        doc = again.meta if again is not None else load_yaml(source, self.path)[0]
        if doc is not None:
            self.places, self.key_places = doc.places, doc.key_places

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The place of `loc`, or of its nearest ancestor that exists."""
        if "stale" in self.__dict__:
            self._find_places()
        loc = tuple(loc)
        while True:
            if key and loc in self.key_places:
                return self.key_places[loc]
            if loc in self.places:
                return self.places[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]

    def problem(self, loc: Loc, code: str, /, *, key: bool = False, **params: object) -> Problem:
        """A problem of rule `code` placed at `loc` (or at its key, with `key`)."""
        line, column = self.where(loc, key=key)
        return Problem.at(self.path, line, column, format_loc(loc), code, **params)


def format_loc(loc: Loc) -> str:
    """`("clauses", 3, "points")` → `clauses[3].points`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Builder:
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
        if self.places:
            self.doc.places[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.foreign_tags and _is_foreign(node.tag):
            self._note_tags(node, loc)
            return None  # another program's value (mkdocs.yml's `!ENV`, `!!python/…`)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, loc)
        if len(loc) >= limits.MAX_DEPTH:  # checked before going one level deeper
            place = (node.start_mark.line + 1, node.start_mark.column + 1)
            raise _Refused(
                Problem.at(self.doc.path, *place, format_loc(loc), "HB031", limit=limits.MAX_DEPTH)
            )
        key = id(node)
        if key in self.open:
            raise _Refused(self._at(loc, "HB034"))
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
                raise _Refused(
                    self._at(self.alias_at, "HB033", limit=limits.shown(limits.MAX_ALIAS_VALUES))
                )
        if self.nodes > self.max_values:
            raise _Refused(
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
                    why=_why_no_date(node.value),
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


def _why_no_date(value: str) -> Phrase:
    """Why a date such as 2023-02-30 is not a real day, in words."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not match:
        return NOTHING
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return phrase("date.no_month", month=month)
    days = calendar.monthrange(year, month)[1]
    return phrase("date.no_day", year=year, month=month, days=days) if day > days else NOTHING


class _Refused(Exception):
    """A limit was passed: the walk stops at once, with this problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


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


def _too_deep(text: str, rel: str) -> Problem | None:
    """Whether the text nests deeper than the limit, found before libyaml composes it.

    A quick bound first (flow brackets, plus the deepest block indentation,
    which each block level needs at least a column of); only text that might be
    too deep is parsed event by event, stopping at the limit."""
    deepest = _flow_depth(text)
    indented = _indented(limits.MAX_DEPTH - deepest)
    if deepest < limits.MAX_DEPTH and not indented.search("\n" + text):
        return None
    parser = _Parser(text)
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


def _is_foreign(tag: str) -> bool:
    return tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python/")


def _parse(
    text: str, rel: str, first_line: int = 1, *, foreign_tags: bool = False, places: bool = True
) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text that starts at `first_line` of its file. `foreign_tags`:
    values tagged for another program are read as empty instead of refused.
    `places=False`: record no places (a third quicker); a file with a problem
    is parsed again with them, so that every problem is placed as always."""
    shift = first_line - 1
    problems = _tab_problems(text, rel)
    if problems:
        return None, [p.moved(shift) for p in problems]
    deep = _too_deep(text, rel)
    if deep is not None:
        return None, [deep.moved(shift)]
    loader = _Parser(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_shifted(_syntax_problem(exc, rel, text), shift)]
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        return None, [_shifted(_character_problem(exc, text, rel), shift)]
    finally:
        loader.dispose()
    if node is None:
        return None, []
    doc = Document(rel, None)
    builder = _Builder(doc, yaml.SafeLoader(""), foreign_tags=foreign_tags, places=places)
    try:
        doc.data = builder.build(node, ())
    except _Refused as refused:
        if not places:
            return _parse(text, rel, first_line, foreign_tags=foreign_tags)
        p = refused.problem
        return None, [Problem(rel, p.line + shift, p.column, p.field, p.code, p.params)]
    if not places:
        if builder.problems:
            return _parse(text, rel, first_line, foreign_tags=foreign_tags)
        doc.__dict__["stale"] = True  # places are found again when asked for (Document.where)
    if shift:
        doc.places = {k: (line + shift, col) for k, (line, col) in doc.places.items()}
        doc.key_places = {k: (line + shift, col) for k, (line, col) in doc.key_places.items()}
        builder.problems = [_shifted(p, shift) for p in builder.problems]
    return doc, builder.problems


def _shifted(problem: Problem, shift: int) -> Problem:
    """A front matter's problem in the file's lines (a duplicate key names its first place too)."""
    params = dict(problem.params)
    line = params.get("line")
    if isinstance(line, int):
        params["line"] = line + shift
    return replace(problem.moved(shift), params=freeze(params))


def load_yaml(
    path: Path, rel: str, *, foreign_tags: bool = False, places: bool = True
) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or None and the reasons.
    `places=False`: the places are found again from the file if asked for."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    doc, problems = _parse(text, rel, foreign_tags=foreign_tags, places=places)
    if doc is None and not problems:
        return None, [Problem.at(rel, 1, 1, "", "HB023")]
    if doc is not None:
        doc.reread_from = str(path)
    return doc, problems


@dataclass
class MarkdownFile:
    """A Markdown file split into its front matter and its body."""

    path: str
    meta: Document | None
    body: str
    body_line: int


def load_markdown(path: Path, rel: str) -> tuple[MarkdownFile | None, list[Problem]]:
    """Read a Markdown file with optional YAML front matter between `---` lines."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return MarkdownFile(rel, None, text, 1), []
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return None, [Problem.at(rel, 1, 1, "", "HB024")]
    front = "".join(lines[1:end])
    body = "".join(lines[end + 1 :])
    meta, problems = _parse(front, rel, first_line=2)
    if problems:
        return None, problems
    if meta is not None:
        meta.reread_from = str(path)
    return MarkdownFile(rel, meta, body, end + 2), []

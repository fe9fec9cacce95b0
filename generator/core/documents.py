"""Read YAML and Markdown files into plain data, keeping where every value stood.

Everything an editor can get wrong about a file as text (encoding, tabs, YAML
syntax, duplicate keys, an empty file) is reported here, all at once, each with
its line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem

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

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        """A problem placed at `loc` (or at its key, with `key`)."""
        line, column = self.where(loc, key=key)
        return Problem(self.path, line, column, format_loc(loc), message)


def format_loc(loc: Loc) -> str:
    """`("clauses", 3, "points")` → `clauses[3].points`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Decode a file as UTF-8 (a BOM is accepted), or say plainly why not."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        # Point at the first non-ASCII byte of the line: where the foreign text begins.
        first = next(i for i in range(start, exc.start + 1) if data[i] >= 0x80)
        column = first - start + 1
        guess = ""
        try:
            data.decode("gb18030")
            guess = " It looks like GBK/GB18030, the old Chinese Windows encoding."
        except UnicodeDecodeError:
            pass
        message = (
            f"the file is not UTF-8 text (byte 0x{data[first]:02X} cannot be read).{guess} "
            "Save it again as UTF-8: in your editor choose 'Save with encoding' or "
            "'另存为' and pick UTF-8."
        )
        return None, [Problem(rel, line, column, "", message)]


def _tab_problems(text: str, rel: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(
                Problem(
                    rel,
                    number,
                    indent.index("\t") + 1,
                    "",
                    "a tab is used for indentation; YAML allows only spaces: "
                    "replace the tab with spaces",
                )
            )
    return problems


_YAML_HINTS = {
    "mapping values are not allowed": (
        "a colon followed by a space starts a new key here; if it belongs to the text, "
        "put the whole text in quotes"
    ),
    "found character '\\t' that cannot start any token": (
        "a tab cannot be used here; YAML allows only spaces"
    ),
    "did not find expected key": (
        "the indentation does not line up with the keys around it, or a quote is not closed"
    ),
    "found undefined alias": "an alias (*name) is used without a matching anchor (&name)",
}


def _syntax_problem(exc: yaml.MarkedYAMLError, rel: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or exc.context or "the YAML cannot be read"
    hint = next((h for key, h in _YAML_HINTS.items() if what.startswith(key)), None)
    message = f"YAML syntax error: {hint}" if hint else f"YAML syntax error: {what}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(rel, line, column, "", message)


class _Builder:
    """Turn a composed node tree into plain data and record every node's place."""

    def __init__(
        self, doc: Document, constructor: yaml.SafeLoader, *, foreign_tags: bool = False
    ) -> None:
        self.doc = doc
        self.constructor = constructor
        self.foreign_tags = foreign_tags
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.places[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.foreign_tags and _is_foreign(node.tag):
            return None  # another program's value (mkdocs.yml's `!ENV`, `!!python/…`)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        self.constructor.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = str(key_node.value)
            key_place = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in first_seen:
                other = first_seen[key].start_mark
                self.problems.append(
                    Problem(
                        self.doc.path,
                        *key_place,
                        format_loc((*loc, key)),
                        f"the key '{key}' appears twice in the same mapping "
                        f"(first at line {other.line + 1}, column {other.column + 1}); "
                        "keep one of them",
                    )
                )
                continue
            first_seen[key] = key_node
            self.doc.key_places[(*loc, key)] = key_place
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
        except (ValueError, yaml.constructor.ConstructorError) as exc:
            place = (node.start_mark.line + 1, node.start_mark.column + 1)
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"'{node.value}' is not a real date ({exc})"
            else:
                message = f"the value '{node.value}' cannot be read: {exc}"
            self.problems.append(Problem(self.doc.path, *place, format_loc(loc), message))
            self.doc.unreadable.add(loc)
            return None
        if isinstance(value, dt.datetime):
            value = value.date() if value.time() == dt.time() else value
        if not isinstance(value, str) and isinstance(node, yaml.ScalarNode):
            self.doc.raw[loc] = node.value
        return value


def _is_foreign(tag: str) -> bool:
    return tag.startswith("!") or tag.startswith("tag:yaml.org,2002:python/")


def _parse(
    text: str, rel: str, first_line: int = 1, *, foreign_tags: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text that starts at `first_line` of its file. `foreign_tags`:
    values tagged for another program are read as empty instead of refused."""
    shift = first_line - 1
    problems = _tab_problems(text, rel)
    if problems:
        return None, [Problem(rel, p.line + shift, p.column, p.field, p.message) for p in problems]
    loader = _Parser(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        p = _syntax_problem(exc, rel)
        return None, [Problem(rel, p.line + shift, p.column, p.field, p.message)]
    finally:
        loader.dispose()
    if node is None:
        return None, []
    doc = Document(rel, None)
    builder = _Builder(doc, yaml.SafeLoader(""), foreign_tags=foreign_tags)
    doc.data = builder.build(node, ())
    if shift:
        doc.places = {k: (line + shift, col) for k, (line, col) in doc.places.items()}
        doc.key_places = {k: (line + shift, col) for k, (line, col) in doc.key_places.items()}
        builder.problems = [
            Problem(rel, p.line + shift, p.column, p.field, p.message) for p in builder.problems
        ]
    return doc, builder.problems


_EMPTY = "the file is empty; write the data into it or delete it"


def load_yaml(
    path: Path, rel: str, *, foreign_tags: bool = False
) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or None and the reasons."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    doc, problems = _parse(text, rel, foreign_tags=foreign_tags)
    if doc is None and not problems:
        return None, [Problem(rel, 1, 1, "", _EMPTY)]
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
        return None, [Problem(rel, 1, 1, "", "the front matter opened by '---' is never closed")]
    front = "".join(lines[1:end])
    body = "".join(lines[end + 1 :])
    meta, problems = _parse(front, rel, first_line=2)
    if problems:
        return None, problems
    if meta is not None:
        meta.reread_from = str(path)
    return MarkdownFile(rel, meta, body, end + 2), []

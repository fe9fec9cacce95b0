"""Read YAML and Markdown files into plain data, keeping where every value stood.

Everything an editor can get wrong about a file as text (encoding, tabs, YAML
syntax, duplicate keys, an empty file) is reported here, all at once, each with
its line and column. Reading is bounded: the nesting depth is checked before
libyaml composes the file (`yaml_parser`), the number of values while the
data is built (`yaml_builder`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.core import yaml_splice
from generator.core.places import Loc, format_loc
from generator.core.reading import _character_problem, _syntax_problem, _tab_problems, read_text
from generator.core.yaml_builder import Builder, Refused
from generator.core.yaml_parser import Parser, too_deep
from generator.errors import Problem
from generator.messages import freeze


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
    deep = too_deep(text, rel)
    if deep is not None:
        return None, [deep.moved(shift)]
    loader = Parser(text)
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
    builder = Builder(doc, yaml.SafeLoader(""), foreign_tags=foreign_tags, places=places)
    try:
        doc.data = builder.build(node, ())
    except Refused as refused:
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
    `places=False`: the places are found again from the file if asked for (and a
    large file read before in this process may be read again only where it was
    edited: `yaml_splice`)."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    quick = not places and not foreign_tags
    doc = _spliced(rel, text) if quick else None
    if doc is None:
        doc, problems = _parse(text, rel, foreign_tags=foreign_tags, places=places)
        if quick:
            _remember(rel, text, doc if not problems else None)
    if doc is None and not problems:
        return None, [Problem.at(rel, 1, 1, "", "HB023")]
    if doc is not None:
        doc.reread_from = str(path)
    return doc, problems


# The large YAML files read without places in this process, as last read (`yaml_splice`).
_READS: dict[str, yaml_splice.Read] = {}


def _remember(rel: str, text: str, doc: Document | None) -> None:
    """Keep a large file's text and what reading it gave, for an edit of it next."""
    if (
        doc is None
        or not isinstance(doc.data, dict)
        or not (yaml_splice.MIN_CHARS <= len(text) <= yaml_splice.MAX_CHARS)
    ):
        _READS.pop(rel, None)
        return
    _READS[rel] = yaml_splice.Read(text, doc.data, doc.raw)


def _spliced(rel: str, text: str) -> Document | None:
    """The file read only where it differs from its last reading, if that is sure to
    give what reading it whole gives (see `yaml_splice`); None to read it whole."""
    last = _READS.get(rel)
    splice = yaml_splice.find(last.text, text) if last is not None else None
    if last is None or splice is None or too_deep(splice.text, rel) is not None:
        return None
    loader = Parser(splice.text)
    try:
        nodes = yaml_splice.items_node(loader.get_single_node())
    except yaml.YAMLError:
        return None  # read whole: its problem is placed in the file
    finally:
        loader.dispose()
    doc = Document(rel, None)
    builder = Builder(doc, yaml.SafeLoader(""), places=False)
    try:
        items = [
            builder.build(n, (splice.key, splice.first + i)) for i, n in enumerate(nodes or ())
        ]
    except Refused:
        return None
    read = (
        yaml_splice.replaced(last, splice, items, doc.raw)
        if nodes and not builder.problems
        else None
    )
    if read is None:
        return None
    _READS[rel] = yaml_splice.Read(text, read.data, read.raw)
    doc.data, doc.raw = read.data, read.raw
    doc.__dict__["stale"] = True  # places are found again when asked for (Document.where)
    return doc


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

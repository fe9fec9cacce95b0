"""What a kind of content declares about itself, so that the pipeline, the menu,
search, `handbook diff`, the feeds, the schemas and the editors' wiring go over
the registered kinds (`generator/kinds.py`) instead of naming each.

A kind's package (standards, content, notices, results, composites) ends with a
`kind.py` holding one `Kind`: its stages, run by the pipeline in the order of
`Phase` (each kind in the order of registration), its menu places, its part in
search, its lines in `handbook diff`, its feed entries, its schemas. The stages
share one `Build`: each kind keeps what it made in the build's `Store` under its
own typed `Slot`s, and a kind that reads another kind's values imports that
kind's slot (the one-way imports of `tests/test_architecture.py` still hold).

Material registers its plugins by one entry-point line each; a kind is
registered by one line in `generator/kinds.py` (a test registers a toy kind
defined under `tests/` the same way).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel

from generator.core.memory import BuildCache
from generator.errors import Problem
from generator.messages import Phrase
from generator.render.feeds import FeedEntry
from generator.render.renderer import Page, Renderer
from generator.settings import Settings

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Slot(Generic[T_co]):
    """A typed place in the build's store: what one kind made, for itself and others."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Slot({self.name!r})"


class Store:
    """Every kind's values for one build, each under its slot."""

    def __init__(self) -> None:
        self._values: dict[Slot[Any], object] = {}

    def __setitem__(self, slot: Slot[T], value: T) -> None:
        self._values[slot] = value

    def __getitem__(self, slot: Slot[T]) -> T:
        return cast(T, self._values[slot])

    def get(self, slot: Slot[T], default: T) -> T:
        """The slot's value, or `default` when no stage set it."""
        return cast(T, self._values.get(slot, default))


class Phase(IntEnum):
    """The pipeline's stages, in order. After CHECK, CROSS and DERIVED the build
    stops when any problem was found: what depends on a wrong file is not checked
    (its cause comes alone)."""

    LOAD = 0  # read the kind's files (problems placed in them)
    LINK = 1  # read what needs another kind's files (a draft's period, the holiday calendar)
    CHECK = 2  # each kind on its own
    INDEX = 3  # what the cross-checks read (the catalogue of standards)
    CROSS = 4  # references between kinds
    DERIVED = 5  # kinds made from other kinds' checked values (composites from rounds)
    COMPUTE = 6  # totals, ranks, status by date


STOPPING = (Phase.CHECK, Phase.CROSS, Phase.DERIVED)


@dataclass
class Build:
    """One build's inputs and what its stages made so far."""

    root: Path
    as_of: dt.date
    settings: Settings | None  # None when mkdocs.yml cannot be read (the build stops at CHECK)
    memory: BuildCache | None = None
    store: Store = field(default_factory=Store)
    problems: list[Problem] = field(default_factory=list)  # found so far (LOAD and LINK)
    notes: list[Phrase] = field(default_factory=list)  # lines for the person building
    next_change: list[dt.date] = field(default_factory=list)  # days on which the site changes


Step = Callable[[Build], list[Problem]]


@dataclass
class Made:
    """What a kind's pages stage made: pages and generated files (None: the previous
    build's is still right), and files copied as they are (docs path → source)."""

    pages: list[Page] = field(default_factory=list)
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)


@dataclass(frozen=True)
class Rendering:
    """What a kind's pages and PDFs stages get: the build, the one renderer, and the
    PDFs of this build (their paths in the docs folder)."""

    build: Build
    renderer: Renderer
    pdfs: frozenset[str] = frozenset()


class Printed(Protocol):
    """What a PDF part gives the build (`pdf/stage.py`'s `Printed`)."""

    files: dict[str, bytes | None]  # None: the last build's is right
    keys: dict[str, str]
    links: dict[str, Any]  # page in the docs folder → its PDF (path, size)
    note: Phrase | None  # why there are no PDFs, in one line


class Finishing(Protocol):
    """What finishes a kind's PDFs after the pages (or stops them: the build failed)."""

    def __call__(self) -> Printed:
        """Wait for the PDFs being set, make the rest; what they are."""

    def cancel(self) -> None:
        """Stop at once what is being set."""

    def pending(self) -> set[str]:
        """The PDFs not finished yet (in the docs folder): made again, not kept."""

    def background(self) -> bool:
        """Whether what finishes them leaves this process's interpreter free (worker
        processes), so that they may be finished while the engine runs."""


@dataclass(frozen=True)
class MenuView:
    """What a menu place reads: the pages made, the store, the site's words."""

    pages: Sequence[Page]
    store: Store
    labels: Mapping[str, str]

    def has(self, path: str) -> bool:
        """Whether a page was made (a menu entry leads to it)."""
        return any(p.path == path for p in self.pages)


# A place in the site's menu: its order among the top-level entries, and its entries.
MenuPlace = tuple[int, Callable[[MenuView], list[object]]]


def index_entry(order: int, label: str, path: str) -> MenuPlace:
    """A top-level menu entry leading to a kind's index page, when it was made."""
    return (order, lambda view: [{view.labels[label]: path}] if view.has(path) else [])


@dataclass(frozen=True)
class Search:
    """A kind's part in search (`generator/facets.py`, `engine/search.py`).

    `section`: the top-level folder of the docs its pages are in, indexed as one
    part in the preview; `kinds`: (order, label) of the values it gives the 类型
    facet; `statuses`: (order, status word) of the 状态 facet; `classes`: each
    status word's badge class (handbook.css `.hb-status--…`); `later`: statuses
    whose results go after the others; `weights`: page weights by the name
    templates use (`search.PAGE_WEIGHTS.<name>`); `rules`: the label of its facet
    value whose results' clause titles rank first (the standards')."""

    section: str | None = None
    kinds: tuple[tuple[int, str], ...] = ()
    statuses: tuple[tuple[int, str], ...] = ()
    classes: Mapping[str, str] = field(default_factory=dict)
    rules: str = ""
    later: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SchemaFile:
    """A JSON Schema editors' YAML plug-ins read (`handbook schema`): its file
    name, the model, its title, and the files it describes (a glob, for the
    editors' wiring in `.vscode/settings.json`)."""

    name: str
    model: type[BaseModel]
    title: str
    sources: str


# What `handbook diff` says of a kind: (order of its section, its title's label,
# lines from the base's store, None when the base has no handbook, and the head's).
Diff = tuple[int, str, Callable[[Store | None, Store, Mapping[str, str]], list[str]]]


@dataclass(frozen=True)
class Kind:
    """One kind of content, as the rest of the generator sees it."""

    name: str
    steps: Mapping[Phase, Step] = field(default_factory=dict)
    # Its PDFs: keyed and started before every kind's pages (which link them), and the
    # function that finishes them after the pages (their sizes then go into the pages).
    printing: Callable[[Rendering], tuple[Printed, Finishing]] | None = None
    # Its pages and files, in the order of the menu among the kinds' (`pages[0]`).
    pages: tuple[int, Callable[[Rendering], Made]] | None = None
    menu: tuple[MenuPlace, ...] = ()
    search: Search = Search()
    diff: tuple[Diff, ...] = ()
    # Its entries in the site's feeds, and the files they are made from.
    feed: Callable[[Build, Mapping[str, str]], list[FeedEntry]] | None = None
    feed_sources: Callable[[Build], list[str]] | None = None
    schemas: tuple[SchemaFile, ...] = ()
    # Words of its own (language → key → text), for a kind that brings its labels.
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Jinja templates of its own, after the package's (a kind defined outside it).
    templates: Path | None = None
    # Globals its templates use, from the build's store, and filters.
    template_globals: Callable[[Store], Mapping[str, object]] | None = None
    template_filters: Mapping[str, Callable[..., object]] = field(default_factory=dict)
    # Pages reached from index pages, not from the menu (MkDocs' `not_in_nav` lines).
    not_in_nav: str = ""


def words_of(kinds: Sequence[Kind], language: str) -> dict[str, str]:
    """The kinds' own labels in `language` (Chinese where one has no such language)."""
    found: dict[str, str] = {}
    for kind in kinds:
        found.update(kind.labels.get(language, kind.labels.get("zh", {})))
    return found

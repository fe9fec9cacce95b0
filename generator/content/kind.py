"""The hand-written pages (manuals and others under `content/`) as a kind of
content: their citations of the standards, pages, menu and diff (see
`generator/descriptor.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator import layout
from generator.content.check import Resolved, check_references
from generator.content.diff import page_lines
from generator.content.load import ContentPage, load_home, load_pages
from generator.content.menu import content_nav
from generator.content.pages import backlinks, content_pages
from generator.core.documents import MarkdownFile
from generator.descriptor import Build, Kind, Made, Phase, Rendering, Search, Slot, Store
from generator.errors import Problem
from generator.standards.kind import CATALOG, CITED_BY, CITING

HOME: Slot[MarkdownFile | None] = Slot("content.home")  # the home page's introduction
PAGES: Slot[list[ContentPage]] = Slot("content.pages")
ASSETS: Slot[list[Path]] = Slot("content.assets")  # images and attachments under content/
# Pages whose citations are checked (other kinds' Markdown pages join them when loaded),
# and those shown on the site, whose citing sections a clause lists (joined at INDEX).
CITERS: Slot[list[ContentPage]] = Slot("content.citers")
SHOWN_CITERS: Slot[list[ContentPage]] = Slot("content.shown_citers")
RESOLVED: Slot[dict[str, list[Resolved]]] = Slot("content.resolved")  # source → its citations


def _load(build: Build) -> list[Problem]:
    home, problems = load_home(build.root, build.memory)
    content, assets, found = load_pages(build.root, build.memory)
    build.store[HOME], build.store[PAGES], build.store[ASSETS] = home, content, assets
    build.store[CITERS], build.store[SHOWN_CITERS] = list(content), list(content)
    return problems + found


def _cross(build: Build) -> list[Problem]:
    resolved, problems = check_references(build.store[CITERS], build.store[CATALOG])
    build.store[RESOLVED] = resolved
    return problems


def _compute(build: Build) -> list[Problem]:
    resolved = build.store[RESOLVED]
    citing: dict[str, set[str]] = {}  # standard id → files citing it (its backlinks)
    for source, found in resolved.items():
        for r in found:
            citing.setdefault(r.info.model.id, set()).add(source)
    build.store[CITING] = citing
    build.store[CITED_BY] = backlinks(build.store[SHOWN_CITERS], resolved)
    return []


def _pages(r: Rendering) -> Made:
    store, root = r.build.store, r.build.root
    pages = content_pages(r.renderer, store[CATALOG], store[PAGES], store[RESOLVED])
    base = root / layout.CONTENT_DIR
    return Made(pages, copies={p.relative_to(base).as_posix(): p for p in store[ASSETS]})


def _diff_lines(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    return page_lines(base[PAGES] if base is not None else None, head[PAGES], L)


KIND = Kind(
    name="content",
    steps={Phase.LOAD: _load, Phase.CROSS: _cross, Phase.COMPUTE: _compute},
    pages=(30, _pages),
    menu=((50, lambda view: content_nav(view.store[PAGES])),),
    search=Search(kinds=((20, "kind_manual"),)),
    diff=((40, "diff_pages", _diff_lines),),
)

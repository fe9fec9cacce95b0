"""The standards as a kind of content: editions and drafts for comment, their
catalogue, pages, menu, search, diff, feed entries and schemas (see
`generator/descriptor.py`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping, Sequence

from markupsafe import escape

from generator import layout
from generator.descriptor import (
    Build,
    Kind,
    Made,
    MenuView,
    Phase,
    Rendering,
    SchemaFile,
    Search,
    Slot,
    Store,
    index_entry,
)
from generator.errors import Problem
from generator.standards import codeowners
from generator.standards.catalog import Catalog, build_catalog
from generator.standards.check import check_all
from generator.standards.diff import draft_lines, edition_lines
from generator.standards.downloads import catalog_json, catalog_schema
from generator.standards.feeds import draft_entries
from generator.standards.lifecycle import DRAFT_STAGE
from generator.standards.lifecycle_check import check_lifecycle
from generator.standards.lifecycle_pages import lifecycle_pages
from generator.standards.load import (
    LoadedDraft,
    LoadedEdition,
    WorkingDays,
    load_drafts,
    load_standards,
    unread_ids,
)
from generator.standards.model import StandardDraft, StandardEdition, Status
from generator.standards.pages import standard_pages
from generator.standards.status import STATUSES

EDITIONS: Slot[list[LoadedEdition]] = Slot("standards.editions")
DRAFTS: Slot[list[LoadedDraft]] = Slot("standards.drafts")
# Ids of standards whose files cannot be read: what names them is not checked against them.
UNREAD: Slot[set[str]] = Slot("standards.unread")
CATALOG: Slot[Catalog] = Slot("standards.catalog")
# The holiday calendar a draft's period is counted in (the notices' kind gives it).
WORKING_DAYS: Slot[WorkingDays] = Slot("standards.working_days")
# Who cites the standards (the hand-written pages' kind gives it): standard id → the
# files citing it, and (edition ref, clause id) → the places citing that clause.
CITING: Slot[Mapping[str, set[str]]] = Slot("standards.citing")
CITED_BY: Slot[Mapping[tuple[str, str], Sequence[object]]] = Slot("standards.cited_by")

OLD_WEIGHT = 0.5  # an edition not in force on its own page, a repealed standard


def _load(build: Build) -> list[Problem]:
    editions, problems = load_standards(build.root, build.memory)
    build.store[EDITIONS] = editions
    return problems


def _load_drafts(build: Build) -> list[Problem]:
    drafts, problems = load_drafts(build.root, build.store[WORKING_DAYS], build.memory)
    build.store[DRAFTS] = drafts
    return problems


def _check(build: Build) -> list[Problem]:
    editions = build.store[EDITIONS]
    unread = build.store[UNREAD] = unread_ids(build.problems)
    problems = check_all(editions, build.as_of)
    problems += check_lifecycle(editions, build.store[DRAFTS])
    if not unread:  # the owners a standard declares are unknown while it cannot be read
        problems += codeowners.drift(build.root, editions)
    return problems


def _index(build: Build) -> list[Problem]:
    catalog = build_catalog(build.store[EDITIONS], build.as_of, build.store[DRAFTS])
    build.store[CATALOG] = catalog
    # The first days after the as-of day on which a draft's comment period or an
    # amendment sheet changes what the site shows (the daily rebuild's next date).
    for d in catalog.drafts:
        build.next_change += [d.model.consultation.start, d.end + dt.timedelta(days=1)]
    for info in catalog.editions.values():
        build.next_change += [a.effective for a in info.model.amendments]
        build.next_change += [a.issued for a in info.model.amendments]
    return []


def _pages(r: Rendering) -> Made:
    renderer, store = r.renderer, r.build.store
    catalog = store[CATALOG]
    made = Made(standard_pages(renderer, catalog, store[CITING], store[CITED_BY]))
    pages, files = lifecycle_pages(renderer, catalog)  # drafts and amendment sheets
    made.pages += pages
    made.files.update(files)
    sources = [i.loaded.path for i in catalog.editions.values()]
    sources += [s for d in catalog.drafts for s in d.loaded.sources]
    made.files[layout.CATALOG_JSON] = renderer.file(
        layout.CATALOG_JSON, functools.partial(catalog_json, catalog, set(r.pdfs)), sources
    )
    made.files[layout.CATALOG_SCHEMA] = catalog_schema()
    return made


def _menu(view: MenuView) -> list[object]:
    """标准: the index and each standard's page (editors' titles escaped: the theme
    prints menu titles as HTML)."""
    entries: list[object] = [{view.labels["standards_index"]: layout.STANDARDS_INDEX}]
    entries += [
        {str(escape(p.title)): p.path}
        for p in view.pages
        if p.in_nav
        and p.path.startswith(layout.STANDARDS_DIR + "/")
        and p.path != layout.STANDARDS_INDEX
    ]
    return [{view.labels["standards"]: entries}]


def standard_weight(is_main: bool, status: str) -> float:
    """A standard's page: 1 for the edition in force (or coming), less for the others."""
    if is_main and status in (Status.CURRENT, Status.UPCOMING):
        return 1.0
    return OLD_WEIGHT


def _globals(store: Store) -> dict[str, object]:
    return {
        "catalog": store[CATALOG],
        "standard_path": layout.standard_path,
        "draft_path": layout.draft_path,
        "statuses": STATUSES,
        "Status": Status,
        "standard_weight": standard_weight,
    }


def _diff_lines(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    old = base[CATALOG] if base is not None else None
    return edition_lines(old, head[CATALOG], L) + draft_lines(old, head[CATALOG], L)


KIND = Kind(
    name="standards",
    steps={
        Phase.LOAD: _load,
        Phase.LINK: _load_drafts,
        Phase.CHECK: _check,
        Phase.INDEX: _index,
    },
    pages=(10, _pages),
    menu=(
        (10, _menu),
        index_entry(90, "glossary", layout.GLOSSARY),
    ),
    search=Search(
        section=layout.STANDARDS_DIR,
        kinds=((10, "kind_standard"), (90, "kind_term")),
        statuses=(*enumerate(STATUSES), (len(STATUSES), DRAFT_STAGE)),
        # A draft for comment is never a rule in force.
        classes={**{s: s.key for s in STATUSES}, DRAFT_STAGE: "draft"},
        later=(Status.SUPERSEDED, Status.REPEALED, DRAFT_STAGE),
        rules="kind_standard",
        weights={"old_standard": OLD_WEIGHT, "glossary": 0.5},  # the glossary repeats the terms
    ),
    diff=((10, "standards", _diff_lines),),
    feed=lambda build, labels: draft_entries(build.store[CATALOG], labels),
    feed_sources=lambda build: [s for d in build.store[CATALOG].drafts for s in d.loaded.sources],
    schemas=(
        SchemaFile(
            "standard.schema.json",
            StandardEdition,
            "标准的一个版本（standards/<标准>/<版本>.yml）",
            layout.EDITION_FILES,
        ),
        SchemaFile(
            "draft.schema.json",
            StandardDraft,
            "标准的征求意见稿（standards/<标准>/drafts/<版本>.yml）",
            layout.DRAFT_FILES,
        ),
    ),
    template_globals=_globals,
    not_in_nav=layout.STANDARDS_NOT_IN_NAV,
)

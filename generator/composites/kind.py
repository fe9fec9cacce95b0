"""The composite assessments (综合考评, made from several rounds) as a kind of
content: checked against the rounds, scored, their pages and schema (see
`generator/descriptor.py`)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from generator import layout
from generator.composites.check import CheckedComposite, check_composites
from generator.composites.diff import composite_lines
from generator.composites.load import LoadedComposite, load_composites
from generator.composites.model import Composite
from generator.composites.pages import assessments, composite_pages, unit_rows
from generator.composites.score import CompositeResult, score_composites
from generator.descriptor import Build, Kind, Made, Phase, Rendering, SchemaFile, Slot, Store
from generator.errors import Problem
from generator.results.derived import Standing
from generator.results.kind import ASSESSMENTS, RESULTS, ROUNDS, SCORED, STANDINGS
from generator.standards.kind import CATALOG

LOADED: Slot[list[LoadedComposite]] = Slot("composites.loaded")
CHECKED: Slot[list[CheckedComposite]] = Slot("composites.checked")
SCORED_COMPOSITES: Slot[list[CompositeResult]] = Slot("composites.scored")


def _load(build: Build) -> list[Problem]:
    build.store[LOADED], problems = load_composites(build.root, build.memory)
    return problems


def _derived(build: Build) -> list[Problem]:
    """Checked against rounds that are right (after the cross-checks)."""
    store = build.store
    store[CHECKED], problems = check_composites(
        store[LOADED], store[ROUNDS], store[RESULTS].units, store[CATALOG]
    )
    return problems


def _compute(build: Build) -> list[Problem]:
    store = build.store
    scored = score_composites(store[CHECKED], store[SCORED], store[RESULTS].units)
    store[SCORED_COMPOSITES] = scored
    store[ASSESSMENTS] = assessments(scored)
    standings: Callable[[str], Sequence[Standing]] = functools.partial(unit_rows, scored)
    store[STANDINGS] = standings
    return []


def _pages(r: Rendering) -> Made:
    store = r.build.store
    results = store[RESULTS]
    named = [d.path for d in (results.units_doc, results.series_doc) if d is not None]
    pages, files = composite_pages(
        r.renderer, store[CATALOG], store[SCORED_COMPOSITES], results.series_name, named
    )
    return Made(pages, files)


def _diff_lines(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    old = base[SCORED_COMPOSITES] if base is not None else None
    return composite_lines(old, head[SCORED_COMPOSITES], L)


KIND = Kind(
    name="composites",
    steps={Phase.LOAD: _load, Phase.DERIVED: _derived, Phase.COMPUTE: _compute},
    pages=(50, _pages),
    diff=((20, "results", _diff_lines),),  # in the results' section, after the rounds
    schemas=(
        SchemaFile(
            "composite.schema.json",
            Composite,
            "综合考评（content/results/composites/<考评>.yml）",
            layout.COMPOSITE_FILES,
        ),
    ),
)

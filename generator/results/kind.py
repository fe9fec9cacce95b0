"""The assessment results (rounds, units, ledgers and task lists) as a kind of
content: their checks against the standards' rubrics, scores, pages, menu,
search, diff and schemas (see `generator/descriptor.py`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from generator import layout
from generator.descriptor import (
    Build,
    Kind,
    Made,
    Phase,
    Rendering,
    SchemaFile,
    Search,
    Slot,
    Store,
    index_entry,
)
from generator.errors import Problem
from generator.results.check import CheckedRound, check_results
from generator.results.derived import Assessment, Standing
from generator.results.diff import round_lines
from generator.results.load import Results, load_results
from generator.results.model import Round, Table, UnitsFile
from generator.results.pages import results_pages
from generator.results.periods import official_period
from generator.results.scoring import RoundResult, score_all
from generator.results.series import SeriesFile
from generator.standards.kind import CATALOG

RESULTS: Slot[Results] = Slot("results.loaded")
ROUNDS: Slot[list[CheckedRound]] = Slot("results.rounds")  # checked
SCORED: Slot[list[RoundResult]] = Slot("results.scored")
# Assessments made from the results (the composites' kind gives them): the index
# lists them, and a unit's page shows its place in each.
ASSESSMENTS: Slot[Sequence[Assessment]] = Slot("results.assessments")
STANDINGS: Slot[Callable[[str], Sequence[Standing]]] = Slot("results.standings")


def _load(build: Build) -> list[Problem]:
    build.store[RESULTS], problems = load_results(build.root, build.memory)
    return problems


def _cross(build: Build) -> list[Problem]:
    build.store[ROUNDS], problems = check_results(build.store[RESULTS], build.store[CATALOG])
    return problems


def _compute(build: Build) -> list[Problem]:
    build.store[SCORED] = score_all(build.store[ROUNDS], build.store[RESULTS].units)
    return []


def _pages(r: Rendering) -> Made:
    store = r.build.store
    pages, files = results_pages(
        r.renderer,
        store[CATALOG],
        store[RESULTS],
        store[SCORED],
        composites=store.get(ASSESSMENTS, ()),
        unit_composites=store.get(STANDINGS, lambda unit_id: ()),
    )
    return Made(pages, files)


def _diff_lines(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    return round_lines(base[SCORED] if base is not None else None, head[SCORED], L)


KIND = Kind(
    name="results",
    steps={Phase.LOAD: _load, Phase.CROSS: _cross, Phase.COMPUTE: _compute},
    pages=(40, _pages),
    menu=(index_entry(30, "results", layout.RESULTS_INDEX),),
    search=Search(
        section=layout.RESULTS_DIR,
        kinds=((40, "kind_result"),),
        weights={"result": 0.3},  # rounds, units, ledgers: thousands at a province's size
    ),
    diff=((20, "results", _diff_lines),),
    schemas=(
        SchemaFile(
            "units.schema.json",
            UnitsFile,
            "单位名册（content/results/units.yml）",
            layout.UNITS_SOURCE,
        ),
        SchemaFile(
            "round.schema.json",
            Round,
            "一轮考核（content/results/rounds/<轮次>.yml）",
            layout.ROUND_FILES,
        ),
        SchemaFile(
            "table.schema.json",
            Table,
            "台账或清单（content/results/tables/<表>.yml）",
            layout.TABLE_FILES,
        ),
        SchemaFile(
            "series.schema.json",
            SeriesFile,
            "考核系列（content/results/series.yml）",
            layout.SERIES_SOURCE,
        ),
    ),
    template_filters={"official_period": official_period},
    not_in_nav=layout.RESULTS_NOT_IN_NAV,
)

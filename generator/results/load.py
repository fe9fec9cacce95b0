"""Read the results: the unit registry, the assessment rounds and the tables
(ledgers, task lists) under `content/results/`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import layout
from generator.core.documents import Document
from generator.core.files import yaml_files
from generator.core.memory import BuildCache
from generator.core.typed import load_typed
from generator.errors import Problem
from generator.results.model import Column, Round, Table, Unit, UnitsFile
from generator.results.series import Series, SeriesFile


@dataclass(frozen=True)
class LoadedRound:
    """A round as read: its document (for places) and its typed record."""

    doc: Document
    model: Round


@dataclass(frozen=True)
class LoadedTable:
    """A ledger or task list as read."""

    doc: Document
    model: Table


@dataclass
class Results:
    """Everything under `content/results/`, as read."""

    units: list[Unit] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)  # the names of the series
    series_doc: Document | None = None
    units_doc: Document | None = None
    rounds: list[LoadedRound] = field(default_factory=list)
    tables: list[LoadedTable] = field(default_factory=list)

    def series_name(self, series_id: str) -> str:
        """What readers call a series (督查, 达标验收); its id when it has no name."""
        return next((x.name for x in self.series if x.id == series_id), series_id)


def load_results(root: Path, memory: BuildCache | None = None) -> tuple[Results, list[Problem]]:
    """The registry, rounds and tables, typed; bad files become problems."""
    results, problems = Results(), list[Problem]()
    units_path = root / layout.UNITS_SOURCE
    if units_path.is_file():
        doc, units, found = load_typed(units_path, layout.UNITS_SOURCE, UnitsFile, memory)
        problems += found
        if doc is not None and units is not None:
            results.units, results.units_doc = list(units.units), doc
    series_path = root / layout.SERIES_SOURCE
    if series_path.is_file():
        doc, named, found = load_typed(series_path, layout.SERIES_SOURCE, SeriesFile, memory)
        problems += found
        if doc is not None and named is not None:
            results.series, results.series_doc = list(named.series), doc
    for path, rel in yaml_files(root, f"{layout.RESULTS_SOURCE}/{layout.ROUNDS_DIR}"):
        doc, round_, found = load_typed(path, rel, Round, memory)
        problems += found
        if doc is not None and round_ is not None:
            results.rounds.append(LoadedRound(doc, round_))
    for path, rel in yaml_files(root, f"{layout.RESULTS_SOURCE}/{layout.TABLES_DIR}"):
        doc, table, found = load_typed(path, rel, Table, memory)
        problems += found
        if doc is not None and table is not None:
            results.tables.append(LoadedTable(doc, table))
    return results, problems


# Privacy, in one place: a private table or column never reaches the site or a download.
def public_tables(results: Results) -> list[LoadedTable]:
    """The tables that may be published: private ones never reach the site."""
    return [t for t in results.tables if not t.model.private]


def public_columns(table: LoadedTable) -> list[Column]:
    """A table's columns that may be published."""
    return [c for c in table.model.columns if not c.private]

"""What importing a sheet shares: the cell's text, its place in a message, the
registry and rubrics it is read against, and the count of what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem, ValidationFailed
from generator.messages import Phrase
from generator.results.load import Results, load_results
from generator.results.model import Unit
from generator.sheets.read import Cell, Sheet
from generator.standards.catalog import Catalog, build_catalog
from generator.standards.load import load_standards


@dataclass
class Outcome:
    """What an import did: the file written and what changed in it."""

    path: str  # the data file written, relative to the repository
    created: bool = False
    changed: int = 0  # scores or rows changed
    added: int = 0  # units or rows added
    removed: int = 0  # rows removed (tables)
    kept: list[str] = field(default_factory=list)  # units in the file, not in the sheet
    skipped: list[str] = field(default_factory=list)  # blank rows of the sheet's units
    encoding: Phrase | None = None  # CSV only: what it was read as


class Problems:
    """Problems located at cells: `BOOK.xlsx:评分!D7` stands where a file's path stands."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, sheet: Sheet | str, row: int, col: int, code: str, /, **params: object) -> None:
        """A problem of rule `code` at a cell (or, given a place as text, with a whole
        book or sheet)."""
        where = sheet.where(row, col) if isinstance(sheet, Sheet) else sheet
        self.items.append(Problem.at(where, 0, 0, "", code, **params))

    def problems(self) -> list[Problem]:
        """The problems, placed as `BOOK.xlsx:sheet!cell`."""
        # ValidationFailed sorts them as text: by sheet, then column letter, then row as text.
        return list(self.items)


def text_of(value: Cell) -> str:
    """A cell's value as text, as the editor typed it."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def shown(value: Cell) -> str:
    """A cell's value as a message quotes it."""
    return f'"{value}"' if isinstance(value, str) else text_of(value)


def header_row(sheet: Sheet, names: frozenset[str]) -> int | None:
    """The row holding the header (a title may stand above it), if any."""
    for row in range(min(len(sheet.rows), 10)):
        if any(isinstance(v, str) and v in names for v in sheet.rows[row]):
            return row
    return None


@dataclass
class Context:
    """What an import reads against: the catalog, the results and the units."""

    root: Path
    catalog: Catalog
    results: Results
    units: dict[str, Unit]
    by_name: dict[str, str]


def load_context(root: Path, today: dt.date) -> Context:
    """The handbook's standards and results, checked, for reading a workbook against."""
    editions, problems = load_standards(root)
    results, found = load_results(root)
    problems += found
    if problems:
        raise ValidationFailed(problems)
    catalog = build_catalog(editions, today)
    units = {u.id: u for u in results.units}
    by_name = {u.name: u.id for u in results.units}
    return Context(root, catalog, results, units, by_name)


def unit_of(value: Cell, ctx: Context) -> str | None:
    """The unit a cell names, by id or by name."""
    text = text_of(value)
    return text if text in ctx.units else ctx.by_name.get(text)


def as_date(value: Cell) -> dt.date | None:
    """A cell's date, from a date cell or text written YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(text_of(value).replace("/", "-"))
    except ValueError:
        return None


# Spreadsheets count days from 1899-12-30 (Excel's 1900 system, LibreOffice's default);
# numbers in this range stand for the years a handbook's dates fall in (1950–2199).
_SERIAL_ZERO = dt.date(1899, 12, 30)
_SERIALS = range(18264, 109575)


def not_a_date(value: Cell) -> tuple[str, dict[str, object]]:
    """What is wrong with a cell that is no date: a date serial (a date cell that lost its
    format, as "46387"), said as such with the day it stands for, or anything else."""
    text = text_of(value).strip()
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if number is None and text.isdigit():
        number = int(text)
    if number is not None and float(number).is_integer() and int(number) in _SERIALS:
        day = _SERIAL_ZERO + dt.timedelta(days=int(number))
        return "HB760", {"found": text, "date": day.isoformat()}
    return "HB713", {"found": shown(value)}

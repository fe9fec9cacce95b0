"""Result data: load the unit registry, assessment rounds and tables, and check
them against each other and against the rubrics they were scored with."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from generator.compute import Catalog, EditionInfo
from generator.errors import Problem, did_you_mean
from generator.loader import Document, Loc
from generator.models.results import Round, Table, Unit, UnitsFile
from generator.models.standard import Criterion
from generator.notices import Notice
from generator.repository import CONTENT_DIR, inside
from generator.validate import load_typed

RESULTS = f"{CONTENT_DIR}/results"


@dataclass(frozen=True)
class Score:
    points: float | None  # None: not assessed ("?")
    reason: str | None = None
    evidence: str | None = None


@dataclass
class LoadedRound:
    doc: Document
    model: Round
    info: EditionInfo | None = None  # the rubric's edition, once resolved
    scores: dict[str, dict[str, Score]] = field(default_factory=dict)  # unit → criterion → score


@dataclass
class LoadedTable:
    doc: Document
    model: Table


@dataclass
class Results:
    units: list[Unit] = field(default_factory=list)
    units_doc: Document | None = None
    rounds: list[LoadedRound] = field(default_factory=list)
    tables: list[LoadedTable] = field(default_factory=list)


def _files(root: Path, folder: str) -> list[tuple[Path, str]]:
    base = root / RESULTS / folder
    if not base.is_dir():
        return []
    return [
        (p, p.relative_to(root).as_posix())
        for p in sorted(base.glob("*.y*ml"))
        if p.suffix in (".yml", ".yaml") and inside(root, p)
    ]


def load_results(root: Path) -> tuple[Results, list[Problem]]:
    results, problems = Results(), list[Problem]()
    units_path = root / RESULTS / "units.yml"
    if units_path.is_file():
        doc, units, found = load_typed(units_path, f"{RESULTS}/units.yml", UnitsFile)
        problems += found
        if doc is not None and units is not None:
            results.units, results.units_doc = list(units.units), doc
    for path, rel in _files(root, "rounds"):
        doc, round_, found = load_typed(path, rel, Round)
        problems += found
        if doc is not None and round_ is not None:
            results.rounds.append(LoadedRound(doc, round_))
    for path, rel in _files(root, "tables"):
        doc, table, found = load_typed(path, rel, Table)
        problems += found
        if doc is not None and table is not None:
            results.tables.append(LoadedTable(doc, table))
    return results, problems


def _dup(doc: Document, what: str, value: str, loc: Loc, first: tuple[Document, Loc]) -> Problem:
    other, other_loc = first
    line, column = other.where(other_loc)
    where = f"line {line}, column {column}" if other is doc else f"{other.path}:{line}:{column}"
    return doc.problem(loc, f"{what} '{value}' is used twice (first at {where})")


def check_results(results: Results, catalog: Catalog) -> list[Problem]:
    problems = _check_units(results)
    unit_ids = frozenset(u.id for u in results.units)
    problems += _unique_ids("the round id", [(r.doc, r.model.id) for r in results.rounds])
    problems += _unique_ids("the table id", [(t.doc, t.model.id) for t in results.tables])
    for r in results.rounds:
        problems += _check_round(r, catalog, unit_ids)
    for t in results.tables:
        problems += _check_table(t, unit_ids)
    return problems


def _unique_ids(what: str, items: list[tuple[Document, str]]) -> list[Problem]:
    """Each file's `id` once across its folder; a duplicate names the first place."""
    seen: dict[str, tuple[Document, Loc]] = {}
    problems = []
    for doc, value in items:
        if value in seen:
            problems.append(_dup(doc, what, value, ("id",), seen[value]))
        seen.setdefault(value, (doc, ("id",)))
    return problems


def _check_units(results: Results) -> list[Problem]:
    doc, problems = results.units_doc, list[Problem]()
    if doc is None:
        return problems
    seen: dict[str, tuple[Document, Loc]] = {}
    ids = frozenset(u.id for u in results.units)
    for k, unit in enumerate(results.units):
        loc = ("units", k)
        if unit.id in seen:
            problems.append(_dup(doc, "the unit id", unit.id, (*loc, "id"), seen[unit.id]))
        seen.setdefault(unit.id, (doc, (*loc, "id")))
        for key in ("parent", "merged_into"):
            value = getattr(unit, key)
            if value is not None and value not in ids:
                problems.append(
                    doc.problem(
                        (*loc, key), f"there is no unit '{value}'{did_you_mean(value, ids)}"
                    )
                )
    return problems


@functools.lru_cache(maxsize=4096)
def _points(value: int) -> Score:
    return Score(float(value))


def _parse_score(value: object, criterion: Criterion) -> Score | str:
    """A score as written, or what is wrong with it."""
    if type(value) is int and 0 <= value <= criterion.points:
        return _points(value)  # the common case: whole points (results repeat a few values)
    if value == "?":
        return Score(None)
    reason = evidence = None
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"points", "reason", "evidence"})
        if unknown:
            return (
                f"unknown field '{unknown[0]}' in a score; the fields are points, reason, evidence"
            )
        reason, evidence = value.get("reason"), value.get("evidence")
        value = value.get("points")
    if isinstance(value, bool) or not isinstance(value, int | float):
        shown = (
            f'"{value}"'
            if isinstance(value, str)
            else ("nothing" if value is None else repr(value))
        )
        return f'expected points (a number), "?" when not assessed, or {{points, reason, evidence}}; found {shown}'
    if not 0 <= value <= criterion.points:
        return f"expected a number from 0 to {criterion.points:g} (the criterion's points), found {value:g}"
    return Score(
        float(value),
        None if reason is None else str(reason),
        None if evidence is None else str(evidence),
    )


def _check_round(r: LoadedRound, catalog: Catalog, unit_ids: frozenset[str]) -> list[Problem]:
    m, doc, problems = r.model, r.doc, []
    standard_id, edition = m.rubric.split("@")
    info = catalog.editions.get(f"{standard_id}/{edition}")
    if info is None:
        refs = sorted(e.replace("/", "@") for e in catalog.editions)
        problems.append(
            doc.problem(
                ("rubric",), f"there is no edition '{m.rubric}'{did_you_mean(m.rubric, refs)}"
            )
        )
        return problems
    if info.model.rubric is None:
        problems.append(
            doc.problem(("rubric",), f"{info.model.code} ({m.rubric}) has no rubric to score with")
        )
        return problems
    r.info = info
    if not m.period.start <= m.assessed <= m.period.end:
        problems.append(
            doc.problem(
                ("assessed",),
                f"the assessment day {m.assessed} is outside the round's period ({m.period.start} to {m.period.end})",
            )
        )
    if m.published < m.assessed:
        problems.append(
            doc.problem(
                ("published",),
                f"the results are published on {m.published}, before the assessment ({m.assessed})",
            )
        )
    criteria = {c.id: c for c in info.model.rubric.criteria}
    seen: dict[str, tuple[Document, Loc]] = {}
    for k, entry in enumerate(m.scores):
        loc = ("scores", k)
        if entry.unit not in unit_ids:
            problems.append(
                doc.problem(
                    (*loc, "unit"),
                    f"there is no unit '{entry.unit}' in {RESULTS}/units.yml{did_you_mean(entry.unit, unit_ids)}",
                )
            )
            continue
        if entry.unit in seen:
            problems.append(_dup(doc, "the unit", entry.unit, (*loc, "unit"), seen[entry.unit]))
            continue
        seen[entry.unit] = (doc, (*loc, "unit"))
        scores: dict[str, Score] = {}
        for criterion_id, value in entry.scores.items():
            where = (*loc, "scores", criterion_id)
            criterion = criteria.get(criterion_id)
            if criterion is None:
                problems.append(
                    doc.problem(
                        where,
                        f"the rubric of {m.rubric} has no criterion '{criterion_id}'{did_you_mean(criterion_id, sorted(criteria))}",
                        key=True,
                    )
                )
                continue
            parsed = _parse_score(value, criterion)
            if isinstance(parsed, str):
                problems.append(doc.problem(where, parsed))
            else:
                scores[criterion_id] = parsed
        missing = [c for c in criteria if c not in entry.scores]
        if missing:
            problems.append(
                doc.problem(
                    (*loc, "scores"),
                    f'no score for {", ".join(missing)}; write "?" for a criterion that was not assessed',
                )
            )
        r.scores[entry.unit] = scores
    return problems


def _check_table(t: LoadedTable, unit_ids: frozenset[str]) -> list[Problem]:
    m, doc, problems = t.model, t.doc, []
    columns = {c.key: c for c in m.columns}
    for key in ("deadline", "done"):
        ref = getattr(m, key)
        if ref is not None and (ref not in columns or columns[ref].type != "date"):
            problems.append(doc.problem((key,), f"'{ref}' is not a date column of this table"))
    for k, row in enumerate(m.rows):
        for key, value in row.items():
            where = ("rows", k, key)
            column = columns.get(key)
            if column is None:
                problems.append(
                    doc.problem(
                        where,
                        f"unknown column '{key}'{did_you_mean(key, sorted(columns))}",
                        key=True,
                    )
                )
                continue
            message = _cell_problem(column.type, column.choices, value, unit_ids)
            if message:
                problems.append(doc.problem(where, message))
        for column in m.columns:
            if column.key not in row and not column.optional:
                problems.append(
                    doc.problem(("rows", k), f"missing the column '{column.key}' ({column.label})")
                )
    return problems


def _cell_problem(
    kind: str, choices: list[str], value: object, unit_ids: frozenset[str]
) -> str | None:
    if kind == "date" and not isinstance(value, dt.date):
        return f"expected a date written as YYYY-MM-DD, found {value!r}"
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        return f"expected a number, found {value!r}"
    if kind == "unit" and value not in unit_ids:
        return f"there is no unit '{value}'{did_you_mean(str(value), unit_ids)}"
    if kind == "choice" and value not in choices:
        return f"expected one of {', '.join(choices)}, found {value!r}"
    if kind == "text" and not isinstance(value, str):
        return f"expected text, found {value!r}"
    return None


def check_notice_results(notices: list[Notice], results: Results) -> list[Problem]:
    """A notice's `rounds` and `tables` must name published results."""
    rounds = sorted(r.model.id for r in results.rounds)
    tables = sorted(t.model.id for t in results.tables if not t.model.private)
    problems: list[Problem] = []
    for n in notices:
        for key, known, what in (
            ("rounds", rounds, "results round"),
            ("tables", tables, "published table"),
        ):
            for k, value in enumerate(getattr(n.meta, key)):
                if value not in known:
                    problems.append(
                        n.page.meta_doc.problem(
                            (key, k), f"there is no {what} '{value}'{did_you_mean(value, known)}"
                        )
                    )
    return problems

"""Checks of the results against each other and against the rubrics they were
scored with. A checked round is a new record (the rubric's edition, the parsed
scores); what was loaded is left as it was."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from generator import layout
from generator.core.documents import Document, Loc
from generator.errors import Problem, did_you_mean
from generator.results.load import LoadedRound, LoadedTable, Results
from generator.results.model import Round, Score
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.model import Criterion, pinned_form, pinned_ref


@dataclass(frozen=True)
class CheckedRound:
    """A round whose rubric was found and whose scores were read."""

    loaded: LoadedRound
    info: EditionInfo  # the rubric's edition
    scores: dict[str, dict[str, Score]]  # unit → criterion → score

    @property
    def doc(self) -> Document:
        """The round's document (for places)."""
        return self.loaded.doc

    @property
    def model(self) -> Round:
        """The round as written."""
        return self.loaded.model


def _dup(doc: Document, what: str, value: str, loc: Loc, first: tuple[Document, Loc]) -> Problem:
    other, other_loc = first
    line, column = other.where(other_loc)
    where = f"line {line}, column {column}" if other is doc else f"{other.path}:{line}:{column}"
    return doc.problem(loc, f"{what} '{value}' is used twice (first at {where})")


def check_results(results: Results, catalog: Catalog) -> tuple[list[CheckedRound], list[Problem]]:
    """Every round checked against its rubric and the registry, and every table."""
    problems = _check_units(results) + _check_series(results)
    unit_ids = frozenset(u.id for u in results.units)
    problems += _unique_ids("the round id", [(r.doc, r.model.id) for r in results.rounds])
    problems += _unique_ids("the table id", [(t.doc, t.model.id) for t in results.tables])
    checked = []
    for r in results.rounds:
        round_, found = _check_round(r, catalog, unit_ids)
        problems += found
        if round_ is not None:
            checked.append(round_)
    for t in results.tables:
        problems += _check_table(t, unit_ids)
    return checked, problems


def _unique_ids(what: str, items: list[tuple[Document, str]]) -> list[Problem]:
    """Each file's `id` once across its folder; a duplicate names the first place."""
    seen: dict[str, tuple[Document, Loc]] = {}
    problems = []
    for doc, value in items:
        if value in seen:
            problems.append(_dup(doc, what, value, ("id",), seen[value]))
        seen.setdefault(value, (doc, ("id",)))
    return problems


def _check_series(results: Results) -> list[Problem]:
    """Each series named once; once names are given, every round's series has one."""
    doc, problems = results.series_doc, list[Problem]()
    if doc is None:
        return problems
    seen: set[str] = set()
    for k, s in enumerate(results.series):
        if s.id in seen:
            problems.append(doc.problem(("series", k, "id"), f"the series '{s.id}' is named twice"))
        seen.add(s.id)
    for r in results.rounds:
        if r.model.series not in seen:
            problems.append(
                r.doc.problem(
                    ("series",),
                    f"there is no series '{r.model.series}' in {layout.SERIES_SOURCE}; add it there with its name{did_you_mean(r.model.series, seen)}",
                )
            )
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


def _check_round(
    r: LoadedRound, catalog: Catalog, unit_ids: frozenset[str]
) -> tuple[CheckedRound | None, list[Problem]]:
    m, doc, problems = r.model, r.doc, list[Problem]()
    info = catalog.editions.get(pinned_ref(m.rubric))
    if info is None:
        refs = sorted(pinned_form(e) for e in catalog.editions)
        problems.append(
            doc.problem(
                ("rubric",), f"there is no edition '{m.rubric}'{did_you_mean(m.rubric, refs)}"
            )
        )
        return None, problems
    if info.model.rubric is None:
        problems.append(
            doc.problem(("rubric",), f"{info.model.code} ({m.rubric}) has no rubric to score with")
        )
        return None, problems
    checked: dict[str, dict[str, Score]] = {}
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
                    f"there is no unit '{entry.unit}' in {layout.UNITS_SOURCE}{did_you_mean(entry.unit, unit_ids)}",
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
        checked[entry.unit] = scores
    return CheckedRound(r, info, checked), problems


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

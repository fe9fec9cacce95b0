"""Checks of the results against each other and against the rubrics they were
scored with. A checked round is a new record (the rubric's edition, the parsed
scores); what was loaded is left as it was."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from generator import layout
from generator.core.documents import Document
from generator.core.places import Loc, format_loc
from generator.core.typed import found_phrase
from generator.errors import Problem, did_you_mean
from generator.messages import phrase
from generator.results.load import LoadedRound, LoadedTable, Results
from generator.results.model import Round, Score
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.model import Criterion, StandardEdition, pinned_form, pinned_ref


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


def _dup(doc: Document, code: str, value: str, loc: Loc, first: tuple[Document, Loc]) -> Problem:
    """A duplicate (rule `code`, parameters `id` and `first`) naming the first place."""
    other, other_loc = first
    line, column = other.where(other_loc)
    where = (
        phrase("place.line", line=line, column=column)
        if other is doc
        else phrase("place.file", path=other.path, line=line, column=column)
    )
    return doc.problem(loc, code, id=value, first=where)


def _placed(doc: Document, loc: Loc, code: str, params: dict[str, object]) -> Problem:
    """A problem of a checker that returned its rule and parameters."""
    return Problem.at(doc.path, *doc.where(loc), format_loc(loc), code, **params)


def check_results(results: Results, catalog: Catalog) -> tuple[list[CheckedRound], list[Problem]]:
    """Every round checked against its rubric and the registry, and every table."""
    problems = _check_units(results) + _check_series(results)
    unit_ids = frozenset(u.id for u in results.units)
    problems += _unique_ids("HB501", [(r.doc, r.model.id) for r in results.rounds])
    problems += _unique_ids("HB502", [(t.doc, t.model.id) for t in results.tables])
    checked, done = [], dict[int, _Checked]()
    for r in results.rounds:
        round_, found = _check_again(r, catalog, unit_ids, done)
        problems += found
        if round_ is not None:
            checked.append(round_)
    for t in results.tables:
        problems += _check_table(t, unit_ids)
    _LAST.clear()
    _LAST.update(done)
    return checked, problems


# A round as the previous check in this process left it: the records it was checked
# with (the round's, by identity: the build memory gives an unchanged file's very
# record again), the unit ids, and what came out (see `_check_again`).
_Checked = tuple[
    Round, Document, StandardEdition, frozenset[str], dict[str, dict[str, Score]], list[Problem]
]
_LAST: dict[int, _Checked] = {}


def _check_again(
    r: LoadedRound, catalog: Catalog, unit_ids: frozenset[str], done: dict[int, _Checked]
) -> tuple[CheckedRound | None, list[Problem]]:
    """`_check_round`, or what it gave last time for the same round, rubric and units
    (96,000 scores at a province's size: a rebuild re-checks only the edited round)."""
    info = catalog.editions.get(pinned_ref(r.model.rubric))
    last = _LAST.get(id(r.model))
    if (
        info is not None
        and last is not None
        and last[0] is r.model
        and last[1] is r.doc
        and last[2] is info.model
        and last[3] == unit_ids
    ):
        round_: CheckedRound | None = CheckedRound(r, info, last[4])
        problems = list(last[5])
    else:
        round_, problems = _check_round(r, catalog, unit_ids)
    if round_ is not None:
        done[id(r.model)] = (r.model, r.doc, round_.info.model, unit_ids, round_.scores, problems)
    return round_, list(problems)


def _unique_ids(code: str, items: list[tuple[Document, str]]) -> list[Problem]:
    """Each file's `id` once across its folder; a duplicate names the first place."""
    seen: dict[str, tuple[Document, Loc]] = {}
    problems = []
    for doc, value in items:
        if value in seen:
            problems.append(_dup(doc, code, value, ("id",), seen[value]))
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
            problems.append(doc.problem(("series", k, "id"), "HB534", id=s.id))
        seen.add(s.id)
    for r in results.rounds:
        if r.model.series not in seen:
            problems.append(
                r.doc.problem(
                    ("series",),
                    "HB535",
                    id=r.model.series,
                    file=layout.SERIES_SOURCE,
                    hint=did_you_mean(r.model.series, seen),
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
            problems.append(_dup(doc, "HB503", unit.id, (*loc, "id"), seen[unit.id]))
        seen.setdefault(unit.id, (doc, (*loc, "id")))
        for key in ("parent", "merged_into"):
            value = getattr(unit, key)
            if value is not None and value not in ids:
                problems.append(
                    doc.problem((*loc, key), "HB505", id=value, hint=did_you_mean(value, ids))
                )
    return problems


@functools.lru_cache(maxsize=4096)
def _points(value: int) -> Score:
    return Score(float(value))


def _parse_score(value: object, criterion: Criterion) -> Score | tuple[str, dict[str, object]]:
    """A score as written, or what is wrong with it (a code and its parameters)."""
    if type(value) is int and 0 <= value <= criterion.points:
        return _points(value)  # the common case: whole points (results repeat a few values)
    if value == "?":
        return Score(None)
    reason = evidence = None
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"points", "reason", "evidence"})
        if unknown:
            return "HB507", {"name": unknown[0]}
        reason, evidence = value.get("reason"), value.get("evidence")
        value = value.get("points")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "HB508", {"found": found_phrase(value)}
    if not 0 <= value <= criterion.points:
        shown = (
            f"{value:g}"
            if isinstance(value, float) or abs(value) < 10**15
            else f"{str(abs(value))[:15]}…"  # a number of hundreds of digits, shortened
        )
        return "HB509", {"max": f"{criterion.points:g}", "found": shown}
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
            doc.problem(("rubric",), "HB510", ref=m.rubric, hint=did_you_mean(m.rubric, refs))
        )
        return None, problems
    if info.model.rubric is None:
        problems.append(doc.problem(("rubric",), "HB511", code=info.model.code, ref=m.rubric))
        return None, problems
    checked: dict[str, dict[str, Score]] = {}
    if not m.period.start <= m.assessed <= m.period.end:
        problems.append(
            doc.problem(
                ("assessed",),
                "HB512",
                assessed=m.assessed,
                start=m.period.start,
                end=m.period.end,
            )
        )
    if m.published < m.assessed:
        problems.append(
            doc.problem(("published",), "HB513", published=m.published, assessed=m.assessed)
        )
    criteria = {c.id: c for c in info.model.rubric.criteria}
    seen: dict[str, tuple[Document, Loc]] = {}
    read_with = tuple((c.id, c.points) for c in criteria.values())  # what reading needs
    last_read = _UNITS.get(doc.path)
    kept = last_read[1] if last_read is not None and last_read[0] == read_with else {}
    keep = dict[str, _UnitKept]()
    for k, entry in enumerate(m.scores):
        loc = ("scores", k)
        if entry.unit not in unit_ids:
            problems.append(
                doc.problem(
                    (*loc, "unit"),
                    "HB506",
                    id=entry.unit,
                    registry=layout.UNITS_SOURCE,
                    hint=did_you_mean(entry.unit, unit_ids),
                )
            )
            continue
        if entry.unit in seen:
            problems.append(_dup(doc, "HB504", entry.unit, (*loc, "unit"), seen[entry.unit]))
            continue
        seen[entry.unit] = (doc, (*loc, "unit"))
        written = entry.scores  # the round's record, kept by the build memory anyway
        last = kept.get(entry.unit)
        if last is not None and _same(last[0], written):
            checked[entry.unit], keep[entry.unit] = last[1], last
            continue
        scores: dict[str, Score] = {}
        for criterion_id, value in entry.scores.items():
            where = (*loc, "scores", criterion_id)
            criterion = criteria.get(criterion_id)
            if criterion is None:
                problems.append(
                    doc.problem(
                        where,
                        "HB514",
                        key=True,
                        ref=m.rubric,
                        id=criterion_id,
                        hint=did_you_mean(criterion_id, sorted(criteria)),
                    )
                )
                continue
            parsed = _parse_score(value, criterion)
            if isinstance(parsed, tuple):
                problems.append(_placed(doc, where, *parsed))
            else:
                scores[criterion_id] = parsed
        missing = [c for c in criteria if c not in entry.scores]
        if missing:
            problems.append(doc.problem((*loc, "scores"), "HB515", missing=missing))
        elif len(scores) == len(written) and not any(type(v) is dict for v in written.values()):
            keep[entry.unit] = (written, scores)  # all read: kept
        checked[entry.unit] = scores
    _UNITS[doc.path] = (read_with, keep)
    return CheckedRound(r, info, checked), problems


# A unit's scores as the last check of its round's file in this process read them: what
# was written (in order) and the scores read, kept only when every one was read and each
# is a number or "?" (never a mapping with a reason, whose `points: true` would equal a
# kept `points: 1`), with the rubric's criteria and points they were read against. An
# edited round's other units get their very scores again, so that what is made from
# them is kept by identity (`results.rows`).
_UnitKept = tuple[dict[str, object], dict[str, Score]]
_UNITS: dict[str, tuple[tuple[tuple[str, float], ...], dict[str, _UnitKept]]] = {}


def _same(before: dict[str, object], now: dict[str, object]) -> bool:
    """Whether a unit's scores are written as before, in the same order (`True == 1`
    in Python: a yes/no, which is refused where a number was, is never the same)."""
    return (
        before == now
        and list(before) == list(now)
        and not any(type(value) is bool for value in now.values())
    )


def _check_table(t: LoadedTable, unit_ids: frozenset[str]) -> list[Problem]:
    m, doc, problems = t.model, t.doc, []
    columns = {c.key: c for c in m.columns}
    for key in ("deadline", "done"):
        ref = getattr(m, key)
        if ref is not None and (ref not in columns or columns[ref].type != "date"):
            problems.append(doc.problem((key,), "HB516", name=ref))
    for k, row in enumerate(m.rows):
        for key, value in row.items():
            where = ("rows", k, key)
            column = columns.get(key)
            if column is None:
                problems.append(
                    doc.problem(
                        where, "HB517", key=True, name=key, hint=did_you_mean(key, sorted(columns))
                    )
                )
                continue
            wrong = _cell_problem(column.type, column.choices, value, unit_ids)
            if wrong:
                problems.append(_placed(doc, where, *wrong))
        for column in m.columns:
            if column.key not in row and not column.optional:
                problems.append(
                    doc.problem(("rows", k), "HB518", name=column.key, label=column.label)
                )
    return problems


def _cell_problem(
    kind: str, choices: list[str], value: object, unit_ids: frozenset[str]
) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a cell: a code and its parameters, or None."""
    if kind == "date" and not isinstance(value, dt.date):
        return "HB108", {"found": found_phrase(value)}
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        return "HB109", {"found": found_phrase(value)}
    if kind == "unit" and (not isinstance(value, str) or value not in unit_ids):
        return "HB505", {"id": value, "hint": did_you_mean(str(value), unit_ids)}
    if kind == "choice" and value not in choices:
        return "HB111", {"expected": choices, "found": found_phrase(value)}
    if kind == "text" and not isinstance(value, str):
        return "HB105", {"found": found_phrase(value)}
    return None

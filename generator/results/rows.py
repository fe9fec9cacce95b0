"""A round's rows as its page and its downloads write them (600 units a round at M,
a province's 8,000): made in Python, not in a template loop, and kept in this process
by what each row shows, so that a rebuild after one score edit (`handbook serve`, the
benchmark) writes again only the rows that changed.

A unit's scores are kept by identity: the check gives an unchanged unit's scores
dict again (`results.check`), and a kept row holds the dict it was made from, so
that its id is never another dict's. Everything else a row shows is in its key by
value. For each round, only the rows of the last time it was made are kept."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from markupsafe import escape

from generator.core.memory import digest_parts
from generator.core.workbook import CsvCell, csv_line, number_cells
from generator.render.markup import delta, points, score_cells
from generator.results.model import Score
from generator.results.scoring import RoundResult, UnitResult

_Kept = dict[Hashable, tuple[object, str]]  # row key → (what it holds alive, its text)

# (what, round id) → (what every row of it was made with, the rows).
_KEPT: dict[tuple[str, str], tuple[Hashable, _Kept]] = {}

_RIGHT = '<td style="text-align: right;">'


class _Rows:
    """The rows of one table of one round: the kept ones, and the ones made now."""

    def __init__(self, what: str, round_id: str, context: Hashable) -> None:
        self.name = (what, round_id)
        self.context = context
        kept = _KEPT.get(self.name)
        self.old: _Kept = kept[1] if kept is not None and kept[0] == context else {}
        self.new: _Kept = {}

    def row(self, key: Hashable, held: object, make: Callable[[], str]) -> str:
        """The row of `key`: kept, or made by `make()`; `held` is kept alive with it."""
        found = self.new.get(key) or self.old.get(key)
        if found is None:
            found = (held, make())
        self.new[key] = found
        return found[1]

    def keep(self) -> None:
        """Keep the rows made or used now (only them) for the next build."""
        _KEPT[self.name] = (self.context, self.new)


def _criteria(r: RoundResult) -> tuple[str, ...]:
    return tuple(c.id for c in r.rubric.criteria)


def ranking_rows(
    r: RoundResult, labels: Mapping[str, str], here: str, url: Callable[[str], str]
) -> str:
    """The ranking table's rows on the page at `here` (`url`: a unit's id → its link)."""
    yes, no = escape(labels["passed_yes"]), escape(labels["passed_no"])
    missing = f"（{escape(labels['has_missing'])}）"
    rows = _Rows("ranking", r.id, (here, yes, no, missing))

    def row(u: UnitResult) -> str:
        return (
            f'<tr>{_RIGHT}{u.rank}</td><td><a href="{escape(url(u.unit.id))}">'
            f"{escape(u.unit.name)}</a></td>{_RIGHT}{escape(points(u.total))}"
            f"{missing if u.missing else ''}</td><td>{escape(u.grade or '')}</td>"
            f"<td>{yes if u.passed else no}</td>{_RIGHT}{escape(delta(u.delta_total))}</td>"
            f"{_RIGHT}{escape(delta(u.delta_rank))}</td></tr>\n"
        )

    text = "".join(
        rows.row(
            (u.rank, u.unit.id, u.unit.name, u.total, bool(u.missing), u.grade, u.passed)
            + (u.delta_total, u.delta_rank),
            None,
            functools.partial(row, u),
        )
        for u in r.units
    )
    rows.keep()
    return text


def detail_rows(r: RoundResult, not_assessed: str) -> str:
    """The detail table's rows: each unit's name, its score in each criterion, its total."""
    rows = _Rows("detail", r.id, (_criteria(r), not_assessed))

    def cells(scores: dict[str, Score]) -> str:
        return str(score_cells(scores, r.rubric.criteria, not_assessed))

    text = "".join(
        f"<tr><td>{escape(u.unit.name)}</td>"
        f"{rows.row(id(u.scores), u.scores, functools.partial(cells, u.scores))}"
        f"{_RIGHT}{escape(points(u.total))}</td></tr>\n"
        for u in r.units
    )
    rows.keep()
    return text


def explained(r: RoundResult) -> list[tuple[UnitResult, Any, Score]]:
    """The scores listed under a round's table: explained, or not assessed."""
    criteria = r.rubric.criteria
    rows = _Rows("explained", r.id, _criteria(r))
    found = []
    for u in r.units:
        which = rows.row(id(u.scores), u.scores, functools.partial(_explained, u.scores, criteria))
        if which:
            found += [(u, criteria[int(i)], u.scores[criteria[int(i)].id]) for i in which.split()]
    rows.keep()
    return found


def _explained(scores: dict[str, Score], criteria: Sequence[Any]) -> str:
    """The criteria (their places, space-separated) whose score is explained or not assessed."""
    return " ".join(
        str(i)
        for i, c in enumerate(criteria)
        if (s := scores.get(c.id)) is not None and (s.reason or s.evidence or s.points is None)
    )


def json_units(r: RoundResult) -> str:
    """The units of a round's JSON, as `json.dumps` writes the list compactly."""
    rows = _Rows("json", r.id, None)
    text = ",".join(
        rows.row(
            (id(u.scores), u.rank, u.unit.id, u.unit.name, u.total, u.grade, u.passed)
            + (u.delta_total, u.delta_rank),
            u.scores,
            functools.partial(_json_unit, u),
        )
        for u in r.units
    )
    rows.keep()
    return f"[{text}]"


def _json_unit(u: UnitResult) -> str:
    data = {
        "rank": u.rank,
        "unit": u.unit.id,
        "name": u.unit.name,
        "total": u.total,
        "grade": u.grade,
        "passed": u.passed,
        "delta_total": u.delta_total,
        "delta_rank": u.delta_rank,
        "scores": {
            c: {"points": s.points, "reason": s.reason, "evidence": s.evidence}
            for c, s in u.scores.items()
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def csv_rows(r: RoundResult) -> str:
    """The units' lines of a round's CSV (see `downloads.scores_csv`)."""
    criteria = _criteria(r)
    rows = _Rows("csv", r.id, criteria)
    text = "".join(
        rows.row(
            (id(u.scores), u.rank, u.unit.id, u.unit.name, u.total, u.grade, u.passed),
            u.scores,
            functools.partial(_csv_line, u, criteria),
        )
        for u in r.units
    )
    rows.keep()
    return text


def _csv_line(u: UnitResult, criteria: Sequence[str]) -> str:
    cells: list[CsvCell] = [
        ("?" if u.scores[c].points is None else u.scores[c].points) if c in u.scores else ""
        for c in criteria
    ]
    passed = "yes" if u.passed else "no"
    return csv_line([u.rank, u.unit.id, u.unit.name, u.total, u.grade or "", passed, *cells])


class ScoreRuns:
    """A round's scores in its workbook, a row of numbers per unit written in one step
    (`core.workbook._Sheet.write_numbers`), each row's XML kept by its place, its style
    and the unit's scores; `keep()` once the workbook is written."""

    def __init__(self, r: RoundResult) -> None:
        self.criteria = _criteria(r)
        self.rows = _Rows("xlsx", r.id, self.criteria)

    def run(self, row: int, col: int, u: UnitResult) -> Callable[[int], str] | None:
        """The XML of the unit's scores at `row` from `col` on, given their style; None
        when one is missing or not assessed (those rows are written cell by cell)."""
        if u.missing or len(u.scores) != len(self.criteria):
            return None
        scores = u.scores

        def xml(style: int) -> str:
            key = (row, col, style, id(scores))
            return self.rows.row(
                key, scores, functools.partial(_numbers, row, col, u, self.criteria, style)
            )

        return xml

    def keep(self) -> None:
        """Keep the rows written now for the next build."""
        self.rows.keep()


def _numbers(row: int, col: int, u: UnitResult, criteria: Sequence[str], style: int) -> str:
    """A unit's scores (none missing or not assessed) as a row of number cells."""
    points = [u.scores[c].points for c in criteria]
    return number_cells(row, col, [p for p in points if p is not None])(style)


# What unit pages showed of the rounds in the last build of this process: the rounds' ids
# in order; for each round, what it shows besides a unit's row, each unit's row and its
# units (an unchanged round keeps its very units: `scoring._score_again`); for each unit,
# the digest of all it showed and the build that made it (`unit_digests`).
_ORDER: list[str] = []
_ROUND_ROWS: dict[str, tuple[tuple[object, ...], dict[str, tuple[object, ...]], object]] = {}
_UNIT_DIGESTS: dict[str, tuple[int, str]] = {}
_BUILDS = [0]


def unit_digests(scored: Sequence[RoundResult]) -> Callable[[str, Sequence[Any]], str]:
    """The digest of what a unit's page shows of the rounds (its rows: (round, result)
    pairs in `scored`'s order): a unit whose rows did not change since the last build
    keeps its digest, so a score edit compares each round's rows once, not each unit's
    history (1,200 units at M, 76 of them moved by one edit)."""
    heads = {
        id(r): (
            r.id,
            r.loaded.model.title,
            r.loaded.model.period.kind,
            r.loaded.model.period.start,
            len(r.units),
            r.rubric.total,
        )
        for r in scored
    }
    order = [r.id for r in scored]
    changed: set[str] | None = set() if order == _ORDER else None  # None: every unit
    rounds: dict[str, tuple[tuple[object, ...], dict[str, tuple[object, ...]], object]] = {}
    for r in scored:
        head: tuple[object, ...] = heads[id(r)]
        old = _ROUND_ROWS.get(r.id)
        if old is not None and old[2] is r.units and old[0] == head:
            rounds[r.id] = old
            continue
        rows: dict[str, tuple[object, ...]] = {
            u.unit.id: (u.total, u.grade, u.passed, u.rank, u.delta_total) for u in r.units
        }
        if changed is not None and old is not None and old[0] == head:
            changed |= {unit for unit, row in rows.items() if old[1].get(unit) != row}
            changed |= old[1].keys() - rows.keys()
        elif changed is not None:
            changed |= rows.keys() | (old[1].keys() if old is not None else set())
        rounds[r.id] = (head, rows, r.units)
    _ORDER[:] = order
    _ROUND_ROWS.clear()
    _ROUND_ROWS.update(rounds)
    last, build = _BUILDS[0], _BUILDS[0] + 1
    _BUILDS[0] = build

    def digest(unit_id: str, rows: Sequence[Any]) -> str:
        kept = _UNIT_DIGESTS.get(unit_id)
        if changed is None or unit_id in changed or kept is None or kept[0] != last:
            shown = [
                (heads[id(r)], u.total, u.grade, u.passed, u.rank, u.delta_total) for r, u in rows
            ]
            kept = (build, digest_parts(shown))
        _UNIT_DIGESTS[unit_id] = (build, kept[1])
        return kept[1]

    return digest

"""Pure computations on results: totals, grades, pass/fail, ranks with ties,
pass rates, changes against the previous round, overdue rows."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from generator.core.model import band_for
from generator.results.check import CheckedRound
from generator.results.load import LoadedTable
from generator.results.model import Score, Unit
from generator.standards.model import Rubric


@dataclass(frozen=True)
class UnitResult:
    """One unit's result in a round."""

    unit: Unit
    scores: dict[str, Score]
    total: float
    missing: tuple[str, ...]  # criteria not assessed ("?")
    grade: str | None
    passed: bool
    rank: int
    delta_total: float | None  # against the previous round of the series
    delta_rank: int | None  # positive: moved up


@dataclass(frozen=True)
class RoundResult:
    """A round scored: its units by rank, and the round before it in its series."""

    loaded: CheckedRound
    rubric: Rubric
    units: tuple[UnitResult, ...]  # by rank, then name
    previous: RoundResult | None

    @property
    def id(self) -> str:
        """The round's id."""
        return self.loaded.model.id

    @property
    def passed(self) -> int:
        """How many units passed."""
        return sum(1 for u in self.units if u.passed)

    @property
    def pass_rate(self) -> float:
        """The share of units that passed."""
        return self.passed / len(self.units) if self.units else 0.0

    @property
    def mean(self) -> float:
        """The mean total."""
        return sum(u.total for u in self.units) / len(self.units) if self.units else 0.0

    def distribution(self, no_grade: str = "") -> list[tuple[str, int]]:
        """Units per grade band, highest band first; then, named `no_grade`, the units
        that reach no band (every unit is counted: the bars add up to the round's units)."""
        bands = sorted(self.rubric.grades, key=lambda g: -g.min)
        counts = [(b.name, sum(1 for u in self.units if u.grade == b.name)) for b in bands]
        below = sum(1 for u in self.units if u.grade is None)
        return counts + [(no_grade, below)] if below and bands else counts


def competition_ranks(totals: Sequence[float]) -> list[int]:
    """Ranks where ties share a rank and the next rank is skipped: 1, 2, 2, 4."""
    ascending = sorted(totals)
    return [1 + len(ascending) - bisect.bisect_right(ascending, t) for t in totals]


def grade_for(rubric: Rubric, total: float) -> str | None:
    """The highest grade band the total reaches, if any."""
    return band_for(rubric.grades, total)


def score_round(
    r: CheckedRound, units: dict[str, Unit], previous: RoundResult | None
) -> RoundResult:
    """Totals, grades, pass/fail, ranks and changes against `previous`."""
    rubric = r.info.model.rubric
    assert rubric is not None  # checked: a round's rubric edition has one
    ids = list(r.scores)
    totals = [sum(s.points or 0.0 for s in r.scores[u].values()) for u in ids]
    ranks = competition_ranks(totals)
    before = {u.unit.id: u for u in previous.units} if previous else {}
    results = []
    for unit_id, total, rank in zip(ids, totals, ranks, strict=True):
        prior = before.get(unit_id)
        results.append(
            UnitResult(
                units[unit_id],
                r.scores[unit_id],
                total,
                tuple(c for c, s in r.scores[unit_id].items() if s.points is None),
                grade_for(rubric, total),
                total >= rubric.pass_mark,
                rank,
                None if prior is None else total - prior.total,
                None if prior is None else prior.rank - rank,
            )
        )
    results.sort(key=lambda u: (u.rank, u.unit.name))
    return RoundResult(r, rubric, tuple(results), previous)


def score_all(rounds: list[CheckedRound], registry: list[Unit]) -> list[RoundResult]:
    """Every round scored, each series in date order so that it can compare with the one before."""
    units = {u.id: u for u in registry}
    scored: list[RoundResult] = []
    last: dict[str, RoundResult] = {}
    done: dict[int, _Scored] = {}
    for r in sorted(rounds, key=lambda r: (r.model.period.start, r.model.id)):
        result = _score_again(r, units, last.get(r.model.series), done)
        last[r.model.series] = result
        scored.append(result)
    _LAST.clear()
    _LAST.update(done)
    return scored


# A round as the previous scoring in this process left it, by what it was scored from:
# its checked scores (the same dict while `check_results` keeps the round, its rubric
# and the units), the rubric and the units (by identity), the previous round's totals
# and ranks (by value: an edit upstream in a series stops where totals stop moving).
_Scored = tuple[
    dict[str, dict[str, Score]],
    Rubric | None,
    tuple[Unit, ...],
    list[tuple[str, float, int]] | None,
    tuple[UnitResult, ...],
]
_LAST: dict[int, _Scored] = {}


def _score_again(
    r: CheckedRound, units: dict[str, Unit], previous: RoundResult | None, done: dict[int, _Scored]
) -> RoundResult:
    """`score_round`, or its units as they came out last time from the same data."""
    rubric, used = r.info.model.rubric, tuple(units[u] for u in r.scores)
    before = [(u.unit.id, u.total, u.rank) for u in previous.units] if previous else None
    last = _LAST.get(id(r.scores))
    if (
        rubric is not None
        and last is not None
        and last[0] is r.scores
        and last[1] is rubric
        and last[3] == before
        and len(last[2]) == len(used)
        and all(a is b for a, b in zip(last[2], used, strict=True))
    ):
        result = RoundResult(r, rubric, last[4], previous)
    else:
        result = score_round(r, units, previous)
    done[id(r.scores)] = (r.scores, rubric, used, before, result.units)
    return result


def is_overdue(table: LoadedTable, row: dict[str, object], as_of: dt.date) -> bool:
    """Past its deadline on `as_of` and not done."""
    m = table.model
    if m.deadline is None:
        return False
    deadline = row.get(m.deadline)
    done = row.get(m.done) if m.done else None
    return isinstance(deadline, dt.date) and deadline < as_of and done is None

"""Pure computations on composites: each unit's score out of 100 per component, its
weighted contribution, the total, the rank (ties share a rank), grade, and the
change against last year's composite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.composites.check import CheckedComposite
from generator.composites.model import Composite
from generator.core.model import band_for
from generator.results.model import Unit
from generator.results.scoring import RoundResult, competition_ranks


@dataclass(frozen=True)
class Part:
    """One unit's result in one component."""

    score: float | None  # out of 100; None: the unit is missing from the component
    contribution: float | None  # points of the composite total
    rounds: int  # how many of the component's rounds the unit was in


@dataclass(frozen=True)
class CompositeUnit:
    """One unit's composite result: its parts, total, rank and grade."""

    unit: Unit
    parts: tuple[Part, ...]
    total: float | None  # None: left out (missing: exclude)
    rank: int | None
    grade: str | None
    delta_total: float | None
    delta_rank: int | None


@dataclass(frozen=True)
class CompositeResult:
    """A composite scored: its units ranked, and last year's composite."""

    loaded: CheckedComposite
    rounds: tuple[tuple[RoundResult, ...], ...]  # per component
    units: tuple[CompositeUnit, ...]  # ranked first (by rank, then name), then left out
    previous: CompositeResult | None

    @property
    def model(self) -> Composite:
        """The composite as written."""
        return self.loaded.model

    @property
    def ranked(self) -> list[CompositeUnit]:
        """The units with a total (those left out are not ranked)."""
        return [u for u in self.units if u.total is not None]


def _out_of_100(r: RoundResult, unit_id: str) -> float | None:
    for u in r.units:
        if u.unit.id == unit_id:
            return u.total / r.rubric.total * 100 if r.rubric.total else 0.0
    return None


def score_composite(
    c: CheckedComposite,
    scored: Sequence[RoundResult],
    units: Sequence[Unit],
    previous: CompositeResult | None,
) -> CompositeResult:
    """One composite scored from the scored rounds of its components."""
    m = c.model
    by_id = {r.id: r for r in scored}
    rounds = tuple(tuple(by_id[r.model.id] for r in chosen) for chosen in c.rounds)
    members = [u for u in units if u.merged_into is None and (m.kind is None or u.kind == m.kind)]
    rows: list[tuple[Unit, tuple[Part, ...], float | None]] = []
    for unit in members:
        raw: list[tuple[float | None, int]] = []
        for rs in rounds:
            found = [s for r in rs if (s := _out_of_100(r, unit.id)) is not None]
            raw.append((sum(found) / len(found) if found else None, len(found)))
        present = sum(
            part.weight for part, (s, _) in zip(m.components, raw, strict=True) if s is not None
        )
        excluded = m.missing == "exclude" and any(s is None for s, _ in raw)
        parts: list[Part] = []
        for part, (s, n) in zip(m.components, raw, strict=True):
            if s is None:
                parts.append(Part(None, 0.0 if m.missing == "zero" else None, 0))
                continue
            weight = (
                part.weight / present * 100 if m.missing == "reweight" and present else part.weight
            )
            parts.append(Part(s, s * weight / 100, n))
        total = None if excluded or not present else sum(p.contribution or 0.0 for p in parts)
        rows.append((unit, tuple(parts), total))
    ranked = [(u, p, t) for u, p, t in rows if t is not None]
    # Ranks on totals rounded as shown (two decimals): equal on the page, equal in rank.
    ranks = competition_ranks([round(t, 2) for _, _, t in ranked if t is not None])
    before = {u.unit.id: u for u in previous.ranked} if previous else {}
    out = []
    for (unit, shares, total), rank in zip(ranked, ranks, strict=True):
        assert total is not None
        prior = before.get(unit.id)
        out.append(
            CompositeUnit(
                unit,
                shares,
                total,
                rank,
                band_for(m.grades, total),
                None if prior is None or prior.total is None else total - prior.total,
                None if prior is None or prior.rank is None else prior.rank - rank,
            )
        )
    out.sort(key=lambda u: (u.rank or 0, u.unit.name))
    left = [CompositeUnit(u, p, None, None, None, None, None) for u, p, t in rows if t is None]
    return CompositeResult(c, rounds, (*out, *sorted(left, key=lambda u: u.unit.name)), previous)


def score_composites(
    loaded: Sequence[CheckedComposite], scored: Sequence[RoundResult], units: Sequence[Unit]
) -> list[CompositeResult]:
    """Every composite, earlier periods first, so that each can compare with its `previous`."""
    done: dict[str, CompositeResult] = {}
    for c in sorted(loaded, key=lambda c: (c.model.period.start, c.model.id)):
        prev = done.get(c.model.previous) if c.model.previous else None
        done[c.model.id] = score_composite(c, scored, units, prev)
    return list(done.values())

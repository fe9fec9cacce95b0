"""Checks of the composites against the rounds, the series and the units. A checked
composite is a new record: the checked rounds each component is made of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.composites.load import LoadedComposite
from generator.composites.model import Composite
from generator.core.documents import Document
from generator.errors import Problem, did_you_mean
from generator.results.check import CheckedRound
from generator.results.model import Unit
from generator.standards.catalog import Catalog
from generator.standards.model import pinned_form, pinned_ref, walk_clauses


@dataclass(frozen=True)
class CheckedComposite:
    """A composite whose components were found: the rounds of each, in period order."""

    loaded: LoadedComposite
    rounds: tuple[tuple[CheckedRound, ...], ...]  # per component

    @property
    def doc(self) -> Document:
        """The composite's document (for places)."""
        return self.loaded.doc

    @property
    def model(self) -> Composite:
        """The composite as written."""
        return self.loaded.model


def check_composites(
    composites: Sequence[LoadedComposite],
    rounds: Sequence[CheckedRound],
    units: Sequence[Unit],
    catalog: Catalog,
) -> tuple[list[CheckedComposite], list[Problem]]:
    """Every composite checked: its weights, method, components and the units it covers."""
    by_id = {r.model.id: r for r in rounds}
    ids = [c.model.id for c in composites]
    checked, problems = [], list[Problem]()
    for c in composites:
        parts, found = _check(c, by_id, units, catalog, ids)
        problems += found
        checked.append(CheckedComposite(c, parts))
    return checked, problems


def _check(
    c: LoadedComposite,
    rounds: dict[str, CheckedRound],
    registry: Sequence[Unit],
    catalog: Catalog,
    ids: list[str],
) -> tuple[tuple[tuple[CheckedRound, ...], ...], list[Problem]]:
    m, doc, problems = c.model, c.doc, list[Problem]()
    if ids.count(m.id) > 1:
        problems.append(doc.problem(("id",), f"the composite id '{m.id}' is used twice"))
    edition = catalog.editions.get(pinned_ref(m.method))
    if edition is None:
        refs = sorted(pinned_form(e) for e in catalog.editions)
        problems.append(
            doc.problem(
                ("method",), f"there is no edition '{m.method}'{did_you_mean(m.method, refs)}"
            )
        )
    elif m.method_clause is not None:
        clauses = {clause.id for clause, _ in walk_clauses(edition.model)}
        if m.method_clause not in clauses:
            problems.append(
                doc.problem(
                    ("method_clause",),
                    f"there is no clause '{m.method_clause}' in {m.method}{did_you_mean(m.method_clause, clauses)}",
                )
            )
    total = sum(part.weight for part in m.components)
    if abs(total - 100) > 1e-9:
        problems.append(
            doc.problem(("components",), f"the weights add up to {total:g} %, not 100 %", key=True)
        )
    if m.previous is not None and m.previous not in ids:
        problems.append(
            doc.problem(
                ("previous",),
                f"there is no composite '{m.previous}'{did_you_mean(m.previous, ids)}",
            )
        )
    series_ids = sorted({r.model.series for r in rounds.values()})
    parts: list[tuple[CheckedRound, ...]] = []
    for k, part in enumerate(m.components):
        loc = ("components", k)
        chosen: list[CheckedRound] = []
        if part.round is not None:
            r = rounds.get(part.round)
            if r is None:
                problems.append(
                    doc.problem(
                        (*loc, "round"),
                        f"there is no round '{part.round}'{did_you_mean(part.round, rounds)}",
                    )
                )
            elif not (
                m.period.start <= r.model.period.start and r.model.period.end <= m.period.end
            ):
                problems.append(
                    doc.problem(
                        (*loc, "round"),
                        f"the round {part.round} ({r.model.period.start} to {r.model.period.end}) falls outside the composite's period ({m.period.start} to {m.period.end})",
                    )
                )
            else:
                chosen = [r]
        elif part.series is not None:
            if part.series not in series_ids:
                problems.append(
                    doc.problem(
                        (*loc, "series"),
                        f"there is no series '{part.series}'{did_you_mean(part.series, series_ids)}",
                    )
                )
            else:
                chosen = sorted(
                    (
                        r
                        for r in rounds.values()
                        if r.model.series == part.series
                        and m.period.start <= r.model.period.start
                        and r.model.period.end <= m.period.end
                    ),
                    key=lambda r: (r.model.period.start, r.model.id),
                )
                if not chosen:
                    problems.append(
                        doc.problem(
                            (*loc, "series"),
                            f"the series '{part.series}' has no round within {m.period.start} to {m.period.end}",
                        )
                    )
        parts.append(tuple(chosen))
    covered = {u for chosen in parts for r in chosen for u in r.scores}
    units = [u for u in registry if u.merged_into is None and (m.kind is None or u.kind == m.kind)]
    if m.kind is not None and not units:
        problems.append(doc.problem(("kind",), f"no unit is of the kind '{m.kind}'"))
    outside = [u.id for u in units if u.id not in covered]
    if outside and not problems:
        problems.append(
            doc.problem(
                ("components",),
                f"{len(outside)} unit(s) appear in no component: {', '.join(outside)}; score them in a round, or limit the composite to a kind of unit with 'kind:'",
                key=True,
            )
        )
    return tuple(parts), problems

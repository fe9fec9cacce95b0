"""Read `content/results/series.yml` and `content/results/composites/*.yml`, and
check them against the rounds and units (every problem located)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.check import walk_clauses
from generator.compute import Catalog
from generator.errors import Problem, did_you_mean
from generator.loader import Document
from generator.models.composite import Composite
from generator.models.series import Series, SeriesFile
from generator.repository import inside
from generator.results import RESULTS, LoadedRound, Results
from generator.validate import load_typed

SERIES_FILE = f"{RESULTS}/series.yml"


@dataclass
class LoadedComposite:
    doc: Document
    model: Composite
    rounds: list[list[LoadedRound]] = field(default_factory=list)  # per component, once checked


@dataclass
class Composites:
    series: list[Series] = field(default_factory=list)
    series_doc: Document | None = None
    composites: list[LoadedComposite] = field(default_factory=list)

    def series_name(self, series_id: str) -> str:
        return next((s.name for s in self.series if s.id == series_id), series_id)


def load_composites(root: Path) -> tuple[Composites, list[Problem]]:
    out, problems = Composites(), list[Problem]()
    path = root / SERIES_FILE
    if path.is_file():
        doc, data, found = load_typed(path, SERIES_FILE, SeriesFile)
        problems += found
        if doc is not None and data is not None:
            out.series, out.series_doc = list(data.series), doc
    base = root / RESULTS / "composites"
    if base.is_dir():
        for p in sorted(base.glob("*.yml")):
            if not inside(root, p):
                continue
            rel = p.relative_to(root).as_posix()
            doc, model, found = load_typed(p, rel, Composite)
            problems += found
            if doc is not None and model is not None:
                out.composites.append(LoadedComposite(doc, model))
    return out, problems


def check_composites(data: Composites, results: Results, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    known_series = {s.id for s in data.series}
    if data.series_doc is not None:
        seen: set[str] = set()
        for k, s in enumerate(data.series):
            if s.id in seen:
                problems.append(
                    data.series_doc.problem(
                        ("series", k, "id"), f"the series '{s.id}' is named twice"
                    )
                )
            seen.add(s.id)
        for r in results.rounds:
            if r.model.series not in known_series:
                problems.append(
                    r.doc.problem(
                        ("series",),
                        f"there is no series '{r.model.series}' in {SERIES_FILE}; add it there with its name{did_you_mean(r.model.series, known_series)}",
                    )
                )
    rounds = {r.model.id: r for r in results.rounds}
    ids = [c.model.id for c in data.composites]
    for c in data.composites:
        problems += _check(c, rounds, results, catalog, ids)
    return problems


def _check(
    c: LoadedComposite,
    rounds: dict[str, LoadedRound],
    results: Results,
    catalog: Catalog,
    ids: list[str],
) -> list[Problem]:
    m, doc, problems = c.model, c.doc, list[Problem]()
    if ids.count(m.id) > 1:
        problems.append(doc.problem(("id",), f"the composite id '{m.id}' is used twice"))
    ref = m.method.replace("@", "/")
    edition = catalog.editions.get(ref)
    if edition is None:
        refs = sorted(e.replace("/", "@") for e in catalog.editions)
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
    c.rounds = []
    for k, part in enumerate(m.components):
        loc = ("components", k)
        chosen: list[LoadedRound] = []
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
        c.rounds.append(chosen)
    covered = {u for chosen in c.rounds for r in chosen for u in r.scores}
    units = [
        u for u in results.units if u.merged_into is None and (m.kind is None or u.kind == m.kind)
    ]
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
    return problems

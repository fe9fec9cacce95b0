"""Pages and downloads for results: rounds, units, ledgers and task lists.
Private tables and columns are dropped here, before anything is written."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator import layout
from generator.layout import RESULTS_INDEX, UNITS_INDEX, round_path, table_path, unit_path
from generator.render.renderer import Page, Renderer
from generator.results import charts
from generator.results import rows as rows_module
from generator.results.derived import Assessment, Standing
from generator.results.downloads import DOWNLOADS, TABLE_DOWNLOADS, WITH_CHANGES
from generator.results.load import LoadedTable, Results, public_columns, public_tables
from generator.results.model import Unit
from generator.results.scoring import RoundResult, UnitResult, is_overdue
from generator.standards.catalog import Catalog
from generator.standards.model import pinned_ref
from generator.standards.pages import rubric_dep


def short_label(result: RoundResult) -> str:
    """A round's period in a few characters, for chart axes: 2023, 2025Q2, 2025-07."""
    p = result.loaded.model.period
    if p.kind == "季":
        return f"{p.start.year}Q{(p.start.month - 1) // 3 + 1}"
    if p.kind == "月":
        return f"{p.start.year}-{p.start.month:02d}"
    return str(p.start.year)


@dataclass(frozen=True)
class _Scope:
    """What every results page is made with."""

    renderer: Renderer
    catalog: Catalog
    results: Results
    by_id: dict[str, Unit]
    units_file: list[str]  # the registry's file, when there is one

    def round_deps(self, r: RoundResult, *, previous: bool = True) -> list[str]:
        """A round's results: its file, the units, the rubric and (unless not shown,
        `previous`) what it shows of the previous round: its title and the changes."""
        return [
            r.loaded.doc.path,
            *(
                [self.renderer.part(f"previous:{r.id}", functools.partial(_changes, r))]
                if previous and r.previous
                else []
            ),
            *self.units_file,
            rubric_dep(self.renderer, self.catalog, pinned_ref(r.loaded.model.rubric)),
        ]

    def overdue(self, table: LoadedTable, row: dict[str, object]) -> bool:
        """Whether a row is past its deadline on the as-of day and not done."""
        return is_overdue(table, row, self.catalog.as_of)


Files = dict[str, str | bytes | None]


def results_pages(
    renderer: Renderer,
    catalog: Catalog,
    results: Results,
    scored: list[RoundResult],
    *,
    composites: Sequence[Assessment] = (),
    unit_composites: Callable[[str], Sequence[Standing]] = lambda unit_id: (),
) -> tuple[list[Page], Files]:
    """The results' pages, and their downloads (None: the previous build's is right).
    `composites` and `unit_composites` (a unit's rows in them) come from the composites,
    which are made from these results."""
    pages: list[Page] = []
    files: Files = {}
    tables = public_tables(results)
    if not scored and not tables:
        return pages, files
    units_file = [results.units_doc.path] if results.units_doc else []
    scope = _Scope(renderer, catalog, results, {u.id: u for u in results.units}, units_file)
    pages.append(
        renderer.page(
            RESULTS_INDEX,
            renderer.labels["results"],
            lambda: renderer.render(
                "results_index.html.j2",
                RESULTS_INDEX,
                scored=scored,
                tables=tables,
                round_path=round_path,
                table_path=table_path,
                units_index=UNITS_INDEX,
                series_name=results.series_name,
                composites=composites,
            ),
            in_nav=True,
        )
    )
    pages += _round_pages(scope, scored, files)
    pages += _unit_pages(scope, scored, tables, unit_composites)
    pages += _table_pages(scope, tables, files)
    return pages, files


def _round_pages(scope: _Scope, scored: list[RoundResult], files: Files) -> list[Page]:
    """Each round's page, and its downloads into `files`."""
    renderer, pages = scope.renderer, []
    for r in scored:
        path = round_path(r.id)
        pages.append(
            renderer.page(
                path,
                r.loaded.model.title,
                functools.partial(_round_page, renderer, r, path),
                deps=scope.round_deps(r),
                source=r.loaded.doc.path,
            )
        )
        for name, make in DOWNLOADS.items():
            download = layout.round_download(r.id, name)
            deps = scope.round_deps(r, previous=name in WITH_CHANGES)
            files[download] = renderer.file(download, functools.partial(make, r), deps)
    return pages


def _unit_pages(
    scope: _Scope,
    scored: list[RoundResult],
    tables: list[LoadedTable],
    unit_composites: Callable[[str], Sequence[Standing]],
) -> list[Page]:
    """Each unit's page (its history, open ledger items, composites), then the units index."""
    renderer, units_file, pages = scope.renderer, scope.units_file, []
    history: dict[str, list[tuple[RoundResult, UnitResult]]] = {}
    for r in scored:
        for u in r.units:
            history.setdefault(u.unit.id, []).append((r, u))
    open_items: dict[str, list[tuple[LoadedTable, dict[str, object]]]] = {}
    for t in tables:
        unit_keys = [c.key for c in public_columns(t) if c.type == "unit"]
        for row in t.model.rows:
            finished = t.model.done is not None and row.get(t.model.done) is not None
            for key in unit_keys:
                if not finished and isinstance(row.get(key), str):
                    open_items.setdefault(str(row[key]), []).append((t, row))
    units = sorted(scope.results.units, key=lambda u: u.id)
    unit_shown = rows_module.unit_digests(scored)  # what each unit's page shows of the rounds
    for unit in units:
        path = unit_path(unit.id)
        rows = history.get(unit.id, [])
        items = open_items.get(unit.id, [])
        combined = tuple(unit_composites(unit.id))
        deps = [
            *units_file,
            *(
                [renderer.part(f"composites:{unit.id}", functools.partial(lambda c: c, combined))]
                if combined
                else []
            ),
            *(
                [renderer.part(f"results:{unit.id}", functools.partial(unit_shown, unit.id, rows))]
                if rows
                else []
            ),
            *(t.doc.path for t, _ in items),
        ]
        pages.append(
            renderer.page(
                path,
                unit.name,
                functools.partial(
                    _unit_page,
                    renderer,
                    unit,
                    rows,
                    path,
                    items=items,
                    composites=combined,
                    units=scope.by_id,
                    round_path=round_path,
                    table_path=table_path,
                    unit_path=unit_path,
                    is_overdue=scope.overdue,
                ),
                deps=deps,
                source=units_file[0] if units_file else None,
            )
        )
    latest = {u.unit.id: (r, u) for r in scored for u in r.units}
    shown = renderer.part("units:latest", functools.partial(_latest_shown, latest))
    pages.append(
        renderer.page(
            UNITS_INDEX,
            renderer.labels["units"],
            lambda: renderer.render(
                "units_index.html.j2",
                UNITS_INDEX,
                units=units,
                latest=latest,
                unit_path=unit_path,
                round_path=round_path,
            ),
            deps=[*units_file, shown],  # every unit's latest round, total and rank
        )
    )
    return pages


def _table_pages(scope: _Scope, tables: list[LoadedTable], files: Files) -> list[Page]:
    """Each public ledger's or task list's page, and its downloads into `files`."""
    renderer, pages = scope.renderer, []
    for t in tables:
        path = table_path(t.model.id)
        deps = [t.doc.path, *scope.units_file]
        pages.append(
            renderer.page(
                path,
                t.model.title,
                functools.partial(
                    renderer.render,
                    "table.html.j2",
                    path,
                    t=t,
                    m=t.model,
                    columns=public_columns(t),
                    units=scope.by_id,
                    unit_path=unit_path,
                    is_overdue=scope.overdue,
                ),
                deps=deps,
                source=t.doc.path,
            )
        )
        for name, make_table in TABLE_DOWNLOADS.items():
            download = layout.table_download(t.model.id, name)
            files[download] = renderer.file(
                download, functools.partial(make_table, t, scope.by_id), deps
            )
    return pages


def _changes(r: RoundResult) -> tuple[object, ...]:
    """What a round's page and JSON show of the previous round: its title, the changes."""
    previous = r.previous.loaded.model.title if r.previous else None
    return (previous, [(u.unit.id, u.delta_total, u.delta_rank) for u in r.units])


def _latest_shown(latest: dict[str, tuple[RoundResult, UnitResult]]) -> list[tuple[object, ...]]:
    """What the units index shows of the rounds: each unit's latest round and place in it."""
    return [
        (unit_id, r.id, r.loaded.model.title, u.total, u.rank, len(r.units))
        for unit_id, (r, u) in sorted(latest.items())
    ]


def _round_page(renderer: Renderer, r: RoundResult, path: str) -> str:
    chart = charts.bar_chart(
        renderer.labels["chart_distribution"].format(title=r.loaded.model.title),
        r.distribution(renderer.labels["grade_none"]),
        renderer.labels["chart_units"],
    )
    url = renderer.helpers(path)["url"]
    return renderer.render(
        "round.html.j2",
        path,
        r=r,
        m=r.loaded.model,
        chart=Markup(chart),
        # Scores that are explained, or not assessed, are listed under the table.
        reasons=rows_module.explained(r),
        # The two tables' rows, 600 each at M: made in Python, kept per row (`rows`).
        ranking=Markup(
            rows_module.ranking_rows(r, renderer.labels, path, lambda unit: url(unit_path(unit)))
        ),
        detail=Markup(rows_module.detail_rows(r, renderer.labels["not_assessed"])),
        unit_path=unit_path,
        round_path=round_path,
    )


def _unit_page(
    renderer: Renderer,
    unit: Unit,
    rows: list[tuple[RoundResult, UnitResult]],
    path: str,
    **context: object,
) -> str:
    trend = (
        charts.line_chart(
            renderer.labels["chart_trend"].format(name=unit.name),
            [(short_label(r), u.total) for r, u in rows],
            0,
            max((r.rubric.total for r, _ in rows), default=100),
        )
        if rows
        else ""
    )
    return renderer.render(
        "unit.html.j2", path, unit=unit, rows=rows, chart=Markup(trend), **context
    )

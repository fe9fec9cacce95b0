"""Pages and downloads for results: rounds, units, ledgers and task lists.
Private tables and columns are dropped here, before anything is written."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator import charts
from generator.models.results import Column, Unit
from generator.results import LoadedTable, Results
from generator.scoring import RoundResult, UnitResult, is_overdue
from generator.sheets import downloads

if TYPE_CHECKING:
    from generator.render import Page, Renderer

RESULTS_INDEX = "results/index.md"
UNITS_INDEX = "results/units/index.md"


def round_path(round_id: str) -> str:
    return f"results/{round_id}/index.md"


def unit_path(unit_id: str) -> str:
    return f"results/units/{unit_id}/index.md"


def table_path(table_id: str) -> str:
    return f"results/tables/{table_id}/index.md"


def public_tables(results: Results) -> list[LoadedTable]:
    return [t for t in results.tables if not t.model.private]


def public_columns(table: LoadedTable) -> list[Column]:
    return [c for c in table.model.columns if not c.private]


def short_label(result: RoundResult) -> str:
    """A round's period in a few characters, for chart axes: 2023, 2025Q2, 2025-07."""
    p = result.loaded.model.period
    if p.kind == "季":
        return f"{p.start.year}Q{(p.start.month - 1) // 3 + 1}"
    if p.kind == "月":
        return f"{p.start.year}-{p.start.month:02d}"
    return str(p.start.year)


def _csv(result: RoundResult) -> str:
    criteria = [c.id for c in result.rubric.criteria]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "unit_id", "unit", "total", "grade", "passed", *criteria])
    for u in result.units:
        cells = [
            ("?" if u.scores[c].points is None else f"{u.scores[c].points:g}")
            if c in u.scores
            else ""
            for c in criteria
        ]
        writer.writerow(
            [
                u.rank,
                u.unit.id,
                u.unit.name,
                f"{u.total:g}",
                u.grade or "",
                "yes" if u.passed else "no",
                *cells,
            ]
        )
    return "\ufeff" + out.getvalue()  # a BOM so that spreadsheet programs read the Chinese right


def _json(result: RoundResult) -> str:
    m = result.loaded.model
    data = {
        "round": m.id,
        "series": m.series,
        "title": m.title,
        "rubric": m.rubric,
        "period": {"kind": m.period.kind, "start": str(m.period.start), "end": str(m.period.end)},
        "assessed": str(m.assessed),
        "published": str(m.published),
        "assessor": m.assessor,
        "total_points": result.rubric.total,
        "pass_mark": result.rubric.pass_mark,
        "pass_rate": round(result.pass_rate, 4),
        "mean": round(result.mean, 2),
        "units": [
            {
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
            for u in result.units
        ],
    }
    # Compact: the C encoder is used only without indentation (seconds at 10,000 pages).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def results_pages(
    renderer: Renderer,
    results: Results,
    scored: list[RoundResult],
    *,
    series_name: Callable[[str], str] = str,
    composites: Sequence[object] = (),
    unit_composites: Callable[[str], tuple[tuple[object, ...], ...]] = lambda unit_id: (),
) -> tuple[list[Page], dict[str, str | bytes | None]]:
    labels, as_of = renderer.labels, renderer.catalog.as_of
    pages: list[Page] = []
    files: dict[str, str | bytes | None] = {}
    if not scored and not public_tables(results):
        return pages, files
    tables = public_tables(results)
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
    units_file = [results.units_doc.path] if results.units_doc else []

    def round_deps(r: RoundResult) -> list[str]:
        """A round's results: its file, the previous round's (deltas), the units, the rubric."""
        return [
            r.loaded.doc.path,
            *([r.previous.loaded.doc.path] if r.previous else []),
            *units_file,
            renderer.rubric_dep(r.loaded.model.rubric.replace("@", "/")),
        ]

    pages.append(
        renderer.page(
            RESULTS_INDEX,
            labels["results"],
            lambda: renderer.render(
                "results_index.html.j2",
                RESULTS_INDEX,
                scored=scored,
                tables=tables,
                round_path=round_path,
                table_path=table_path,
                units_index=UNITS_INDEX,
                series_name=series_name,
                composites=composites,
                composite_path=lambda i: f"results/composites/{i}/index.md",
            ),
            in_nav=True,
        )
    )
    for r in scored:
        path = round_path(r.id)
        pages.append(
            renderer.page(
                path,
                r.loaded.model.title,
                functools.partial(_round_page, renderer, r, path),
                deps=round_deps(r),
                source=r.loaded.doc.path,
            )
        )
        makers: tuple[tuple[str, Callable[[RoundResult], str | bytes]], ...] = (
            ("scores.csv", _csv),
            ("scores.json", _json),
            ("scores.xlsx", downloads.round_xlsx),
        )
        for name, make in makers:
            files[f"results/{r.id}/{name}"] = renderer.file(
                f"results/{r.id}/{name}", functools.partial(make, r), round_deps(r)
            )
    by_id = {u.id: u for u in results.units}
    for unit in sorted(results.units, key=lambda u: u.id):
        path = unit_path(unit.id)
        rows = history.get(unit.id, [])
        items = open_items.get(unit.id, [])
        combined = unit_composites(unit.id)  # (path, title, total, rank, of, grade, delta) each
        deps = [
            *units_file,
            *([renderer.part(f"composites:{unit.id}", combined)] if combined else []),
            *(renderer.part(f"result:{r.id}:{unit.id}", _row_shown(r, u)) for r, u in rows),
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
                    units=by_id,
                    round_path=round_path,
                    table_path=table_path,
                    unit_path=unit_path,
                    is_overdue=lambda t, row: is_overdue(t, row, as_of),
                ),
                deps=deps,
                source=units_file[0] if units_file else None,
            )
        )
    latest = {u.unit.id: (r, u) for r in scored for u in r.units}
    pages.append(
        renderer.page(
            UNITS_INDEX,
            labels["units"],
            lambda: renderer.render(
                "units_index.html.j2",
                UNITS_INDEX,
                units=sorted(results.units, key=lambda u: u.id),
                latest=latest,
                unit_path=unit_path,
                round_path=round_path,
            ),
            # every unit's latest total and rank
            deps=[*units_file, *(d for r in scored for d in round_deps(r))],
        )
    )
    for t in tables:
        path = table_path(t.model.id)
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
                    units=by_id,
                    unit_path=unit_path,
                    is_overdue=lambda t, row: is_overdue(t, row, as_of),
                ),
                deps=[t.doc.path, *units_file],
                source=t.doc.path,
            )
        )
        table_files: tuple[tuple[str, Callable[[], str | bytes]], ...] = (
            ("rows.csv", functools.partial(downloads.table_csv, t, by_id)),
            ("rows.json", functools.partial(downloads.table_json, t)),
            ("rows.xlsx", functools.partial(downloads.table_xlsx, t, by_id)),
        )
        for name, make_file in table_files:
            rel = f"results/tables/{t.model.id}/{name}"
            files[rel] = renderer.file(rel, make_file, [t.doc.path, *units_file])
    return pages, files


def _row_shown(r: RoundResult, u: UnitResult) -> tuple[object, ...]:
    """What a unit's page shows of one round: a score edit elsewhere in the
    round re-renders only the units whose row it changes (their rank, say)."""
    m = r.loaded.model
    return (
        m.title,
        m.period.kind,
        m.period.start,
        len(r.units),
        r.rubric.total,
        u.total,
        u.grade,
        u.passed,
        u.rank,
        u.delta_total,
    )


def _round_page(renderer: Renderer, r: RoundResult, path: str) -> str:
    chart = charts.bar_chart(
        renderer.labels["chart_distribution"].format(title=r.loaded.model.title),
        r.distribution(),
        renderer.labels["chart_units"],
    )
    # Scores that are explained, or not assessed, are listed under the table.
    reasons = [
        (u, c, s)
        for u in r.units
        for c in r.rubric.criteria
        if (s := u.scores.get(c.id)) is not None and (s.reason or s.evidence or s.points is None)
    ]
    return renderer.render(
        "round.html.j2",
        path,
        r=r,
        m=r.loaded.model,
        chart=Markup(chart),
        reasons=reasons,
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

"""The composite's page, its stacked bar chart (SVG made at build time) and its
CSV, JSON and XLSX downloads."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from generator.charts import GRID, INK
from generator.composites.score import CompositeResult
from generator.sheets.workbook import workbook

if TYPE_CHECKING:
    from generator.render import Page, Renderer

COLOURS = ("#a31515", "#1f5fa8", "#4d6b1f", "#6b3fa0", "#8a5a00")


def composite_path(composite_id: str) -> str:
    return f"results/composites/{composite_id}/index.md"


def stacked_chart(title: str, c: CompositeResult) -> str:
    """Horizontal bars, one a unit, each made of its components' contributions; the
    total printed at the end and every value in the description (nothing by colour alone)."""
    names = [part.name for part in c.model.components]
    rows = c.ranked
    left, right, top, bar, gap = 132, 56, 34 + 22 * ((len(names) + 2) // 3), 18, 6
    width = 640
    plot = width - left - right
    height = top + len(rows) * (bar + gap) + 28
    body = []
    for i, name in enumerate(names):
        lx, ly = 8 + (i % 3) * 210, 18 + 22 * (i // 3)
        body.append(
            f'<rect x="{lx}" y="{ly - 12}" width="14" height="14" fill="{COLOURS[i % 5]}"/>'
        )
        body.append(
            f'<text x="{lx + 20}" y="{ly}" font-size="14" fill="{INK}">{escape(name)}（{c.model.components[i].weight:g}%）</text>'
        )
    for tick in (0, 25, 50, 75, 100):
        tx = left + plot * tick / 100
        body.append(
            f'<line x1="{tx:.1f}" y1="{top - 4}" x2="{tx:.1f}" y2="{height - 24}" stroke="{GRID}"/>'
        )
        body.append(
            f'<text x="{tx:.1f}" y="{height - 8}" text-anchor="middle" font-size="13" fill="{INK}">{tick}</text>'
        )
    desc = []
    for k, u in enumerate(rows):
        y = top + k * (bar + gap)
        body.append(
            f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end" font-size="14" fill="{INK}">{escape(u.unit.name)}</text>'
        )
        x = float(left)
        for i, p in enumerate(u.parts):
            w = plot * (p.contribution or 0.0) / 100
            if w > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{COLOURS[i % 5]}"/>'
                )
            x += w
        body.append(
            f'<text x="{x + 4:.1f}" y="{y + bar - 4}" font-size="14" fill="{INK}">{u.total or 0:.1f}</text>'
        )
        shares = "，".join(
            f"{n} {p.contribution:.1f}"
            for n, p in zip(names, u.parts, strict=True)
            if p.contribution is not None
        )
        desc.append(f"{u.unit.name} {u.total or 0:.1f}（{shares}）")
    return (
        f'<svg class="hb-chart hb-chart-stacked" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape('；'.join(desc))}</desc>"
        + "".join(body)
        + "</svg>"
    )


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _csv(c: CompositeResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    parts = [p.name for p in c.model.components]
    writer.writerow(
        [
            "rank",
            "unit_id",
            "unit",
            "total",
            "grade",
            *(f"{n} 得分" for n in parts),
            *(f"{n} 贡献" for n in parts),
        ]
    )
    for u in c.units:
        writer.writerow(
            [
                u.rank or "",
                u.unit.id,
                u.unit.name,
                _num(u.total),
                u.grade or "",
                *(_num(p.score) for p in u.parts),
                *(_num(p.contribution) for p in u.parts),
            ]
        )
    return "\ufeff" + out.getvalue()


def _json(c: CompositeResult) -> str:
    m = c.model
    data = {
        "composite": m.id,
        "title": m.title,
        "method": m.method,
        "period": {"start": str(m.period.start), "end": str(m.period.end)},
        "missing": m.missing,
        "components": [
            {
                "name": part.name,
                "weight": part.weight,
                "rounds": [r.id for r in rounds],
            }
            for part, rounds in zip(m.components, c.rounds, strict=True)
        ],
        "units": [
            {
                "rank": u.rank,
                "unit": u.unit.id,
                "name": u.unit.name,
                "total": None if u.total is None else round(u.total, 4),
                "grade": u.grade,
                "delta_total": None if u.delta_total is None else round(u.delta_total, 4),
                "delta_rank": u.delta_rank,
                "parts": [
                    {
                        "score": None if p.score is None else round(p.score, 4),
                        "contribution": None
                        if p.contribution is None
                        else round(p.contribution, 4),
                        "rounds": p.rounds,
                    }
                    for p in u.parts
                ],
            }
            for u in c.units
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _xlsx(c: CompositeResult) -> bytes:
    m = c.model
    with workbook(m.published, m.title) as (book, f, out):
        sheet = book.add_worksheet("综合考评")
        parts = [p.name for p in m.components]
        headers = ["名次", "单位编号", "单位名称", "综合得分", "等级"]
        headers += [f"{n}得分" for n in parts] + [
            f"{n}贡献（{p.weight:g}%）" for n, p in zip(parts, m.components, strict=True)
        ]
        sheet.write_row(0, 0, headers, f.header)
        sheet.set_row(0, 48)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, 2, 20)
        sheet.set_column(3, len(headers) - 1, 12)
        numbers = book.add_format({"font_name": "宋体", "num_format": "0.00"})
        for row, u in enumerate(c.units, start=1):
            if u.rank is not None:
                sheet.write_number(row, 0, u.rank, f.number)
            sheet.write_string(row, 1, u.unit.id, f.ids)
            sheet.write_string(row, 2, u.unit.name, f.text)
            if u.total is not None:
                sheet.write_number(row, 3, round(u.total, 2), numbers)
            sheet.write_string(row, 4, u.grade or "", f.text)
            values = [p.score for p in u.parts] + [p.contribution for p in u.parts]
            for col, value in enumerate(values, start=5):
                if value is not None:
                    sheet.write_number(row, col, round(value, 2), numbers)
        sheet.freeze_panes(1, 3)
        sheet.autofilter(0, 0, max(len(c.units), 1), len(headers) - 1)
    return out.getvalue()


def composite_pages(
    renderer: Renderer,
    composites: list[CompositeResult],
    series_name: Callable[[str], str],
    sources: list[str],
) -> tuple[list[Page], dict[str, str | bytes | None]]:
    from generator.render_results import round_path, unit_path

    pages: list[Page] = []
    files: dict[str, str | bytes | None] = {}
    for c in composites:
        path = composite_path(c.model.id)
        deps = [
            c.loaded.doc.path,
            *(r.loaded.doc.path for rs in c.rounds for r in rs),
            *((c.previous.loaded.doc.path,) if c.previous else ()),
            *(
                d
                for rs in c.rounds
                for r in rs
                for d in (renderer.rubric_dep(r.loaded.model.rubric.replace("@", "/")),)
            ),
            renderer.catalog.editions[c.model.method.replace("@", "/")].loaded.path,
            *sources,  # the units and the series' names
        ]
        pages.append(
            renderer.page(
                path,
                c.model.title,
                functools.partial(_page, renderer, c, path, series_name, round_path, unit_path),
                deps=deps,
                source=c.loaded.doc.path,
            )
        )
        makers: tuple[tuple[str, Callable[[CompositeResult], str | bytes]], ...] = (
            ("composite.csv", _csv),
            ("composite.json", _json),
            ("composite.xlsx", _xlsx),
        )
        for name, make in makers:
            rel = f"results/composites/{c.model.id}/{name}"
            files[rel] = renderer.file(rel, functools.partial(make, c), deps)
    return pages, files


def _page(
    renderer: Renderer,
    c: CompositeResult,
    path: str,
    series_name: Callable[[str], str],
    round_path: Callable[[str], str],
    unit_path: Callable[[str], str],
) -> str:
    ref = c.model.method.replace("@", "/")
    edition = renderer.catalog.editions[ref].model
    chart = stacked_chart(renderer.labels["composite_chart"].format(title=c.model.title), c)
    return renderer.render(
        "composite.html.j2",
        path,
        c=c,
        m=c.model,
        e=edition,
        chart=Markup(chart),
        series_name=series_name,
        round_path=round_path,
        unit_path=unit_path,
        composite_path=composite_path,
    )


def unit_rows(composites: list[CompositeResult], unit_id: str) -> tuple[tuple[object, ...], ...]:
    """What a unit's page shows of each composite: (page, title, total, rank, of, grade, change)."""
    rows = []
    for c in composites:
        for u in c.units:
            if u.unit.id == unit_id:
                rows.append(
                    (
                        composite_path(c.model.id),
                        c.model.title,
                        None if u.total is None else round(u.total, 2),
                        u.rank,
                        len(c.ranked),
                        u.grade,
                        None if u.delta_total is None else round(u.delta_total, 2),
                    )
                )
    return tuple(rows)

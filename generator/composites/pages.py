"""The composite's page, its stacked bar chart (SVG made at build time) and its
CSV, JSON and XLSX downloads."""

from __future__ import annotations

import functools
from collections.abc import Callable

from markupsafe import Markup, escape

from generator import layout
from generator.composites.downloads import DOWNLOADS
from generator.composites.score import CompositeResult
from generator.layout import composite_path, round_path, unit_path
from generator.render.renderer import Page, Renderer
from generator.results.charts import GRID, INK
from generator.results.derived import Assessment, Standing
from generator.standards.catalog import Catalog
from generator.standards.model import pinned_ref
from generator.standards.pages import rubric_dep

COLOURS = ("#a31515", "#1f5fa8", "#4d6b1f", "#6b3fa0", "#8a5a00")


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


def composite_pages(
    renderer: Renderer,
    catalog: Catalog,
    composites: list[CompositeResult],
    series_name: Callable[[str], str],
    sources: list[str],
) -> tuple[list[Page], dict[str, str | bytes | None]]:
    """Each composite's page and downloads; `sources`: the files naming its units and series."""
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
                for d in (rubric_dep(renderer, catalog, pinned_ref(r.loaded.model.rubric)),)
            ),
            catalog.editions[pinned_ref(c.model.method)].loaded.path,
            *sources,  # the units and the series' names
        ]
        pages.append(
            renderer.page(
                path,
                c.model.title,
                functools.partial(_page, renderer, catalog, c, path, series_name),
                deps=deps,
                source=c.loaded.doc.path,
            )
        )
        for name, make in DOWNLOADS.items():
            rel = layout.composite_download(c.model.id, name)
            files[rel] = renderer.file(rel, functools.partial(make, c), deps)
    return pages, files


def _page(
    renderer: Renderer,
    catalog: Catalog,
    c: CompositeResult,
    path: str,
    series_name: Callable[[str], str],
) -> str:
    edition = catalog.editions[pinned_ref(c.model.method)].model
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


def unit_rows(composites: list[CompositeResult], unit_id: str) -> tuple[Standing, ...]:
    """What a unit's page shows of each composite it is ranked in."""
    rows = []
    for c in composites:
        for u in c.units:
            if u.unit.id == unit_id:
                rows.append(
                    Standing(
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


def assessments(composites: list[CompositeResult]) -> list[Assessment]:
    """The composites as the results index lists them."""
    return [
        Assessment(
            composite_path(c.model.id),
            c.model.title,
            c.model.period.start,
            c.model.period.end,
            c.model.published,
        )
        for c in composites
    ]

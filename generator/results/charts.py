"""Charts as SVG made at build time: no script, readable on phones and in print.
Each chart carries a title and a description for screen readers, and prints
its values as text so that nothing depends on colour."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import escape

INK = "#1f1f1f"
BAR = "#a31515"
GRID = "#c8c8c8"


def _frame(width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    return (
        f'<svg class="hb-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>" + "".join(body) + "</svg>"
    )


def bar_chart(title: str, bars: Sequence[tuple[str, float]], unit: str = "") -> str:
    """Vertical bars with their value above and their label below."""
    width, height, top, bottom, left = 60 + 90 * len(bars), 230, 30, 44, 30
    peak = max((v for _, v in bars), default=0) or 1
    plot = height - top - bottom
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" y2="{height - bottom}" stroke="{GRID}"/>'
    ]
    for i, (label, value) in enumerate(bars):
        x = left + 20 + i * 90
        h = plot * value / peak
        y = height - bottom - h
        body.append(f'<rect x="{x}" y="{y:.1f}" width="50" height="{h:.1f}" fill="{BAR}"/>')
        body.append(
            f'<text x="{x + 25}" y="{y - 6:.1f}" text-anchor="middle" font-size="16" fill="{INK}">{value:g}{escape(unit)}</text>'
        )
        body.append(
            f'<text x="{x + 25}" y="{height - bottom + 22}" text-anchor="middle" font-size="16" fill="{INK}">{escape(label)}</text>'
        )
    desc = "；".join(f"{label} {value:g}{unit}" for label, value in bars)
    return _frame(width, height, title, desc, body)


def line_chart(
    title: str, points: Sequence[tuple[str, float]], low: float = 0, high: float = 100
) -> str:
    """A line through the points, each labelled with its value; the x axis in the given order."""
    width, height, top, bottom, left, right = max(320, 72 * len(points) + 60), 230, 26, 40, 44, 40
    plot_w, plot_h = width - left - right - 24, height - top - bottom
    span = (high - low) or 1

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + 24 + (plot_w * i / (len(points) - 1) if len(points) > 1 else plot_w / 2)
        return x, top + plot_h * (1 - (v - low) / span)

    body = []
    for tick in (low, (low + high) / 2, high):
        _, y = xy(0, tick)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        body.append(
            f'<text x="{left - 6}" y="{y + 5:.1f}" text-anchor="end" font-size="15" fill="{INK}">{tick:g}</text>'
        )
    coords = [xy(i, v) for i, (_, v) in enumerate(points)]
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2.5"/>')
    for (label, value), (x, y) in zip(points, coords, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{BAR}"/>')
        body.append(
            f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" font-size="16" fill="{INK}">{value:g}</text>'
        )
        body.append(
            f'<text x="{x:.1f}" y="{height - bottom + 22}" text-anchor="middle" font-size="15" fill="{INK}">{escape(label)}</text>'
        )
    desc = "；".join(f"{label} {value:g}" for label, value in points)
    return _frame(width, height, title, desc, body)

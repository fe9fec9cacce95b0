"""Colour contrast as WCAG 2.1 defines it, and the colours of Material's named
palettes (`theme.palette.primary: red`) read from the stylesheet Material ships, so
that the check follows the Material release installed."""

from __future__ import annotations

import colorsys
import functools
import importlib.util
import re
from pathlib import Path

from generator import layout

AA = 4.5  # WCAG 2.1 AA, normal text (1.4.3)
WHITE = "#ffffff"

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ONE = re.compile(r"^\[data-md-color-(primary|accent)=([\w-]+)\]$")
_HEX = re.compile(r"^#([0-9a-fA-F]{3,8})$")


def _rgba(colour: str) -> tuple[float, float, float, float] | None:
    """`#rgb`, `#rrggbb` or `#rrggbbaa` as channels from 0 to 1."""
    m = _HEX.match(colour.strip())
    if not m:
        return None
    digits = m.group(1)
    if len(digits) in (3, 4):
        digits = "".join(c * 2 for c in digits)
    if len(digits) not in (6, 8):
        return None
    values = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    return (values[0], values[1], values[2], values[3] if len(values) == 4 else 1.0)


def _over(colour: str, background: str) -> tuple[float, float, float]:
    """A colour (maybe see-through, as Material's `#000000de`) as seen on a background."""
    top, under = _rgba(colour), _rgba(background)
    assert top is not None and under is not None
    a = top[3]
    return (
        top[0] * a + under[0] * (1 - a),
        top[1] * a + under[1] * (1 - a),
        top[2] * a + under[2] * (1 - a),
    )


def _luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def is_colour(value: str) -> bool:
    """Whether a value is a colour written in hex (what `ratio` reads)."""
    return _rgba(value) is not None


def ratio(foreground: str, background: str) -> float:
    """The contrast ratio of text in `foreground` on `background` (1 to 21)."""
    solid = _over(background, WHITE)
    hexed = "#" + "".join(f"{round(c * 255):02x}" for c in solid)
    a, b = _luminance(_over(foreground, hexed)), _luminance(solid)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def neighbour(colour: str, against: str, *, text: bool) -> str:
    """The colour of the same hue, darker or lighter as little as needed, that reaches AA
    against `against` (`text`: `colour` is the text, else the background)."""
    r, g, b = _over(colour, WHITE)
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    step = -0.005 if _luminance(_over(against, WHITE)) > 0.18 else 0.005
    while 0 <= light <= 1:
        candidate = _hex(colorsys.hls_to_rgb(hue, light, sat))
        pair = (candidate, against) if text else (against, candidate)
        if ratio(*pair) >= AA:
            return candidate
        light += step
    return "#000000" if step < 0 else WHITE


@functools.cache
def material_palette() -> dict[tuple[str, str], dict[str, str]]:
    """(primary|accent, name) → its CSS variables, from Material's palette stylesheet
    (empty when Material is not installed where it is looked for)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return {}
    folder = Path(next(iter(spec.submodule_search_locations)))
    found: dict[tuple[str, str], dict[str, str]] = {}
    for sheet in sorted(folder.glob(layout.MATERIAL_PALETTE)):
        for selectors, body in _RULE.findall(sheet.read_text(encoding="utf-8")):
            declared = dict(
                (name.strip(), value.strip())
                for name, _, value in (d.partition(":") for d in body.split(";"))
                if name.strip().startswith("--")
            )
            for selector in selectors.split(","):
                m = _ONE.match(selector.strip())
                if m:
                    found.setdefault((m.group(1), m.group(2)), {}).update(declared)
    return found

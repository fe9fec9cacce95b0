"""Finding the CJK fonts the PDFs are set in, through fontconfig.

Typst is given the folders of the fonts fontconfig names; asking `fc-list` first
lets the build say, in one line, that a font is missing instead of printing boxes.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass

from generator.messages import Phrase, phrase
from generator.settings import PdfSettings


@dataclass(frozen=True)
class Fonts:
    """The families the PDFs use, and the font files behind them (for the build keys:
    an upgraded font package makes the PDFs again)."""

    serif: str
    sans: str
    files: tuple[tuple[str, int, int], ...]  # path, size, modification time


def _chinese_families() -> dict[str, set[str]] | None:
    """Family name → its files, for every font that covers Chinese; None without fontconfig."""
    try:
        done = subprocess.run(
            ["fc-list", ":lang=zh", "family", "file"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    found: dict[str, set[str]] = {}
    for line in done.stdout.splitlines():
        path, _, names = line.partition(": ")
        for name in names.split(","):
            if name.strip():
                found.setdefault(name.strip(), set()).add(path.strip())
    return found


def find_fonts(settings: PdfSettings) -> Fonts | Phrase:
    """The fonts to use, or the one-line reason there are none (with how to install one)."""
    try:
        import typst  # noqa: F401  (a compiled extension: a platform without a wheel lacks it)
    except ImportError as exc:
        return phrase("pdf.no_pango", detail=str(exc))
    listed = _listed.get("")
    if listed is not None and settings.serif in listed and settings.sans in listed:
        fonts = _fonts(settings, listed)  # both as the last listing found them
        if isinstance(fonts, Fonts) and len(fonts.files) == len(
            listed[fonts.serif] | listed[fonts.sans]
        ):
            return fonts
    families = _chinese_families()
    if families is None:
        return phrase("pdf.no_fontconfig")
    _listed[""] = families
    return _fonts(settings, families)


# The last listing of the fonts (`handbook serve` and the benchmarks build again and
# again): used while it has both families the settings name and all their files are
# there (each looked at, for the build keys); a family missing is listed again, so
# that a font installed meanwhile is found.
_listed: dict[str, dict[str, set[str]]] = {}


def _fonts(settings: PdfSettings, families: dict[str, set[str]]) -> Fonts | Phrase:
    serif = settings.serif if settings.serif in families else None
    sans = settings.sans if settings.sans in families else None
    if serif is None and sans is None:
        return phrase("pdf.no_font", serif=settings.serif, sans=settings.sans)
    serif, sans = serif or sans or "", sans or serif or ""
    files = []
    for path in sorted(families[serif] | families[sans]):
        try:
            st = os.stat(path)
        except OSError:
            continue
        files.append((path, st.st_size, st.st_mtime_ns))
    return Fonts(serif, sans, tuple(files))

"""Print source → PDF with Typst (fonts embedded and subset, bookmarks from the
headings, links, page labels).

One compiler per process keeps the fonts it has read, so a build pays for
reading Noto CJK once, not once per PDF. Typst reads no file but the images
under `content/` (the compiler's root) and the fonts it is given; it fetches
nothing. Dates in the PDF come from the source (`set document(date: …)`), never
from the clock, so two builds give the same bytes.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any


@functools.lru_cache(maxsize=4)
def _compiler(fonts: tuple[str, ...]) -> Any:
    import typst

    return typst.Compiler(font_paths=list(fonts), ignore_system_fonts=bool(fonts))


def write_pdf(source: str, allowed: Path, fonts: tuple[str, ...] = ()) -> bytes:
    """The PDF of the Typst `source`; images may come from files under `allowed`;
    `fonts`: the font files to use (none: the system's)."""
    compiler = _compiler(fonts)
    root = allowed if allowed.is_dir() else allowed.parent
    pdf, warnings = compiler.compile_with_warnings(input=source.encode("utf-8"), root=str(root))
    for warning in warnings:  # a family Typst does not know would print in another font
        if "unknown font family" in str(warning):
            raise RuntimeError(str(warning))
    assert isinstance(pdf, bytes)
    return pdf

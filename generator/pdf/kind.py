"""The PDFs as a registered part of the build: every edition of a standard, the
manuals' booklets and the 汇编 (see `generator/descriptor.py`; `stage.py` makes
them)."""

from __future__ import annotations

from generator.content.kind import ASSETS, PAGES, RESOLVED
from generator.descriptor import Finishing, Kind, Rendering
from generator.pdf.stage import Printed, start_pdfs
from generator.standards.kind import CATALOG


def _print(r: Rendering) -> tuple[Printed, Finishing]:
    store = r.build.store
    return start_pdfs(
        r.renderer, store[CATALOG], r.build.root, store[PAGES], store[ASSETS], store[RESOLVED]
    )


KIND = Kind(name="pdf", printing=_print)

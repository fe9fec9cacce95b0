"""The PDFs put together from others: each manual folder's booklet and the 汇编.

A booklet is its own pages (cover, 目次, 说明) and its chapters. The chapters are
set in runs of consecutive chapters, one Typst document a run (`_RUNS` runs a
booklet at most; a short booklet sets each chapter alone), their pages numbered
on from the run before. Each run is kept between builds by its source's digest
(`.handbook/cache/pdf-parts`), so an edit sets again only its run, and the runs
after it only when its page count changed. The 目次 takes each chapter's page
from where its heading landed in its run.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import TYPE_CHECKING

from generator import layout
from generator.content.check import Resolved
from generator.pdf.assemble import Part, starts
from generator.pdf.html import Chapter, Manual, PrintPages, TocEntry
from generator.standards.catalog import EditionInfo

if TYPE_CHECKING:
    from generator.pdf.stage import Stage

_RUNS = 8  # a booklet's chapters are set in at most this many Typst documents


def runs(chapters: list[Chapter]) -> list[list[Chapter]]:
    """The chapters cut into runs of consecutive chapters of (nearly) one length:
    one chapter a run for a short booklet, fewer and longer runs for a long one."""
    size = max(1, math.ceil(len(chapters) / _RUNS))
    return [chapters[n : n + size] for n in range(0, len(chapters), size)]


def collections(
    stage: Stage,
    html: PrintPages,
    books: list[Manual],
    resolved: dict[str, list[Resolved]],
    images: dict[str, list[str]],
) -> None:
    """The booklets' and the 汇编's keys, and how each is put together (once the
    editions are set: `Stage.make_assembled`)."""
    catalog = stage.catalog
    for manual in books:
        deps = stage.manual_deps(manual, resolved)
        deps += images.get(layout.manual_folder(manual.index.path) or "", [])
        stage.one_made(
            manual.path, functools.partial(_booklet, stage, html, manual, resolved), None, deps
        )
        stage.link_from(manual.index.path, *(p.path for p in manual.pages))
    collected = html.collected()
    if collected or books:
        parts = [layout.standard_pdf(i.model.id, i.model.edition) for i in collected]
        parts += [m.path for m in books]
        stage.one_made(
            layout.COLLECTION_PDF,
            functools.partial(_collection, stage, html, collected, books),
            ([stage.out.keys[p] for p in parts], catalog.as_of.year),
        )
        stage.link_from(layout.HOME)


def _booklet(
    stage: Stage, html: PrintPages, manual: Manual, resolved: dict[str, list[Resolved]]
) -> bytes:
    """A manual's booklet: its cover, 目次 and 说明 set now, then its chapters, set in
    runs (or kept from the last build) with their pages numbered on from the run before."""
    html.prepare(manual, resolved)
    parts: list[Part] = []
    used: list[str] = []
    start = 1
    entries: list[TocEntry] = []
    for run in runs(manual.chapters):
        data = stage.part(html.chapters(manual, run, start), used)
        part = stage.reads.read(Part(run[0].page.meta.title, data))
        for chapter in run:
            at = start + part.anchors.get(chapter.id, 0)
            entries.append(TocEntry(chapter.page.meta.title, str(at)))
        parts.append(part)
        start += part.pages
    stage.forget_parts(manual.folder, used)
    front = stage.write(html.manual_front(manual, entries))
    return stage.assemble(front, parts, flat=True)


def _collection(
    stage: Stage, html: PrintPages, collected: list[EditionInfo], books: list[Manual]
) -> bytes:
    """The 汇编: its cover and 目次 set now, then its parts' PDFs as they are."""
    L = html.labels
    parts = [
        Part(
            f"{i.model.code}　{i.model.title}",
            stage.data(layout.standard_pdf(i.model.id, i.model.edition)),
            L["pdf_part_standards"],
        )
        for i in collected
    ]
    parts += [Part(m.title, stage.data(m.path), L["pdf_part_manuals"]) for m in books]
    for part in parts:
        stage.reads.read(part)
    at = starts(parts)
    entries: list[TocEntry] = []
    for n, (part, page) in enumerate(zip(parts, at, strict=True)):
        if n == 0 or part.group != parts[n - 1].group:
            entries.append(TocEntry(part.group, str(page), group=True))
        entries.append(TocEntry(part.title, str(page)))
        if part.group == L["pdf_part_manuals"]:
            chapters = {page.meta.title for page in books[n - len(collected)].pages}
            for mark in part.marks:
                if mark.title in chapters:
                    entries.append(TocEntry(mark.title, str(page + mark.page), indent=2))
    dates = [i.model.issued for i in collected]
    dates += [p.meta.date for m in books for p in [m.index, *m.pages] if p.meta.date]
    created = max(dates) if dates else html.catalog.as_of
    front = stage.write(html.collection(entries, (len(collected), len(books)), created))
    return stage.assemble(front, parts)


def images(stage: Stage, root: Path, assets: list[Path]) -> dict[str, list[str]]:
    """The files under each manual folder (images a chapter may show), as dependencies
    ("": the files directly in `content/manuals/`)."""
    found: dict[str, list[str]] = {}
    base = root / layout.CONTENT_DIR / layout.MANUALS_DIR
    for path in assets:
        try:
            parts = path.relative_to(base).parts
        except ValueError:
            continue
        folder = parts[0] if len(parts) > 1 else ""
        rel = path.relative_to(root).as_posix()
        if stage.cache is not None:
            stage.cache.file_digest(path, rel)
        found.setdefault(folder, []).append(rel)
    return found

"""The PDF stage of the pipeline: after compute, before the pages, which link each
PDF with its size.

A PDF is made again only when what it shows changed: its key holds the files it
is made from, the statuses it prints, the settings, the fonts and the
generator's code, but not the as-of day itself, so a daily rebuild makes none
while no status changes.
"""

from __future__ import annotations

import concurrent.futures
import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import layout
from generator.content.check import Resolved
from generator.content.load import ContentPage
from generator.content.pages import cite_dep
from generator.core.memory import digest_parts, folder_digest
from generator.errors import BuildFailed
from generator.messages import Phrase
from generator.pdf.fonts import Fonts, find_fonts
from generator.pdf.html import Manual, PrintPages, manuals
from generator.pdf.render import write_pdf
from generator.render.committee import page_folders
from generator.render.renderer import Renderer
from generator.settings import portable
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.lifecycle import in_force
from generator.standards.pages import title_dep


@dataclass(frozen=True)
class PdfLink:
    """A PDF as a page links it: where it is in the docs folder and its size."""

    path: str
    size: int
    key: str


@dataclass
class Printed:
    """What the PDF stage gives the build."""

    files: dict[str, bytes | None] = field(default_factory=dict)  # None: the last build's is right
    keys: dict[str, str] = field(default_factory=dict)
    links: dict[str, PdfLink] = field(default_factory=dict)  # page in the docs folder → its PDF
    made: int = 0
    note: Phrase | None = None  # why there are no PDFs, in one line


class _Stage:
    """One build's PDFs: their keys, what is queued for WeasyPrint, who links what."""

    def __init__(self, renderer: Renderer, catalog: Catalog, root: Path, fonts: Fonts) -> None:
        self.renderer = renderer
        self.catalog = catalog
        self.cache = renderer.memory
        self.root = root
        self.out = Printed()
        self.path = ""  # the PDF `one` was last called for
        self.queue: dict[str, str] = {}  # PDF → its print HTML, to be set
        self.sizes: dict[str, int] = {}
        self.pages: dict[str, str] = {}  # page in the docs folder → the PDF it links
        # Not the renderer's scope: that holds the as-of day, which a PDF shows only
        # through the statuses each key names.
        self.scope = digest_parts(
            [
                self.cache.version if self.cache else "",
                portable(renderer.settings),
                [folder_digest(folder) for folder in page_folders(renderer.settings)],
                fonts,
            ]
        )

    def one(self, path: str, html: Callable[[], str], deps: Iterable[str], shown: object) -> None:
        """The PDF at `path`: kept when its key is the previous build's, else its
        print HTML is made now and queued for WeasyPrint (see `finish`)."""
        self.path = path
        key = ""
        if self.cache is not None:
            key = self.cache.page_key(path, self.scope, deps, shown)
            if self.cache.reusable(path, key) is not None:
                self.out.keys[path] = key
                self.out.files[path] = None
                self.sizes[path] = (self.cache.docs / path).stat().st_size
                return
        self.out.keys[path] = key
        self.queue[path] = html()

    def link_from(self, *pages: str) -> None:
        for page in pages:
            self.pages[page] = self.path

    def finish(self, allowed: Path) -> Printed:
        """Set the queued PDFs, in parallel when there are several (WeasyPrint is
        single-threaded; a standard takes about a second)."""
        paths = sorted(self.queue, key=lambda p: -len(self.queue[p]))  # the longest first
        jobs = [self.queue[p] for p in paths]
        workers = min(len(jobs), os.cpu_count() or 1, 4)
        try:
            if workers > 1:
                spawn = multiprocessing.get_context("spawn")  # not a fork of this large process
                with concurrent.futures.ProcessPoolExecutor(workers, mp_context=spawn) as pool:
                    made = list(pool.map(write_pdf, jobs, [allowed] * len(jobs)))
            else:
                made = [write_pdf(html, allowed) for html in jobs]
        except Exception as exc:  # WeasyPrint's own failure: the previous site stays
            raise BuildFailed("error.pdf_failed", kind=type(exc).__name__, detail=str(exc)) from exc
        for path, data in zip(paths, made, strict=True):
            self.out.files[path] = data
            self.sizes[path] = len(data)
        self.out.made = len(made)
        self.out.links = {
            page: PdfLink(path, self.sizes[path], self.out.keys[path])
            for page, path in self.pages.items()
        }
        return self.out

    def edition_deps(self, info: EditionInfo) -> list[str]:
        """The edition's file, and the codes of the editions it names (代替, 被代替为)."""
        editions = self.catalog.editions
        named = [
            self.renderer.part(
                f"code:{ref}", functools.partial(lambda r: editions[r].model.code, ref)
            )
            for ref in (*info.replaces, *info.replaced_by)
        ]
        return [info.loaded.path, *named]

    def manual_deps(self, manual: Manual, resolved: dict[str, list[Resolved]]) -> list[str]:
        """A booklet's pages, the names of the standards they implement, what they cite."""
        deps: list[str] = []
        for page in [manual.index, *manual.pages]:
            deps.append(page.source)
            deps += [title_dep(self.renderer, self.catalog, sid) for sid in page.meta.implements]
            deps += [cite_dep(self.renderer, r) for r in resolved.get(page.source, [])]
        return deps


def make_pdfs(
    renderer: Renderer,
    catalog: Catalog,
    root: Path,
    content: list[ContentPage],
    assets: list[Path],
    resolved: dict[str, list[Resolved]],
) -> Printed:
    """Every PDF, made or found unchanged, and which page links which."""
    fonts = find_fonts(renderer.settings.pdf)
    if isinstance(fonts, Phrase):
        return Printed(note=fonts)
    stage = _Stage(renderer, catalog, root, fonts)
    html = PrintPages(catalog, renderer.settings, renderer.labels, fonts, root)
    for standard in catalog.standards:
        for info in standard.editions:
            path = layout.standard_pdf(info.model.id, info.model.edition)
            stage.one(
                path,
                functools.partial(html.standard, info),
                stage.edition_deps(info),
                (info.status, [a.number for a in in_force(info.model, catalog.as_of)]),
            )
            stage.link_from(layout.standard_path(standard.id, info.model.edition))
            if info is standard.current:
                stage.link_from(layout.standard_path(standard.id))
    for info in catalog.editions.values():
        for sheet in info.model.amendments:
            sid, edition = info.model.id, info.model.edition
            stage.one(
                layout.amendment_pdf(sid, edition, sheet.number),
                functools.partial(html.amendment, info, sheet),
                [info.loaded.path],
                None,
            )
            stage.link_from(layout.amendment_path(sid, edition, sheet.number))
    for draft in catalog.drafts:
        m = draft.model
        stage.one(
            layout.draft_pdf(m.id, m.edition),
            functools.partial(html.draft, draft),
            [draft.loaded.path],
            None,
        )
        stage.link_from(layout.draft_path(m.id, m.edition))
    books = manuals(content)
    images = _images(stage, root, assets)
    for manual in books:
        deps = stage.manual_deps(manual, resolved) + images.get(manual.folder, [])
        stage.one(
            manual.path,
            functools.partial(html.manual, manual, resolved),
            deps,
            None,
        )
        stage.link_from(manual.index.path, *(p.path for p in manual.pages))
    collected = html.collected()
    if collected or books:
        deps = [d for info in collected for d in stage.edition_deps(info)]
        deps += [d for m in books for d in stage.manual_deps(m, resolved)]
        deps += [d for m in books for d in images.get(m.folder, [])]
        stage.one(
            layout.COLLECTION_PDF,
            functools.partial(html.collection, books, resolved),
            deps,
            (
                [(i.ref, [a.number for a in in_force(i.model, catalog.as_of)]) for i in collected],
                catalog.as_of.year,
            ),
        )
        stage.link_from(layout.HOME)
    return stage.finish(root / layout.CONTENT_DIR)


def _images(stage: _Stage, root: Path, assets: list[Path]) -> dict[str, list[str]]:
    """The files under each manual folder (images a chapter may show), as dependencies."""
    found: dict[str, list[str]] = {}
    base = root / layout.CONTENT_DIR / layout.MANUALS_DIR
    for path in assets:
        try:
            folder = path.relative_to(base).parts[0]
        except (ValueError, IndexError):
            continue
        rel = path.relative_to(root).as_posix()
        if stage.cache is not None:
            stage.cache.file_digest(path, rel)
        found.setdefault(folder, []).append(rel)
    return found

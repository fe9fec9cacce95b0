"""The PDF stage of the pipeline: after compute, before the pages, which link each
PDF with its size.

A PDF is made again only when what it shows changed: its key holds the files it
is made from, the statuses it prints, the settings, the fonts and the
generator's code, but not the as-of day itself, so a daily rebuild makes none
while no status changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import digest_parts
from generator.citations import Resolved
from generator.compute import EditionInfo
from generator.pages import ContentPage
from generator.pdf.fonts import Fonts, find_fonts
from generator.pdf.html import Manual, PrintPages, manuals
from generator.pdf.render import write_pdf
from generator.render import Renderer
from generator.repository import CONTENT_DIR
from generator.urls import COLLECTION_PDF, standard_path, standard_pdf


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
    note: str = ""  # why there are no PDFs, in one line


class _Stage:
    def __init__(self, renderer: Renderer, root: Path, fonts: Fonts) -> None:
        self.renderer = renderer
        self.cache = renderer.cache
        self.root = root
        self.out = Printed()
        # Not the renderer's scope: that holds the as-of day, which a PDF shows only
        # through the statuses each key names.
        self.scope = digest_parts(
            [self.cache.version if self.cache else "", renderer.settings, fonts]
        )

    def one(self, path: str, make: Callable[[], bytes], deps: Iterable[str], shown: object) -> None:
        key = ""
        previous = None
        if self.cache is not None:
            key = self.cache.page_key(path, self.scope, deps, shown)
            self.out.keys[path] = key
            if self.cache.reusable(path, key) is not None:
                previous = (self.cache.docs / path).stat().st_size
        if previous is None:
            data = make()
            self.out.files[path] = data
            self.out.made += 1
            size = len(data)
        else:
            self.out.files[path] = None
            size = previous
        self.link = PdfLink(path, size, key)

    def link_from(self, *pages: str) -> None:
        for page in pages:
            self.out.links[page] = self.link

    def edition_deps(self, info: EditionInfo) -> list[str]:
        """The edition's file, and the codes of the editions it names (代替, 被代替为)."""
        editions = self.renderer.catalog.editions
        named = [
            self.renderer.part(f"code:{ref}", editions[ref].model.code)
            for ref in (*info.replaces, *info.replaced_by)
        ]
        return [info.loaded.path, *named]

    def manual_deps(self, manual: Manual, resolved: dict[str, list[Resolved]]) -> list[str]:
        deps: list[str] = []
        for page in [manual.index, *manual.pages]:
            deps.append(page.source)
            deps += [self.renderer.title_dep(sid) for sid in page.meta.implements]
            deps += [self.renderer.cite_dep(r) for r in resolved.get(page.source, [])]
        return deps


def make_pdfs(
    renderer: Renderer,
    root: Path,
    content: list[ContentPage],
    assets: list[Path],
    resolved: dict[str, list[Resolved]],
) -> Printed:
    """Every PDF, made or found unchanged, and which page links which."""
    fonts = find_fonts(renderer.settings.pdf)
    if isinstance(fonts, str):
        return Printed(note=fonts)
    stage = _Stage(renderer, root, fonts)
    html = PrintPages(renderer.catalog, renderer.settings, renderer.labels, fonts, root)
    allowed = root / CONTENT_DIR

    def pdf(make_html: Callable[[], str]) -> bytes:
        return write_pdf(make_html(), allowed)

    for standard in renderer.catalog.standards:
        for info in standard.editions:
            path = standard_pdf(info.model.id, info.model.edition)
            stage.one(
                path,
                functools.partial(pdf, functools.partial(html.standard, info)),
                stage.edition_deps(info),
                info.status,
            )
            stage.link_from(standard_path(standard.id, info.model.edition))
            if info is standard.current:
                stage.link_from(standard_path(standard.id))
    books = manuals(content)
    images = _images(stage, root, assets)
    for manual in books:
        deps = stage.manual_deps(manual, resolved) + images.get(manual.folder, [])
        stage.one(
            manual.path,
            functools.partial(pdf, functools.partial(html.manual, manual, resolved)),
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
            COLLECTION_PDF,
            functools.partial(pdf, functools.partial(html.collection, books, resolved)),
            deps,
            ([info.ref for info in collected], renderer.catalog.as_of.year),
        )
        stage.link_from("index.md")
    return stage.out


def _images(stage: _Stage, root: Path, assets: list[Path]) -> dict[str, list[str]]:
    """The files under each manual folder (images a chapter may show), as dependencies."""
    found: dict[str, list[str]] = {}
    base = root / CONTENT_DIR / "manuals"
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

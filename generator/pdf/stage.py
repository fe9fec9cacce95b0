"""The PDF stage of the pipeline: after compute, before the pages, which link each
PDF with its size.

A PDF is made again only when what it shows changed: its key holds the files it
is made from, the statuses it prints, the settings, the fonts and the
generator's code, but not the as-of day itself, so a daily rebuild makes none
while no status changes. The 汇编 is not set again: it is put together from the
PDFs of its parts (`assemble`), whenever one of them changed.
"""

from __future__ import annotations

import concurrent.futures
import functools
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
from generator.pdf import workers
from generator.pdf.assemble import Part, Reads, assemble
from generator.pdf.books import collections, images
from generator.pdf.fonts import Fonts, find_fonts
from generator.pdf.html import Manual, PrintPages, manuals
from generator.pdf.life import lifecycle_jobs
from generator.pdf.render import write_pdf
from generator.render.committee import page_folders
from generator.render.renderer import Renderer
from generator.settings import portable
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.lifecycle import in_force
from generator.standards.pages import title_dep

_MANY = 12  # PDFs to set from which worker processes set them


@dataclass(frozen=True)
class PdfLink:
    """A PDF as a page links it: where it is in the docs folder and its size (None
    while it is being set: see `start_pdfs`)."""

    path: str
    size: int | None
    key: str


@dataclass
class Printed:
    """What the PDF stage gives the build."""

    files: dict[str, bytes | None] = field(default_factory=dict)  # None: the last build's is right
    keys: dict[str, str] = field(default_factory=dict)
    links: dict[str, PdfLink] = field(default_factory=dict)  # page in the docs folder → its PDF
    made: int = 0
    note: Phrase | None = None  # why there are no PDFs, in one line


class Stage:
    """One build's PDFs: their keys, what is queued for Typst, who links what."""

    def __init__(self, renderer: Renderer, catalog: Catalog, root: Path, fonts: Fonts) -> None:
        self.renderer = renderer
        self.catalog = catalog
        self.cache = renderer.memory
        self.root = root
        self.out = Printed()
        self.path = ""  # the PDF `one` was last called for
        self.pending: dict[str, Callable[[], str]] = {}  # PDF → how its print source is made
        self.assembled: dict[str, Callable[[], bytes]] = {}  # PDF made from others → how
        self.queue: dict[str, str] = {}  # PDF → its print source, to be set
        self.started: dict[str, concurrent.futures.Future[bytes]] = {}  # in a worker already
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        self.used: concurrent.futures.ProcessPoolExecutor | None = None  # stopped if it fails
        self.fonts = tuple(sorted({os.path.dirname(path) for path, _, _ in fonts.files}))
        self.found = fonts
        self.editions: dict[str, str] = {}  # PDF → the edition it prints (`one`)
        self.sizes: dict[str, int] = {}
        self.kept: set[str] = set()  # the PDFs the last build left as they are to be
        self.pages: dict[str, str] = {}  # page in the docs folder → the PDF it links
        self.reads = Reads(
            root / layout.PDF_READS if self.cache else None, self.cache.version if self.cache else ""
        )
        # Not the renderer's scope: that holds the as-of day, which a PDF shows only
        # through the statuses each key names. The committee's template folders (they
        # may hold print templates) by their contents, not their places.
        settings = renderer.settings
        self.scope = digest_parts(
            [
                self.cache.version if self.cache else "",
                portable(settings),
                [folder_digest(folder) for folder in page_folders(settings)],
                fonts,
            ]
        )

    def _kept(self, path: str, deps: Iterable[str], shown: object) -> str | None:
        """The key of the PDF at `path`; None when the last build's is kept as it is."""
        self.path = path
        key = ""
        if self.cache is not None:
            key = self.cache.page_key(path, self.scope, deps, shown)
            if self.cache.reusable(path, key) is not None:
                self.out.keys[path] = key
                self.out.files[path] = None
                self.kept.add(path)
                self.sizes[path] = self.cache.verified[path][0]  # as `reusable` found it
                return None
        return key

    def one(
        self, path: str, html: Callable[[], str], deps: Iterable[str], shown: object, edition: str = ""
    ) -> None:
        """The PDF at `path`: kept when its key is the previous build's, else to be
        set (`start`, `set_queued`); `edition`: the edition it prints (its source may
        then be made in a worker)."""
        key = self._kept(path, deps, shown)
        if key is None:
            return
        self.out.keys[path] = key
        self.pending[path] = html
        if edition:
            self.editions[path] = edition

    def start(self) -> None:
        """Make the print sources of the PDFs to set. Many are set in one or two worker
        processes, each handed over as soon as its source is ready (an edition's is
        made there), so that the fonts Typst reads (about 200 MiB) and the making of
        the sources stay out of the build's process; a few (an edit)
        are set in this process, where starting workers would cost more than setting,
        unless an earlier build in this process left its workers."""
        many = len(self.pending) >= _MANY
        pool = self._workers() if many or (workers.kept() and self.pending) else None
        allowed = self.root / layout.CONTENT_DIR
        r, state = self.renderer, None
        if many and self.editions and self.cache is not None:  # handed the catalog (a build)
            state = workers.state(self.root, (self.catalog, r.settings, r.labels, self.found))
        for path, html in self.pending.items():
            if pool is not None and state is not None and path in self.editions:
                ref = self.editions[path]
                self.started[path] = pool.submit(workers.edition, *state, ref, allowed, self.fonts)
            elif pool is None:
                self.queue[path] = html()
            else:  # set while the next source is made
                self.started[path] = pool.submit(write_pdf, html(), allowed, self.fonts)
        self.pending.clear()

    def data(self, path: str) -> bytes:
        """The bytes of a PDF of this build, made now or kept from the last."""
        made = self.out.files.get(path)
        if made is not None:
            return made
        assert self.cache is not None
        return (self.cache.docs / path).read_bytes()

    def one_made(
        self, path: str, data: Callable[[], bytes], shown: object, deps: Iterable[str] = ()
    ) -> None:
        """A PDF made here from others (the 汇编, a booklet): kept while its key is the
        last build's (`shown`: for the 汇编, the keys of its parts), else made by
        `make_assembled` once the PDFs it is made from are set."""
        key = self._kept(path, deps, shown)
        if key is None:
            return
        self.out.keys[path] = key
        self.assembled[path] = data

    def make_assembled(self) -> None:
        """The booklets and the 汇编 that are not kept, made in order (a booklet before
        the 汇编 that holds it)."""
        for path, data in self.assembled.items():
            made = data()
            self.out.files[path] = made
            self.sizes[path] = len(made)
            self.out.made += 1
        if self.assembled:
            self.reads.save()
        self.assembled.clear()

    def part(self, source: str, used: list[str]) -> bytes:
        """The PDF of a part of a booklet (a chapter), kept by its source's digest
        between builds, so that a booklet sets again only the chapters that changed."""
        digest = digest_parts([self.scope, source])
        used.append(digest)
        path = self.root / layout.PDF_PARTS / f"{digest}.pdf"
        if self.cache is not None and path.is_file():
            return path.read_bytes()
        data = self.write(source)
        if self.cache is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return data

    def forget_parts(self, name: str, used: list[str]) -> None:
        """Remove the parts a booklet used last time and no longer does."""
        if self.cache is None:
            return
        folder = self.root / layout.PDF_PARTS
        listing = folder / f"{name}.txt"
        old = listing.read_text(encoding="utf-8").split() if listing.is_file() else []
        for digest in set(old) - set(used):
            (folder / f"{digest}.pdf").unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)  # a booklet without chapters has set none
        listing.write_text("\n".join(used), encoding="utf-8")

    def write(self, source: str) -> bytes:
        """One PDF set now (a failure stops the build, as in `set_queued`)."""
        allowed = self.root / layout.CONTENT_DIR
        try:
            if self.pool is None:
                return write_pdf(source, allowed, self.fonts)
            made: bytes = self.pool.submit(write_pdf, source, allowed, self.fonts).result()
            return made
        except Exception as exc:  # Typst's own failure: the previous site stays
            raise BuildFailed("error.pdf_failed", kind=type(exc).__name__, detail=str(exc)) from exc

    def assemble(self, front: bytes, parts: list[Part], flat: bool = False) -> bytes:
        """A collection put together (`assemble`), in a worker process when there are
        any: pikepdf holds every part while it copies them (about 200 MiB for 100),
        and it holds the interpreter, which the engine may be using (`engine/finish.py`)."""
        if self.pool is None:
            return assemble(front, parts, flat)
        try:
            made: bytes = self.pool.submit(assemble, front, parts, flat).result()
        except Exception as exc:  # a worker that died: the previous site stays
            raise BuildFailed("error.pdf_failed", kind=type(exc).__name__, detail=str(exc)) from exc
        return made

    def _workers(self) -> concurrent.futures.ProcessPoolExecutor:
        """The worker processes (`workers.py`), kept for the next build."""
        self.pool = self.used = workers.workers()
        return self.pool

    def close(self, *, cancel: bool = False) -> None:
        """Done with the worker processes (kept for the next build), or (`cancel`)
        stop them at once, dropping their work."""
        if cancel and self.used is not None:
            workers.stop(self.used, wait=False)
        self.pool = None

    def link_from(self, *pages: str) -> None:
        """These pages link the PDF `one` (or `one_made`) was last called for."""
        for page in pages:
            self.pages[page] = self.path

    def set_queued(self, allowed: Path) -> None:
        """Set the PDFs queued (`start`) in this process, and wait for the workers'."""
        self.start()
        paths = sorted(self.queue, key=lambda p: -len(self.queue[p]))  # the longest first
        jobs = [self.queue[p] for p in paths]
        try:
            made = [write_pdf(source, allowed, self.fonts) for source in jobs]
            paths += list(self.started)
            made += [future.result() for future in self.started.values()]
        except Exception as exc:  # Typst's own failure: the previous site stays
            raise BuildFailed("error.pdf_failed", kind=type(exc).__name__, detail=str(exc)) from exc
        for path, data in zip(paths, made, strict=True):
            self.out.files[path] = data
            self.sizes[path] = len(data)
        self.out.made += len(made)
        self.queue.clear()
        self.started.clear()

    def finish(self) -> Printed:
        """Which page links which PDF, with its size (None: not set yet)."""
        self.out.links = {
            page: PdfLink(path, self.sizes.get(path), self.out.keys[path])
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


def start_pdfs(
    renderer: Renderer,
    catalog: Catalog,
    root: Path,
    content: list[ContentPage],
    assets: list[Path],
    resolved: dict[str, list[Resolved]],
) -> tuple[Printed, _Finishing | _Finished]:
    """Every PDF's key, and which page links which, now (the size of a PDF being set
    is None); and the function that finishes them. The PDFs to set are handed to
    worker processes now, so that they are set while the build renders its pages;
    the finish waits for them, then puts the booklets and the 汇编 together."""
    fonts = find_fonts(renderer.settings.pdf)
    if isinstance(fonts, Phrase):
        return Printed(note=fonts), _Finished(Printed(note=fonts))
    stage = Stage(renderer, catalog, root, fonts)
    html = PrintPages(catalog, renderer.settings, renderer.labels, fonts, root)
    books = manuals(content, renderer.labels["kind_manual"])
    life = lifecycle_jobs(html)  # drafts for comment, amendment sheets
    try:
        _editions(stage, html)
        for job in life:
            stage.one(job.path, job.source, job.deps, job.shown)
            stage.link_from(job.page)
        found = images(stage, root, assets)
        collections(stage, html, books, resolved, found)
        stage.start()
    except BaseException:
        stage.close()
        raise
    now = stage.finish()
    # Every PDF's place (None until it is set), for what lists them (the catalog's JSON).
    files = dict.fromkeys(now.keys, None)
    now = Printed(files, dict(now.keys), dict(now.links), now.made, now.note)
    return now, _Finishing(stage)


@dataclass(frozen=True)
class _Finishing:
    """What finishes the PDFs after the pages, or drops them when the build fails."""

    stage: Stage

    def __call__(self) -> Printed:
        """The PDFs set, the booklets and the 汇编 made: what the stage gives the build."""
        try:
            self.stage.set_queued(self.stage.root / layout.CONTENT_DIR)
            self.stage.make_assembled()
        finally:
            self.stage.close()
        return self.stage.finish()

    def cancel(self) -> None:
        """The build failed after the PDFs were handed over: stop their workers now."""
        self.stage.close(cancel=True)

    def pending(self) -> set[str]:
        """The PDFs made again (not kept), set or not yet."""
        return set(self.stage.out.keys) - set(self.stage.kept)

    def background(self) -> bool:
        """Whether worker processes set the PDFs (Typst in this process would hold
        the interpreter against the engine, were it finished while the engine runs)."""
        return self.stage.pool is not None


@dataclass(frozen=True)
class _Finished:
    """Nothing to finish (no fonts: the note says why)."""

    printed: Printed

    def __call__(self) -> Printed:
        return self.printed

    def cancel(self) -> None:
        """Nothing runs."""

    def pending(self) -> set[str]:  # none
        return set()

    def background(self) -> bool:  # nothing to wait for
        return True


def _editions(stage: Stage, html: PrintPages) -> None:
    """Every edition's PDF: kept, or its source made and set. Its text is consolidated:
    the key names the amendment sheets in effect, so one taking effect sets it again."""
    for standard in stage.catalog.standards:
        for info in standard.editions:
            path = layout.standard_pdf(info.model.id, info.model.edition)
            stage.one(
                path,
                functools.partial(html.standard, info),
                stage.edition_deps(info),
                (info.status, [a.number for a in in_force(info.model, stage.catalog.as_of)]),
                info.ref,
            )
            stage.link_from(layout.standard_path(standard.id, info.model.edition))
            if info is standard.current:
                stage.link_from(layout.standard_path(standard.id))

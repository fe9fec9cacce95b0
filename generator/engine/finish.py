"""The PDFs finished while the engine and search run (`build._build`).

The pipeline hands its PDFs over before the pages and, in a build, returns
before they are set (`pipeline.Later`): a thread waits for them (Typst and the
worker processes leave the interpreter free) while MkDocs and Pagefind run.
A page that shows the size of such a PDF is written with a mark in its place
(`Renderer.sized`); the mark sits in the download link, which search does not
index. Once the PDFs are set, before the site is published, they are written
into the docs folder and the engine's, and the marks in those pages' Markdown
and HTML are replaced by the sizes: the site is the one a build that waited
for the PDFs makes.
"""

from __future__ import annotations

import posixpath
import threading
from pathlib import Path

from generator import layout
from generator.core.memory import BuildCache
from generator.pipeline import Later, Result
from generator.render.renderer import SIZE_MARK


class Finisher:
    """The PDFs of a build being finished in a thread (none when there are none)."""

    def __init__(self, result: Result, memory: BuildCache) -> None:
        self.result = result
        self.memory = memory
        self.later: Later | None = result.later[0] if result.later else None
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None
        self.marked: set[str] = set()
        self.pending: set[str] = set()
        if self.later is not None:
            self.marked = {p.path for p in self.later.marked(result.pages)}
            self.pending = self.later.pending()

    def unfinished(self) -> set[str]:
        """The files in the docs folder that are not this build's yet (their keys wait)."""
        return self.marked | self.pending

    def start(self) -> None:
        """Set the PDFs in a thread, while the caller runs the engine and search."""
        if self.later is None:
            return
        self.thread = threading.Thread(target=self._work, name="handbook-pdfs", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        assert self.later is not None
        try:
            self.later.work()
        except BaseException as exc:  # handed to the build's thread by `join`
            self.error = exc

    def cancel(self) -> None:
        """The build failed: stop setting the PDFs, and wait for the thread to end
        (nothing of this build is left running once it returns)."""
        if self.later is not None:
            self.later.cancel()
        if self.thread is not None:
            self.thread.join()

    def join(self, built: Path) -> None:
        """Wait for the PDFs (a failure is the build's), then write them and the sizes
        into the docs folder and the engine's output `built`, and remember their keys."""
        if self.later is None:
            return
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error
        later, result = self.later, self.result
        later.finish(result)
        docs = self.memory.docs
        for path in sorted(self.pending):
            data = result.files.get(path)
            if isinstance(data, bytes):  # the engine copies the docs folder's files as they are
                _write(docs / path, data)
                _write(built / path, data)
        for page in result.pages:
            if page.path in self.marked and page.content is not None:
                _write(docs / page.path, page.content.encode("utf-8"))  # before its HTML
                for html in _html_of(built, page.path):
                    text = html.read_bytes().decode("utf-8")  # its line ends as they are
                    _write(html, later.fill(text).encode("utf-8"))
        unfinished = self.unfinished()
        keys = [(p.path, p.key, p.search) for p in result.pages if p.path in unfinished]
        keys += [(p, k, "") for p, k in result.file_keys.items() if p in unfinished]
        self.memory.record_pages(keys)
        self.memory.save_pages()


def _write(path: Path, data: bytes) -> None:
    """A new file in place of the old one, never written into: the published site
    may share the engine's files (hard links, engine/publish.py)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _html_of(built: Path, page: str) -> list[Path]:
    """The engine's HTML of the page at `page` in the docs folder (`a/b.md`:
    `a/b/index.html`, or `a/b.html` without directory URLs) that still holds a mark."""
    stem = posixpath.splitext(page)[0]
    found = dict.fromkeys([built / layout.page_url(page) / "index.html", built / f"{stem}.html"])
    return [p for p in found if p.is_file() and SIZE_MARK.encode() in p.read_bytes()]

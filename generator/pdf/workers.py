"""The worker processes that set the PDFs when there are many (`stage.Stage`).

They are spawned, not forked from the build's large process, and kept for the
process's next builds (`handbook serve`, a benchmark), whose few PDFs they then
set with the fonts they have read, off the build's thread: the build finishes
its PDFs while the engine runs (`engine/finish.py`). A failed build stops them.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from generator import layout
from generator.core.memory import digest_parts
from generator.pdf.render import write_pdf

if TYPE_CHECKING:
    from generator.pdf.html import PrintPages

_POOL: concurrent.futures.ProcessPoolExecutor | None = None  # kept between builds
_PRINT: dict[str, PrintPages] = {}  # in a worker: the build's print sources, by its state


def kept() -> bool:
    """Whether an earlier build of this process left its workers."""
    return _POOL is not None and not getattr(_POOL, "_broken", False)


def workers() -> concurrent.futures.ProcessPoolExecutor:
    """The workers (one or two): the kept ones, or new ones (none kept, or one died)."""
    global _POOL
    if _POOL is None or not kept():
        spawn = multiprocessing.get_context("spawn")
        count = max(1, min(os.cpu_count() or 1, 2))
        _POOL = concurrent.futures.ProcessPoolExecutor(
            count, mp_context=spawn, initializer=_behind_the_build
        )
    return _POOL


def _behind_the_build() -> None:
    """In a worker: yield the cores to the build's own process, whose stages (the
    pages, the engine) are what a build waits for, while its PDFs are set meanwhile."""
    with contextlib.suppress(AttributeError, OSError):  # a platform without priorities
        os.nice(10)


def stop(pool: concurrent.futures.ProcessPoolExecutor | None = None, *, wait: bool = True) -> None:
    """Stop `pool` at once, dropping its work (default: the kept workers); not kept after."""
    global _POOL
    pool = pool or _POOL
    if pool is None:
        return
    pool.shutdown(wait=wait, cancel_futures=True)
    if pool is _POOL:
        _POOL = None


def state(root: Path, what: tuple[object, ...]) -> tuple[Path, str]:
    """Write what the workers make the editions' sources from (the catalog, the
    settings, the labels, the fonts) for them; its place and digest."""
    data = pickle.dumps((*what, root), pickle.HIGHEST_PROTOCOL)
    path = root / layout.PDF_STATE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path, digest_parts([data])


def edition(state: Path, key: str, ref: str, allowed: Path, fonts: tuple[str, ...]) -> bytes:
    """In a worker: the PDF of the edition `ref`, its source made here from what the
    build wrote to `state` (read once a build: `key` is its digest), so that the
    build's own thread does not make the sources of many PDFs."""
    html = _PRINT.get(key)
    if html is None:
        from generator.pdf.html import PrintPages

        catalog, settings, labels, fonts_found, root = pickle.loads(state.read_bytes())
        html = PrintPages(catalog, settings, labels, fonts_found, root)
        _PRINT.clear()
        _PRINT[key] = html
    return write_pdf(html.standard(html.catalog.editions[ref]), allowed, fonts)

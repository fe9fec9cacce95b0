"""Search in `handbook serve`: current within seconds of an edit.

The built site has one search index (`search`: one index ranks best). The
preview splits it by top-level folder (the kinds' search sections), merged in the browser, so
that an edit indexes again only the parts whose pages changed: editing a
clause re-indexes the standards (a few hundred pages at a province's size), not
the thousands of unit pages. The split ranks a little differently from the
built site (each part ranks on its own statistics); `handbook build` is the
reference for ranking.

A part is indexed into a folder of its own, then its files are moved into the
live one, the entry file last. Pagefind names its chunks by their content, so
a page opened before the move keeps finding what it loaded (its chunks are
still there); a reload finds the new text. Chunks two generations old are
removed.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator import layout
from generator.core.memory import digest_parts
from generator.engine import search
from generator.engine.search import run_pagefind

ENTRY = "pagefind-entry.json"

log = logging.getLogger("mkdocs.handbook")


def shards(paths: Iterable[str], sections: tuple[str, ...]) -> dict[str, list[str]]:
    """The preview's parts (pages by index), "pages" first, then the kinds' `sections`."""
    return search.shards(paths, sections)


def sections_of(config: Any) -> tuple[str, ...]:
    """The sections the generated project's configuration names (`handbook_search`)."""
    return tuple(name for name in config.extra["handbook_search"] if name != search.PAGES)


class PreviewSearch:
    """What the preview has indexed, and a worker that brings it up to date.

    Made when a `handbook serve` starts (by its plugin, `serve_mkdocs`), kept
    across that preview's builds; each build calls `after_build`. Runs do not
    overlap: a build during a run is picked up by one more run when it ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: tuple[Path, Path, tuple[str, ...]] | None = None
        self._running = False
        self._indexed: dict[str, str] = {}  # part → digest of what its pages were
        self._files: dict[str, list[set[str]]] = {}  # part → its last two generations' files
        self.runs = 0  # index runs done, for tests

    @property
    def busy(self) -> bool:
        """Whether a run is going on or waiting."""
        with self._lock:
            return self._running

    def after_build(
        self, site: Path, docs: Path, sections: tuple[str, ...], *, wait: bool = False
    ) -> None:
        """Index again, in the background, the parts whose pages changed (`sections`:
        the kinds' parts). `wait`: index before returning (the first build, before
        the preview opens)."""
        if wait:
            self._update(site, docs, sections)
            return
        with self._lock:
            self._pending = (site, docs, sections)
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._work, daemon=True).start()

    def _work(self) -> None:
        while True:
            with self._lock:
                job, self._pending = self._pending, None
                if job is None:
                    self._running = False
                    return
            try:
                self._update(*job)
            except Exception:  # the preview goes on; the next edit tries again
                log.exception("the preview's search index failed")

    def _update(self, site: Path, docs: Path, sections: tuple[str, ...]) -> None:
        paths = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
        for name, members in shards(paths, sections).items():
            state = digest_parts(
                [str(site), *((p, (docs / p).stat().st_mtime_ns) for p in members)]
            )
            if (
                self._indexed.get(name) == state
                and (site / layout.SEARCH_DIR / name / ENTRY).is_file()
            ):
                continue
            began = time.perf_counter()
            self._index(site, name, search.glob(name, members, sections))
            log.debug(
                "search: indexed %s (%d pages) in %.2f s",
                name,
                len(members),
                time.perf_counter() - began,
            )
            self._indexed[name] = state

    def _index(self, site: Path, name: str, glob: str) -> None:
        staging = f".{name}.next"
        run_pagefind(site, staging, glob)
        new, live = site / layout.SEARCH_DIR / staging, site / layout.SEARCH_DIR / name
        made = {p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()}
        for rel in sorted(made - {ENTRY}) + [ENTRY]:  # the entry names the chunks: last
            target = live / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new / rel, target)
        shutil.rmtree(new, ignore_errors=True)
        generations = self._files.setdefault(name, [])
        generations.append(made)
        if len(generations) > 2:
            keep = generations[-1] | generations[-2]
            for rel in generations.pop(0) - keep:
                (live / rel).unlink(missing_ok=True)
        self.runs += 1

"""Run the site engine (MkDocs + Material) and Pagefind on a generated project,
then swap the finished site into place. The only module that imports MkDocs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
from pathlib import Path

from generator.errors import BuildFailed


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_DIRTY_WARNING = "A 'dirty' build is being performed"


def run_mkdocs(config_file: Path, as_of: dt.date | None = None, *, dirty: bool = False) -> None:
    """Build with MkDocs in strict mode: a warning is a failure, reported as such.

    `dirty`: rebuild only pages whose Markdown is newer than their HTML (the
    generator keeps the modification times of files it did not change), in a
    site folder that holds the previous build. MkDocs warns that a dirty build
    may leave menus stale; the caller uses it only when the menu is unchanged.

    The engine's own dates (the sitemap's, the gzip header's) are the as-of day,
    through SOURCE_DATE_EPOCH, so that two builds of the same data are identical."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if as_of is not None:
        moment = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        # Strictness is ours in a dirty build: MkDocs' own would stop at its warning.
        config = load_config(config_file=str(config_file), strict=not dirty)
        build(config, dirty=dirty)
        warnings = [m for m in collector.messages if not m.startswith(_DIRTY_WARNING)]
        if warnings:
            raise exceptions.Abort(f"Aborted with {len(warnings)} warnings in strict mode!")
    except (exceptions.MkDocsException, exceptions.Abort, OSError) as exc:
        details = "\n".join(
            f"  {m}" for m in collector.messages if not m.startswith(_DIRTY_WARNING)
        )
        raise BuildFailed(f"the site engine failed: {exc}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collector)
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def pagefind_binary() -> Path:
    """Pagefind's extended build, which segments Chinese text."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:  # pragma: no cover - it is a pinned dependency
        raise BuildFailed(
            "Pagefind's extended build is missing: pip install 'pagefind[extended]'"
        ) from None
    return Path(get_executable())


def run_pagefind(site: Path, shard: str = "", glob: str = "**/*.{html}") -> None:
    """Index the pages of `site` that match `glob` into `pagefind/<shard>/`.

    A site's search is several such indexes (standards, notices, results, the
    rest), merged in the reader's browser, so that an edit re-indexes only its part."""
    out = f"pagefind/{shard}" if shard else "pagefind"
    shutil.rmtree(site / out, ignore_errors=True)  # nothing of an older index stays
    done = subprocess.run(
        [
            str(pagefind_binary()),
            "--site",
            str(site),
            "--glob",
            glob,
            "--output-subdir",
            out,
            "--quiet",
            # Permalink pilcrows are not text to search.
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed(f"the search indexer failed:\n{done.stdout}{done.stderr}".rstrip())


def publish(built: Path, target: Path) -> None:
    """Put a copy of the engine's folder `built` at `target`, all at once.

    The new site is assembled beside the old one, then swapped in, so a reader
    never sees a half-written site. Files the build did not change (same size and
    modification time) are hard links to the published ones, which are never
    written in place; changed files are copied."""
    new = target.with_name(target.name + ".new")
    shutil.rmtree(new, ignore_errors=True)
    for folder, _, names in os.walk(built):
        here = Path(folder)
        there = new / here.relative_to(built)
        there.mkdir(parents=True, exist_ok=True)
        published = target / here.relative_to(built)
        for name in names:
            source, old = here / name, published / name
            try:
                a, b = source.stat(), old.stat()
                if (a.st_size, a.st_mtime_ns) == (b.st_size, b.st_mtime_ns):
                    os.link(old, there / name)
                    continue
            except OSError:
                pass
            shutil.copy2(source, there / name)
    try:
        swap_into_place(new, target)
    finally:
        shutil.rmtree(new, ignore_errors=True)


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` with `new` so that a reader never sees a half-written site."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)

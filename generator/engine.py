"""Run the site engine (MkDocs + Material) and Pagefind on a generated project,
then swap the finished site into place. The only module that imports MkDocs."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import shutil
import subprocess
from pathlib import Path

from generator.cache import file_tree
from generator.errors import BuildFailed
from generator.search_canon import canonicalize


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

    A site's search can be several such indexes, merged in the reader's browser,
    so that an edit re-indexes only its part (generator/search.py)."""
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
    canonicalize(site / out)  # filter files in a stable order: builds stay identical


def publish(built: Path, target: Path) -> None:
    """Make `target` a copy of the engine's finished folder `built`.

    Called only after the whole build succeeded. When most files changed (the
    first build, a new version of the generator), the copy is made beside
    `target` and swapped in. Otherwise only the files that differ (size or
    modification time) are copied, each written beside its old version and
    renamed over it, so no reader ever gets half a file; then the files the
    build no longer makes are removed."""
    have = file_tree(target) if target.is_dir() else {}
    want = file_tree(built)
    changed = sum(1 for rel, sig in want.items() if sig is not None and have.get(rel) != sig)
    if not target.is_dir() or changed > len(want) // 2:
        new = target.with_name(target.name + ".new")
        shutil.rmtree(new, ignore_errors=True)
        try:
            shutil.copytree(built, new, copy_function=functools.partial(_put, built))
            swap_into_place(new, target)
        finally:
            shutil.rmtree(new, ignore_errors=True)
        return
    for rel, signature in want.items():  # folders come before what they hold
        old = os.path.join(target, rel)
        if signature is None:
            if have.get(rel) is not None:  # a file where a folder now goes
                os.unlink(old)
            continue
        if have.get(rel) == signature:
            continue  # the file as it was
        if rel in have and have[rel] is None:  # a folder where a file now goes
            shutil.rmtree(old)
        os.makedirs(os.path.dirname(old), exist_ok=True)
        part = os.path.join(os.path.dirname(old), f".{os.path.basename(old)}.part")
        _put(built, os.path.join(built, rel), part)
        os.replace(part, old)
    for rel in sorted(have.keys() - want.keys(), reverse=True):  # inner ones first
        gone = os.path.join(target, rel)
        if have[rel] is None:
            shutil.rmtree(gone, ignore_errors=True)
        elif os.path.lexists(gone):
            os.unlink(gone)


def _put(built: Path, source: str, target: str) -> None:
    """Copy a built file; the search index's files are linked instead (thousands
    of them change together). That is safe because the indexer never writes a
    file in place: its folder is removed before each run, so the next run makes
    new files and the published ones stay as they are."""
    if source.startswith(os.path.join(built, "pagefind", "")):
        try:
            os.link(source, target)
            return
        except OSError:  # another file system, or no hard links: copy
            pass
    shutil.copy2(source, target)


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` with `new` so that a reader never sees a half-written site."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)

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


def run_mkdocs(config_file: Path, as_of: dt.date | None = None) -> None:
    """Build with MkDocs in strict mode: a warning is a failure, reported as such.

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
        config = load_config(config_file=str(config_file), strict=True)
        build(config)
    except (exceptions.MkDocsException, exceptions.Abort, OSError) as exc:
        details = "\n".join(f"  {m}" for m in collector.messages)
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


def run_pagefind(site: Path) -> None:
    done = subprocess.run(
        # Permalink pilcrows are not text to search.
        [
            str(pagefind_binary()),
            "--site",
            str(site),
            "--quiet",
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BuildFailed(f"the search indexer failed:\n{done.stdout}{done.stderr}".rstrip())


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` with `new` so that a reader never sees a half-written site."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)

"""Run the site engine (MkDocs + Material) on a generated project, in strict mode."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
from collections.abc import Iterator
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
    so that two builds of the same data are identical."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        with _build_date(as_of):
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
        raise BuildFailed("error.engine", detail=f"{exc}\n{details}".rstrip()) from None
    finally:
        logger.removeHandler(collector)


@contextlib.contextmanager
def _build_date(as_of: dt.date | None) -> Iterator[None]:
    """MkDocs takes its build date from SOURCE_DATE_EPOCH and from nowhere else
    (mkdocs.utils.get_build_datetime), so the variable is set for the build's
    duration and restored after it; nothing else reads or writes the environment."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if as_of is not None:
        moment = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved

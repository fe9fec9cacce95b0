"""Run the site engine (MkDocs + Material) on a generated project, in strict mode."""

from __future__ import annotations

import logging
from pathlib import Path

from generator import layout
from generator.engine.custom import theme_problem
from generator.engine.engine_warnings import as_problems
from generator.errors import BuildFailed, ValidationFailed


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_DIRTY_WARNING = "A 'dirty' build is being performed"


def run_mkdocs(config_file: Path, *, dirty: bool = False) -> None:
    """Build with MkDocs in strict mode: a warning is a failure, reported as such.

    `dirty`: rebuild only pages whose Markdown is newer than their HTML (the
    generator keeps the modification times of files it did not change), in a
    site folder that holds the previous build. MkDocs warns that a dirty build
    may leave menus stale; the caller uses it only when the menu is unchanged.

    The engine's own dates (the sitemap's, the gzip header's) are the as-of day
    written into the project, set by the hooks (`engine/hooks.py`)."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        # Strictness is ours in a dirty build: MkDocs' own would stop at its warning.
        config = load_config(config_file=str(config_file), strict=not dirty)
        build(config, dirty=dirty)
        warnings = [m for m in collector.messages if not m.startswith(_DIRTY_WARNING)]
        if warnings:
            raise exceptions.Abort(f"Aborted with {len(warnings)} warnings in strict mode!")
    except (exceptions.MkDocsException, exceptions.Abort, OSError) as exc:
        warnings = [m for m in collector.messages if not m.startswith(_DIRTY_WARNING)]
        if warnings:  # the engine's warnings never reach an editor raw
            raise ValidationFailed(as_problems(warnings, layout.root_of_build(config_file.resolve()))) from None
        details = "\n".join(
            f"  {m}" for m in collector.messages if not m.startswith(_DIRTY_WARNING)
        )
        raise BuildFailed("error.engine", detail=f"{exc}\n{details}".rstrip()) from None
    except Exception as exc:
        # A mistake in a committee's theme template (site_templates/theme/, custom_dir)
        # is theirs to fix, at its place.
        problem = theme_problem(exc, layout.root_of_build(config_file.resolve()))
        if problem is None:
            raise
        raise ValidationFailed([problem]) from None
    finally:
        logger.removeHandler(collector)

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


def run_mkdocs(config_file: Path, *, dirty: bool = False, key: str = "") -> bool:
    """Build with MkDocs in strict mode: a warning is a failure, reported as such.

    `dirty`: rebuild only pages whose Markdown is newer than their HTML (the
    generator keeps the modification times of files it did not change), in a
    site folder that holds the previous build. A dirty build would leave menus
    stale; the caller uses it only when the menu is unchanged.

    `key`: the engine key (engine/build.py), under which a dirty build may reuse
    what this process's previous build found (engine/engine_build.py).
    True when every file the engine wrote is a new file, never one written
    into (no plugin or hook of the committee's ran): publishing may link them.

    The engine's own dates (the sitemap's, the gzip header's) are the as-of day
    written into the project, set by the hooks (`engine/hooks.py`)."""
    from mkdocs import exceptions

    from generator.engine import engine_build

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = engine_build.load(config_file, strict=True)
        fresh = engine_build.build(config, dirty=dirty, key=key)
        if collector.messages:
            raise exceptions.Abort(
                f"Aborted with {len(collector.messages)} warnings in strict mode!"
            )
    except (exceptions.MkDocsException, exceptions.Abort, OSError) as exc:
        if collector.messages:  # the engine's warnings never reach an editor raw
            root = layout.root_of_build(config_file.resolve())
            raise ValidationFailed(as_problems(collector.messages, root)) from None
        raise BuildFailed("error.engine", detail=str(exc).rstrip()) from None
    except Exception as exc:
        # A mistake in a committee's theme template (site_templates/theme/, custom_dir)
        # is theirs to fix, at its place.
        problem = theme_problem(exc, layout.root_of_build(config_file.resolve()))
        if problem is None:
            raise
        raise ValidationFailed([problem]) from None
    finally:
        logger.removeHandler(collector)
    return fresh

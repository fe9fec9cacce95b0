"""MkDocs hook used only by `handbook serve`: keep the preview's search current.

After each build, the parts of the search index (see `serve_search`) whose
pages changed are built again, in the background, so that the edited page
reloads at once and search catches up a moment later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.engine.serve_search import PreviewSearch, sections_of

# Made on startup, kept across the builds of one `mkdocs serve` (MkDocs keeps a
# hook module that has `on_startup`), dropped on shutdown.
_preview: PreviewSearch | None = None


def on_startup(command: str, dirty: bool) -> None:
    """A preview starts: its search index is looked after by one object."""
    global _preview
    _preview = PreviewSearch()


def on_shutdown() -> None:
    """The preview stops."""
    global _preview
    _preview = None


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Bring the preview's search up to date with the pages just built."""
    site, docs, sections = Path(config.site_dir), Path(config.docs_dir), sections_of(config)
    if _preview is None:  # a build outside `serve`: index once, in place
        PreviewSearch().after_build(site, docs, sections, wait=True)
        return
    first = _preview.runs == 0
    _preview.after_build(site, docs, sections, wait=first)  # the first time, before the preview opens

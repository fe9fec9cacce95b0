"""MkDocs hook used only by `handbook serve`: index the preview for search.

The first build is indexed in full. Later builds are dirty builds of the few
pages an edit touched; re-indexing thousands of pages after every keystroke
would cost seconds, so the preview keeps the first index (search in the
preview may lag behind the edits; `handbook build` always indexes afresh)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.engine import run_pagefind

_indexed: set[str] = set()


def on_post_build(config: Any, **kwargs: Any) -> None:
    site = str(config.site_dir)
    if site not in _indexed:
        run_pagefind(Path(site))
        _indexed.add(site)

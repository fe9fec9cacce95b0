"""MkDocs hook used only by `handbook serve`: keep the preview's search current.

After each build, the search index is built again when the pages changed, in
the background, so that the edited page reloads at once and search catches up
a moment later. What the index was made from is written beside it, so the hook
keeps no state between builds."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from generator import layout
from generator.core.memory import digest_parts
from generator.engine.search import run_pagefind

_STATE = ".hb-indexed"  # in the preview's site folder: what the search index was made from
_lock = threading.Lock()  # one indexer at a time, however quickly the builds come


def _index(site: Path, docs: Path) -> None:
    with _lock:
        state = digest_parts(
            (p.relative_to(docs).as_posix(), p.stat().st_mtime_ns)
            for p in sorted(docs.rglob("*.md"))
        )
        done = site / _STATE
        if done.is_file() and done.read_text(encoding="utf-8") == state:
            return
        run_pagefind(site)
        done.write_text(state, encoding="utf-8")


def on_post_build(config: Any, **kwargs: Any) -> None:
    """Index the preview: at once the first time (before it opens), then in the background."""
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    if not (site / layout.SEARCH_DIR).is_dir():
        _index(site, docs)
    else:
        threading.Thread(target=_index, args=(site, docs), daemon=True).start()

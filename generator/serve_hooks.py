"""MkDocs hook used only by `handbook serve`: keep the preview's search current.

After each build, the search indexes (see `search`) whose pages changed are
built again, in the background, so that the edited page reloads at once and
search catches up a moment later."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from generator import search
from generator.cache import digest_parts
from generator.engine import run_pagefind

_lock = threading.Lock()
_indexed: dict[tuple[str, str], str] = {}  # (site, index) → what its pages were


def _index(site: Path, docs: Path) -> None:
    with _lock:
        paths = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
        for name, members in search.shards(paths).items():
            state = digest_parts((p, (docs / p).stat().st_mtime_ns) for p in members)
            if _indexed.get((str(site), name)) != state:
                run_pagefind(site, name, search.glob(name, members))
                _indexed[(str(site), name)] = state


def on_post_build(config: Any, **kwargs: Any) -> None:
    site, docs = Path(config.site_dir), Path(config.docs_dir)
    if not any(key[0] == str(site) for key in _indexed):
        _index(site, docs)  # the first time, before the preview opens
    else:
        threading.Thread(target=_index, args=(site, docs), daemon=True).start()

"""MkDocs hook used only by `handbook serve`: index each preview build for search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.engine import run_pagefind


def on_post_build(config: Any, **kwargs: Any) -> None:
    run_pagefind(Path(config.site_dir))

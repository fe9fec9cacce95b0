"""`handbook build`: the pipeline, the engine, the search index, then the swap."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from generator import engine
from generator.pipeline import Result, run
from generator.project import write_project


def build_site(
    root: Path,
    as_of: dt.date,
    site_dir: Path | None = None,
    mark: Callable[[str], None] | None = None,
) -> Result:
    """Build the site into `site_dir` (default `site/`); on any failure it is left as it was.

    `mark(stage)` is called as each stage ends, for the benchmarks."""
    mark = mark or (lambda stage: None)
    target = (site_dir or root / "site").resolve()
    result = run(root, as_of, mark=mark)
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = write_project(root, result, staging)
        mark("write")
        engine.run_mkdocs(config, as_of)
        mark("engine")
        engine.run_pagefind(staging)
        mark("search index")
        engine.swap_into_place(staging, target)
        mark("post-build")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result

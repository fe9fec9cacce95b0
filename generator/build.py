"""`handbook build`: the pipeline, the engine, the search index, then the swap."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator import engine
from generator.pipeline import Result, run
from generator.project import write_project


def build_site(root: Path, as_of: dt.date, site_dir: Path | None = None) -> Result:
    """Build the site into `site_dir` (default `site/`); on any failure it is left as it was."""
    target = (site_dir or root / "site").resolve()
    result = run(root, as_of)
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = write_project(root, result, staging)
        engine.run_mkdocs(config, as_of)
        engine.run_pagefind(staging)
        engine.swap_into_place(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result

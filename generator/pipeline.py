"""The generator's pipeline: load → model → check → compute → render.

It never touches the site; it returns pages, or raises ValidationFailed with
every problem found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.check import check_all
from generator.compute import Catalog, build_catalog
from generator.errors import ValidationFailed
from generator.render import Page, Renderer
from generator.repository import Settings, load_home, load_settings, load_standards


@dataclass(frozen=True)
class Result:
    settings: Settings
    catalog: Catalog
    pages: list[Page]


def run(root: Path, as_of: dt.date, *, render: bool = True) -> Result:
    settings, problems = load_settings(root)
    editions, found = load_standards(root)
    problems += found
    home, found = load_home(root)
    problems += found
    problems += check_all(editions, as_of)
    if problems or settings is None:
        raise ValidationFailed(problems)
    catalog = build_catalog(editions, as_of)
    pages = Renderer(catalog, settings).pages(home) if render else []
    return Result(settings, catalog, pages)

"""How fresh each menu section is: the newest of its data's own dates (a notice's
publication, a standard's issue, a page's `date`, a round's publication) and the
days of the last commits that touched its files."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.content.kind import PAGES
from generator.core.documents import load_yaml
from generator.errors import Problem
from generator.notices.kind import SHOWN
from generator.pipeline import Result
from generator.render.labels import labels_for
from generator.results.kind import SCORED
from generator.settings import Settings
from generator.standards.kind import CATALOG


@dataclass(frozen=True)
class Section:
    """A menu section (栏目) as an inspector sees it."""

    name: str
    path: str  # its source folder, relative to the repository, ending in /
    pages: int  # the pages it holds besides its own index page
    last: dt.date | None  # when it last changed
    limit: int  # days it may go unchanged


def _newest(*groups: Iterable[dt.date | None]) -> dt.date | None:
    known = [d for days in groups for d in days if d is not None]
    return max(known) if known else None


def _committed(dates: dict[str, dt.date], folder: str) -> list[dt.date]:
    return [day for path, day in dates.items() if path.startswith(folder)]


def sections(result: Result, dates: dict[str, dt.date]) -> list[Section]:
    """The sections of the menu, in its order; `dates`: file → day of its last commit."""
    settings = result.settings
    labels = labels_for(settings.language)
    days = settings.audit.section_days
    found = []
    editions = [e for s in result.store[CATALOG].standards for e in s.editions]
    found.append(
        Section(
            labels["standards"],
            f"{layout.STANDARDS_DIR}/",
            len(result.store[CATALOG].standards),
            _newest(
                [e.model.issued for e in editions] + _committed(dates, f"{layout.STANDARDS_DIR}/")
            ),
            days,
        )
    )
    notices = [i.notice for i in result.store[SHOWN]]
    found.append(
        Section(
            labels["notices"],
            f"{layout.NOTICES_SOURCE}/",
            len(notices),
            _newest(
                [n.meta.published for n in notices] + [dates.get(n.page.source) for n in notices]
            ),
            settings.audit.notices_days,
        )
    )
    if result.store[SCORED]:
        rounds = [r.loaded.loaded.model for r in result.store[SCORED]]
        found.append(
            Section(
                labels["results"],
                f"{layout.RESULTS_SOURCE}/",
                len(rounds),
                _newest(
                    [r.published for r in rounds] + _committed(dates, f"{layout.RESULTS_SOURCE}/")
                ),
                days,
            )
        )
    for index in sorted(
        (p for p in result.store[PAGES] if p.is_index and "/" in p.path),
        key=lambda p: (p.meta.order, p.meta.title),
    ):
        if index.path.count("/") != 1:  # only the menu's top level is a column
            continue
        folder = posixpath.dirname(index.path) + "/"
        pages = [p for p in result.store[PAGES] if p.path.startswith(folder) and p is not index]
        found.append(
            Section(
                index.meta.title,
                f"{layout.CONTENT_DIR}/{folder}",
                len(pages),
                _newest(
                    [p.meta.date for p in [index, *pages]],
                    [dates.get(p.source) for p in [index, *pages]],
                ),
                days,
            )
        )
    return found


def home_last(result: Result, found: list[Section], dates: dict[str, dt.date]) -> dt.date | None:
    """The home page changes when its own text does or when a section it shows does."""
    return _newest([s.last for s in found], [dates.get(layout.HOME_SOURCE)])


def stale_and_empty(
    found: list[Section], home: dt.date | None, settings: Settings, as_of: dt.date
) -> list[Problem]:
    """The home page and sections older than their limits, and empty sections."""
    problems = []
    limit = settings.audit.home_days
    if home is not None and (as_of - home).days > limit:
        days = (as_of - home).days
        problems.append(
            Problem.at(layout.HOME_SOURCE, 0, 0, "", "HB800", last=home, days=days, limit=limit)
        )
    for s in found:
        if s.pages == 0:
            problems.append(Problem.at(s.path, 0, 0, "", "HB802", section=s.name))
        elif s.last is not None and (as_of - s.last).days > s.limit:
            problems.append(
                Problem.at(
                    s.path,
                    0,
                    0,
                    "",
                    "HB801",
                    section=s.name,
                    last=s.last,
                    days=(as_of - s.last).days,
                    limit=s.limit,
                )
            )
    return problems


# What a public site's footer must show.
RECORDS = ("site_id_code", "icp", "police_record")


def missing_records(root: Path, settings: Settings) -> list[Problem]:
    """A site that declares itself public (`public_site`) without its record numbers."""
    pub = settings.public_site
    if pub is None:
        return []
    doc, _ = load_yaml(root / layout.CONFIG_FILE, layout.CONFIG_FILE, foreign_tags=True)
    loc = ("extra", "handbook", "public_site")
    line, column = doc.where(loc, key=True) if doc is not None else (0, 0)
    return [
        Problem.at(
            layout.CONFIG_FILE, line, column, "extra.handbook.public_site", "HB806", setting=key
        )
        for key in RECORDS
        if not getattr(pub, key)
    ]

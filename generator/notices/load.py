"""Read the notices (`content/notices/<name>.md`) and the holiday calendar;
each notice's period end is worked out here, in working days."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.content.load import ContentPage, read_page
from generator.core.files import entries, present
from generator.core.memory import BuildCache
from generator.core.model import SLUG_PATTERN
from generator.core.typed import load_typed
from generator.errors import Problem
from generator.notices.model import CalendarFile, NoticeMeta
from generator.notices.workdays import WorkCalendar

CALENDAR = layout.CALENDAR


@dataclass(frozen=True)
class Notice:
    """A notice as read: its page (front matter shown as a page's), its own fields,
    its name (the address) and the last day of its period."""

    page: ContentPage
    meta: NoticeMeta
    slug: str
    end: dt.date | None  # the period's last day, stated or computed
    # The period's working days, when it is counted in working days (see notices.status).
    workdays: tuple[dt.date, ...] = ()

    @property
    def path(self) -> str:
        """The notice's page in the docs folder."""
        return self.page.path


def load_calendar(
    root: Path, memory: BuildCache | None = None
) -> tuple[WorkCalendar, list[Problem]]:
    """The public holidays and 调休 working days (an empty calendar without the file)."""
    path = root / CALENDAR
    if not present(path):
        return WorkCalendar(), []
    _, model, problems = load_typed(path, CALENDAR, CalendarFile, memory)
    if model is None:
        return WorkCalendar(), problems
    return WorkCalendar(frozenset(model.holidays), frozenset(model.workdays)), problems


def load_notices(
    root: Path, calendar: WorkCalendar, memory: BuildCache | None = None
) -> tuple[list[Notice], list[Problem]]:
    """Every notice, typed, with its period's end; bad files become problems."""
    base = root / layout.NOTICES_SOURCE
    notices: list[Notice] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    if not base.is_dir():
        return notices, problems
    for entry in entries(root, base):
        if not entry.rel.rpartition("/")[2].endswith(".md"):
            continue  # as `rglob("*.md")`
        path = entry.path
        rel = f"{layout.NOTICES_SOURCE}/{entry.rel}"
        if not entry.inside:
            problems.append(Problem.at(rel, 0, 0, "", "HB025"))
            continue
        slug = path.stem
        if "/" in entry.rel or not re.match(SLUG_PATTERN, slug):
            problems.append(Problem.at(rel, 0, 0, "", "HB401", found=entry.rel))
            continue
        page, found = read_page(path, rel, layout.notice_path(slug), NoticeMeta, memory)
        problems += found
        if page is None or not isinstance(page.typed, NoticeMeta):
            continue
        seen.add(rel)
        kept = _made.get(rel)
        if kept is not None and kept[0] is page and kept[1] == calendar:
            problems += kept[3]
            notices.append(kept[2])
            continue
        notice, found = _notice(page, page.typed, slug, calendar)
        _made[rel] = (page, calendar, notice, found)
        problems += found
        notices.append(notice)
    for rel in _made.keys() - seen:
        del _made[rel]  # a notice removed, or one with a problem now
    return notices, problems


# The notices the process's previous build made, by file: a notice read again as
# the very same page (the build memory hands back an unchanged file's page, see
# core/memory.py) in the same calendar is the same notice (Notice is frozen).
_made: dict[str, tuple[ContentPage, WorkCalendar, Notice, list[Problem]]] = {}


def _notice(
    page: ContentPage, meta: NoticeMeta, slug: str, calendar: WorkCalendar
) -> tuple[Notice, list[Problem]]:
    """A notice from its page: shown with its issuer and day, its period's end counted."""
    problems: list[Problem] = []
    # Shown like any page's: the notice's issuer and day of publication.
    shown = page.meta.model_copy(update={"issuer": meta.issuer, "date": meta.published})
    page = dataclasses.replace(page, meta=shown)
    end, found = _period_end(page, meta, calendar)
    problems += found
    period = meta.period
    counted = period is not None and period.working_days is not None and end is not None
    workdays = calendar.working_days(period.start, end) if period and end and counted else ()
    return Notice(page, meta, slug, end, workdays), problems


def _period_end(
    page: ContentPage, meta: NoticeMeta, calendar: WorkCalendar
) -> tuple[dt.date | None, list[Problem]]:
    period = meta.period
    if period is None:
        return None, []
    doc = page.meta_doc
    problems = []
    if period.start < meta.published:
        problems.append(
            doc.problem(("period", "start"), "HB402", start=period.start, published=meta.published)
        )
    end = period.end
    if period.working_days is not None:
        last_year = period.start.year + 1
        missing = [
            y
            for y in range(period.start.year, last_year + 1)
            if not calendar.covers(dt.date(y, 1, 1))
        ]
        computed = calendar.end_of(period.start, period.working_days)
        if computed.year in missing or period.start.year in missing:
            year = period.start.year if period.start.year in missing else computed.year
            problems.append(
                doc.problem(("period", "working_days"), "HB403", year=year, calendar=CALENDAR)
            )
        elif end is not None and end != computed:
            problems.append(
                doc.problem(
                    ("period", "end"),
                    "HB404",
                    end=end,
                    days=period.working_days,
                    start=period.start,
                    computed=computed,
                )
            )
        end = computed
    if end is not None and end < period.start:
        problems.append(doc.problem(("period", "end"), "HB405", end=end, start=period.start))
    if meta.outcome and end and meta.outcome.date <= end:
        problems.append(doc.problem(("outcome", "date"), "HB406", date=meta.outcome.date, end=end))
    return end, problems

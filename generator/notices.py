"""Public notices: load them, check their periods and links, and compute their
status on a day. A notice's status is a pure function of its dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.models.base import SLUG_PATTERN
from generator.models.notice import CalendarFile, NoticeMeta
from generator.pages import NOTICES_DIR, ContentPage, read_page
from generator.repository import CONTENT_DIR, inside
from generator.validate import load_typed
from generator.workdays import WorkCalendar

CALENDAR = f"{CONTENT_DIR}/{NOTICES_DIR}/calendar.yml"

NOT_STARTED = "未开始"
OPEN = "公示中"
CLOSED = "已结束"
DECIDED = "结果已公布"
PUBLISHED = "已发布"


@dataclass(frozen=True)
class Notice:
    page: ContentPage
    meta: NoticeMeta
    slug: str
    end: dt.date | None  # the period's last day, stated or computed

    @property
    def path(self) -> str:
        return self.page.path


@dataclass(frozen=True)
class NoticeInfo:
    notice: Notice
    status: str
    days_left: int  # calendar days left in the period, today included; 0 when not open
    extended_by: tuple[str, ...]  # slugs of notices that extend this one


def load_calendar(root: Path) -> tuple[WorkCalendar, list[Problem]]:
    path = root / CALENDAR
    if not path.is_file():
        return WorkCalendar(), []
    _, model, problems = load_typed(path, CALENDAR, CalendarFile)
    if model is None:
        return WorkCalendar(), problems
    return WorkCalendar(frozenset(model.holidays), frozenset(model.workdays)), problems


def load_notices(root: Path, calendar: WorkCalendar) -> tuple[list[Notice], list[Problem]]:
    base = root / CONTENT_DIR / NOTICES_DIR
    notices: list[Notice] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return notices, problems
    for path in sorted(base.rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        if not inside(root, path):
            problems.append(
                Problem(rel, 0, 0, "", "the file links to a place outside the repository")
            )
            continue
        slug = path.stem
        if path.parent != base or not re.match(SLUG_PATTERN, slug):
            problems.append(
                Problem(
                    rel,
                    0,
                    0,
                    "",
                    "a notice is kept as content/notices/<name>.md, the name in lowercase "
                    f"Latin letters, digits and hyphens (it is the notice's permanent address); found '{path.relative_to(base).as_posix()}'",
                )
            )
            continue
        page, found = read_page(path, rel, f"{NOTICES_DIR}/{slug}.md", NoticeMeta)
        problems += found
        if page is None or not isinstance(page.typed, NoticeMeta):
            continue
        meta = page.typed
        page.meta = page.meta.model_copy(update={"issuer": meta.issuer, "date": meta.published})
        end, found = _period_end(page, meta, calendar)
        problems += found
        notices.append(Notice(page, meta, slug, end))
    return notices, problems


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
            doc.problem(
                ("period", "start"),
                f"the period starts on {period.start}, before the notice is published ({meta.published})",
            )
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
                doc.problem(
                    ("period", "working_days"),
                    f"the holiday calendar has no dates for {year}; add that "
                    f"year's holidays and 调休 working days to {CALENDAR}",
                )
            )
        elif end is not None and end != computed:
            problems.append(
                doc.problem(
                    ("period", "end"),
                    f"the period ends on {end}, but {period.working_days} working days "
                    f"from {period.start} end on {computed}; correct 'end' or remove it",
                )
            )
        end = computed
    if end is not None and end < period.start:
        problems.append(
            doc.problem(
                ("period", "end"), f"the period ends on {end}, before it starts on {period.start}"
            )
        )
    if meta.outcome and end and meta.outcome.date <= end:
        problems.append(
            doc.problem(
                ("outcome", "date"),
                f"the outcome is dated {meta.outcome.date}, but the period runs until {end}",
            )
        )
    return end, problems


def check_notices(notices: list[Notice], standard_ids: set[str]) -> list[Problem]:
    problems = []
    seen: dict[str, Notice] = {}
    slugs = {n.slug: n for n in notices}
    for n in notices:
        doc = n.page.meta_doc
        first = seen.setdefault(n.meta.id, n)
        if first is not n:
            line, column = first.page.meta_doc.where(("id",))
            problems.append(
                doc.problem(
                    ("id",),
                    f"the 索引号 '{n.meta.id}' is used twice (first in {first.page.source}:{line}:{column}); each notice keeps its own",
                )
            )
        for k, standard_id in enumerate(n.meta.concerns):
            if standard_id not in standard_ids:
                problems.append(
                    doc.problem(("concerns", k), f"there is no standard '{standard_id}'")
                )
        if n.meta.extends is not None:
            other = slugs.get(n.meta.extends)
            if other is None:
                problems.append(
                    doc.problem(
                        ("extends",),
                        f"there is no notice '{n.meta.extends}' (expected content/notices/{n.meta.extends}.md)",
                    )
                )
            elif other is n:
                problems.append(doc.problem(("extends",), "a notice cannot extend itself"))
            elif n.meta.period and other.end and n.end and n.end <= other.end:
                problems.append(
                    doc.problem(
                        ("extends",),
                        f"this period ends on {n.end}, not after the period it extends ({other.end})",
                    )
                )
        if n.meta.remove_after and n.meta.remove_after <= n.meta.published:
            problems.append(
                doc.problem(
                    ("remove_after",),
                    f"the removal date {n.meta.remove_after} must come after publication ({n.meta.published})",
                )
            )
    return problems


def notice_status(notice: Notice, as_of: dt.date) -> tuple[str, int]:
    """The status on `as_of` and the calendar days left in an open period (today included)."""
    period = notice.meta.period
    if period is None or notice.end is None:
        return PUBLISHED, 0
    if as_of < period.start:
        return NOT_STARTED, 0
    if as_of <= notice.end:
        return OPEN, (notice.end - as_of).days + 1
    outcome = notice.meta.outcome
    if outcome and outcome.date <= as_of:
        return DECIDED, 0
    return CLOSED, 0


def is_removed(notice: Notice, as_of: dt.date) -> bool:
    return notice.meta.remove_after is not None and as_of >= notice.meta.remove_after


def visible_notices(notices: list[Notice], as_of: dt.date) -> list[NoticeInfo]:
    """The notices on the site on `as_of`: open ones first, then newest first."""
    shown = [n for n in notices if not is_removed(n, as_of) and n.meta.published <= as_of]
    extensions: dict[str, list[str]] = {}
    for o in shown:
        if o.meta.extends:
            extensions.setdefault(o.meta.extends, []).append(o.slug)
    infos = []
    for n in shown:
        status, days = notice_status(n, as_of)
        infos.append(NoticeInfo(n, status, days, tuple(extensions.get(n.slug, ()))))
    infos.sort(
        key=lambda i: (i.status != OPEN, -i.notice.meta.published.toordinal(), i.notice.slug)
    )
    return infos


def next_change(notices: list[Notice], as_of: dt.date) -> dt.date | None:
    """The first day after `as_of` on which some notice's status or presence changes."""
    days = []
    for n in notices:
        days.append(n.meta.published)
        if n.meta.period and n.end:
            days += [n.meta.period.start, n.end + dt.timedelta(days=1)]
        if n.meta.outcome:
            days.append(n.meta.outcome.date)
        if n.meta.remove_after:
            days.append(n.meta.remove_after)
    later = [d for d in days if d > as_of]
    return min(later) if later else None

"""A notice's status on a day, and which notices the site shows: pure functions
of the dates (the reader's browser checks the status again against its clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from generator.notices.load import Notice


class NoticeStatus(StrEnum):
    """A notice's status: the one vocabulary of Python, templates and the browser."""

    NOT_STARTED = "未开始"
    OPEN = "公示中"
    CLOSED = "已结束"
    DECIDED = "结果已公布"
    PUBLISHED = "已发布"  # a notice without a period

    @property
    def key(self) -> str:
        """The status's name in data attributes and labels: not-started, open, …"""
        return self.name.lower().replace("_", "-")


# The statuses a period goes through, in order (the browser moves along them).
PERIOD_STATUSES = (
    NoticeStatus.NOT_STARTED,
    NoticeStatus.OPEN,
    NoticeStatus.CLOSED,
    NoticeStatus.DECIDED,
)


@dataclass(frozen=True)
class NoticeInfo:
    """A notice as the site shows it on a day."""

    notice: Notice
    status: NoticeStatus
    # Days left in the period, today included (working days when it is counted in them);
    # 0 when not open.
    days_left: int
    extended_by: tuple[str, ...]  # slugs of notices that extend this one


def notice_status(notice: Notice, as_of: dt.date) -> tuple[NoticeStatus, int]:
    """The status on `as_of` and the days left in an open period, today included: working
    days when the period is counted in them (on a Sunday, 4 of a 5-working-day period),
    else calendar days."""
    period = notice.meta.period
    if period is None or notice.end is None:
        return NoticeStatus.PUBLISHED, 0
    if as_of < period.start:
        return NoticeStatus.NOT_STARTED, 0
    if as_of <= notice.end:
        if notice.workdays:
            return NoticeStatus.OPEN, sum(1 for day in notice.workdays if day >= as_of)
        return NoticeStatus.OPEN, (notice.end - as_of).days + 1
    outcome = notice.meta.outcome
    if outcome and outcome.date <= as_of:
        return NoticeStatus.DECIDED, 0
    return NoticeStatus.CLOSED, 0


def is_removed(notice: Notice, as_of: dt.date) -> bool:
    """Whether a notice has left the site (`remove_after`: personal data)."""
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
        key=lambda i: (
            i.status != NoticeStatus.OPEN,
            -i.notice.meta.published.toordinal(),
            i.notice.slug,
        )
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

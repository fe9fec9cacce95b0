"""The notices (公示, 通报) as a kind of content: their periods counted in working
days, status by date, pages, menu, search, diff and feed entries (see
`generator/descriptor.py`)."""

from __future__ import annotations

from collections.abc import Mapping

from generator import layout
from generator.content.kind import CITERS, RESOLVED, SHOWN_CITERS
from generator.descriptor import (
    Build,
    Kind,
    Made,
    Phase,
    Rendering,
    SchemaFile,
    Search,
    Slot,
    Store,
    index_entry,
)
from generator.errors import Problem
from generator.notices.check import calendar_notes, check_notice_results, check_notices
from generator.notices.diff import notice_lines
from generator.notices.feeds import notice_entries
from generator.notices.load import Notice, load_calendar, load_notices
from generator.notices.model import CalendarFile
from generator.notices.pages import notice_pages
from generator.notices.status import (
    PERIOD_STATUSES,
    NoticeInfo,
    NoticeStatus,
    next_change,
    visible_notices,
)
from generator.notices.workdays import WorkCalendar
from generator.results.kind import RESULTS
from generator.results.load import public_tables
from generator.standards.kind import CATALOG, EDITIONS, UNREAD, WORKING_DAYS

CALENDAR: Slot[WorkCalendar] = Slot("notices.calendar")
NOTICES: Slot[list[Notice]] = Slot("notices.all")
SHOWN: Slot[list[NoticeInfo]] = Slot("notices.shown")  # those the site shows on the as-of day


def _load(build: Build) -> list[Problem]:
    calendar, problems = load_calendar(build.root, build.memory)
    notices, found = load_notices(build.root, calendar, build.memory)
    build.store[CALENDAR] = build.store[WORKING_DAYS] = calendar
    build.store[NOTICES] = notices
    build.store[CITERS] += [n.page for n in notices]
    return problems + found


def _check(build: Build) -> list[Problem]:
    ids = {e.model.id for e in build.store[EDITIONS]} | build.store[UNREAD]
    return check_notices(build.store[NOTICES], ids)


def _index(build: Build) -> list[Problem]:
    notices = build.store[NOTICES]
    shown = build.store[SHOWN] = visible_notices(notices, build.as_of)
    build.store[SHOWN_CITERS] += [i.notice.page for i in shown]
    day = next_change(notices, build.as_of)
    build.next_change += [day] if day else []
    return []


def _cross(build: Build) -> list[Problem]:
    return check_notice_results(build.store[NOTICES], build.store[RESULTS])


def _compute(build: Build) -> list[Problem]:
    build.notes += calendar_notes(build.store[NOTICES], build.store[CALENDAR])
    return []


def _pages(r: Rendering) -> Made:
    store = r.build.store
    results = store[RESULTS]
    titles = {f"round:{x.model.id}": x.model.title for x in results.rounds}
    titles |= {f"table:{t.model.id}": t.model.title for t in public_tables(results)}
    sources = {f"round:{x.model.id}": x.doc.path for x in results.rounds}
    sources |= {f"table:{t.model.id}": t.doc.path for t in results.tables}
    shown, resolved = store[SHOWN], store[RESOLVED]
    return Made(notice_pages(r.renderer, store[CATALOG], shown, resolved, titles, sources))


def _diff_lines(base: Store | None, head: Store, L: Mapping[str, str]) -> list[str]:
    return notice_lines(base[SHOWN] if base is not None else None, head[SHOWN], L)


KIND = Kind(
    name="notices",
    steps={
        Phase.LOAD: _load,
        Phase.CHECK: _check,
        Phase.INDEX: _index,
        Phase.CROSS: _cross,
        Phase.COMPUTE: _compute,
    },
    pages=(20, _pages),
    menu=(index_entry(20, "notices", layout.NOTICES_INDEX),),
    search=Search(
        section=layout.NOTICES_DIR,
        kinds=((30, "kind_notice"),),
        statuses=tuple((20 + n, str(s)) for n, s in enumerate(PERIOD_STATUSES)),
        classes={
            NoticeStatus.NOT_STARTED: "upcoming",
            NoticeStatus.OPEN: "open",
            NoticeStatus.CLOSED: "closed",
            NoticeStatus.DECIDED: "closed",
        },
        weights={"notice": 0.7},
    ),
    diff=((30, "notices", _diff_lines),),
    feed=lambda build, labels: notice_entries(build.store[SHOWN], labels),
    # A period counted in working days ends where the holiday calendar says.
    feed_sources=lambda build: [
        layout.CALENDAR,
        *(i.notice.page.source for i in build.store[SHOWN]),
    ],
    schemas=(
        SchemaFile(
            "calendar.schema.json",
            CalendarFile,
            "节假日安排（content/notices/calendar.yml）",
            layout.CALENDAR,
        ),
    ),
    template_globals=lambda store: {"NoticeStatus": NoticeStatus},
    not_in_nav=layout.NOTICES_NOT_IN_NAV,
)

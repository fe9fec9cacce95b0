"""Notices: status on every boundary, removal, the rules with their exact messages, feeds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest

from generator.notices.status import notice_status, visible_notices
from generator.pipeline import run
from tests.samples import MINIMAL, REPO, Handbook

D = dt.date
P = "content/notices/demo-gongshi.md"

FRONT = """\
id: DEMO-2026-1
type: 公示
title: 示例公示
issuer: 示例委员会
published: 2026-11-18
period:
  start: 2026-11-18
  working_days: 5
objections:
  department: 组织部
  phone: 0000-1
"""


def write_notice(handbook: Handbook, front: str = FRONT, name: str = P) -> None:
    handbook.write("standards/demo/2020.yml", MINIMAL)
    shutil.copytree(
        REPO / "content" / "notices", handbook.root / "content" / "notices", dirs_exist_ok=True
    )
    for sample in (handbook.root / "content" / "notices").glob("*.md"):
        sample.unlink()
    handbook.write(name, f"---\n{front}---\n\n正文。\n")


def status_on(handbook: Handbook, day: dt.date) -> tuple[str, int]:
    result = run(handbook.root, day, render=False)
    [info] = [i for i in result.notices if i.notice.slug == "demo-gongshi"]
    return info.status, info.days_left


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 11, 17), None),  # not yet published: not on the site
        (D(2026, 11, 18), ("公示中", 7)),
        (D(2026, 11, 24), ("公示中", 1)),  # the last day
        (D(2026, 11, 25), ("已结束", 0)),
        (D(2026, 12, 1), ("已结束", 0)),
    ],
)
def test_status_on_each_boundary(
    handbook: Handbook, day: dt.date, expected: tuple[str, int] | None
) -> None:
    write_notice(handbook)
    if expected is None:
        assert run(handbook.root, day, render=False).notices == []
    else:
        assert status_on(handbook, day) == expected


def test_not_started_and_outcome(handbook: Handbook) -> None:
    front = FRONT.replace(
        "published: 2026-11-18\nperiod:\n  start: 2026-11-18",
        "published: 2026-11-16\nperiod:\n  start: 2026-11-18",
    )
    write_notice(handbook, front + "outcome:\n  date: 2026-11-30\n  text: 无异议。\n")
    assert status_on(handbook, D(2026, 11, 17)) == ("未开始", 0)
    assert status_on(handbook, D(2026, 11, 29)) == ("已结束", 0)
    assert status_on(handbook, D(2026, 11, 30)) == ("结果已公布", 0)


@pytest.mark.parametrize(
    ("day", "shown"), [(D(2027, 1, 9), True), (D(2027, 1, 10), False), (D(2027, 1, 11), False)]
)
def test_removal_date(handbook: Handbook, day: dt.date, shown: bool) -> None:
    write_notice(handbook, FRONT + "remove_after: 2027-01-10\n")
    result = run(handbook.root, day, render=False)
    assert bool(result.notices) is shown


def test_stated_end_must_agree_with_working_days(handbook: Handbook) -> None:
    write_notice(
        handbook, FRONT.replace("  working_days: 5\n", "  end: 2026-11-23\n  working_days: 5\n")
    )
    assert handbook.problems() == [
        f"{P}:9:8: period.end: the period ends on 2026-11-23, but 5 working days from 2026-11-18 end on 2026-11-24; correct 'end' or remove it"
    ]


def test_calendar_must_cover_the_period(handbook: Handbook) -> None:
    write_notice(handbook, FRONT.replace("2026-11-18", "2030-03-01"))
    assert handbook.problems() == [
        f"{P}:9:17: period.working_days: the holiday calendar has no dates for 2030; add that year's holidays and 调休 working days to content/notices/calendar.yml"
    ]


def test_notice_rules(handbook: Handbook) -> None:
    write_notice(
        handbook,
        FRONT.replace("period:\n  start: 2026-11-18\n  working_days: 5\n", "")
        + "concerns: [nosuch]\nextends: other\n",
    )
    assert handbook.problems() == [
        f"{P}:2:1: a 公示 needs a 'period' during which objections are received",
    ]
    write_notice(handbook, FRONT + "concerns: [nosuch]\nextends: other\nremove_after: 2026-11-01\n")
    assert handbook.problems() == [
        f"{P}:13:12: concerns[0]: there is no standard 'nosuch'",
        f"{P}:14:10: extends: there is no notice 'other' (expected content/notices/other.md)",
        f"{P}:15:15: remove_after: the removal date 2026-11-01 must come after publication (2026-11-18)",
    ]


def test_duplicate_index_number_names_both(handbook: Handbook) -> None:
    write_notice(handbook)
    handbook.write("content/notices/zz-copy.md", f"---\n{FRONT}---\n正文\n")
    assert handbook.problems() == [
        "content/notices/zz-copy.md:2:5: id: the 索引号 'DEMO-2026-1' is used twice (first in content/notices/demo-gongshi.md:2:5); each notice keeps its own"
    ]


def test_notice_file_name_is_its_ascii_address(handbook: Handbook) -> None:
    write_notice(handbook, name="content/notices/四强公示.md")
    assert handbook.problems() == [
        "content/notices/四强公示.md: a notice is kept as content/notices/<name>.md, the name in lowercase Latin letters, digits and hyphens (it is the notice's permanent address); found '四强公示.md'"
    ]


def test_open_notices_come_first() -> None:
    result = run(REPO, D(2026, 11, 22), render=False)
    assert [i.notice.slug for i in result.notices] == [
        "sixiang-zhibu-2026",
        "ducha-2026q3",
        "biaogan-danwei-2026-yanchang",
        "biaogan-danwei-2026",
        "sixiang-zhibu-2025",
    ]
    assert result.next_change == D(2026, 11, 25)
    statuses = {
        i.notice.slug: notice_status(i.notice, D(2026, 11, 22))[0]
        for i in visible_notices([i.notice for i in result.notices], D(2026, 11, 22))
    }
    assert statuses["sixiang-zhibu-2025"] == "结果已公布"
    assert statuses["biaogan-danwei-2026"] == "已结束"


def test_feeds_parse_and_keep_their_ids(built_site: Path) -> None:
    atom = feedparser.parse((built_site / "notices" / "atom.xml").read_bytes())
    rss = feedparser.parse((built_site / "notices" / "rss.xml").read_bytes())
    assert not atom.bozo and not rss.bozo
    assert atom.version == "atom10" and rss.version == "rss20"
    titles = [e.title for e in atom.entries]
    assert titles[0] == "【公示】2026年度市直机关“四强”党支部拟命名对象公示"
    assert all("优秀共产党员" not in t for t in titles)  # removed: personal data
    first = atom.entries[0]
    assert first.link == "https://handbook.example.org/handbook/notices/sixiang-zhibu-2026/"
    assert first.published == "2026-11-18T00:00:00+08:00"
    assert atom.feed.updated == "2026-11-18T00:00:00+08:00"  # from the data, not the build time
    assert (
        first.id == "urn:uuid:a4888f5e-8d83-5b6a-93d5-e6b4e025cae8"
    )  # stable: derived from the 索引号
    assert [e.id for e in rss.entries] == [e.id for e in atom.entries]

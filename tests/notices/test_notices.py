"""Notices: status on every boundary, removal, the rules with their exact messages, feeds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest

from generator.messages import render
from generator.notices.kind import SHOWN
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
    [info] = [i for i in result.store[SHOWN] if i.notice.slug == "demo-gongshi"]
    return info.status, info.days_left


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 11, 17), None),  # not yet published: not on the site
        (D(2026, 11, 18), ("公示中", 5)),  # 5 working days left, today included
        (D(2026, 11, 22), ("公示中", 2)),  # a Sunday: Monday and Tuesday are left
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
        assert run(handbook.root, day, render=False).store[SHOWN] == []
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
    assert bool(result.store[SHOWN]) is shown


def test_stated_end_must_agree_with_working_days(handbook: Handbook) -> None:
    write_notice(
        handbook, FRONT.replace("  working_days: 5\n", "  end: 2026-11-23\n  working_days: 5\n")
    )
    assert handbook.problems() == [
        f"{P}:9:8: period.end: 公示期结束日写的是 2026-11-23，但从 2026-11-18 起 5 个工作日应结束于 2026-11-24；请改正 'end'，或删去它 [HB404]",
    ]


def test_calendar_must_cover_the_period(handbook: Handbook) -> None:
    write_notice(handbook, FRONT.replace("2026-11-18", "2030-03-01"))
    assert handbook.problems() == [
        f"{P}:9:17: period.working_days: 节假日安排中没有 2030 年的日期；请把该年的节假日和调休上班日补入 content/notices/calendar.yml [HB403]",
    ]


def test_notice_rules(handbook: Handbook) -> None:
    write_notice(
        handbook,
        FRONT.replace("period:\n  start: 2026-11-18\n  working_days: 5\n", "")
        + "concerns: [nosuch]\nextends: other\n",
    )
    assert handbook.problems() == [
        f"{P}:2:1: 公示需要 'period'：受理异议的公示期 [HB415]",
    ]
    write_notice(handbook, FRONT + "concerns: [nosuch]\nextends: other\nremove_after: 2026-11-01\n")
    assert handbook.problems() == [
        f"{P}:13:12: concerns[0]: 没有标准 'nosuch' [HB301]",
        f"{P}:14:10: extends: 没有公告 'other'（应有文件 content/notices/other.md） [HB408]",
        f"{P}:15:15: remove_after: 撤下日期 2026-11-01 应晚于发布日期 2026-11-18 [HB411]",
    ]


def test_duplicate_index_number_names_both(handbook: Handbook) -> None:
    write_notice(handbook)
    handbook.write("content/notices/zz-copy.md", f"---\n{FRONT}---\n正文\n")
    assert handbook.problems() == [
        "content/notices/zz-copy.md:2:5: id: 索引号 'DEMO-2026-1' 重复（第一次在 content/notices/demo-gongshi.md:2:5）；每个公告的索引号各不相同 [HB407]",
    ]


def test_notice_file_name_is_its_ascii_address(handbook: Handbook) -> None:
    write_notice(handbook, name="content/notices/四强公示.md")
    assert handbook.problems() == [
        "content/notices/四强公示.md: 公告应存放为 content/notices/<名称>.md，名称由小写拉丁字母、数字和连字符组成（它是公告的固定网址）；实际为 '四强公示.md' [HB401]",
    ]


def test_open_notices_come_first() -> None:
    result = run(REPO, D(2026, 11, 22), render=False)
    assert [i.notice.slug for i in result.store[SHOWN]] == [
        "sixiang-zhibu-2026",
        "ducha-2026q3",
        "biaogan-danwei-2026-yanchang",
        "biaogan-danwei-2026",
        "sixiang-zhibu-2025",
    ]
    assert result.next_change == D(2026, 11, 25)
    statuses = {
        i.notice.slug: notice_status(i.notice, D(2026, 11, 22))[0]
        for i in visible_notices([i.notice for i in result.store[SHOWN]], D(2026, 11, 22))
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


def test_a_standard_that_fails_to_read_is_reported_not_the_notices_that_cite_it(
    handbook: Handbook,
) -> None:
    write_notice(handbook, FRONT + "concerns: [demo]\n")
    handbook.write("standards/demo/2020.yml", MINIMAL.replace("issuer:", "isuer:"))
    assert handbook.problems() == [
        "standards/demo/2020.yml:7:1: isuer: 字段 'isuer' 不存在，是否应为 'issuer'？ [HB102]",
    ]


def test_a_wrapped_outcome_reads_as_one_line_in_the_feeds(handbook: Handbook) -> None:
    front = FRONT + "outcome:\n  date: 2026-11-30\n  text: |\n    公示期内未收到\n    异议。\n"
    write_notice(handbook, front)
    result = run(handbook.root, D(2026, 12, 1))
    atom = feedparser.parse(result.files["notices/atom.xml"])
    assert atom.entries[0].summary.endswith("结果：公示期内未收到异议。")


def test_in_a_new_handbook_a_misspelt_field_is_the_only_problem(tmp_path: Path) -> None:
    from generator.errors import ValidationFailed
    from generator.scaffold.new import write_handbook

    write_handbook(tmp_path / "h")
    edition = tmp_path / "h/standards/huiyi-guanli/2026.yml"
    edition.write_text(
        edition.read_text(encoding="utf-8").replace("issuer:", "isuer:"), encoding="utf-8"
    )
    with pytest.raises(ValidationFailed) as failed:
        run(tmp_path / "h", D(2026, 11, 22), render=False)
    assert [str(p) for p in failed.value.problems] == [
        "standards/huiyi-guanli/2026.yml:8:1: isuer: 字段 'isuer' 不存在，是否应为 'issuer'？ [HB102]"
    ]


def test_a_stated_end_past_the_holiday_calendar_is_noted(handbook: Handbook) -> None:
    front = FRONT.replace("  working_days: 5\n", "  end: 2031-01-10\n")
    write_notice(handbook, front)
    result = run(handbook.root, D(2026, 11, 22), render=False)
    [info] = [i for i in result.store[SHOWN] if i.notice.slug == "demo-gongshi"]
    assert info.days_left == 1511  # calendar days: the period is not counted in working days
    assert [render(n.key, n.params, "zh") for n in result.notes] == [
        f"{P}:9:8: period.end: 提示：公示期结束于 2031-01-10，节假日安排只到 2026 年，无法核对这段时间的工作日；收到 2031 年的节假日安排后，请补入 content/notices/calendar.yml"
    ]

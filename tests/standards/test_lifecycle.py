"""A standard's life: drafts for comment through their period, amendment sheets
(consolidated text, redline), errata, history and citation, and their checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.kinds import KINDS
from generator.pipeline import run
from generator.standards.compare import compare_editions
from generator.standards.kind import CATALOG
from generator.standards.lifecycle import (
    DraftStatus,
    before_and_after,
    citation,
    consolidate,
    draft_status,
)
from generator.standards.model import walk_clauses
from tests.samples import AS_OF, MINIMAL, Handbook, copy_sample

P = "standards/demo/2020.yml"
D = "standards/demo/drafts/2024.yml"

DRAFT = (
    MINIMAL.replace('edition: "2020"', 'edition: "2024"')
    .replace("XX/DJ 009-2020", "XX/DJ 009-2024")
    .replace("issued: 2020-01-10\neffective: 2020-02-01\n", "stage: 征求意见稿\n")
    + """\
consultation: {start: 2026-11-16, days: 60}
comments_to: {department: 组织部, email: a@example.org}
explanation: 根据工作要点修订。
"""
)

SHEET = """\
amendments:
  - number: 1
    issued: 2021-03-01
    effective: 2021-04-01
    items:
      - {clause: tiaokuan-yi, text: 党支部应当按期换届，届满前三个月报告。}
      - {clause: tiaokuan-san, action: 增加, number: "1.3", after: tiaokuan-yi, text: 新增的要求。}
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("life"))


def _catalog(root: Path, as_of: dt.date):  # type: ignore[no-untyped-def]
    return run(root, as_of, render=False).store[CATALOG]


# -- drafts through their period ------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "status", "left"),
    [
        (dt.date(2026, 11, 15), DraftStatus.NOT_STARTED, 0),
        (dt.date(2026, 11, 16), DraftStatus.OPEN, 60),
        (dt.date(2027, 1, 14), DraftStatus.OPEN, 1),
        (dt.date(2027, 1, 15), DraftStatus.CLOSED, 0),
    ],
)
def test_the_sample_draft_is_open_for_its_sixty_days(
    sample: Path, day: dt.date, status: DraftStatus, left: int
) -> None:
    draft = _catalog(sample, day).draft_of("shuzhi-pingyi/2027")
    assert draft is not None
    assert (draft.status, draft.days_left, draft.end) == (status, left, dt.date(2027, 1, 14))


def test_a_draft_whose_edition_is_issued_says_so() -> None:
    start, end = dt.date(2023, 2, 1), dt.date(2023, 3, 2)
    issued = dt.date(2023, 5, 26)
    assert draft_status(start, end, issued, dt.date(2023, 4, 1))[0] == DraftStatus.CLOSED
    assert draft_status(start, end, issued, issued)[0] == DraftStatus.ISSUED
    assert DraftStatus.ISSUED.key == "decided"  # the notices' browser check knows this key


def test_open_drafts_are_listed_soonest_first_and_never_in_force(sample: Path) -> None:
    catalog = _catalog(sample, AS_OF)
    assert [d.ref for d in catalog.open_drafts] == ["shuzhi-pingyi/2027"]
    assert [d.ref for d in catalog.pending_drafts] == ["shuzhi-pingyi/2027"]
    # The draft changes nothing of the edition in force.
    assert catalog.standard("shuzhi-pingyi").current.ref == "shuzhi-pingyi/2024"
    issued = catalog.draft_of("liuhua-24/2023")
    assert issued is not None and issued.status == DraftStatus.ISSUED


def test_a_draft_period_in_working_days_follows_the_holiday_calendar(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(
        "content/notices/calendar.yml", "holidays: [2026-10-01, 2026-10-02]\nworkdays: []\n"
    )
    handbook.write(
        D,
        DRAFT.replace("days: 60", "start: 2026-09-28, working_days: 5").replace(
            "start: 2026-11-16, ", ""
        ),
    )
    draft = _catalog(handbook.root, AS_OF).drafts[0]
    # 28, 29, 30 September; 1 and 2 October are holidays; then 5 and 6 October.
    assert draft.end == dt.date(2026, 10, 6)


def test_the_day_after_a_draft_closes_is_the_next_change(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(D, DRAFT)
    assert run(handbook.root, AS_OF, render=False).next_change == dt.date(2027, 1, 15)


def test_a_sheet_s_effective_date_is_the_next_change(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL + SHEET)
    assert run(handbook.root, dt.date(2021, 3, 10), render=False).next_change == dt.date(2021, 4, 1)


# -- amendment sheets: consolidated text and redline ----------------------------------


def test_consolidated_text_from_the_sheet_s_effective_date(sample: Path) -> None:
    catalog = _catalog(sample, AS_OF)
    edition = catalog.editions["liuhua-24/2023"].written
    before = consolidate(edition, dt.date(2024, 3, 31))
    after = consolidate(edition, dt.date(2024, 4, 1))
    text = {c.id: c.text for c, _ in walk_clauses(after.model)}
    old = {c.id: c.text for c, _ in walk_clauses(before.model)}
    assert (
        old["zhuti-dangri"] == "党支部每月固定 1 天开展主题党日活动，内容应事先确定并在台账中记录。"
    )
    assert text["zhuti-dangri"].endswith("因集中工作任务不能按时开展的，应在当月内补开。")
    assert "xianshang-xuexi" not in old
    numbers = [c.number for c, _ in walk_clauses(after.model) if c.number.startswith("4.")]
    assert numbers == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"]
    assert [a.number for a in before.pending] == [1]
    assert sorted(after.marks) == ["xianshang-xuexi", "zhuti-dangri"]
    # What the site shows as the edition in force is that consolidated text.
    assert catalog.editions["liuhua-24/2023"].model == after.model


def test_a_deleted_clause_is_withdrawn_on_the_sheet_s_date(handbook: Handbook) -> None:
    handbook.write(
        P,
        MINIMAL + "amendments:\n  - {number: 1, issued: 2021-03-01, effective: 2021-04-01,"
        " items: [{clause: tiaokuan-er, action: 删除, note: 并入 1.1}]}\n",
    )
    edition = _catalog(handbook.root, AS_OF).editions["demo/2020"].written
    clause = {c.id: c for c, _ in walk_clauses(consolidate(edition, AS_OF).model)}["tiaokuan-er"]
    assert clause.withdrawn is not None
    assert (clause.withdrawn.date, clause.withdrawn.note) == (dt.date(2021, 4, 1), "并入 1.1")


def test_redline_of_a_sheet(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL + SHEET)
    edition = _catalog(handbook.root, AS_OF).editions["demo/2020"].written
    old, new = before_and_after(edition, 1)
    changes = {c.id: c for c in compare_editions(old, new).clauses if c.changed}
    assert changes["tiaokuan-yi"].kinds == ("reworded",)
    assert changes["tiaokuan-yi"].text == (
        ("equal", "党支部应当按期换届"),
        ("insert", "，届满前三个月报告"),
        ("equal", "。"),
    )
    assert changes["tiaokuan-san"].kinds == ("added",)
    assert set(changes) == {"tiaokuan-yi", "tiaokuan-san"}


def test_history_and_citation(sample: Path) -> None:
    catalog = _catalog(sample, AS_OF)
    events = [(e.date.isoformat(), e.kind, e.edition) for e in catalog.history("liuhua-24")]
    assert events[:4] == [
        ("2019-03-15", "issued", "2019"),
        ("2019-04-01", "effective", "2019"),
        ("2023-02-01", "drafted", "2023"),
        ("2023-03-02", "closed", "2023"),
    ]
    assert ("2023-07-01", "replaced", "2019") in events
    assert ("2023-06-20", "erratum", "2023") in events
    assert ("2024-03-15", "amended", "2023") in events
    assert ("2024-04-01", "amendment-effective", "2023") in events
    assert citation("XX/DJ 001-2023", "机关党支部标准化规范化建设“六化”标准") == (
        "XX/DJ 001—2023 机关党支部标准化规范化建设“六化”标准[S]."
    )


# -- checks, each with its exact message ----------------------------------------------


def test_amendment_checks(handbook: Handbook) -> None:
    handbook.write(
        P,
        MINIMAL
        + """\
amendments:
  - number: 2
    issued: 2019-12-01
    effective: 2019-11-01
    items:
      - {clause: tiaokuan-yl, text: 甲}
      - {clause: tiaokuan-er, text: 乙}
      - {clause: tiaokuan-er, text: 丙}
      - {clause: tiaokuan-yi, action: 增加, text: 丁}
errata:
  - {date: 2019-01-01, clause: tiaokuan-wu, text: 印刷错误}
""",
    )
    assert handbook.problems() == [
        f"{P}:22:13: amendments[0].number: 修改单序号应为 1，实际为 2；修改单从第1号起依次编号 [HB249]",
        f"{P}:23:13: amendments[0].issued: 修改单发布于 2019-12-01，早于本版次的发布日期 2020-01-10 [HB244]",
        f"{P}:24:16: amendments[0].effective: 修改单实施日期 2019-11-01 早于其发布日期 2019-12-01 [HB245]",
        f"{P}:26:18: amendments[0].items[0].clause: 修改单只能修改或删除已有的条款，本版次中没有条款 'tiaokuan-yl'，是否应为 'tiaokuan-yi'？ [HB243]",
        f"{P}:28:18: amendments[0].items[2].clause: 同一修改单中条款 'tiaokuan-er' 已有一项（第 27 行第 18 列）；请把对同一条款的修改合为一项 [HB246]",
        f"{P}:29:9: amendments[0].items[3]: 增加条款须写明 number（新条款的条款号）和 after（排在哪一条款之后） [HB248]",
        f"{P}:29:18: amendments[0].items[3].clause: 本版次已有条款 'tiaokuan-yi'；增加的条款须用新的标识 [HB247]",
        f"{P}:31:12: errata[0].date: 勘误日期 2019-01-01 早于本版次的发布日期 2020-01-10 [HB250]",
        f"{P}:31:32: errata[0].clause: 本版次中没有条款 'tiaokuan-wu'，是否应为 'tiaokuan-yi'？ [HB209]",
    ]


def test_draft_checks(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(
        D,
        DRAFT.replace("days: 60", "end: 2026-11-01")
        + """\
handling:
  - {source: 某单位, clause: tiaokuan-san, comment: 建议删除, decision: 采纳}
""",
    )
    assert handbook.problems() == [
        f"{D}:20:40: consultation.end: 征求意见截止于 2026-11-01，早于开始日期 2026-11-16 [HB242]",
        f"{D}:24:27: handling[0].clause: 本版次中没有条款 'tiaokuan-san'，是否应为 'tiaokuan-yi'？ [HB209]",
    ]


def test_draft_period_and_handling_rules(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(
        D,
        DRAFT.replace("days: 60", "end: 2027-01-14, days: 60")
        + "handling:\n  - {source: 某单位, comment: 建议删除, decision: 未采纳}\n",
    )
    assert handbook.problems() == [
        f"{D}:20:15: consultation: 征求意见期需要且只需要 end（截止日期）、days（天数）、working_days（工作日数）中的一项 [HB240]",
        f"{D}:24:5: handling[0]: 部分采纳或未采纳的意见须写明 reason（处理理由） [HB241]",
    ]


def test_a_draft_closes_before_its_edition_is_issued(handbook: Handbook) -> None:
    handbook.write(P, MINIMAL)
    handbook.write(
        "standards/demo/drafts/2020.yml",
        DRAFT.replace('edition: "2024"', 'edition: "2020"').replace(
            "start: 2026-11-16, days: 60", "start: 2020-01-01, end: 2020-01-31"
        ),
    )
    assert handbook.problems() == [
        "standards/demo/drafts/2020.yml:20:15: consultation: 征求意见截止于 2020-01-31，但该版次（standards/demo/2020.yml）已于 2020-01-10 发布；征求意见应在发布前结束 [HB251]",
    ]


def test_drafts_are_a_status_facet_value_that_ranks_after_the_rules() -> None:
    from generator import facets
    from generator.render.labels import labels_for

    settings = facets.dialog_settings(labels_for("zh"), KINDS)
    assert settings["order"]["状态"][:5] == ["现行", "即将实施", "被代替", "废止", "征求意见稿"]  # type: ignore[index]
    assert "征求意见稿" in settings["later"]  # type: ignore[operator]
    assert settings["classes"]["征求意见稿"] == "draft"  # type: ignore[index]

"""One edition of a standard: `standards/<standard-id>/<edition>.yml`.

Shaped after GB/T 1.1-2020 (foreword, scope, normative references, terms,
numbered clauses) and the metadata of the national standards platform
(code, issuer, issued, effective and repealed dates, replacements).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StringConstraints, model_validator

from generator.core.model import Date, Markdown, Model, Points, Slug, Text
from generator.core.places import Loc
from generator.errors import RuleBroken


class Status(StrEnum):
    """An edition's status on a day: the one vocabulary of Python, templates and the
    browser (computed from the dates; see `standards.status`)."""

    CURRENT = "现行"
    UPCOMING = "即将实施"
    SUPERSEDED = "被代替"
    REPEALED = "废止"

    @property
    def key(self) -> str:
        """The status's name in CSS classes and data attributes: current, upcoming, …"""
        return self.name.lower()


EditionId = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]*$"),
    Field(description='版本，一般为发布年份，写在引号里："2019"。'),
]
EditionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[0-9A-Za-z][0-9A-Za-z.-]*$"),
    Field(description="另一项标准的某个版本，写作 <标准id>/<版本>，如 liuhua-24/2019。"),
]


class Reference(Model):
    """A normative reference (规范性引用文件): dated when `edition` is given."""

    code: Text = Field(description="被引用文件的编号，如 GB/T 1.1。")
    title: Text = Field(description="被引用文件的名称。")
    edition: Text | None = Field(
        None, description="注日期引用写年份或版本；不注日期引用不写（指最新版本）。"
    )


class Term(Model):
    """A term and its definition (术语和定义)."""

    id: Slug
    number: Text | None = Field(None, description='术语的编号，写在引号里，如 "3.1"。')
    term: Text = Field(description="术语（中文）。")
    english: Text | None = Field(None, description="对应的英文（可选）。")
    definition: Markdown = Field(description="定义（Markdown）。")


class Withdrawal(Model):
    """Marks a clause as withdrawn (删除); the clause keeps its id and anchor."""

    date: Date | None = Field(None, description="删除日期。")
    note: Text | None = Field(None, description="删除的原因，一句话。")
    moved_to: Slug | None = Field(None, description="内容并入的条款（本版本中的条款 id）。")


class Clause(Model):
    """A numbered clause (条); it may hold sub-clauses (款)."""

    id: Slug
    number: Text = Field(description='条款号，写在引号里，如 "1.10"（不加引号会被读成数字 1.1）。')
    title: Text | None = Field(None, description="条标题。")
    text: Markdown = Field("", description="条款正文（Markdown）。")
    withdrawn: Withdrawal | None = Field(
        None, description="条款已删除时填写（条款保留 id 和锚点）：date、note、moved_to。"
    )
    clauses: list[Clause] = Field(default_factory=list, description="下一级条款（款）。")

    @model_validator(mode="after")
    def _has_content(self) -> Clause:
        if not self.withdrawn and not self.text.strip() and not self.clauses:
            raise RuleBroken("HB116")
        return self


class Section(Model):
    """A chapter of the standard's body (章), grouping clauses."""

    id: Slug
    number: Text = Field(description='章号，写在引号里，如 "4"。')
    title: Text = Field(description="章标题。")
    text: Markdown = Field("", description="本章的引导文字（Markdown，可选）。")
    clauses: list[Clause] = Field(default_factory=list, description="本章的条款。")


class Criterion(Model):
    """One scored line of a rubric (评分细则)."""

    id: Slug
    number: Text | None = Field(None, description='序号，写在引号里，如 "1"。')
    item: Text = Field(description="评分内容。")
    points: Points = Field(description="本项分值。")
    clauses: list[Slug] = Field(
        min_length=1, description="本项考核的条款（本版本中的条款 id），至少一条。"
    )
    methods: list[Text] = Field(
        default_factory=list, description="考核方法：查阅台账、现场检查、个别访谈……"
    )
    scoring: Text | None = Field(None, description="评分标准：如何给分、扣分。")


class GradeBand(Model):
    """A grade given from a minimum total score upwards."""

    name: Text = Field(description="等级名称，如 优秀。")
    min: Points = Field(description="获得该等级的最低总分。")


class Rubric(Model):
    """A scoring rubric (验收细则) that turns clauses into points."""

    title: Text = Field(description="细则名称。")
    total: Points = Field(description="总分，须等于各项分值之和。")
    pass_mark: Points = Field(description="达标的最低总分。")
    grades: list[GradeBand] = Field(default_factory=list, description="等级：名称和最低总分。")
    criteria: list[Criterion] = Field(min_length=1, description="评分项目，每项一行。")


class AmendmentItem(Model):
    """One item of an amendment sheet: a clause changed, added or deleted."""

    clause: Slug = Field(description="修改或删除的条款 id；增加条款时为新条款的 id。")
    action: Literal["修改", "增加", "删除"] = Field(
        "修改", description="修改（替换条文）、增加（新增条款）或删除（删除条款）。"
    )
    number: Text | None = Field(None, description='增加条款时新条款的条款号，如 "4.5"。')
    after: Slug | None = Field(None, description="增加条款时，新条款排在哪一条款之后（条款 id）。")
    title: Text | None = Field(None, description="修改或增加后的条标题（可选）。")
    text: Markdown = Field("", description="修改或增加后的条文（Markdown）。")
    note: Text | None = Field(None, description="说明（可选），如删除的原因。")


class Amendment(Model):
    """An amendment sheet (修改单) to an issued edition."""

    number: int = Field(ge=1, description="修改单序号：第1号修改单写 1。")
    issued: Date = Field(description="修改单发布日期。")
    effective: Date = Field(description="修改单实施日期：从这天起网站显示修改后的条文。")
    document: Text | None = Field(None, description="批准文号（可选）。")
    summary: Text | None = Field(None, description="修改单的简要说明（可选）。")
    items: list[AmendmentItem] = Field(min_length=1, description="修改的各项，每项一个条款。")


class Erratum(Model):
    """A correction of a printing error (勘误); the edition's text is already corrected."""

    date: Date = Field(description="勘误日期。")
    clause: Slug | None = Field(None, description="勘误所在的条款 id（可选）。")
    text: Text = Field(description="勘误内容，如：4.2 中“每年”应为“每半年”。")


class CommentWay(Model):
    """How to send comments on a draft (反馈方式)."""

    department: Text = Field(description="受理意见的部门。")
    address: Text | None = Field(None, description="通信地址（可选）。")
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(
        None, description="电子邮箱（可选）。"
    )
    phone: Text | None = Field(None, description="联系电话（可选）。")
    form: Text | None = Field(None, description="意见反馈表的获取方式或网址（可选）。")


class Consultation(Model):
    """A draft's comment period (征求意见期): a start and an end, a number of days,
    or a number of working days (under the holiday calendar of the notices)."""

    start: Date = Field(description="征求意见开始日期。")
    end: Date | None = Field(None, description="截止日期（含当天）；也可写 days 或 working_days。")
    days: int | None = Field(None, ge=1, le=366, description="征求意见的天数（自然日，含开始日）。")
    working_days: int | None = Field(
        None, ge=1, le=250, description="征求意见的工作日数，按节假日安排计算。"
    )

    @model_validator(mode="after")
    def _one_end(self) -> Consultation:
        if sum(x is not None for x in (self.end, self.days, self.working_days)) != 1:
            raise RuleBroken("HB240")
        return self


class HandledComment(Model):
    """One line of the 意见汇总处理表: a comment received on a draft and how it was handled."""

    source: Text = Field(description="提出意见的单位或个人。")
    clause: Slug | None = Field(None, description="意见所针对的条款 id（可选；总体意见不写）。")
    comment: Text = Field(description="意见内容。")
    decision: Literal["采纳", "部分采纳", "未采纳"] = Field(
        description="处理意见：采纳、部分采纳或未采纳。"
    )
    reason: Text | None = Field(None, description="处理理由；部分采纳和未采纳必须写明。")

    @model_validator(mode="after")
    def _reason(self) -> HandledComment:
        if self.decision != "采纳" and self.reason is None:
            raise RuleBroken("HB241")
        return self


class EditionBody(Model):
    """What an edition and a draft of it both have: identity and text."""

    id: Slug = Field(description="标准的固定编号，与 standards/ 下的文件夹同名，用于网址。")
    code: Text = Field(description="标准编号，如 XX/DJ 001-2019。")
    title: Text = Field(description="标准名称。")
    english_title: Text | None = Field(None, description="英文名称（可选）。")
    edition: EditionId
    foreword: Markdown = Field(
        "", description="前言（Markdown），包括与上一版相比的变化和历次版本。"
    )
    scope: Markdown = Field("", description="范围（Markdown）。")
    references: list[Reference] = Field(default_factory=list, description="规范性引用文件。")
    terms: list[Term] = Field(default_factory=list, description="术语和定义。")
    sections: list[Section] = Field(min_length=1, description="正文各章，每章含若干条款。")
    rubric: Rubric | None = Field(None, description="验收评分细则（可选）。")
    gbt_1_1: StrictBool = Field(
        False,
        description="true：按 GB/T 1.1—2020 编排：范围、规范性引用文件、术语和定义为第 1、2、3 章，"
        "正文各章从 4 起编号，封面印 ICS、CCS 和备案号（如填写）。",
    )
    ics: Text | None = Field(
        None, description="国际标准分类号（ICS），如 03.100.01（可选，印在封面左上角）。"
    )
    ccs: Text | None = Field(
        None, description="中国标准文献分类号（CCS），如 A 00（可选，印在封面左上角）。"
    )
    filing: Text | None = Field(None, description="备案号（可选，印在封面标准编号下）。")

    @property
    def gbt(self) -> bool:
        """Whether the text follows GB/T 1.1-2020 (范围 is chapter 1, and so on)."""
        return self.gbt_1_1


class StandardDraft(EditionBody):
    """A draft of an edition published for comment (征求意见稿):
    `standards/<standard-id>/drafts/<edition>.yml`."""

    stage: Literal["征求意见稿"] = Field(description="阶段：征求意见稿。")
    issuer: Text = Field(description="征求意见的发布机构（归口或起草单位）。")
    consultation: Consultation = Field(
        description="征求意见期：start 加 end、days 或 working_days。"
    )
    comments_to: CommentWay = Field(description="意见反馈方式：受理部门、地址、邮箱、电话。")
    explanation: Markdown = Field(
        description="编制说明（Markdown）：任务来源、编制过程、主要内容。"
    )
    handling: list[HandledComment] = Field(
        default_factory=list, description="意见汇总处理表：征求意见结束后填写，每条意见一项。"
    )

    @property
    def ref(self) -> str:
        """The draft's key, `<id>/<edition>` (the edition it will become)."""
        return edition_ref(self.id, self.edition)


class StandardEdition(EditionBody):
    """One edition of one standard."""

    status: Status | None = Field(
        None, description="状态（可选）：由日期自动计算；填写时须与日期一致。"
    )
    issued: Date = Field(description="发布日期，写作 年-月-日。")
    effective: Date = Field(description="实施日期，写作 年-月-日。")
    repealed: Date | None = Field(None, description="废止日期（可选）。")
    issuer: Text = Field(description="发布机构。")
    document: Text | None = Field(None, description="批准文号，如 X直工〔2019〕5号（可选）。")
    replaces: list[EditionRef] = Field(
        default_factory=list, description="本版本代替的其他标准的版本，写作 <标准id>/<版本>。"
    )
    replaced_by: list[EditionRef] = Field(
        default_factory=list, description="代替本版本的其他标准的版本，写作 <标准id>/<版本>。"
    )
    amendments: list[Amendment] = Field(
        default_factory=list, description="修改单（第1号修改单起），按序号排列。"
    )
    errata: list[Erratum] = Field(
        default_factory=list, description="勘误：日期和内容；条文按勘误后的写。"
    )
    owners: list[Annotated[str, StringConstraints(pattern=r"^@[\w.-]+(/[\w.-]+)?$")]] = Field(
        default_factory=list,
        description="修改须经其审核的代码托管平台账号或团队，如 @zuzhibu 或 @org/team（写入 CODEOWNERS）。",
    )

    @property
    def ref(self) -> str:
        """The edition's key, `<id>/<edition>`."""
        return edition_ref(self.id, self.edition)


def edition_ref(standard_id: str, edition: str) -> str:
    """An edition's key in the catalog, as `replaces` writes it: `<id>/<edition>`."""
    return f"{standard_id}/{edition}"


def pinned_ref(pinned: str) -> str:
    """The catalog key of a pinned rubric, written `<id>@<edition>` in a round."""
    standard_id, edition = pinned.split("@", 1)
    return edition_ref(standard_id, edition)


def pinned_form(ref: str) -> str:
    """How a round pins the edition with this catalog key: `<id>@<edition>`."""
    standard_id, edition = ref.split("/", 1)
    return f"{standard_id}@{edition}"


def walk_clauses(edition: EditionBody) -> Iterator[tuple[Clause, Loc]]:
    """Every clause of an edition, sub-clauses after their parent, with its key path."""
    return iter(_walked(edition)[0])


def clause_index(edition: EditionBody) -> dict[str, Clause]:
    """An edition's clauses by id (the last of equal ids), shared: never change it."""
    return _walked(edition)[1]


# What `walk_clauses` found in each edition, by the edition object while it lives (its
# entry goes with it): models are frozen, and the build memory hands back an unchanged
# file's very objects, so a rebuild walks only the editions read again.
_WALKED: dict[
    int, tuple[weakref.ref[EditionBody], tuple[tuple[Clause, Loc], ...], dict[str, Clause]]
] = {}


def _walked(edition: EditionBody) -> tuple[tuple[tuple[Clause, Loc], ...], dict[str, Clause]]:
    key = id(edition)
    known = _WALKED.get(key)
    if known is not None and known[0]() is edition:
        return known[1], known[2]

    def walk(clauses: list[Clause], loc: Loc) -> Iterator[tuple[Clause, Loc]]:
        for i, clause in enumerate(clauses):
            yield clause, (*loc, i)
            yield from walk(clause.clauses, (*loc, i, "clauses"))

    found = tuple(
        pair
        for s, section in enumerate(edition.sections)
        for pair in walk(section.clauses, ("sections", s, "clauses"))
    )
    index = {clause.id: clause for clause, _ in found}
    held = weakref.ref(edition, lambda gone: _forget(key, gone))
    _WALKED[key] = (held, found, index)
    return found, index


def _forget(key: int, gone: weakref.ref[EditionBody]) -> None:
    """An edition collected: its entry goes (unless its id went to a newer one)."""
    known = _WALKED.get(key)
    if known is not None and known[0] is gone:
        del _WALKED[key]

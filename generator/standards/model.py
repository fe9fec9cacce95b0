"""One edition of a standard: `standards/<standard-id>/<edition>.yml`.

Shaped after GB/T 1.1-2020 (foreword, scope, normative references, terms,
numbered clauses) and the metadata of the national standards platform
(code, issuer, issued, effective and repealed dates, replacements).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from generator.core.documents import Loc
from generator.core.model import Date, Markdown, Model, Points, Slug, Text


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
    Field(description='The edition, usually the year of issue, in quotes: "2019".'),
]
EditionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[0-9A-Za-z][0-9A-Za-z.-]*$"),
    Field(description="Another edition, written as <standard-id>/<edition>, e.g. liuhua-24/2019."),
]


class Reference(Model):
    """A normative reference (规范性引用文件): dated when `edition` is given."""

    code: Text = Field(description="编号 of the referenced document, e.g. GB/T 1.1.")
    title: Text = Field(description="Title of the referenced document.")
    edition: Text | None = Field(
        None, description="Year or edition for a dated reference; leave out for an undated one."
    )


class Term(Model):
    """A term and its definition (术语和定义)."""

    id: Slug
    number: Text | None = Field(None, description='Display number in quotes, e.g. "3.1".')
    term: Text = Field(description="The term in Chinese.")
    english: Text | None = Field(None, description="The English equivalent, if any.")
    definition: Markdown = Field(description="The definition.")


class Withdrawal(Model):
    """Marks a clause as withdrawn (删除); the clause keeps its id and anchor."""

    date: Date | None = Field(None, description="When the clause was withdrawn.")
    note: Text | None = Field(None, description="Why, in a sentence.")
    moved_to: Slug | None = Field(
        None, description="Id of the clause in this edition that now holds its content."
    )


class Clause(Model):
    """A numbered clause (条); it may hold sub-clauses (款)."""

    id: Slug
    number: Text = Field(description='Display number in quotes, e.g. "1.10".')
    title: Text | None = Field(None, description="Short title (条标题).")
    text: Markdown = Field("", description="The clause text in Markdown.")
    withdrawn: Withdrawal | None = Field(None, description="Set when the clause is withdrawn.")
    clauses: list[Clause] = Field(default_factory=list, description="Sub-clauses.")

    @model_validator(mode="after")
    def _has_content(self) -> Clause:
        if not self.withdrawn and not self.text.strip() and not self.clauses:
            raise ValueError(
                "a clause needs 'text' or sub-clauses under 'clauses' (or 'withdrawn' if it "
                "was deleted)"
            )
        return self


class Section(Model):
    """A chapter of the standard's body (章), grouping clauses."""

    id: Slug
    number: Text = Field(description='Display number in quotes, e.g. "4".')
    title: Text
    text: Markdown = Field("", description="Introductory text of the chapter.")
    clauses: list[Clause] = Field(default_factory=list)


class Criterion(Model):
    """One scored line of a rubric (评分细则)."""

    id: Slug
    number: Text | None = Field(None, description='Display number in quotes, e.g. "1".')
    item: Text = Field(description="What is assessed (评分内容).")
    points: Points = Field(description="Points this criterion is worth.")
    clauses: list[Slug] = Field(
        min_length=1, description="Ids of the clauses of this edition that it assesses."
    )
    methods: list[Text] = Field(
        default_factory=list, description="How it is checked: 查阅台账, 现场检查, 个别访谈 …"
    )
    scoring: Text | None = Field(None, description="How points are given or deducted (评分标准).")


class GradeBand(Model):
    """A grade given from a minimum total score upwards."""

    name: Text = Field(description="Grade name, e.g. 优秀.")
    min: Points = Field(description="Lowest total score that earns this grade.")


class Rubric(Model):
    """A scoring rubric (验收细则) that turns clauses into points."""

    title: Text
    total: Points = Field(description="Total points; must equal the sum of the criteria.")
    pass_mark: Points = Field(description="Lowest total score that passes (达标).")
    grades: list[GradeBand] = Field(default_factory=list)
    criteria: list[Criterion] = Field(min_length=1)


class StandardEdition(Model):
    """One edition of one standard."""

    id: Slug = Field(description="The standard's id; equals its folder name under standards/.")
    code: Text = Field(description="编号, e.g. XX/DJ 001-2019.")
    title: Text = Field(description="Title (标准名称).")
    english_title: Text | None = None
    edition: EditionId
    status: Status | None = Field(
        None, description="Optional; computed from the dates, and must agree if given."
    )
    issued: Date = Field(description="发布日期.")
    effective: Date = Field(description="实施日期.")
    repealed: Date | None = Field(None, description="废止日期.")
    issuer: Text = Field(description="发布机构.")
    document: Text | None = Field(None, description="批准文号, e.g. X直工〔2019〕5号.")
    replaces: list[EditionRef] = Field(default_factory=list)
    replaced_by: list[EditionRef] = Field(default_factory=list)
    foreword: Markdown = Field("", description="前言, including the history of editions.")
    scope: Markdown = Field("", description="范围.")
    references: list[Reference] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    rubric: Rubric | None = None
    owners: list[Annotated[str, StringConstraints(pattern=r"^@[\w.-]+(/[\w.-]+)?$")]] = Field(
        default_factory=list,
        description="Forge accounts or teams who must review changes, e.g. @zuzhibu or @org/team.",
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


def walk_clauses(edition: StandardEdition) -> Iterator[tuple[Clause, Loc]]:
    """Every clause of an edition, sub-clauses after their parent, with its key path."""

    def walk(clauses: list[Clause], loc: Loc) -> Iterator[tuple[Clause, Loc]]:
        for i, clause in enumerate(clauses):
            yield clause, (*loc, i)
            yield from walk(clause.clauses, (*loc, i, "clauses"))

    for s, section in enumerate(edition.sections):
        yield from walk(section.clauses, ("sections", s, "clauses"))

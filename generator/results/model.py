"""Result data: the registry of organisations, assessment rounds scored against
a rubric, and generic tables (rectification ledgers, task lists)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.core.model import Date, Model, Points, Slug, Text

EditionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*@[0-9A-Za-z][0-9A-Za-z.-]*$"),
    Field(
        description="A standard's edition, written <standard-id>@<edition>, e.g. liuhua-24@2023."
    ),
]


class FormerName(Model):
    """A name the unit had until a day."""

    name: Text
    until: Date = Field(description="The last day the unit carried this name.")


class Unit(Model):
    """An organisation that is assessed (a unit or a Party branch)."""

    id: Slug
    name: Text
    kind: Text = Field(description="e.g. 市直单位, 党支部.")
    parent: Slug | None = Field(None, description="Id of the unit it belongs to.")
    former_names: list[FormerName] = Field(default_factory=list)
    merged_into: Slug | None = Field(None, description="Id of the unit it was merged into.")
    merged_on: Date | None = None


class UnitsFile(Model):
    """`content/results/units.yml`."""

    units: list[Unit] = Field(min_length=1)


class Scored(Model):
    """A criterion's score with the assessor's reason and evidence."""

    points: Points
    reason: Text | None = None
    evidence: Text | None = None


class UnitScores(Model):
    """One unit's scores in a round, by criterion."""

    unit: Slug
    scores: dict[Slug, object] = Field(
        description='Criterion id → points, or {points, reason, evidence}, or "?" when not assessed.'
    )
    note: Text | None = None


class RoundPeriod(Model):
    """The period a round assesses: a month, a quarter or a year."""

    kind: Literal["月", "季", "年"]
    start: Date
    end: Date


class Round(Model):
    """One assessment round: `content/results/rounds/<id>.yml`."""

    id: Slug
    series: Slug = Field(description="Rounds of one series are compared with each other.")
    title: Text
    rubric: EditionRef = Field(description="The rubric it was scored with, pinned to an edition.")
    period: RoundPeriod
    assessed: Date = Field(description="Day of assessment; within the period.")
    published: Date
    assessor: Text
    scores: list[UnitScores] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates(self) -> Round:
        if self.period.end < self.period.start:
            raise ValueError("the period ends before it starts")
        return self


ColumnType = Literal["text", "unit", "date", "number", "choice"]


class Column(Model):
    """A column of a table: its key, heading and type."""

    key: Slug
    label: Text
    type: ColumnType = "text"
    choices: list[Text] = Field(default_factory=list)
    optional: bool = False
    private: bool = Field(False, description="Never published: not on the site, not in downloads.")


class Table(Model):
    """A ledger or task list with declared columns: `content/results/tables/<id>.yml`."""

    id: Slug
    kind: Literal["整改台账", "任务清单", "其他"]
    title: Text
    published: Date
    private: bool = Field(False, description="The whole table stays out of the site.")
    columns: list[Column] = Field(min_length=1)
    deadline: Slug | None = Field(None, description="Key of the date column holding the deadline.")
    done: Slug | None = Field(
        None, description="Key of the date column holding the completion day."
    )
    rows: list[dict[Slug, object]] = Field(default_factory=list)


@dataclass(frozen=True)
class Score:
    """One criterion's score for one unit, as checked."""

    points: float | None  # None: not assessed ("?")
    reason: str | None = None
    evidence: str | None = None

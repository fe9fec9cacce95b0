"""Result data: the registry of organisations, assessment rounds scored against
a rubric, and generic tables (rectification ledgers, task lists)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.core.model import Date, Model, Points, Slug, Text
from generator.errors import RuleBroken

EditionRef = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*@[0-9A-Za-z][0-9A-Za-z.-]*$"),
    Field(description="标准的某个版本，写作 <标准id>@<版本>，如 liuhua-24@2023。"),
]


class FormerName(Model):
    """A name the unit had until a day."""

    name: Text = Field(description="曾用名。")
    until: Date = Field(description="使用该名称的最后一天。")


class Unit(Model):
    """An organisation that is assessed (a unit or a Party branch)."""

    id: Slug
    name: Text = Field(description="单位现名。")
    kind: Text = Field(description="单位类别，如 市直单位、党支部。")
    parent: Slug | None = Field(None, description="所属上级单位的 id（可选）。")
    former_names: list[FormerName] = Field(
        default_factory=list, description="曾用名：name 和 until（使用到哪一天）。"
    )
    merged_into: Slug | None = Field(None, description="并入的单位的 id（可选）。")
    merged_on: Date | None = Field(None, description="并入日期。")


class UnitsFile(Model):
    """`content/results/units.yml`."""

    units: list[Unit] = Field(min_length=1, description="参加考核的单位，每个单位一项。")


class Scored(Model):
    """A criterion's score with the assessor's reason and evidence."""

    points: Points = Field(description="得分。")
    reason: Text | None = Field(None, description="给分或扣分的理由。")
    evidence: Text | None = Field(None, description="依据的材料。")


class UnitScores(Model):
    """One unit's scores in a round, by criterion."""

    unit: Slug = Field(description="单位的 id（见 units.yml）。")
    scores: dict[Slug, object] = Field(
        description='各评分项目的得分：项目 id: 分数，或 {points, reason, evidence}，未评估写 "?"（不计入总分）。'
    )
    note: Text | None = Field(None, description="备注。")


class RoundPeriod(Model):
    """The period a round assesses: a month, a quarter or a year."""

    kind: Literal["月", "季", "年"] = Field(description="考核周期：月、季或年。")
    start: Date = Field(description="考核期的第一天。")
    end: Date = Field(description="考核期的最后一天。")


class Round(Model):
    """One assessment round: `content/results/rounds/<id>.yml`."""

    id: Slug = Field(description="本轮的固定编号，与文件名相同，用于网址。")
    series: Slug = Field(description="所属系列：同一系列的各轮相互比较（排名变化）。")
    title: Text = Field(description="本轮名称，如 2026年第一季度督查。")
    rubric: EditionRef = Field(
        description="评分所用的细则，锁定版本：<标准id>@<版本>；细则以后修订也不改变本轮得分。"
    )
    period: RoundPeriod = Field(description="考核期：kind（月/季/年）、start、end。")
    assessed: Date = Field(description="评估日期，须在考核期内。")
    published: Date = Field(description="公布日期。")
    assessor: Text = Field(description="评估单位或评估组。")
    scores: list[UnitScores] = Field(min_length=1, description="各单位的得分，每个单位一项。")

    @model_validator(mode="after")
    def _dates(self) -> Round:
        if self.period.end < self.period.start:
            raise RuleBroken("HB523", start=self.period.start, end=self.period.end)
        return self


ColumnType = Literal["text", "unit", "date", "number", "choice"]


class Column(Model):
    """A column of a table: its key, heading and type."""

    key: Slug = Field(description="列的 id，各行用它填写该列。")
    label: Text = Field(description="列标题。")
    type: ColumnType = Field(
        "text", description="类型：text 文字、unit 单位、date 日期、number 数字、choice 选项。"
    )
    choices: list[Text] = Field(default_factory=list, description="choice 类型的可选值。")
    optional: bool = Field(False, description="true：该列可以不填。")
    private: bool = Field(False, description="true：该列不公开，不上网站、不进下载。")


class Table(Model):
    """A ledger or task list with declared columns: `content/results/tables/<id>.yml`."""

    id: Slug = Field(description="表的固定编号，与文件名相同，用于网址。")
    kind: Literal["整改台账", "任务清单", "其他"] = Field(
        description="类别：整改台账、任务清单或其他。"
    )
    title: Text = Field(description="表名。")
    published: Date = Field(description="公布日期。")
    private: bool = Field(False, description="true：整张表不公开，不上网站。")
    columns: list[Column] = Field(min_length=1, description="各列：key、label、type 等。")
    deadline: Slug | None = Field(None, description="存放整改时限的日期列的 key（用于计算逾期）。")
    done: Slug | None = Field(None, description="存放完成日期的日期列的 key。")
    rows: list[dict[Slug, object]] = Field(default_factory=list, description="各行：列的 key: 值。")


@dataclass(frozen=True)
class Score:
    """One criterion's score for one unit, as checked."""

    points: float | None  # None: not assessed ("?")
    reason: str | None = None
    evidence: str | None = None

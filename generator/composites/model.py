"""Composite assessments (综合考评): `content/results/composites/<id>.yml`, an annual
result made of rounds, or whole series within its period, each with a weight."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.core.model import Date, Model, Points, Slug, Text
from generator.results.model import EditionRef


class Component(Model):
    """One part of the composite: a round (its total over its maximum, out of 100) or a
    series (the mean of its rounds within the period, each out of 100)."""

    name: Text = Field(description="页面上的名称，如 日常督查。")
    round: Slug | None = Field(None, description="一轮考核的 id（与 series 二选一）。")
    series: Slug | None = Field(
        None, description="一个系列的 id：取考评期内该系列各轮的平均分（与 round 二选一）。"
    )
    weight: Points = Field(description="权重（百分数），各项之和为 100。")

    @model_validator(mode="after")
    def _one_source(self) -> Component:
        if (self.round is None) == (self.series is None):
            raise ValueError("give either round or series")
        return self


class CompositePeriod(Model):
    """The year (or other span) the composite covers."""

    start: Date = Field(description="考评期的第一天。")
    end: Date = Field(description="考评期的最后一天。")


class CompositeGrade(Model):
    """A grade band: the lowest total (out of 100) that earns it."""

    name: Text = Field(description="等级名称，如 好。")
    min: Points = Field(description="获得该等级的最低综合得分（满分 100）。")


class Composite(Model):
    """An annual composite assessment."""

    id: Slug = Field(description="综合考评的固定编号，与文件名相同，用于网址。")
    title: Text = Field(description="名称，如 2025年度综合考评。")
    method: EditionRef = Field(description="规定考评方法的标准（考评办法），写作 <标准id>@<版本>。")
    method_clause: Slug | None = Field(None, description="规定计算公式的条款 id（可选）。")
    period: CompositePeriod = Field(description="考评期：start、end。")
    published: Date = Field(description="公布日期。")
    kind: Text | None = Field(None, description="只考评这一类别的单位（默认全部单位）。")
    missing: Literal["zero", "exclude", "reweight"] = Field(
        description="单位缺少某一项时：zero 记 0 分，exclude 不参加排名，"
        "reweight 其余各项按比例折算为 100%。"
    )
    previous: Slug | None = Field(None, description="上一年度的综合考评 id，用于计算变化。")
    components: list[Component] = Field(
        min_length=1, description="组成部分：name、round 或 series、weight。"
    )
    grades: list[CompositeGrade] = Field(default_factory=list, description="等级：名称和最低分。")

    @model_validator(mode="after")
    def _dates(self) -> Composite:
        if self.period.end < self.period.start:
            raise ValueError("the period ends before it starts")
        return self

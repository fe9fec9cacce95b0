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

    name: Text = Field(description="What the page calls it, e.g. 日常督查.")
    round: Slug | None = Field(None, description="A round's id.")
    series: Slug | None = Field(None, description="A series' id: its rounds within the period.")
    weight: Points = Field(description="Weight in percent; the weights add up to 100.")

    @model_validator(mode="after")
    def _one_source(self) -> Component:
        if (self.round is None) == (self.series is None):
            raise ValueError("give either round or series")
        return self


class CompositePeriod(Model):
    """The year (or other span) the composite covers."""

    start: Date
    end: Date


class CompositeGrade(Model):
    """A grade band: the lowest total (out of 100) that earns it."""

    name: Text
    min: Points = Field(description="Lowest composite score (out of 100) for this grade.")


class Composite(Model):
    """An annual composite assessment."""

    id: Slug
    title: Text
    method: EditionRef = Field(description="The standard (考评办法) that states the method.")
    method_clause: Slug | None = Field(None, description="The clause that states the formula.")
    period: CompositePeriod
    published: Date
    kind: Text | None = Field(None, description="Only units of this kind (default: all units).")
    missing: Literal["zero", "exclude", "reweight"] = Field(
        description="A unit missing from a component: scored 0, left out of the ranking, "
        "or its other components re-weighted to 100 %."
    )
    previous: Slug | None = Field(None, description="Last year's composite, for the change.")
    components: list[Component] = Field(min_length=1)
    grades: list[CompositeGrade] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates(self) -> Composite:
        if self.period.end < self.period.start:
            raise ValueError("the period ends before it starts")
        return self

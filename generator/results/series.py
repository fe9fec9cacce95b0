"""Names of the series that rounds belong to: `content/results/series.yml`."""

from __future__ import annotations

from pydantic import Field

from generator.core.model import Model, Slug, Text


class Series(Model):
    """Rounds of a series are compared with each other (督查, 达标验收 …)."""

    id: Slug
    name: Text = Field(description="What readers see, e.g. 督查.")
    description: Text | None = None


class SeriesFile(Model):
    """`content/results/series.yml`: the names of the series."""

    series: list[Series] = Field(min_length=1)

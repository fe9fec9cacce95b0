"""Names of the series that rounds belong to: `content/results/series.yml`."""

from __future__ import annotations

from pydantic import Field

from generator.models.base import Model, Slug, Text


class Series(Model):
    """Rounds of a series are compared with each other (督查, 达标验收 …)."""

    id: Slug
    name: Text = Field(description="What readers see, e.g. 督查.")
    description: Text | None = None


class SeriesFile(Model):
    series: list[Series] = Field(min_length=1)

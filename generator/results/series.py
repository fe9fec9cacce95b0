"""Names of the series that rounds belong to: `content/results/series.yml`."""

from __future__ import annotations

from pydantic import Field

from generator.core.model import Model, Slug, Text


class Series(Model):
    """Rounds of a series are compared with each other (督查, 达标验收 …)."""

    id: Slug = Field(description="系列的固定编号，各轮的 series 写它。")
    name: Text = Field(description="读者看到的系列名称，如 督查。")
    description: Text | None = Field(None, description="一句话说明（可选）。")


class SeriesFile(Model):
    """`content/results/series.yml`: the names of the series."""

    series: list[Series] = Field(min_length=1, description="各考核系列：id、name、description。")

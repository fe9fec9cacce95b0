"""Building blocks shared by the data models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Protocol

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# A font family name as fontconfig knows it (the PDFs' fonts); it is written into a CSS string.
FONT_FAMILY_PATTERN = r'^[^"\\;{}<>\n]+$'

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(
        description="固定编号：小写拉丁字母、数字和连字符（如 zhuti-dangri），用于网址和锚点；"
        "一经发布永不更改、永不改作他用。"
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, Field(description="Markdown 文字；其中的 HTML 按原样显示为文字。")]
Date = Annotated[dt.date, Strict(), Field(description="日期，写作 年-月-日，如 2026-03-01。")]
Points = Annotated[float, Field(ge=0, le=1000)]


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, values are not mutated."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Band(Protocol):
    """A grade band: its name and the lowest total that earns it."""

    @property
    def name(self) -> str:
        """The band's name, as the page shows it."""

    @property
    def min(self) -> float:
        """The lowest total that earns it."""


def band_for(bands: Iterable[Band], total: float) -> str | None:
    """The highest band `total` reaches (rubrics' grades and composites' alike), if any."""
    reached = [b for b in bands if total >= b.min]
    return max(reached, key=lambda b: b.min).name if reached else None

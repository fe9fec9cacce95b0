"""Building blocks shared by the data models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# A font family name as fontconfig knows it (the PDFs' fonts); it is written into a CSS string.
FONT_FAMILY_PATTERN = r'^[^"\\;{}<>\n]+$'

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN),
    Field(
        description="Lowercase Latin letters, digits and hyphens; used in URLs and anchors. "
        "Never change or reuse it."
    ),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, Field(description="Markdown text. HTML is shown as text.")]
Date = Annotated[dt.date, Strict(), Field(description="A date written as YYYY-MM-DD.")]
Points = Annotated[float, Field(ge=0, le=1000)]


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, values are not mutated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

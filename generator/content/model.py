"""Front matter of a hand-written page under `content/` (manuals, guides)."""

from __future__ import annotations

from pydantic import Field

from generator.core.model import Date, Model, Slug, Text


class PageMeta(Model):
    """What a committee states about a page it wrote."""

    title: Text = Field(description="The page title, shown in the menu and as its heading.")
    issuer: Text | None = Field(None, description="发布机构.")
    date: Date | None = Field(None, description="Date of issue, written YYYY-MM-DD.")
    implements: list[Slug] = Field(
        default_factory=list, description="Ids of the standards this page explains."
    )
    order: int = Field(
        100, description="Position in the menu among its siblings; smaller comes first."
    )
    description: Text | None = Field(None, description="One sentence shown in listings.")

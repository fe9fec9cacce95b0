"""A public notice (公示, 通报, 通知, 公告): `content/notices/<slug>.md`,
front matter in this shape, the notice's text below it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from generator.core.model import Date, Model, Slug, Text

NoticeType = Literal["公示", "通报", "通知", "公告"]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]


class Period(Model):
    """The period in which anyone may object: an end date, or a number of working days."""

    start: Date
    end: Date | None = Field(
        None, description="Last day; may be left out when working_days is given."
    )
    working_days: int | None = Field(
        None, ge=1, le=60, description="Length in working days, counted from the start day."
    )

    @model_validator(mode="after")
    def _end_or_days(self) -> Period:
        if self.end is None and self.working_days is None:
            raise ValueError("a period needs 'end' or 'working_days'")
        return self


class Channel(Model):
    """Where and how objections are received (受理方式)."""

    department: Text
    phone: Text | None = None
    address: Text | None = None
    email: Email | None = None
    real_name_required: bool = Field(True, description="Whether objections must carry a real name.")


class Outcome(Model):
    """What came of the notice, added to the same page later."""

    date: Date
    text: Text


class NoticeMeta(Model):
    """A notice's front matter (公示, 通报, 通知, 公告)."""

    id: Text = Field(description="索引号: the notice's permanent number; it never changes.")
    type: NoticeType
    title: Text
    issuer: Text = Field(description="发布机构.")
    document: Text | None = Field(None, description="文号.")
    published: Date = Field(description="发布日期.")
    period: Period | None = Field(None, description="公示期; required for a 公示.")
    objections: Channel | None = Field(None, description="受理方式; required with a period.")
    concerns: list[Slug] = Field(
        default_factory=list, description="Ids of the standards it concerns."
    )
    rounds: list[Slug] = Field(
        default_factory=list, description="Ids of the results rounds it concerns."
    )
    tables: list[Slug] = Field(
        default_factory=list, description="Ids of the ledgers or task lists it concerns."
    )
    extends: Slug | None = Field(
        None, description="The notice (its file name) whose period this one extends or reopens."
    )
    outcome: Outcome | None = None
    remove_after: Date | None = Field(
        None,
        description="From this day on the notice leaves the site and the feeds (personal data).",
    )

    @model_validator(mode="after")
    def _period_rules(self) -> NoticeMeta:
        if self.type == "公示" and self.period is None:
            raise ValueError("a 公示 needs a 'period' during which objections are received")
        if self.period is not None and self.objections is None:
            raise ValueError("a notice with a period needs 'objections': where objections go")
        return self


class CalendarFile(Model):
    """`content/notices/calendar.yml`: public holidays and 调休 working days."""

    holidays: list[Date] = Field(default_factory=list, description="Weekdays that are holidays.")
    workdays: list[Date] = Field(
        default_factory=list, description="Weekend days that are working days."
    )

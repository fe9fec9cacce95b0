"""The rules of a standard's life after and before its issue, as pure functions of
the models: a draft's comment period on a day, the consolidated text of an edition
with its amendment sheets in force, the status history, and the citation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from generator.standards.model import (
    Amendment,
    EditionBody,
    StandardDraft,
    StandardEdition,
    walk_clauses,
)


class DraftStatus(StrEnum):
    """A draft's comment period on a day. The keys are the notices' period keys, so
    the one browser script re-checks both against the reader's clock."""

    NOT_STARTED = "即将征求意见"
    OPEN = "征求意见中"
    CLOSED = "征求意见已结束"
    ISSUED = "已发布"

    @property
    def key(self) -> str:
        """The status's name in data attributes: not-started, open, closed, decided."""
        return {"ISSUED": "decided"}.get(self.name, self.name.lower().replace("_", "-"))


DRAFT_STAGE = "征求意见稿"  # the facet value and mark of every draft


def draft_status(
    start: dt.date, end: dt.date, issued: dt.date | None, as_of: dt.date
) -> tuple[DraftStatus, int]:
    """The status on `as_of` and the calendar days left in an open period (today
    included); `issued`: the issue date of the edition the draft became, if any."""
    if as_of < start:
        return DraftStatus.NOT_STARTED, 0
    if as_of <= end:
        return DraftStatus.OPEN, (end - as_of).days + 1
    if issued is not None and issued <= as_of:
        return DraftStatus.ISSUED, 0
    return DraftStatus.CLOSED, 0


def in_force(edition: StandardEdition, as_of: dt.date) -> tuple[Amendment, ...]:
    """The amendment sheets in effect on `as_of`, in order."""
    return tuple(
        a for a in sorted(edition.amendments, key=lambda a: a.number) if a.effective <= as_of
    )


def _find(clauses: list[dict[str, Any]], clause_id: str) -> tuple[list[dict[str, Any]], int] | None:
    for i, c in enumerate(clauses):
        if c["id"] == clause_id:
            return clauses, i
        found = _find(c.get("clauses", []), clause_id)
        if found:
            return found
    return None


def _locate(data: dict[str, Any], clause_id: str) -> tuple[list[dict[str, Any]], int] | None:
    for section in data["sections"]:
        found = _find(section["clauses"], clause_id)
        if found:
            return found
    return None


def amend(edition: StandardEdition, sheets: tuple[Amendment, ...]) -> StandardEdition:
    """The edition's text with `sheets` applied: a changed clause takes the new text
    (and title), an added one stands after the clause it names, a deleted one is
    marked withdrawn on the sheet's effective date. Checked data applies cleanly."""
    if not sheets:
        return edition
    data = edition.model_dump(exclude_defaults=False)
    for sheet in sheets:
        for item in sheet.items:
            if item.action == "增加":
                place = _locate(data, item.after or "")
                if place is None:
                    continue
                siblings, i = place
                new = {"id": item.clause, "number": item.number or "", "text": item.text}
                if item.title:
                    new["title"] = item.title
                siblings.insert(i + 1, new)
                continue
            place = _locate(data, item.clause)
            if place is None:
                continue
            siblings, i = place
            clause = siblings[i]
            if item.action == "删除":
                clause["withdrawn"] = {"date": sheet.effective, "note": item.note}
            else:
                clause["text"] = item.text
                if item.title:
                    clause["title"] = item.title
    return StandardEdition.model_validate(data)


@dataclass(frozen=True)
class Consolidated:
    """An edition as in force on a day: its text with the sheets in effect, which
    sheets touched which clause, and the sheets issued but not yet in effect."""

    model: StandardEdition
    marks: dict[str, tuple[Amendment, ...]]
    pending: tuple[Amendment, ...]


def consolidate(edition: StandardEdition, as_of: dt.date) -> Consolidated:
    """The consolidated text of `edition` on `as_of` (see `amend`)."""
    sheets = in_force(edition, as_of)
    marks: dict[str, tuple[Amendment, ...]] = {}
    for sheet in sheets:
        for item in sheet.items:
            marks[item.clause] = (*marks.get(item.clause, ()), sheet)
    pending = tuple(
        a
        for a in sorted(edition.amendments, key=lambda a: a.number)
        if a.effective > as_of and a.issued <= as_of
    )
    return Consolidated(amend(edition, sheets), marks, pending)


def before_and_after(
    edition: StandardEdition, number: int
) -> tuple[StandardEdition, StandardEdition]:
    """The text just before and just after amendment sheet `number` (the redline's sides)."""
    ordered = tuple(sorted(edition.amendments, key=lambda a: a.number))
    earlier = tuple(a for a in ordered if a.number < number)
    this = tuple(a for a in ordered if a.number == number)
    return amend(edition, earlier), amend(edition, earlier + this)


def clause_ids(edition: EditionBody) -> set[str]:
    """Every clause id of an edition or a draft."""
    return {c.id for c, _ in walk_clauses(edition)}


_YEAR = re.compile(r"(?<=\d)\s*[-－–—]\s*(\d{4})$")


def citation(code: str, title: str) -> str:
    """How to cite an edition, GB/T 7714 style: `XX/DJ 001—2023 标准名称[S].`
    (the year after the number with an em dash, the type mark [S])."""
    dashed = _YEAR.sub("\u2014\\1", code)
    return f"{dashed} {title}[S]."


EVENT_KINDS = (
    "drafted",
    "closed",
    "issued",
    "amended",
    "effective",
    "amendment-effective",
    "erratum",
    "replaced",
    "repealed",
)


@dataclass(frozen=True)
class Event:
    """One step of a standard's history: a date, what happened (`kind`: drafted,
    closed, issued, effective, amended, amendment-effective, erratum, replaced,
    repealed), to which edition, and the sheet's number or the other edition's ref."""

    date: dt.date
    kind: str
    edition: str
    number: int = 0
    other: str = ""
    text: str = ""
    until: dt.date | None = None  # a draft's period: its last day


def history(
    editions: list[StandardEdition],
    drafts: list[tuple[StandardDraft, dt.date]],
    replaced: dict[str, list[tuple[str, dt.date]]],
) -> list[Event]:
    """What happened (and what is announced to come) to a standard, oldest first:
    drafts and their periods, issues, effective dates, amendments, errata,
    replacement, repeal. `drafts`: each with its period's end; `replaced`: ref →
    (replacing ref, date). The page tells past events from announced ones by the date."""
    events: list[Event] = []
    for draft, end in drafts:
        events.append(Event(draft.consultation.start, "drafted", draft.edition, until=end))
        events.append(Event(end, "closed", draft.edition))
    for e in editions:
        events.append(Event(e.issued, "issued", e.edition, other=e.document or ""))
        events.append(Event(e.effective, "effective", e.edition))
        for a in e.amendments:
            events.append(Event(a.issued, "amended", e.edition, a.number))
            events.append(Event(a.effective, "amendment-effective", e.edition, a.number))
        for x in e.errata:
            events.append(Event(x.date, "erratum", e.edition, text=x.text))
        for ref, day in replaced.get(e.ref, []):
            events.append(Event(day, "replaced", e.edition, other=ref))
        if e.repealed:
            events.append(Event(e.repealed, "repealed", e.edition))
    order = {k: i for i, k in enumerate(EVENT_KINDS)}
    return sorted(
        events,
        key=lambda ev: (ev.date, order[ev.kind], ev.edition, ev.number),
    )

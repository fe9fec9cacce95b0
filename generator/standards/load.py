"""Read every edition of every standard: `standards/<id>/<edition>.yml`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from generator import layout
from generator.core.documents import Document
from generator.core.files import entries, inside
from generator.core.memory import BuildCache
from generator.core.typed import load_typed
from generator.errors import Problem
from generator.standards.model import StandardDraft, StandardEdition


@dataclass(frozen=True)
class LoadedEdition:
    """One edition as read: its document (for places) and its typed record."""

    doc: Document
    model: StandardEdition

    @property
    def path(self) -> str:
        """The file, relative to the repository."""
        return self.doc.path


def load_standards(
    root: Path, memory: BuildCache | None = None
) -> tuple[list[LoadedEdition], list[Problem]]:
    """Every edition, parsed and typed; bad files become problems."""
    editions: list[LoadedEdition] = []
    problems: list[Problem] = []
    base = root / layout.STANDARDS_DIR
    if not base.is_dir():
        return [], []
    for entry in entries(root, base):
        path = entry.path
        if entry.is_dir or path.suffix.lower() not in (".yml", ".yaml"):
            continue
        rel = f"{layout.STANDARDS_DIR}/{entry.rel}"
        if not entry.inside:
            problems.append(Problem.at(rel, 0, 0, "", "HB025"))
            continue
        parts = entry.rel.split("/")
        if len(parts) == 3 and parts[1] == layout.DRAFTS_DIR:
            continue  # a draft: load_drafts
        if len(parts) != 2:
            problems.append(Problem.at(rel, 0, 0, "", "HB225"))
            continue
        doc, model, found = load_typed(path, rel, StandardEdition, memory)
        problems += found
        if doc is not None and model is not None and not found:
            editions.append(LoadedEdition(doc, model))
    return editions, problems


class WorkingDays(Protocol):
    """The holiday calendar (the notices' `WorkCalendar`), as a draft's period needs it."""

    def end_of(self, start: dt.date, working_days: int) -> dt.date:
        """The last day of a period of `working_days` working days from `start`."""

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar has data for the year of `day`."""


@dataclass(frozen=True)
class LoadedDraft:
    """A draft for comment as read, with the last day of its comment period."""

    doc: Document
    model: StandardDraft
    end: dt.date

    @property
    def path(self) -> str:
        """The file, relative to the repository."""
        return self.doc.path

    @property
    def sources(self) -> list[str]:
        """The files what it shows comes from: its own, and the holiday calendar when
        its comment period is counted in working days (the calendar says where it ends)."""
        counted = self.model.consultation.working_days is not None
        return [self.path, layout.CALENDAR] if counted else [self.path]


def load_drafts(
    root: Path, calendar: WorkingDays, memory: BuildCache | None = None
) -> tuple[list[LoadedDraft], list[Problem]]:
    """Every draft for comment (`standards/<id>/drafts/<edition>.yml`), typed, with
    its period's end worked out (in working days under `calendar` when so written)."""
    drafts: list[LoadedDraft] = []
    problems: list[Problem] = []
    base = root / layout.STANDARDS_DIR
    if not base.is_dir():
        return [], []
    for path in sorted(base.glob(f"*/{layout.DRAFTS_DIR}/*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.suffix.lower() not in (".yml", ".yaml"):
            continue
        if not inside(root, path):
            problems.append(Problem.at(rel, 0, 0, "", "HB025"))
            continue
        doc, model, found = load_typed(path, rel, StandardDraft, memory)
        problems += found
        if doc is None or model is None or found:
            continue
        period = model.consultation
        if period.working_days is not None:
            end = calendar.end_of(period.start, period.working_days)
            for year in sorted({period.start.year, end.year}):
                if not calendar.covers(dt.date(year, 1, 1)):
                    problems.append(
                        doc.problem(
                            ("consultation", "working_days"),
                            "HB403",
                            year=year,
                            calendar=layout.CALENDAR,
                        )
                    )
                    break
        elif period.days is not None:
            end = period.start + dt.timedelta(days=period.days - 1)
        else:
            assert period.end is not None
            end = period.end
        if end < period.start:
            problems.append(
                doc.problem(("consultation", "end"), "HB242", end=end, start=period.start)
            )
        drafts.append(LoadedDraft(doc, model, end))
    return drafts, problems


def unread_ids(problems: list[Problem]) -> set[str]:
    """The standards (their folders' names, which are their ids) with a file that could not
    be read: what cites them is not checked against them, so that the cause is reported
    and not its consequences ("没有标准 …" in a notice)."""
    prefix = layout.STANDARDS_DIR + "/"
    return {
        p.path[len(prefix) :].split("/")[0]
        for p in problems
        if p.path.startswith(prefix) and p.path.count("/") == 2
    }

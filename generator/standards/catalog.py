"""Pure functions that derive what the data implies: status by date, the
edition in force, who replaces whom. Nothing here reads files or reports."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from generator.standards.lifecycle import (
    Consolidated,
    DraftStatus,
    Event,
    consolidate,
    draft_status,
    history,
)
from generator.standards.load import LoadedDraft, LoadedEdition
from generator.standards.model import StandardDraft, StandardEdition, Status
from generator.standards.status import edition_status, replacement_links


@dataclass(frozen=True)
class EditionInfo:
    """An edition with what the dates imply on the as-of day."""

    loaded: LoadedEdition
    status: Status
    replaces: tuple[str, ...]
    replaced_by: tuple[str, ...]
    in_force: StandardEdition | None = None  # the text with its amendment sheets in effect

    @property
    def model(self) -> StandardEdition:
        """The edition as in force on the as-of day: as written, its amendment sheets in
        effect applied (what pages, citations, search and PDFs show)."""
        return self.in_force or self.loaded.model

    @property
    def written(self) -> StandardEdition:
        """The edition as written in its file, before any amendment sheet."""
        return self.loaded.model

    @property
    def ref(self) -> str:
        """The edition's key, `<id>/<edition>`."""
        return self.model.ref


@dataclass(frozen=True)
class DraftInfo:
    """A draft for comment on the as-of day: its period's status and the edition it became."""

    loaded: LoadedDraft
    status: DraftStatus
    days_left: int
    issued: EditionInfo | None

    @property
    def model(self) -> StandardDraft:
        """The draft as written."""
        return self.loaded.model

    @property
    def ref(self) -> str:
        """The draft's key, `<id>/<edition>`."""
        return self.model.ref

    @property
    def end(self) -> dt.date:
        """The last day of the comment period."""
        return self.loaded.end


@dataclass(frozen=True)
class StandardInfo:
    """A standard: its editions, oldest first, and the one its main page shows."""

    id: str
    editions: tuple[EditionInfo, ...]  # oldest first
    current: EditionInfo
    upcoming: tuple[EditionInfo, ...]

    @property
    def status(self) -> Status:
        """The status of the edition the main page shows."""
        return self.current.status

    def previous(self, info: EditionInfo) -> EditionInfo | None:
        """The edition before `info`, if any."""
        index = self.editions.index(info)
        return self.editions[index - 1] if index else None

    def following(self, info: EditionInfo) -> EditionInfo | None:
        """The edition after `info`, if any."""
        index = self.editions.index(info)
        return self.editions[index + 1] if index + 1 < len(self.editions) else None


@dataclass(frozen=True)
class Catalog:
    """Every standard and edition, with statuses as of one day."""

    as_of: dt.date
    standards: tuple[StandardInfo, ...]
    editions: dict[str, EditionInfo]
    drafts: tuple[DraftInfo, ...] = ()

    def drafts_of(self, standard_id: str) -> list[DraftInfo]:
        """The drafts of a standard, oldest first."""
        return [d for d in self.drafts if d.model.id == standard_id]

    def draft_of(self, ref: str) -> DraftInfo | None:
        """The draft an edition was published for comment as, if any."""
        return next((d for d in self.drafts if d.ref == ref), None)

    @property
    def pending_drafts(self) -> list[DraftInfo]:
        """The drafts whose edition is not issued yet (the standards index lists them)."""
        return [d for d in self.drafts if d.status != DraftStatus.ISSUED]

    @property
    def open_drafts(self) -> list[DraftInfo]:
        """The drafts open for comment (or about to be), the soonest to close first."""
        live = (DraftStatus.OPEN, DraftStatus.NOT_STARTED)
        return sorted((d for d in self.drafts if d.status in live), key=lambda d: (d.end, d.ref))

    def consolidated(self, ref: str) -> Consolidated:
        """An edition's text on the as-of day, its amendment sheets in effect applied."""
        return consolidate(self.editions[ref].written, self.as_of)

    def history(self, standard_id: str) -> list[Event]:
        """The standard's status history (drafts, issues, amendments, errata, replacement)."""
        editions = (
            [i.model for i in self.by_id[standard_id].editions] if standard_id in self.by_id else []
        )
        replaced = {
            i.ref: [(r, self.editions[r].model.effective) for r in i.replaced_by]
            for i in self.editions.values()
            if i.model.id == standard_id
        }
        drafts = [(d.model, d.end) for d in self.drafts_of(standard_id)]
        return history(editions, drafts, replaced)

    def standard(self, standard_id: str) -> StandardInfo:
        """The standard with this id (it must exist)."""
        return self.by_id[standard_id]

    @functools.cached_property
    def by_id(self) -> dict[str, StandardInfo]:
        """Each standard by its id."""
        return {s.id: s for s in self.standards}

    def files_of(self, standard_id: str) -> list[str]:
        """The files of every edition of a standard."""
        return [e.loaded.path for e in self.by_id[standard_id].editions]


def _order(refs: set[str], models: dict[str, StandardEdition]) -> tuple[str, ...]:
    return tuple(sorted(refs, key=lambda r: (models[r].effective, r)))


def build_catalog(
    loaded: Iterable[LoadedEdition], as_of: dt.date, drafts: Iterable[LoadedDraft] = ()
) -> Catalog:
    """The catalog on `as_of`: statuses, replacements, the edition each standard shows,
    and the drafts for comment with their periods' statuses."""
    loaded = list(loaded)
    models = {item.model.ref: item.model for item in loaded}
    links = replacement_links(models.values())
    infos: dict[str, EditionInfo] = {}
    for item in loaded:
        ref = item.model.ref
        replaces, replaced_by = links[ref]
        status = edition_status(item.model, (models[r] for r in replaced_by), as_of)
        infos[ref] = EditionInfo(
            item,
            status,
            _order(replaces, models),
            _order(replaced_by, models),
            consolidate(item.model, as_of).model if item.model.amendments else None,
        )
    groups: dict[str, list[EditionInfo]] = {}
    for info in infos.values():
        groups.setdefault(info.model.id, []).append(info)
    standards = []
    for standard_id, group in groups.items():
        group.sort(key=lambda i: (i.model.effective, i.model.edition))
        current = _current(group)
        upcoming = tuple(
            i
            for i in group
            if i.status == Status.UPCOMING
            and i is not current
            and i.model.effective > current.model.effective
        )
        standards.append(StandardInfo(standard_id, tuple(group), current, upcoming))
    standards.sort(key=lambda s: (s.current.model.code, s.id))
    draft_infos = []
    for d in sorted(drafts, key=lambda d: (d.model.id, d.model.consultation.start)):
        became = infos.get(d.model.ref)
        period = d.model.consultation
        stage, days = draft_status(
            period.start, d.end, became.model.issued if became else None, as_of
        )
        draft_infos.append(DraftInfo(d, stage, days, became))
    return Catalog(as_of, tuple(standards), infos, tuple(draft_infos))


def _current(group: list[EditionInfo]) -> EditionInfo:
    """The edition /standards/<id>/ shows: in force, else the next to come, else the last."""
    in_force = [i for i in group if i.status == Status.CURRENT]
    if in_force:
        return in_force[-1]
    upcoming = [i for i in group if i.status == Status.UPCOMING]
    if upcoming:
        return upcoming[0]
    return group[-1]

"""Pure functions that derive what the data implies: status by date, the
edition in force, who replaces whom. Nothing here reads files or reports."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from generator.standards.load import LoadedEdition
from generator.standards.model import StandardEdition, Status
from generator.standards.status import edition_status, replacement_links


@dataclass(frozen=True)
class EditionInfo:
    """An edition with what the dates imply on the as-of day."""

    loaded: LoadedEdition
    status: Status
    replaces: tuple[str, ...]
    replaced_by: tuple[str, ...]

    @property
    def model(self) -> StandardEdition:
        """The edition as written."""
        return self.loaded.model

    @property
    def ref(self) -> str:
        """The edition's key, `<id>/<edition>`."""
        return self.model.ref


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


def build_catalog(loaded: Iterable[LoadedEdition], as_of: dt.date) -> Catalog:
    """The catalog on `as_of`: statuses, replacements, the edition each standard shows."""
    loaded = list(loaded)
    models = {item.model.ref: item.model for item in loaded}
    links = replacement_links(models.values())
    infos: dict[str, EditionInfo] = {}
    for item in loaded:
        ref = item.model.ref
        replaces, replaced_by = links[ref]
        status = edition_status(item.model, (models[r] for r in replaced_by), as_of)
        infos[ref] = EditionInfo(
            item, status, _order(replaces, models), _order(replaced_by, models)
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
    return Catalog(as_of, tuple(standards), infos)


def _current(group: list[EditionInfo]) -> EditionInfo:
    """The edition /standards/<id>/ shows: in force, else the next to come, else the last."""
    in_force = [i for i in group if i.status == Status.CURRENT]
    if in_force:
        return in_force[-1]
    upcoming = [i for i in group if i.status == Status.UPCOMING]
    if upcoming:
        return upcoming[0]
    return group[-1]

"""Pure functions that derive what the data implies: status by date, the
edition in force, who replaces whom. Nothing here reads files or reports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.models.standard import StandardEdition
from generator.repository import LoadedEdition

UPCOMING = "即将实施"
CURRENT = "现行"
SUPERSEDED = "被代替"
REPEALED = "废止"
STATUSES = (CURRENT, UPCOMING, SUPERSEDED, REPEALED)


@dataclass(frozen=True)
class EditionInfo:
    loaded: LoadedEdition
    status: str
    replaces: tuple[str, ...]
    replaced_by: tuple[str, ...]

    @property
    def model(self) -> StandardEdition:
        return self.loaded.model

    @property
    def ref(self) -> str:
        return self.model.ref


@dataclass(frozen=True)
class StandardInfo:
    id: str
    editions: tuple[EditionInfo, ...]  # oldest first
    current: EditionInfo
    upcoming: tuple[EditionInfo, ...]

    @property
    def status(self) -> str:
        return self.current.status

    def previous(self, info: EditionInfo) -> EditionInfo | None:
        index = self.editions.index(info)
        return self.editions[index - 1] if index else None

    def following(self, info: EditionInfo) -> EditionInfo | None:
        index = self.editions.index(info)
        return self.editions[index + 1] if index + 1 < len(self.editions) else None


@dataclass(frozen=True)
class Catalog:
    as_of: dt.date
    standards: tuple[StandardInfo, ...]
    editions: dict[str, EditionInfo]

    def standard(self, standard_id: str) -> StandardInfo:
        return next(s for s in self.standards if s.id == standard_id)


def edition_status(
    edition: StandardEdition, replacers: Iterable[StandardEdition], as_of: dt.date
) -> str:
    """即将实施 before the effective date, 废止 from the repeal date, 被代替 once a
    replacing edition takes effect, 现行 otherwise."""
    if edition.repealed and as_of >= edition.repealed:
        return REPEALED
    if any(r.effective <= as_of for r in replacers):
        return SUPERSEDED
    if as_of < edition.effective:
        return UPCOMING
    return CURRENT


def replacement_links(editions: Iterable[StandardEdition]) -> dict[str, tuple[set[str], set[str]]]:
    """For each edition ref: (refs it replaces, refs that replace it), declared or implied.

    A later edition of the same standard always replaces the one before it.
    """
    editions = list(editions)
    links: dict[str, tuple[set[str], set[str]]] = {e.ref: (set(), set()) for e in editions}
    by_standard: dict[str, list[StandardEdition]] = {}
    for e in editions:
        by_standard.setdefault(e.id, []).append(e)
    for group in by_standard.values():
        group.sort(key=lambda e: (e.effective, e.edition))
        for older, newer in zip(group, group[1:], strict=False):
            links[newer.ref][0].add(older.ref)
            links[older.ref][1].add(newer.ref)
    for e in editions:
        for ref in e.replaces:
            if ref in links:
                links[e.ref][0].add(ref)
                links[ref][1].add(e.ref)
        for ref in e.replaced_by:
            if ref in links:
                links[e.ref][1].add(ref)
                links[ref][0].add(e.ref)
    return links


def _order(refs: set[str], models: dict[str, StandardEdition]) -> tuple[str, ...]:
    return tuple(sorted(refs, key=lambda r: (models[r].effective, r)))


def build_catalog(loaded: Iterable[LoadedEdition], as_of: dt.date) -> Catalog:
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
            if i.status == UPCOMING
            and i is not current
            and i.model.effective > current.model.effective
        )
        standards.append(StandardInfo(standard_id, tuple(group), current, upcoming))
    standards.sort(key=lambda s: (s.current.model.code, s.id))
    return Catalog(as_of, tuple(standards), infos)


def _current(group: list[EditionInfo]) -> EditionInfo:
    """The edition /standards/<id>/ shows: in force, else the next to come, else the last."""
    in_force = [i for i in group if i.status == CURRENT]
    if in_force:
        return in_force[-1]
    upcoming = [i for i in group if i.status == UPCOMING]
    if upcoming:
        return upcoming[0]
    return group[-1]

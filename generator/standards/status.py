"""The rules of a standard's dates: its status on a day, and who replaces whom.
Pure functions of the models, used by the checks and by the catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.standards.model import StandardEdition, Status

# In the order the standards index offers them as filters.
STATUSES = (Status.CURRENT, Status.UPCOMING, Status.SUPERSEDED, Status.REPEALED)


def edition_status(
    edition: StandardEdition, replacers: Iterable[StandardEdition], as_of: dt.date
) -> Status:
    """即将实施 before the effective date, 废止 from the repeal date, 被代替 once a
    replacing edition takes effect, 现行 otherwise."""
    if edition.repealed and as_of >= edition.repealed:
        return Status.REPEALED
    if any(r.effective <= as_of for r in replacers):
        return Status.SUPERSEDED
    if as_of < edition.effective:
        return Status.UPCOMING
    return Status.CURRENT


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

"""What changed between two editions of a standard, clause by clause.

Clauses are matched by their id, so a renumbered clause is a renumbering, not
a deletion and an insertion. Text is compared character by character, which
suits Chinese (no spaces between words)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from generator.standards.model import Clause, StandardEdition, walk_clauses

Kind = Literal["added", "removed", "withdrawn", "renumbered", "reworded", "unchanged"]
Op = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause between two editions."""

    id: str
    old: Clause | None
    new: Clause | None
    kinds: tuple[Kind, ...]  # a clause can be renumbered and reworded at once
    text: tuple[tuple[Op, str], ...] = ()
    title: tuple[tuple[Op, str], ...] = ()

    @property
    def changed(self) -> bool:
        """Whether the clause changed at all."""
        return self.kinds != ("unchanged",)


@dataclass(frozen=True)
class PointsChange:
    """A rubric criterion whose points changed."""

    id: str
    item: str
    old: float | None  # None: the criterion is new
    new: float | None  # None: the criterion was removed


@dataclass(frozen=True)
class Comparison:
    """Two editions compared, clause by clause."""

    old: StandardEdition
    new: StandardEdition
    clauses: tuple[ClauseChange, ...]
    points: tuple[PointsChange, ...] = field(default_factory=tuple)

    def count(self, kind: Kind) -> int:
        """How many clauses changed in this way."""
        return sum(1 for c in self.clauses if kind in c.kinds)


def diff_text(old: str, new: str) -> tuple[tuple[Op, str], ...]:
    """Insertions and deletions that turn `old` into `new`."""
    out: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", old[i1:i2]))
        else:
            if i2 > i1:
                out.append(("delete", old[i1:i2]))
            if j2 > j1:
                out.append(("insert", new[j1:j2]))
    return tuple(out)


def _change(cid: str, old: Clause | None, new: Clause | None) -> ClauseChange:
    if old is None:
        assert new is not None
        return ClauseChange(
            cid, None, new, ("added",), diff_text("", new.text), diff_text("", new.title or "")
        )
    if new is None:
        return ClauseChange(
            cid, old, None, ("removed",), diff_text(old.text, ""), diff_text(old.title or "", "")
        )
    if new.withdrawn and not old.withdrawn:
        return ClauseChange(
            cid,
            old,
            new,
            ("withdrawn",),
            diff_text(old.text, ""),
            diff_text(old.title or "", new.title or ""),
        )
    kinds: list[Kind] = []
    if old.number != new.number:
        kinds.append("renumbered")
    if old.text != new.text or (old.title or "") != (new.title or ""):
        kinds.append("reworded")
    return ClauseChange(
        cid,
        old,
        new,
        tuple(kinds) or ("unchanged",),
        diff_text(old.text, new.text),
        diff_text(old.title or "", new.title or ""),
    )


def compare_editions(old: StandardEdition, new: StandardEdition) -> Comparison:
    """Compare two editions of one standard (clauses matched by id)."""
    before = {c.id: c for c, _ in walk_clauses(old)}
    after = [c for c, _ in walk_clauses(new)]
    ids = {c.id for c in after}
    changes = [_change(c.id, before.get(c.id), c) for c in after]
    changes += [_change(cid, c, None) for cid, c in before.items() if cid not in ids]
    points: list[PointsChange] = []
    if old.rubric or new.rubric:
        was = {c.id: c for c in (old.rubric.criteria if old.rubric else [])}
        now = {c.id: c for c in (new.rubric.criteria if new.rubric else [])}
        for cid, c in now.items():
            prior = was.get(cid)
            if prior is None or prior.points != c.points:
                points.append(PointsChange(cid, c.item, prior.points if prior else None, c.points))
        points += [
            PointsChange(cid, c.item, c.points, None) for cid, c in was.items() if cid not in now
        ]
    return Comparison(old, new, tuple(changes), tuple(points))

"""Read every edition of every standard: `standards/<id>/<edition>.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.core.documents import Document
from generator.core.files import inside
from generator.core.memory import BuildCache
from generator.core.typed import load_typed
from generator.errors import Problem
from generator.standards.model import StandardEdition


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
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.suffix.lower() not in (".yml", ".yaml"):
            continue
        if not inside(root, path):
            problems.append(Problem.at(rel, 0, 0, "", "HB025"))
            continue
        if len(path.relative_to(base).parts) != 2:
            problems.append(Problem.at(rel, 0, 0, "", "HB225"))
            continue
        doc, model, found = load_typed(path, rel, StandardEdition, memory)
        problems += found
        if doc is not None and model is not None and not found:
            editions.append(LoadedEdition(doc, model))
    return editions, problems


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

"""Read the composite assessments: `content/results/composites/<id>.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.composites.model import Composite
from generator.core.documents import Document
from generator.core.files import yaml_files
from generator.core.memory import BuildCache
from generator.core.typed import load_typed
from generator.errors import Problem


@dataclass(frozen=True)
class LoadedComposite:
    """A composite as read: its document (for places) and its typed record."""

    doc: Document
    model: Composite


def load_composites(
    root: Path, memory: BuildCache | None = None
) -> tuple[list[LoadedComposite], list[Problem]]:
    """Every composite, typed; bad files become problems."""
    found: list[LoadedComposite] = []
    problems: list[Problem] = []
    folder = f"{layout.RESULTS_SOURCE}/{layout.COMPOSITES_DIR}"
    for path, rel in yaml_files(root, folder):
        doc, model, more = load_typed(path, rel, Composite, memory)
        problems += more
        if doc is not None and model is not None:
            found.append(LoadedComposite(doc, model))
    return found, problems

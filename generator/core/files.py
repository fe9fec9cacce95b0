"""Files and folders of a handbook: containment, and listings of data files."""

from __future__ import annotations

import functools
import os
from pathlib import Path


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, is under `root`."""
    real, base = os.path.realpath(path), _real(root)
    return real == base or real.startswith(base + os.sep)


@functools.lru_cache(maxsize=8)
def _real(root: Path) -> str:
    return os.path.realpath(root)


def yaml_files(root: Path, folder: str) -> list[tuple[Path, str]]:
    """The YAML files directly in `folder` (relative to `root`) that stay inside
    the repository, each with its path relative to `root`."""
    base = root / folder
    if not base.is_dir():
        return []
    return [
        (p, p.relative_to(root).as_posix())
        for p in sorted(base.glob("*.y*ml"))
        if p.suffix in (".yml", ".yaml") and inside(root, p)
    ]

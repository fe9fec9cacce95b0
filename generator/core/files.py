"""Files and folders of a handbook: containment, and listings of data files."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, is under `root`."""
    real, base = os.path.realpath(path), _real(root)
    return real == base or real.startswith(base + os.sep)


@functools.lru_cache(maxsize=8)
def _real(root: Path) -> str:
    return os.path.realpath(root)


def present(path: Path) -> bool:
    """Whether anything is at `path`: a file, a folder, a link (even a broken one).
    A data file's place holding a folder is read, and reading says what is wrong."""
    return os.path.lexists(path)


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


def file_tree(
    folder: Path, times: dict[str, tuple[int, int]] | None = None
) -> dict[str, tuple[int, int] | None]:
    """Each file under `folder` (by relative path) with its size and modification
    time; each folder with None, before what it holds. Strings, not Paths: at
    10,000 pages this runs on every build. `times`, when given, gets each folder's
    modification time and mode ("" for `folder` itself)."""
    found: dict[str, tuple[int, int] | None] = {}
    if times is not None:
        info = os.stat(folder)
        times[""] = (info.st_mtime_ns, info.st_mode)
    pending = [""]
    while pending:
        rel = pending.pop()
        try:
            entries = os.scandir(os.path.join(folder, rel) if rel else folder)
        except FileNotFoundError:
            continue
        with entries:
            for entry in entries:
                name = f"{rel}/{entry.name}" if rel else entry.name
                if entry.is_dir(follow_symlinks=False):
                    found[name] = None
                    if times is not None:
                        info = entry.stat(follow_symlinks=False)
                        times[name] = (info.st_mtime_ns, info.st_mode)
                    pending.append(name)
                else:
                    info = entry.stat(follow_symlinks=False)
                    found[name] = (info.st_size, info.st_mtime_ns)
    return found


def folder_digest(folder: Path) -> str:
    """The names and contents of every file under `folder`."""
    h = hashlib.blake2b(digest_size=16)
    if folder.is_dir():
        for path in sorted(
            p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ):
            h.update(path.relative_to(folder).as_posix().encode() + b"\x00")
            h.update(path.read_bytes() + b"\x00")
    return h.hexdigest()

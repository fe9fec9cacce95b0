"""Files and folders of a handbook: containment, and listings of data files."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Collection
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Entry:
    """A file or folder found under a folder (`entries`)."""

    where: str  # the path
    rel: str  # relative to the folder walked, with "/"
    is_dir: bool  # a folder, or a link to one (as `Path.is_dir`)
    inside: bool  # as `inside(root, path)`: under the repository, links followed

    @property
    def path(self) -> Path:
        """The path, as a Path."""
        return Path(self.where)

    @property
    def name(self) -> str:
        """The last part of its path."""
        return self.rel.rpartition("/")[2]


def entries(root: Path, folder: Path, skip: Collection[str] = ()) -> list[Entry]:
    """Everything under `folder`, in the order of `sorted(folder.rglob("*"))` (links
    to folders listed, not entered), each with whether it is a folder and whether it
    is `inside` the repository at `root`; what `folder` holds by the names in `skip`
    is left out (and not entered). Cheaper than those calls at thousands of files
    (every build reads the folders again): a name that is not a link is inside
    when the folder walked is, so only links have their paths resolved."""
    if not folder.is_dir():
        return []
    base = str(folder)
    contained = inside(root, folder)
    found: list[tuple[list[str], Entry]] = []
    pending: list[str] = [""]
    while pending:
        rel = pending.pop()
        try:
            with os.scandir(os.path.join(base, rel) if rel else base) as listing:
                items = [item for item in listing if rel or item.name not in skip]
        except OSError:  # unreadable, or gone meanwhile: as rglob, not listed
            continue
        for item in items:
            name = f"{rel}/{item.name}" if rel else item.name
            link = item.is_symlink()
            try:
                is_dir = item.is_dir(follow_symlinks=link)
            except OSError:
                is_dir = False
            if is_dir and not link:
                pending.append(name)
            ok = inside(root, Path(item.path)) if link or not contained else True
            found.append((name.split("/"), Entry(item.path, name, is_dir, ok)))
    found.sort(key=lambda pair: pair[0])
    return [entry for _, entry in found]


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

"""Writing the merged search index (`search_merge`) into the site's folder:
the parts' files linked, the merged ones written, what no longer belongs removed,
and a file that is already what it should be left alone (its time stays, and so
does the published site's, `engine/publish.py`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from generator.engine.search_part import ENTRY


def write_index(
    links: dict[str, str],
    out: Path,
    files: dict[str, bytes | None],
    copies: dict[str, tuple[object, object]] | None = None,
) -> None:
    """Put the merged index in `out`: the fragments and the search code linked
    from the parts (`links`: where in `out` → the part's file), the merged files
    written; the entry file last, and what no longer belongs removed after it.
    `copies`: the files of `out` found equal to their part's file before."""
    keep = set(files) | set(links)
    out.mkdir(parents=True, exist_ok=True)
    top = str(out)
    made = {top}
    for rel, path in links.items():
        target = f"{top}/{rel}"
        if _same(target, path, copies):
            continue
        _folder(os.path.dirname(target), made)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        try:
            os.link(path, target)  # the parts are only ever replaced, never written in place
        except OSError:
            shutil.copy2(path, target)
    for rel, content in sorted(files.items(), key=lambda item: item[0] == ENTRY):
        target = f"{top}/{rel}"
        if content is None or _holds(target, content):
            continue
        _folder(os.path.dirname(target), made)
        temporary = target + ".tmp"
        with open(temporary, "wb") as file:
            file.write(content)
        os.replace(temporary, target)
    for where, _folders, names in os.walk(top, topdown=False):
        rel = os.path.relpath(where, top).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            if prefix + name not in keep:
                os.unlink(os.path.join(where, name))
        if where != top and not os.listdir(where):
            os.rmdir(where)


def _folder(path: str, made: set[str]) -> None:
    if path not in made:
        os.makedirs(path, exist_ok=True)
        made.add(path)


def _holds(path: str, content: bytes) -> bool:
    """Whether the file `path` holds `content`."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as file:
            return file.read() == content
    except OSError:
        return False


def _same(target: str, source: str, copies: dict[str, tuple[object, object]] | None) -> bool:
    """Whether `target` is the file `source` (a link to it) or a copy of it (as
    `copies` remembers it: neither file was replaced since it was compared)."""
    try:
        have = os.stat(target)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(have.st_mode):
        return False
    want = os.stat(source)
    if (have.st_ino, have.st_dev) == (want.st_ino, want.st_dev):
        return True
    # A part indexed again makes new files; the old ones in `out` are kept when
    # equal (their times stay, and so does the published site).
    stamps = (_stamp(have), _stamp(want))
    if copies is not None and copies.get(target) == stamps:
        return True
    same = have.st_size == want.st_size and Path(target).read_bytes() == Path(source).read_bytes()
    if same and copies is not None:
        copies[target] = stamps
    return same


def _stamp(found: os.stat_result) -> tuple[int, int, int, int]:
    return (found.st_ino, found.st_dev, found.st_size, found.st_mtime_ns)

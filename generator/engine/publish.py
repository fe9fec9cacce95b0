"""Publish the engine's finished site into `site/`, so that a reader sees the
whole previous site or the whole new one, never a mix and never nothing.

How: the new version is made beside the site, in `.site.swap`, as a
hard-linked copy of the current one (an unchanged file is the same file,
linked: cheap, and its modification time stays, so `rsync -a --delete site/
host:…` sends only what changed), with the changed files copied in from the
engine's folder. Then the two folders are exchanged in one step with Linux's
`renameat2(RENAME_EXCHANGE)` (macOS: `renamex_np(RENAME_SWAP)`). The previous
version stays in `.site.swap` and is turned into the next one the next time,
touching only what differs: removing a whole tree costs a millisecond or more
per folder on ext4, too much to pay for every folder on every build.

Why this and not the alternatives:
- Renaming changed files over the old ones one by one (what publishing did
  before) leaves a window where readers get a mix of new and old files, and a
  process killed in that window leaves the mix behind.
- Renaming `site/` away and the new folder into its place leaves a moment with
  no `site/` at all (readers get 404s; a web server may cache that).
- A symlink `site -> site.v2` swapped with `rename()` is atomic too, but
  operators' commands (`rsync -a site/ …`, `cp -r site …`, nginx's `root` with
  `disable_symlinks`) would have to follow the link; `site/` stays a real folder.

`site/` is never written in place: a kill -9 at any moment leaves either the
previous site (and a half-made `.site.swap` that the next publish completes)
or the new one. Where the exchange is not supported (another OS, a file system without
it), the folders are swapped with two renames: the one moment without `site/`
is then as short as two system calls.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import posixpath
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.core.files import file_tree

Tree = dict[str, tuple[int, int] | None]  # file: (size, mtime); folder: None
Times = dict[str, tuple[int, int]]  # folder: (mtime, mode)
Names = dict[str, list[str]]  # folder: what it holds (relative paths)


@dataclass
class _Left:
    """What this process's last publish left at a site: the site's files and the
    spare's, their folders' times, and a mark telling that no one published
    there since (the two folders and the spare's `.gitignore`, as it left them)."""

    site: Tree
    site_times: Times
    spare: Tree
    spare_times: Times
    mark: tuple[int, ...]
    # What each folder of the site (and of the engine's folder when it was published)
    # holds, when known.
    names: Names | None = None


_left: dict[str, _Left] = {}
# A site this process made where there was none (by engine folder): the site, its
# files and folders' times as published, its folder's inode.
_made: dict[str, tuple[Path, Tree, Times, int]] = {}
_making: dict[str, threading.Thread] = {}


@contextlib.contextmanager
def spare_made(built: Path) -> Iterator[None]:
    """During a build, make in the background the spare of a site that this process
    made from `built` in a previous build (where there was no site before): a
    linked copy of the site (its folders, and hard links to its files), which
    this build's publish would otherwise make in full; it waits for it. The
    spare is beside the site, which readers never see; nothing runs after the
    build (`handbook build`, one build per process, never starts it)."""
    made = _made.pop(str(built), None)
    thread = None
    if made is not None:
        thread = threading.Thread(target=_fill_spare, args=made, name="hb-spare", daemon=True)
        _making[str(built)] = thread
        thread.start()
    try:
        yield
    finally:
        if thread is not None:
            thread.join()
            _making.pop(str(built), None)


def _fill_spare(target: Path, site: Tree, times: Times, inode: int) -> None:
    spare = staging(target)
    try:
        if os.path.lexists(spare) or os.stat(target).st_ino != inode:
            return  # another process published here meanwhile
        spare.mkdir()
        _keep_out_of_git(spare)
        for rel, signature in site.items():  # folders come before what they hold
            path = os.path.join(spare, rel)
            if signature is None:
                os.mkdir(path)
            else:
                os.link(os.path.join(target, rel), path)
        found, found_times = tree(spare)
    except OSError:
        return  # the next publish walks what there is, and completes it
    _left[str(target)] = _Left(site, times, found, found_times, _mark(target, spare))


def publish(built: Path, target: Path, *, linked: bool = False) -> None:
    """Make `target` a copy of the engine's finished folder `built`, in one step.
    `linked`: the engine never writes into a file it made (engine/engine_build.py),
    so the site may share its files (hard links) instead of copies.

    Called only after the whole build succeeded; a failure before the exchange
    leaves `target` as it was. A process that published there before and finds
    the mark it left knows the site and the spare without walking them again:
    it is the only writer of both between its builds (as of `.handbook/`)."""
    making = _making.get(str(built))
    if making is not None:
        making.join()  # the spare made in the background (`spare_made`)
    spare = staging(target)
    if os.path.lexists(spare) and not (spare.is_dir() and not spare.is_symlink()):
        spare.unlink()
    left = _left.pop(str(target), None)
    names: Names | None = None
    if left is not None and left.mark == _mark(target, spare):
        have, have_times = left.site, left.site_times
        old, old_times = left.spare, left.spare_times
        if linked:  # the engine's folder as it was published, and what changed since
            was = left.names if left.names is not None else _names(have)
            want, want_times, names = known_tree(built, have, have_times, was)
        else:
            want, want_times = tree(built)
    else:
        left = None
        want, want_times = tree(built)
        have, have_times = tree(target) if target.is_dir() else ({}, {})
        old, old_times = tree(spare) if spare.is_dir() else ({}, {})
    if have == want:
        if left is not None:
            left.names = names or left.names
            _left[str(target)] = left
        return  # nothing changed: nothing to swap
    _make_like(spare, built, (want, want_times), target, have, (old, old_times), linked)
    if os.path.lexists(target):
        swap(spare, target)  # the spare now holds the previous version, for next time
        _keep_out_of_git(spare)
        spare_now = dict(have)
        info = (spare / ".gitignore").stat()
        spare_now[".gitignore"] = (info.st_size, info.st_mtime_ns)
        # The spare's folders keep their times (its own changed with `.gitignore`,
        # and is set again each time).
        mark = _mark(target, spare)
        _left[str(target)] = _Left(want, want_times, spare_now, have_times, mark, names)
    else:
        os.rename(spare, target)
        _made[str(built)] = (target, want, want_times, os.stat(target).st_ino)


def _mark(target: Path, spare: Path) -> tuple[int, ...]:
    """The site's and the spare's folders, and the spare's `.gitignore` (written
    anew by each publish): another process publishing here changes one of them."""
    try:
        a, b, c = os.stat(target), os.stat(spare), os.stat(spare / ".gitignore")
    except OSError:
        return ()
    return (a.st_ino, b.st_ino, c.st_ino, c.st_mtime_ns, c.st_size)


def tree(folder: Path) -> tuple[Tree, Times]:
    """`core.files.file_tree` of `folder`, and each folder's modification time and mode."""
    times: Times = {}
    return file_tree(folder, times), times


def known_tree(folder: Path, was: Tree, was_times: Times, held: Names) -> tuple[Tree, Times, Names]:
    """`tree(folder)` as it is now, from what it was (`was`, `was_times`; `held`:
    what each folder held): a folder whose time is unchanged holds the same
    names, and each of its files is as it was, since nothing writes into a file
    of the engine's folder (`publish(linked=True)`: every writer puts a new file in
    its place, which changes its folder's time); only folders whose time changed
    are listed again. Each folder is looked at (one `stat`), not each file."""
    found: Tree = {}
    times: Times = {}
    names: Names = {}
    base = str(folder)
    pending = [""]
    while pending:
        rel = pending.pop()
        path = f"{base}/{rel}" if rel else base
        info = os.stat(path)
        times[rel] = (info.st_mtime_ns, info.st_mode)
        here: list[str] = []
        names[rel] = here
        kept = held.get(rel) if was_times.get(rel) == times[rel] else None
        if kept is not None:
            for name in kept:
                signature = was[name]
                found[name] = signature
                here.append(name)
                if signature is None:
                    pending.append(name)
            continue
        with os.scandir(path) as entries:
            for entry in entries:
                name = f"{rel}/{entry.name}" if rel else entry.name
                here.append(name)
                if entry.is_dir(follow_symlinks=False):
                    found[name] = None
                    pending.append(name)
                else:
                    st = entry.stat(follow_symlinks=False)
                    found[name] = (st.st_size, st.st_mtime_ns)
    return found, times, names


def _names(found: Tree) -> Names:
    """What each folder of a tree holds."""
    names: Names = {"": []}
    for rel, signature in found.items():
        names[rel.rpartition("/")[0]].append(rel)
        if signature is None:
            names[rel] = []
    return names


def _keep_out_of_git(spare: Path) -> None:
    """The spare folder says itself that git should not add it (`git add -A` in a
    handbook whose `.gitignore` predates it would stage the whole previous site); the
    next publish removes this file with whatever else the new version does not have."""
    (spare / ".gitignore").write_text(layout.STAGING_GITIGNORE, encoding="utf-8")


def staging(target: Path) -> Path:
    """Where the next version is made, beside the site (the same file system)."""
    return target.with_name(f".{target.name}{layout.STAGING_SUFFIX}")


def _make_like(
    spare: Path,
    built: Path,
    wanted: tuple[Tree, Times],
    target: Path,
    have: Tree,
    found: tuple[Tree, Times],
    linked: bool,
) -> None:
    """Turn the spare folder (the version before the current one, a version a
    kill interrupted, or nothing) into the new version. Readers never see it, so
    it is changed in place, but no file is ever written into: a file is
    replaced by a new one or a link, since the spare's files are links shared
    with the published site. Only what differs from the new version is touched:
    a folder gets the built folder's time and mode when something in it
    changed or they differ."""
    want, want_times = wanted
    old, old_times = found
    spare.mkdir(exist_ok=True)
    touched = {""}
    for rel in sorted(old.keys() - want.keys(), reverse=True):  # inner ones first
        _remove(spare / rel)
        touched.add(posixpath.dirname(rel))
    for rel, signature in want.items():  # folders come before what they hold
        current = old.get(rel, False)
        if current == signature:
            continue  # already the file (or folder) it should be
        path = os.path.join(spare, rel)
        touched.add(posixpath.dirname(rel))
        if current is None:  # a folder where a file now goes
            shutil.rmtree(path)
        elif current is not False:  # a file that changed, or one where a folder now goes
            os.unlink(path)
        if signature is None:
            os.mkdir(path)
            touched.add(rel)
        elif have.get(rel) == signature:
            _link(os.path.join(target, rel), path)  # the published file, unchanged
        else:
            _put(built, os.path.join(built, rel), path, linked)
    for rel, signature in reversed(want.items()):  # a folder's time, once it is filled
        if signature is None and (rel in touched or old_times.get(rel) != want_times[rel]):
            shutil.copystat(os.path.join(built, rel), os.path.join(spare, rel))
    shutil.copystat(built, spare)


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links: copy, keeping the time
        shutil.copy2(source, target)


def _put(built: Path, source: str, target: str, linked: bool) -> None:
    """Copy a built file; the search index's files are linked instead (thousands
    of them change together), and every file when the engine said it writes
    only new files (`linked`). That is safe because neither writes a file in
    place: the indexer's folder is removed before each run, and the engine
    removes a file before it writes it again, so the published ones stay as
    they are."""
    if linked or source.startswith(os.path.join(built, layout.SEARCH_DIR, "")):
        try:
            os.link(source, target)
            return
        except OSError:  # another file system, or no hard links: copy
            pass
    shutil.copy2(source, target)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS sys/stdio.h


def swap(a: Path, b: Path) -> None:
    """Exchange two paths in one step, or (where that is not supported) with two
    renames: `b` ends up with what `a` held and `a` with what `b` held."""
    if _exchange(os.fsencode(a), os.fsencode(b)):
        return
    aside = b.with_name(b.name + layout.ASIDE_SUFFIX)
    _remove(aside)
    os.rename(b, aside)
    os.rename(a, b)
    os.rename(aside, a)


def _exchange(a: bytes, b: bytes) -> bool:
    """The system's atomic exchange; False when it has none for these paths."""
    libc = ctypes.CDLL(None, use_errno=True)
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        done = libc.renameat2(_AT_FDCWD, a, _AT_FDCWD, b, _RENAME_EXCHANGE)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        done = libc.renamex_np(a, b, _RENAME_SWAP)
    else:
        return False
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # this file system cannot exchange
    raise OSError(code, os.strerror(code), os.fsdecode(b))

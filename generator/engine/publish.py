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

import ctypes
import errno
import os
import shutil
import sys
from pathlib import Path

from generator import layout
from generator.core.memory import file_tree


def publish(built: Path, target: Path) -> None:
    """Make `target` a copy of the engine's finished folder `built`, in one step.

    Called only after the whole build succeeded; a failure before the exchange
    leaves `target` as it was."""
    spare = staging(target)
    if os.path.lexists(spare) and not (spare.is_dir() and not spare.is_symlink()):
        spare.unlink()
    have = file_tree(target) if target.is_dir() else {}
    want = file_tree(built)
    if have == want:
        return  # nothing changed: nothing to swap
    _make_like(spare, built, want, target, have)
    if os.path.lexists(target):
        swap(spare, target)  # the spare now holds the previous version, for next time
        _keep_out_of_git(spare)
    else:
        os.rename(spare, target)


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
    want: dict[str, tuple[int, int] | None],
    target: Path,
    have: dict[str, tuple[int, int] | None],
) -> None:
    """Turn the spare folder (the version before the current one, a version a
    kill interrupted, or nothing) into the new version. Readers never see it, so
    it is changed in place, but no file is ever written into: a file is
    replaced by a new one or a link, since the spare's files are links shared
    with the published site. Only what differs from the new version is touched."""
    spare.mkdir(exist_ok=True)
    old = file_tree(spare)
    for rel in sorted(old.keys() - want.keys(), reverse=True):  # inner ones first
        _remove(spare / rel)
    for rel, signature in want.items():  # folders come before what they hold
        path = os.path.join(spare, rel)
        current = old.get(rel, False)
        if current == signature:
            continue  # already the file (or folder) it should be
        if current is None:  # a folder where a file now goes
            shutil.rmtree(path)
        elif current is not False:  # a file that changed, or one where a folder now goes
            os.unlink(path)
        if signature is None:
            os.mkdir(path)
        elif have.get(rel) == signature:
            _link(os.path.join(target, rel), path)  # the published file, unchanged
        else:
            _put(built, os.path.join(built, rel), path)
    for rel, signature in reversed(want.items()):  # a folder's time, once it is filled
        if signature is None:
            shutil.copystat(os.path.join(built, rel), os.path.join(spare, rel))
    shutil.copystat(built, spare)


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links: copy, keeping the time
        shutil.copy2(source, target)


def _put(built: Path, source: str, target: str) -> None:
    """Copy a built file; the search index's files are linked instead (thousands
    of them change together). That is safe because the indexer never writes a
    file in place: its folder is removed before each run, so the next run makes
    new files and the published ones stay as they are."""
    if source.startswith(os.path.join(built, layout.SEARCH_DIR, "")):
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

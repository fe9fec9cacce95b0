"""Publish the engine's finished site into `site/`, so that no reader gets half a file."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

from generator import layout
from generator.core.memory import file_tree


def publish(built: Path, target: Path) -> None:
    """Make `target` a copy of the engine's finished folder `built`.

    Called only after the whole build succeeded. When most files changed (the
    first build, a new version of the generator), the copy is made beside
    `target` and swapped in. Otherwise only the files that differ (size or
    modification time) are copied, each written beside its old version and
    renamed over it, so no reader ever gets half a file; then the files the
    build no longer makes are removed."""
    have = file_tree(target) if target.is_dir() else {}
    want = file_tree(built)
    changed = sum(1 for rel, sig in want.items() if sig is not None and have.get(rel) != sig)
    if not target.is_dir() or changed > len(want) // 2:
        new = target.with_name(target.name + ".new")
        shutil.rmtree(new, ignore_errors=True)
        try:
            shutil.copytree(built, new, copy_function=functools.partial(_put, built))
            swap_into_place(new, target)
        finally:
            shutil.rmtree(new, ignore_errors=True)
        return
    for rel, signature in want.items():  # folders come before what they hold
        old = os.path.join(target, rel)
        if signature is None:
            if have.get(rel) is not None:  # a file where a folder now goes
                os.unlink(old)
            continue
        if have.get(rel) == signature:
            continue  # the file as it was
        if rel in have and have[rel] is None:  # a folder where a file now goes
            shutil.rmtree(old)
        os.makedirs(os.path.dirname(old), exist_ok=True)
        part = os.path.join(os.path.dirname(old), f".{os.path.basename(old)}.part")
        _put(built, os.path.join(built, rel), part)
        os.replace(part, old)
    for rel in sorted(have.keys() - want.keys(), reverse=True):  # inner ones first
        gone = os.path.join(target, rel)
        if have[rel] is None:
            shutil.rmtree(gone, ignore_errors=True)
        elif os.path.lexists(gone):
            os.unlink(gone)


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


def swap_into_place(new: Path, target: Path) -> None:
    """Replace `target` with `new` so that a reader never sees a half-written site."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)

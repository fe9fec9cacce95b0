"""What a rebuild can reuse from the previous build.

A build keeps its memory in `.handbook/cache/state.sqlite` (see `layout`):

- every source file read, by its content digest, with what reading it gave
  (the parsed and typed record, or its problems), so an unchanged file is not
  parsed again;
- every generated page's key: a digest of the generator's own code and
  templates, the settings, the as-of day and the digests of the source files the
  page shows. A page whose key is unchanged is not rendered again, and its file
  in the generated project is left alone (its modification time stays, so the
  engine's dirty build skips it);
- the engine's key (the generated configuration, the menu, the set of pages) and
  the search keys (what search sees of each part of the site), which decide
  whether the engine may build only changed pages and which search indexes
  must be built again.

Anything unreadable or from another version of the generator is ignored: the
build is then a full one. Reuse never changes the output: a rebuild writes the
same site a clean build would (tests compare them byte for byte).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sqlite3
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any, TypeVar

from generator import layout
from generator.core import limits
from generator.core.documents import Document
from generator.core.files import file_tree as file_tree  # where the engine finds it
from generator.core.files import folder_digest as folder_digest
from generator.core.version import code_version
from generator.messages import Phrase, phrase

_PROTOCOL = pickle.HIGHEST_PROTOCOL

T = TypeVar("T")

# What a damaged or foreign memory raises while it is read: an unreadable or
# truncated database, tables of another shape, values of another shape.
_DAMAGE = (sqlite3.DatabaseError, ValueError, TypeError)
_DAMAGED = object()

# What the last build in this process read, by its memory (its file, the generator's
# version), (rel, kind) → (digest, value): the next build (`handbook serve`) takes an
# unchanged file's value from here, not unpickled again. A build never changes what it
# read (frozen models; tests/core/test_memory_kept.py builds twice and compares).
_KEPT: dict[tuple[str, str], dict[tuple[str, str], tuple[str, Any]]] = {}
_VALUE = "SELECT value FROM loads WHERE rel = ? AND kind = ? AND digest = ?"
_KNOWN = "SELECT 1 FROM loads WHERE rel = ? AND kind = ? AND digest = ?"


class _TooLarge(Exception):
    """A source file above the size limit: not digested (reading refuses it)."""


def digest(data: bytes | str) -> str:
    """A short digest of bytes or text, for keys."""
    return hashlib.blake2b(
        data.encode() if isinstance(data, str) else data, digest_size=16
    ).hexdigest()


def digest_parts(parts: Iterable[object]) -> str:
    """A digest of several values in order (their reprs)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(repr(part).encode())
        h.update(b"\x00")
    return h.hexdigest()


class BuildCache:
    """One build's view of the previous build's state, and the state it leaves.

    Kept in SQLite (`.handbook/cache/state.sqlite`): a rebuild after one edit
    writes only the rows that changed."""

    def __init__(
        self, root: Path, docs: Path, notify: Callable[[Phrase], None] | None = None
    ) -> None:
        self.state_file = root / layout.CACHE_DIR / layout.CACHE_STATE  # the handbook's memory
        self.docs = docs  # the generated project's pages
        self._docs = str(docs)
        # The files `reusable` found as the previous build left them: (size, mtime).
        self.verified: dict[str, tuple[int, int]] = {}
        self.notify = notify or (lambda message: None)
        self.damaged = False  # found damaged in this build (said once)
        self.version = code_version()
        try:
            self._read_state()
        except _DAMAGE:
            self._heal()
            self._read_state()

    def _read_state(self) -> None:
        self.db = self._open()
        meta = dict(self.db.execute("SELECT name, value FROM meta"))
        if meta.get("version") != self.version:
            self.db.executescript(
                "DELETE FROM files; DELETE FROM loads; DELETE FROM pages; DELETE FROM meta;"
            )
            self.db.execute("INSERT INTO meta VALUES ('version', ?)", (self.version,))
            self.db.commit()
            meta = {}
        self.engine_key = meta.get("engine", "")
        # Who wrote the generated project last (`engine.project`): the mark it left, and
        # the one this build leaves (saved with the pages' keys).
        self.docs_mark = meta.get("docs", "")
        self.new_docs_mark = ""
        self.search_keys: dict[str, str] = json.loads(meta.get("search") or "{}")
        if not isinstance(self.search_keys, dict):
            raise ValueError("search keys of another shape")
        self.old_stats: dict[str, tuple[int, int, str]] = {
            rel: (size, mtime, value)
            for rel, size, mtime, value in self.db.execute(
                "SELECT rel, size, mtime, digest FROM files"
            )
        }
        self.old_pages: dict[str, tuple[str, str, int, int]] = {
            path: (key, search, size, mtime)
            for path, key, search, size, mtime in self.db.execute(
                "SELECT path, key, search, size, mtime FROM pages"
            )
        }
        self.stats: dict[str, tuple[int, int, str]] = {}
        self.loaded: dict[tuple[str, str], tuple[str, Any]] = {}  # (rel, kind) → digest, value
        self.fresh: set[tuple[str, str]] = set()  # loads not in the database yet
        self.pages: dict[str, tuple[str, str, int, int]] = {}
        # Digests of parts of files, for pages that show only a part (a standard's rubric).
        self.parts: dict[str, str] = {}
        self.kept = _KEPT.get(self._kept_key(), {})
        # What the memory holds of what the process read last (not the values).
        self.known_loads: set[tuple[str, str, str]] = (
            set(self.db.execute("SELECT rel, kind, digest FROM loads")) if self.kept else set()
        )

    def _kept_key(self) -> tuple[str, str]:
        return (str(self.state_file), self.version)

    def _open(self) -> sqlite3.Connection:
        path = self.state_file
        path.parent.mkdir(parents=True, exist_ok=True)
        db = _connect(path)
        try:
            # Every page of the file, read once: damage anywhere is found now, not
            # in the middle of the build (a few ms for the sample, ~0.1 s per 100 MB).
            check = db.execute("PRAGMA quick_check").fetchall()
            if check != [("ok",)]:
                raise sqlite3.DatabaseError(str(check[:3]))
        except BaseException:
            db.close()
            raise
        return db

    def found_damage(self) -> None:
        """Say once that the memory was damaged (it is rebuilt as the build goes on)."""
        if not self.damaged:
            self.damaged = True
            self.notify(phrase("notice.memory_healed"))

    def _heal(self) -> None:
        """Forget a damaged memory (say so once): the build goes on as a full one."""
        self.found_damage()
        db = getattr(self, "db", None)
        if db is not None:
            db.close()
        path = self.state_file
        for leftover in (path, path.with_name(path.name + "-journal")):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover)
            else:
                leftover.unlink(missing_ok=True)

    def _unpickle(self, data: bytes) -> Any:
        """A cached value, or `_DAMAGED` if it cannot be read back (the file is read again)."""
        try:
            return pickle.loads(data)
        except Exception:  # a damaged or foreign row: any error unpickling can raise
            self.found_damage()
            return _DAMAGED

    def close(self) -> None:
        """Close the database; what was saved stays."""
        self.db.close()

    # -- source files --------------------------------------------------------------
    def file_digest(self, path: Path, rel: str) -> str:
        """The digest of a source file's bytes; files whose size and mtime are unchanged are not re-read."""
        known = self.stats.get(rel)
        if known is not None:
            return known[2]
        st = path.stat()
        if st.st_size > limits.MAX_FILE_BYTES:
            raise _TooLarge(rel)
        old = self.old_stats.get(rel)
        if old is not None and old[0] == st.st_size and old[1] == st.st_mtime_ns:
            value = old[2]
        else:
            value = digest(path.read_bytes())
        self.stats[rel] = (st.st_size, st.st_mtime_ns, value)
        return value

    def digest_of(self, rel: str) -> str:
        """The digest of a source file read in this build, or of a part registered in
        `parts` ("" if neither)."""
        known = self.stats.get(rel)
        return known[2] if known else self.parts.get(rel, "")

    def memo(self, path: Path, rel: str, kind: str, read: Callable[[], T]) -> T:
        """What `read()` gives for this file, from the previous build if its bytes are the same.

        A file that cannot be digested (a folder, gone, too large) is read without
        the memory: reading says what is wrong with it."""
        try:
            value_digest = self.file_digest(path, rel)
        except (OSError, _TooLarge):
            return read()
        kept = self.kept.get((rel, kind))
        if kept is not None and kept[0] != value_digest:
            kept = None
        try:
            if kept is not None and (rel, kind, value_digest) in self.known_loads:
                row: tuple[Any, ...] | None = ()  # in the memory when it was opened
            else:
                query = _KNOWN if kept else _VALUE
                row = self.db.execute(query, (rel, kind, value_digest)).fetchone()
        except _DAMAGE:  # damaged since it was opened
            self.found_damage()
            row = None
        value: T
        if row is not None and kept is not None:  # as the previous build of this process read it
            value = kept[1]  # its documents point at this file already (the same memory's)
        elif row is not None and (cached := self._unpickle(row[0])) is not _DAMAGED:
            value = cached
            relocate(value, path)
        else:
            value = read()
            self.fresh.add((rel, kind))
        self.loaded[(rel, kind)] = (value_digest, value)
        return value

    # -- generated pages -----------------------------------------------------------
    def page_key(self, path: str, scope: str, deps: Iterable[str], extra: object = None) -> str:
        """A page's key: the scope, its path, the digests of what it depends on, and `extra`."""
        shown = "\x1f".join(f"{d}\x1e{self.digest_of(d)}" for d in sorted(set(deps)))
        text = f"{scope}\x00{path}\x00{shown}\x00{extra!r}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()

    def reusable(self, path: str, key: str) -> str | None:
        """The page's previous search key, if its file was written with this key and is untouched."""
        old = self.old_pages.get(path)
        if old is None or old[0] != key:
            return None
        try:
            st = os.stat(os.path.join(self._docs, path))
        except OSError:  # a missing piece of the generated project: made again
            self.found_damage()
            return None
        if (st.st_size, st.st_mtime_ns) != (old[2], old[3]):
            return None
        self.verified[path] = (st.st_size, st.st_mtime_ns)
        return old[1]

    def record_pages(
        self, pages: Iterable[tuple[str, str, str]], untouched: Collection[str] = ()
    ) -> None:
        """Remember each generated file's key once it is written: (path, key, search key).
        `untouched`: files left as `reusable` found them in this build (not looked at again)."""
        for path, key, search in pages:
            seen = self.verified.get(path) if path in untouched else None
            if seen is None:
                st = os.stat(os.path.join(self._docs, path))
                seen = (st.st_size, st.st_mtime_ns)
            self.pages[path] = (key, search, *seen)

    def search_key(self, paths: Iterable[str]) -> str:
        """What search sees of these pages."""
        return digest("\x1f".join(f"{path}\x1e{self.pages[path][1]}" for path in sorted(paths)))

    # -- saving --------------------------------------------------------------------
    def save_reads(self) -> None:
        """Keep what was read (the files and what they gave), in one transaction."""
        with self.db:
            self._save_reads()

    def _save_reads(self) -> None:
        _KEPT.clear()  # one handbook's at a time: a test run builds hundreds
        _KEPT[self._kept_key()] = dict(self.loaded)
        self.db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
            [(rel, *stat) for rel, stat in self.stats.items() if self.old_stats.get(rel) != stat],
        )
        self.db.executemany(
            "DELETE FROM files WHERE rel = ?",
            [(rel,) for rel in self.old_stats if rel not in self.stats],
        )
        self.db.executemany(
            "INSERT OR REPLACE INTO loads VALUES (?, ?, ?, ?)",
            [
                (
                    rel,
                    kind,
                    self.loaded[(rel, kind)][0],
                    pickle.dumps(self.loaded[(rel, kind)][1], _PROTOCOL),
                )
                for rel, kind in self.fresh
            ],
        )
        gone = {row for row in self.db.execute("SELECT rel, kind FROM loads")} - set(self.loaded)
        self.db.executemany("DELETE FROM loads WHERE rel = ? AND kind = ?", gone)

    def docs_changing(self) -> None:
        """The generated project is about to change: forget who wrote it last (saved at
        once, so that a build killed while writing is never taken for that writer)."""
        if self.docs_mark:
            with self.db:
                self.db.execute("DELETE FROM meta WHERE name = 'docs'")
            self.docs_mark = ""

    def save_pages(self) -> None:
        """Keep what was read and the keys of the files written (the generated project)."""
        with self.db:
            self._save_reads()
            if self.new_docs_mark:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('docs', ?)", (self.new_docs_mark,)
                )
            self.db.executemany(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?)",
                [(p, *entry) for p, entry in self.pages.items() if self.old_pages.get(p) != entry],
            )
            self.db.executemany(
                "DELETE FROM pages WHERE path = ?",
                [(p,) for p in self.old_pages if p not in self.pages],
            )

    def set_engine(self, engine_key: str, search_keys: dict[str, str]) -> None:
        """Say what the engine's folder holds: the engine's key and each search
        index's ("" and none while it is being changed: trust nothing)."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("engine", engine_key), ("search", json.dumps(search_keys, sort_keys=True))],
            )


def relocate(value: object, path: Path) -> None:
    """Point the documents inside a cached value at the file as it is found now
    (the repository may have moved since), to find their places again if needed."""
    if isinstance(value, tuple | list):
        for item in value:
            relocate(item, path)
    elif isinstance(value, Document):
        value.reread_from = str(path)
    else:
        for name in ("meta", "meta_doc"):
            inner = getattr(value, name, None)
            if isinstance(inner, Document):
                inner.reread_from = str(path)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE IF NOT EXISTS files (rel TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT);
        CREATE TABLE IF NOT EXISTS loads (
            rel TEXT, kind TEXT, digest TEXT, value BLOB, PRIMARY KEY (rel, kind));
        CREATE TABLE IF NOT EXISTS pages (
            path TEXT PRIMARY KEY, key TEXT, search TEXT, size INTEGER, mtime INTEGER);
        """
    )
    return db


def memoized(
    memory: BuildCache | None, path: Path, rel: str, kind: str, read: Callable[[], T]
) -> T:
    """What `read()` gives for a source file, through the build memory if there is one."""
    return read() if memory is None else memory.memo(path, rel, kind, read)

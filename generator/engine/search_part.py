"""One part of the search index as the merge reads it (`search_merge`), and a
memory of the parts already read.

Reading a part is decoding its word chunks (gzip, then CBOR) and measuring each
word's pages; after one edit all parts but one are as they were. A process that
merges again (the warm merge worker, `search_worker`) keeps what it read,
checked against the part's entry file and its metadata file (Pagefind names
every file by its content, and a part is always written anew, never in place).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import operator
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

from generator.engine.search_canon import encode_head

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"

# A word of a part: the word, its pages ([page delta, positions, meta positions]),
# its variants ([form, pages]), what Pagefind counts towards a chunk's size, the
# sum of its pages' deltas after the first (its last page from its first), and a
# token of what it is: the digest of the chunk file it was read from, or of the
# one an equal record of the part was read from before (`Parts.inherit`).
Record = tuple[str, list[list[Any]], list[list[Any]], int, int, str]


class NotMergeable(Exception):
    """The parts cannot be joined faithfully (another language, sort orders)."""


def read(path: Path) -> Any:
    """A Pagefind file's content."""
    return decode(path.read_bytes(), path.name)


def decode(raw: bytes, name: str) -> Any:
    """The content of a Pagefind file's bytes (`name`: for the message)."""
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        raise NotMergeable(f"{name}: not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE) :])


def language_of(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The one language of a part's entry file, and what the entry says of it."""
    languages = entry.get("languages") or {}
    if len(languages) != 1:
        raise NotMergeable(f"{len(languages)} languages in one part")
    return next(iter(languages.items()))


_first = operator.itemgetter(0)


def _positions(page: list[Any]) -> int:
    return len(page[1]) + len(page[2])


@dataclass
class Part:
    """A part's index, decoded. A merge changes nothing of it but the numbers of
    the metadata fields in its words' pages (`remap`)."""

    folder: Path
    entry: dict[str, Any]
    language: str
    info: dict[str, Any]
    meta: list[Any]
    # Its word chunks: (a digest of the chunk file, its words).
    chunks: list[tuple[str, list[Record]]]
    filters: list[tuple[str, list[list[Any]]]]  # (filter, [[value, page numbers]])
    files: list[str]  # its files a merge takes as they are (search code, fragments)
    mapping: tuple[int, ...] | None = None  # what `remap` did to the chunks
    # Lists of pages of its words as CBOR without their first entry and the list's
    # head (`rest`), by the list's id: the list is the part's as long as it is kept.
    _rest: dict[int, bytes] = field(default_factory=dict, repr=False)

    @property
    def fields(self) -> list[str]:
        """Its pages' metadata fields."""
        return list(self.meta[5])

    def remap(self, mapping: tuple[int, ...] | None) -> bool:
        """Number the metadata fields in its words' pages as the merged index does
        (`mapping`: the merged number of each of its fields; None: the same);
        False when it was numbered for another merge (it is to be read again)."""
        if mapping == self.mapping:
            return True
        if self.mapping is not None:
            return False
        self.chunks = [
            (digest, [
                (word, _pages(pages, mapping), [[f, _pages(v, mapping)] for f, v in variants],
                 size, span, token)
                for word, pages, variants, size, span, token in records
            ])
            for digest, records in self.chunks
        ]  # fmt: skip
        self.mapping = mapping
        self._rest = {}
        return True

    def rest(self, pages: list[list[Any]]) -> bytes:
        """CBOR of the entries after the first of one of its lists of pages."""
        found = self._rest.get(id(pages))
        if found is None:
            rest = pages[1:]
            found = cbor2.dumps(rest)[len(encode_head(4, len(rest))) :]
            self._rest[id(pages)] = found
        return found


def _pages(pages: list[list[Any]], mapping: tuple[int, ...] | None) -> list[list[Any]]:
    """Pages with meta positions' field markers (-n-1) numbered by `mapping`."""
    if mapping is None:
        return pages
    return [
        [page[0], page[1], [-mapping[-v - 1] - 1 if v < 0 else v for v in page[2]]]
        if page[2]
        else page
        for page in pages
    ]


def read_part(folder: Path, entry_raw: bytes) -> Part:
    """Decode the part in `folder` (whose entry file holds `entry_raw`)."""
    entry = json.loads(entry_raw)
    language, info = language_of(entry)
    meta = read(folder / f"pagefind.{info['hash']}.pf_meta")
    if meta[4]:
        raise NotMergeable(f"{folder.name}: sort orders")
    chunks = []
    for chunk in meta[2]:
        raw = (folder / "index" / f"{chunk[2]}.pf_index").read_bytes()
        digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        words: list[Record] = [
            (
                word,
                pages,
                variants,
                sum(map(_positions, pages)) + len(pages),
                sum(map(_first, pages[1:])),
                digest,
            )
            for word, pages, variants in decode(raw, chunk[2])[0]
        ]
        chunks.append((digest, words))
    filters = [(name, read(folder / "filter" / f"{file}.pf_filter")[1]) for name, file in meta[3]]
    return Part(folder, entry, language, info, meta, chunks, filters, _files(folder))


def _files(folder: Path) -> list[str]:
    """The part's files that a merge does not rewrite, by their path in it."""
    found: list[str] = []
    top = str(folder)
    for where, _, names in os.walk(top):
        rel = os.path.relpath(where, top).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        found.extend(prefix + name for name in names if not merged(prefix + name))
    return sorted(found)


def merged(rel: str) -> bool:
    """Whether a part's file is replaced by the merge (word chunks, filters, meta, entry)."""
    return (
        rel == ENTRY
        or rel.startswith(("index/", "filter/"))
        or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))
    )


class Parts:
    """Parts read before, by folder, each kept while its entry and metadata files
    are the ones it was read from."""

    def __init__(self) -> None:
        self._known: dict[Path, tuple[object, Part]] = {}
        self._before: dict[Path, Part] = {}  # what a part written anew was
        # Files of a merged index equal to their part's file, as `search_files._same` found them.
        self.copies: dict[str, tuple[object, object]] = {}
        # The last merge's words as CBOR, by the word and its sources (`search_merge._pack_words`).
        self.encoded: dict[tuple[str, tuple[tuple[int, str, int], ...]], bytes] = {}
        self.setting = ""  # what `encoded` was made for (`search_merge._Memo.setting`)

    def get(self, folder: Path, *, again: bool = False) -> Part:
        """The part in `folder`, read again only when it was written anew (or `again`)."""
        entry_raw = (folder / ENTRY).read_bytes()
        try:
            _, info = language_of(json.loads(entry_raw))
            meta = os.stat(folder / f"pagefind.{info['hash']}.pf_meta")
        except (NotMergeable, OSError, ValueError, KeyError, TypeError):
            return read_part(folder, entry_raw)  # says what is wrong
        stamp = (entry_raw, meta.st_ino, meta.st_mtime_ns, meta.st_size)
        known = self._known.get(folder)
        if known is not None and known[0] == stamp and not again:
            return known[1]
        part = read_part(folder, entry_raw)
        if known is not None:
            self._before[folder] = known[1]
        self._known[folder] = (stamp, part)
        return part

    def inherit(self, part: Part) -> None:
        """Give the words of a part written anew that are as they were the tokens
        they had: a merge then finds unchanged what an edit left unchanged."""
        before = self._before.pop(part.folder, None)
        if before is None or before.mapping != part.mapping:
            return
        old = {record[0]: record for _, records in before.chunks for record in records}
        for _, records in part.chunks:
            for i, record in enumerate(records):
                was = old.get(record[0])
                if was is not None and was[1] == record[1] and was[2] == record[2]:
                    records[i] = (*record[:5], was[5])

    def keep_only(self, folders: list[Path]) -> None:
        """Forget the parts not in `folders` (a build no longer has them)."""
        wanted = set(folders)
        for folder in list(self._known):
            if folder not in wanted:
                del self._known[folder]
        self._before = {f: part for f, part in self._before.items() if f in wanted}

"""One search index made of parts indexed on their own, as Pagefind would make it
from all their pages at once.

Pagefind cannot update an index, and indexes merged in the browser rank each on
their own statistics (the standard defining 主题党日 came 8th). So the build
indexes each part of the site (a top-level folder) into a folder of its own in
`.handbook/`, again only when the part's pages changed, and this module writes
the site's one index from the parts: their pages one after the other, each
word's pages joined, filters joined, the word index cut into chunks where
Pagefind cuts it (`pagefind/src/index/mod.rs`, 1.5). Search then ranks on the
whole site's statistics, exactly as with one run of Pagefind; only pages that
tie are in another order.

The files are gzip of `pagefind_dcd` followed by CBOR (read and written with
cbor2). In a word's list of pages each page number is the difference from the
one before, so joining two lists changes only the first entry of the second.
Files are named by a digest of their content, so unchanged chunks keep their
names and a rebuild changes only what changed.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import operator
import os
import shutil
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
CHUNK_SIZE = 20_000  # Pagefind's default index_chunk_size: positions per word chunk


class NotMergeable(Exception):
    """The parts cannot be joined faithfully (another language, sort orders)."""


def _read(path: Path, digests: dict[Path, str] | None = None) -> Any:
    raw = path.read_bytes()
    if digests is not None:
        digests[path] = hashlib.blake2b(raw, digest_size=16).hexdigest()
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        raise NotMergeable(f"{path.name}: not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE) :])


def _pack(item: object) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(item), compresslevel=6, mtime=0)


def _name(language: str, content: bytes, length: int) -> str:
    return f"{language}_{hashlib.sha256(content).hexdigest()[:length]}"


@dataclass
class _Word:
    """A word's pages (entries [page delta, positions, meta positions]) and the
    absolute number of its last page, and its variants (other diacritics)."""

    pages: list[list[Any]] = field(default_factory=list)
    last: int = -1
    variants: dict[str, _Word] = field(default_factory=dict)
    # Where its pages came from: (part, the part's chunk file, page offset), which
    # decide what it is in the merged index (`_Memo`).
    sources: list[tuple[int, str, int]] = field(default_factory=list)  # chunk: its digest

    def join(self, pages: list[list[Any]], offset: int, fields: list[int] | None) -> None:
        if not pages:
            return
        first, *rest = pages
        absolute = first[0] + offset
        start = 0 if self.last < 0 else self.last
        self.pages.append([absolute - start, first[1], _remap(first[2], fields)])
        if fields is None:
            self.pages.extend(rest)
        else:
            self.pages.extend([p[0], p[1], _remap(p[2], fields)] for p in rest)
        self.last = absolute + sum(map(_first, rest))

    def size(self) -> int:
        """What Pagefind counts towards a chunk's size."""
        return sum(map(_positions, self.pages)) + len(self.pages)

    def packed(self, word: str) -> list[Any]:
        variants = [[form, v.pages] for form, v in self.variants.items()]
        return [word, self.pages, variants]


_first = operator.itemgetter(0)


def _positions(page: list[Any]) -> int:
    return len(page[1]) + len(page[2])


def _remap(meta_locs: list[int], fields: list[int] | None) -> list[int]:
    """Meta positions with the part's field numbers (-n-1 markers) made the merged ones."""
    if fields is None or not meta_locs:
        return meta_locs
    return [-fields[-v - 1] - 1 if v < 0 else v for v in meta_locs]


def _language(entry: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    languages = entry.get("languages") or {}
    if len(languages) != 1:
        raise NotMergeable(f"{len(languages)} languages in one part")
    return next(iter(languages.items()))


class _Memo:
    """The merged word chunks of the last merge, by what they were made from (each
    word's sources), kept in `file`: a chunk made from the same sources is the same
    file, left as it is instead of encoded again (most of a merge's time, and after
    one edit most chunks are unchanged)."""

    def __init__(self, file: Path | None, out: Path, setting: object) -> None:
        self.file, self.out, self.setting = file, out, repr(setting)
        self.old: dict[str, str] = {}
        self.new: dict[str, str] = {}
        if file is not None and file.is_file():
            try:
                found = json.loads(file.read_text(encoding="utf-8"))
            except ValueError:  # damaged: every chunk is encoded again
                found = {}
            if isinstance(found, dict) and found.get("setting") == self.setting:
                self.old = dict(found.get("chunks", {}))

    def key(self, batch: list[tuple[str, _Word]]) -> str:
        made = repr([(word, w.sources) for word, w in batch])
        return hashlib.blake2b(made.encode("utf-8"), digest_size=16).hexdigest()

    def kept(self, key: str) -> str | None:
        """The name of the chunk made from these sources, if it is still in `out`."""
        name = self.old.get(key)
        if name is None or not (self.out / "index" / f"{name}.pf_index").is_file():
            return None
        self.new[key] = name
        return name

    def save(self) -> None:
        if self.file is None:
            return
        temporary = self.file.with_name(self.file.name + ".tmp")
        temporary.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(
            json.dumps({"setting": self.setting, "chunks": self.new}, sort_keys=True),
            encoding="utf-8",
        )
        os.replace(temporary, self.file)


def merge(parts: list[Path], out: Path, memo: Path | None = None) -> None:
    """Write into `out` the index of all pages of the Pagefind indexes in `parts`
    (folders, in this order); files of `out` not in it are removed. `memo`: where
    the chunks' sources are kept between merges (`_Memo`)."""
    entries = [json.loads((p / ENTRY).read_text(encoding="utf-8")) for p in parts]
    if not entries:
        raise NotMergeable("no parts")
    language, first = _language(entries[0])
    metas: list[Any] = []
    for part, entry in zip(parts, entries, strict=True):
        lang, info = _language(entry)
        if lang != language or entry.get("version") != entries[0].get("version"):
            raise NotMergeable(f"{part.name}: another language or version")
        meta = _read(part / f"pagefind.{info['hash']}.pf_meta")
        if meta[4]:
            raise NotMergeable(f"{part.name}: sort orders")
        metas.append(meta)
    fields = sorted({name for meta in metas for name in meta[5]})
    words: dict[str, _Word] = {}
    filters: dict[str, dict[str, list[int]]] = {}
    pages: list[Any] = []
    links = {
        p.relative_to(parts[0]).as_posix(): p
        for p in parts[0].rglob("*")
        if p.is_file() and not _merged(p.relative_to(parts[0]).as_posix())
    }
    for number, (part, meta) in enumerate(zip(parts, metas, strict=True)):
        offset = len(pages)
        pages.extend(_fragments(part, meta[1], language, links))
        mapping = None if meta[5] == fields else [fields.index(f) for f in meta[5]]
        for chunk in meta[2]:
            chunk_file = part / "index" / f"{chunk[2]}.pf_index"
            digests: dict[Path, str] = {}
            read = _read(chunk_file, digests)[0]
            source = (number, digests[chunk_file], offset)
            for word, packed, variants in read:
                entry_word = words.get(word)
                if entry_word is None:
                    entry_word = words[word] = _Word()
                entry_word.sources.append(source)
                entry_word.join(packed, offset, mapping)
                for form, variant_pages in variants:
                    variant = entry_word.variants.setdefault(form, _Word())
                    variant.join(variant_pages, offset, mapping)
        for name, file in meta[3]:
            values = filters.setdefault(name, {})
            for value, numbers in _read(part / "filter" / f"{file}.pf_filter")[1]:
                values.setdefault(value, []).extend(n + offset for n in numbers)
    files: dict[str, bytes | None] = {}  # None: the file in `out` is kept as it is
    chunks = []
    setting = [entries[0].get("version"), language, fields, [meta[5] for meta in metas]]
    remembered = _Memo(memo, out, setting)
    for batch in _chunks(words):
        key = remembered.key(batch)
        name = remembered.kept(key)
        if name is None:
            content = _pack([[w.packed(word) for word, w in batch]])
            name = remembered.new[key] = _name(language, content, 7)
            files[f"index/{name}.pf_index"] = content
        else:
            files[f"index/{name}.pf_index"] = None
        chunks.append([batch[0][0], batch[-1][0], name])
    _trim_bounds(chunks)
    meta_filters = []
    for name in sorted(filters):
        content = _pack([name, sorted([v, sorted(n)] for v, n in filters[name].items())])
        file = _name(language, content, 7)
        files[f"filter/{file}.pf_filter"] = content
        meta_filters.append([name, file])
    meta_content = _pack([metas[0][0], pages, chunks, meta_filters, [], fields])
    meta_name = _name(language, meta_content, 10)
    files[f"pagefind.{meta_name}.pf_meta"] = meta_content
    entry = dict(entries[0])
    entry["languages"] = {language: {**first, "hash": meta_name, "page_count": len(pages)}}
    files[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    _write(links, out, files)
    remembered.save()


def _fragments(part: Path, pages: list[Any], language: str, links: dict[str, Path]) -> list[Any]:
    """A part's pages ([fragment name, word count]), their fragments added to
    `links`; a fragment whose name another part's different page has (Pagefind
    names them by 7 digits of a digest) is renamed by a longer digest."""
    named = []
    for name, count in pages:
        source = part / "fragment" / f"{name}.pf_fragment"
        rel = f"fragment/{name}.pf_fragment"
        claimed = links.get(rel)
        if claimed is not None and claimed != source:
            content = source.read_bytes()
            if claimed.read_bytes() != content:
                name = _name(language, content, 16)
                rel = f"fragment/{name}.pf_fragment"
        links[rel] = source
        named.append([name, count])
    return named


def _chunks(words: dict[str, _Word]) -> list[list[tuple[str, _Word]]]:
    """Words in order, cut where Pagefind cuts: after the word that brings a
    chunk's positions to CHUNK_SIZE."""
    chunks: list[list[tuple[str, _Word]]] = []
    chunk: list[tuple[str, _Word]] = []
    size = 0
    for word in sorted(words):  # code point order: Rust's order of UTF-8 strings
        size += words[word].size()
        chunk.append((word, words[word]))
        if size >= CHUNK_SIZE:
            chunks.append(chunk)
            chunk, size = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def _trim_bounds(chunks: list[list[str]]) -> None:
    """The bounds of neighbouring chunks cut to the shortest prefixes that tell
    them apart, as Pagefind's `chunk_meta` does."""
    for left, right in zip(chunks, chunks[1:], strict=False):
        a, b = left[1], right[0]
        common = 0
        while common < min(len(a), len(b)) and a[common] == b[common]:
            common += 1
        a_prefix, b_prefix = a[: common + 1], b[: common + 1]
        if a_prefix >= left[0]:
            left[1] = a_prefix
        right[0] = b_prefix


def _write(links: dict[str, Path], out: Path, files: dict[str, bytes | None]) -> None:
    """Put the merged index in `out`: the fragments and the search code linked
    from the parts (`links`: where in `out` → the part's file), the merged files
    written; the entry file last, and what no longer belongs removed after it."""
    keep = set(files) | set(links)
    out.mkdir(parents=True, exist_ok=True)
    for rel, path in links.items():
        target = out / rel
        if _same(target, path):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(path, target)  # the parts are only ever replaced, never written in place
        except OSError:
            shutil.copy2(path, target)
    for rel, content in sorted(files.items(), key=lambda item: item[0] == ENTRY):
        target = out / rel
        if content is None or (target.is_file() and target.read_bytes() == content):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(content)
        os.replace(temporary, target)
    for path in sorted(out.rglob("*"), reverse=True):
        rel = path.relative_to(out).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _same(target: Path, source: Path) -> bool:
    """Whether `target` is the file `source` (a link to it) or a copy of it."""
    try:
        have = os.stat(target)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(have.st_mode):
        return False
    want = os.stat(source)
    if (have.st_ino, have.st_dev) == (want.st_ino, want.st_dev):
        return True
    return have.st_size == want.st_size and target.read_bytes() == source.read_bytes()


def _merged(rel: str) -> bool:
    """Whether a part's file is replaced by the merge (word chunks, filters, meta, entry)."""
    return (
        rel == ENTRY
        or rel.startswith(("index/", "filter/"))
        or (rel.startswith("pagefind.") and rel.endswith(".pf_meta"))
    )


def main(args: list[str]) -> int:
    """`python -m generator.engine.search_merge [--memo=FILE] OUT PART...`: merge in a
    process of its own (the build's process stays as small as it was); 3: not mergeable."""
    memo = None
    if args and args[0].startswith("--memo="):
        memo, args = Path(args[0].removeprefix("--memo=")), args[1:]
    out, *parts = (Path(a) for a in args)
    try:
        merge(parts, out, memo)
    except NotMergeable:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

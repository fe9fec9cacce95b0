"""Make Pagefind's filter files the same from build to build.

Pagefind 1.5 writes the values of each filter in the order of a hash map that
is seeded anew on each run, so two builds of the same pages give filter files
with other contents and names, and a metadata file (which names them) of
another name (Pagefind/pagefind#638: fragments are stable, "filter/metadata
indexes" are not). Builds must be byte-identical, so after each run the filter
files are rewritten with their values in order, named by a digest of what they
hold, and the metadata file and the entry file are rewritten to name them.

The files are gzip (with Pagefind's `pagefind_dcd` signature inside) of CBOR;
the codec below reads and writes the part of CBOR they use.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class _Raw:
    """A CBOR item kept as its bytes (floats, simple values, tags)."""

    data: bytes


def _head(data: bytes, i: int) -> tuple[int, int, int]:
    """The major type, the argument and the position after the head at `i`."""
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        return major, info, i
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise ValueError(f"unsupported CBOR head {data[i - 1]:#x}")
    return major, int.from_bytes(data[i : i + size], "big"), i + size


def _decode(data: bytes, i: int) -> tuple[object, int]:
    start = i
    if data[i] >> 5 == 7:  # floats and simple values, kept as they are
        info = data[i] & 31
        size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info, 0)
        return _Raw(data[i : i + 1 + size]), i + 1 + size
    major, arg, i = _head(data, i)
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major == 2:
        return data[i : i + arg], i + arg
    if major == 3:
        return data[i : i + arg].decode("utf-8"), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    if major == 5:
        pairs = []
        for _ in range(arg):
            key, i = _decode(data, i)
            value, i = _decode(data, i)
            pairs.append((key, value))
        return dict(pairs), i
    return _Raw(data[start:i]), i  # a tag: not used by Pagefind


def encode_head(major: int, arg: int) -> bytes:
    """The head of a CBOR item: its major type and its argument (a length, a number)."""
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def _encode(item: object) -> bytes:
    if isinstance(item, _Raw):
        return item.data
    if isinstance(item, bool) or item is None:
        raise ValueError("unexpected CBOR value")
    if isinstance(item, int):
        return encode_head(0, item) if item >= 0 else encode_head(1, -1 - item)
    if isinstance(item, bytes):
        return encode_head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return encode_head(3, len(raw)) + raw
    if isinstance(item, list):
        return encode_head(4, len(item)) + b"".join(_encode(x) for x in item)
    if isinstance(item, dict):
        return encode_head(5, len(item)) + b"".join(
            _encode(k) + _encode(v) for k, v in item.items()
        )
    raise ValueError(f"cannot encode {type(item).__name__}")


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    item, _ = _decode(data, len(SIGNATURE))
    return item


def _write(item: object) -> bytes:
    return gzip.compress(SIGNATURE + _encode(item), compresslevel=9, mtime=0)


def _name(prefix: str, content: bytes, length: int) -> str:
    return f"{prefix}_{hashlib.sha256(content).hexdigest()[:length]}"


def _rename_refs(item: object, names: dict[str, str]) -> object:
    """`item` with the filter files' old names replaced, and lists of
    [filter, file] pairs in the filters' order."""
    if isinstance(item, str):
        return names.get(item, item)
    if isinstance(item, list):
        items = [_rename_refs(x, names) for x in item]
        pairs = [
            x
            for x in items
            if isinstance(x, list)
            and len(x) == 2
            and isinstance(x[0], str)
            and x[1] in names.values()
        ]
        if items and len(pairs) == len(items):
            items.sort(key=lambda x: str(x[0]))  # type: ignore[index]
        return items
    if isinstance(item, dict):
        return {k: _rename_refs(v, names) for k, v in item.items()}
    return item


def canonicalize(index: Path) -> None:
    """Rewrite the filter files of the Pagefind index in `index` (its folder) in a
    stable order and name, and the metadata and entry files that name them."""
    filters = sorted((index / "filter").glob("*.pf_filter"))
    if not filters:
        return
    names: dict[str, str] = {}
    for path in filters:
        item = _read(path)
        # [filter name, [[value, [page numbers]], ...]]: values in order
        if isinstance(item, list) and len(item) == 2 and isinstance(item[1], list):
            item = [item[0], sorted(item[1], key=lambda v: str(v[0]))]
        content = _write(item)
        old = path.name.removesuffix(".pf_filter")
        new = _name(old.split("_", 1)[0], content, 7)
        names[old] = new
        path.unlink()
        (index / "filter" / f"{new}.pf_filter").write_bytes(content)
    entry = index / "pagefind-entry.json"
    text = entry.read_text(encoding="utf-8")
    for meta in sorted(index.glob("pagefind.*.pf_meta")):
        old = meta.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        content = _write(_rename_refs(_read(meta), names))
        new = _name(old.split("_", 1)[0], content, 10)
        meta.unlink()
        (index / f"pagefind.{new}.pf_meta").write_bytes(content)
        text = text.replace(f'"{old}"', f'"{new}"')
    entry.write_text(text, encoding="utf-8")

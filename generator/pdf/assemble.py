"""Collections put together from PDFs already made (pikepdf): the 汇编 is its own
cover and 目次, then the PDF of each standard in force and each booklet as it is.

Each part keeps its pages, its links (named destinations become explicit ones,
so they still lead to the right page) and its bookmarks (under one bookmark per
part); the page labels count the parts' pages from 1, as the 目次 does.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf


@dataclass(frozen=True)
class Mark:
    """A bookmark of a part: its title, the page it leads to (from 0) and what is under it."""

    title: str
    page: int
    children: tuple[Mark, ...] = ()


@dataclass
class Part:
    """A PDF to put in a collection, under a bookmark titled `title`."""

    title: str
    data: bytes
    group: str = ""  # the bookmark of the group it opens (标准, 操作手册), if any
    pages: int = 0
    marks: list[Mark] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)  # named destination → its page (from 0)


def read(part: Part) -> Part:
    """The part with its page count, bookmarks and named destinations read from its PDF."""
    with pikepdf.open(io.BytesIO(part.data)) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        part.pages = len(pdf.pages)
        names = _names(pdf)
        outline = pikepdf.Outline(pdf)  # read only: not written back, as `open_outline` would
        part.marks = [_mark(item, index, names) for item in outline.root]
        for name, dest in names.items():
            target = _target(dest, names)
            if target is not None and len(target):
                part.anchors[name] = index.get(target[0].objgen, 0)
    return part


_KEEP = 1000  # what `Reads` keeps of parts not used in the last build


class Reads:
    """What `read` found in each part, kept between builds by the part's digest
    (in `file`), so that re-assembling the 汇编 after one edit reads again only
    the parts that changed, not all of them. `file` None: nothing is kept."""

    def __init__(self, file: Path | None, version: str = "") -> None:
        self.file, self.version = file, version  # the generator's: another one reads again
        self.known: dict[str, tuple[int, list[Mark], dict[str, int]]] = {}
        self.used: set[str] = set()
        if file is not None and file.is_file():
            try:
                kept_version, known = pickle.loads(file.read_bytes())
            except Exception:  # damaged: read the parts again
                kept_version, known = None, {}
            if kept_version == version and isinstance(known, dict):
                self.known = known

    def read(self, part: Part) -> Part:
        """`read(part)`, or what it gave for the same bytes before."""
        key = hashlib.blake2b(part.data, digest_size=16).hexdigest()
        self.used.add(key)
        found = self.known.get(key)
        if found is None:
            read(part)
            self.known[key] = (part.pages, part.marks, part.anchors)
        else:
            part.pages, marks, anchors = found
            part.marks, part.anchors = list(marks), dict(anchors)
        return part

    def save(self) -> None:
        """Keep what the parts gave: those of this build, and the latest of the
        others (a booklet's chapters, while only the 汇编 was assembled) up to `_KEEP`."""
        if self.file is None or not self.used:
            return
        others = [key for key in self.known if key not in self.used][-_KEEP:]
        kept = {key: self.known[key] for key in [*others, *sorted(self.used)]}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_name(self.file.name + ".tmp")
        temporary.write_bytes(pickle.dumps((self.version, kept), pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self.file)


def _names(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    """The named destinations of a PDF (Typst names one for each label)."""
    found: dict[str, pikepdf.Object] = {}
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return found

    def walk(node: pikepdf.Object) -> None:
        if "/Names" in node:
            pairs = list(node.Names)
            for key, value in zip(pairs[::2], pairs[1::2], strict=True):
                found[str(key)] = value
        for kid in node.get("/Kids", []):
            walk(kid)

    walk(names.Dests)
    return found


def _target(dest: object, names: dict[str, pikepdf.Object]) -> pikepdf.Object | None:
    if isinstance(dest, pikepdf.String | pikepdf.Name):
        key = str(dest).lstrip("/") if isinstance(dest, pikepdf.Name) else str(dest)
        return names.get(key)
    return dest if isinstance(dest, pikepdf.Array) else None


def _mark(
    item: pikepdf.OutlineItem, index: dict[tuple[int, int], int], names: dict[str, pikepdf.Object]
) -> Mark:
    dest = _target(item.destination, names)
    page = index.get(dest[0].objgen, 0) if dest is not None and len(dest) else 0
    return Mark(item.title, page, tuple(_mark(child, index, names) for child in item.children))


def starts(parts: list[Part]) -> list[int]:
    """The page number (counted from 1 after the front pages) each part starts on."""
    found, at = [], 1
    for part in parts:
        found.append(at)
        at += part.pages
    return found


def assemble(front: bytes, parts: list[Part], flat: bool = False) -> bytes:
    """The collection: `front` (cover and 目次), then every part; bookmarks: the front's,
    then each group and part with the part's own bookmarks under it (`flat`: the
    parts' bookmarks side by side, as a booklet's chapters)."""
    out = pikepdf.open(io.BytesIO(front))
    first = len(out.pages)
    at = first
    groups: dict[str, pikepdf.OutlineItem] = {}
    with out.open_outline() as outline:
        for part in parts:
            with pikepdf.open(io.BytesIO(part.data)) as pdf:
                _explicit_links(pdf)
                out.pages.extend(pdf.pages)
            item = _item(part.title, at, part.marks, at)
            if flat:
                outline.root.extend(_item(m.title, at + m.page, m.children, at) for m in part.marks)
            elif part.group:
                if part.group not in groups:
                    groups[part.group] = _item(part.group, at, (), at)
                    outline.root.append(groups[part.group])
                groups[part.group].children.append(item)
            else:
                outline.root.append(item)
            at += part.pages
    _toc_links(out, first)
    labels = [0, pikepdf.Dictionary(Type=pikepdf.Name.PageLabel)]
    if first > 1:
        labels += [1, pikepdf.Dictionary(Type=pikepdf.Name.PageLabel, S=pikepdf.Name.R, St=1)]
    labels += [first, pikepdf.Dictionary(Type=pikepdf.Name.PageLabel, S=pikepdf.Name.D, St=1)]
    out.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(labels))
    if "/Names" in out.Root:
        del out.Root["/Names"]
    if "/StructTreeRoot" in out.Root:  # the parts' tags are not carried over
        del out.Root["/StructTreeRoot"]
        del out.Root["/MarkInfo"]
    buffer = io.BytesIO()
    out.save(buffer, deterministic_id=True, compress_streams=True)
    return buffer.getvalue()


def _item(
    title: str, page: int, children: tuple[Mark, ...] | list[Mark], base: int
) -> pikepdf.OutlineItem:
    """A bookmark to `page` of the collection; its children's pages count from `base`."""
    item = pikepdf.OutlineItem(title, page)
    item.children.extend(_item(m.title, base + m.page, m.children, base) for m in children)
    return item


def _toc_links(pdf: pikepdf.Pdf, first: int) -> None:
    """The 目次's links `hb-page:<n>` made to lead to page n of the parts."""
    for page in pdf.pages[:first]:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith("hb-page:"):
                target = first + int(uri.removeprefix("hb-page:")) - 1
                del annot["/A"]
                annot.Dest = pikepdf.Array([pdf.pages[target].obj, pikepdf.Name.Fit])


def _explicit_links(pdf: pikepdf.Pdf) -> None:
    """Links by name (Typst's) made explicit, so they survive the copy of the pages."""
    names = _names(pdf)
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            dest = annot.get("/Dest")
            if isinstance(dest, pikepdf.String | pikepdf.Name):
                target = _target(dest, names)
                if target is not None:
                    annot.Dest = target
                else:
                    del annot["/Dest"]
        if "/StructParents" in page.obj:
            del page.obj["/StructParents"]

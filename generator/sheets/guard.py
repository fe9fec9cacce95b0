"""A workbook looked at before any reader opens it: what the file really is, and
whether it stays within bounds, so that a hostile or mistaken file is a located
message and never costs more memory than a normal one.

- What it is: the first bytes say (a zip: xlsx, xlsm, xlsb, ods; an OLE file:
  xls, or any workbook saved with a password; HTML, which many office systems
  export as `.xls`; a PDF, an image, a Word document…). An encrypted, an
  HTML-disguised, a truncated or a foreign file is named as what it is.
- Bounds of a zip (before python-calamine inflates anything): the number of its
  members, their total size once unpacked and each member's compression ratio,
  as the zip declares them; then every member is inflated here, in chunks,
  counting what it really holds (a zip that declares less than it holds is
  refused as forged). The sheets' rows, columns and cells are counted on the way
  (`Extent` for xlsx and ods XML, `BinaryExtent` for xlsb records), so that a tiny
  sheet with one cell at XFD1048576 is refused before a reader lays out its 17
  billion cells. (An xls file is bounded by its format, 65,536 × 256 cells, and is
  checked by `bounded` once the reader has laid it out, before Python sees it.)

The messages are the catalogue's HB045-HB048, HB703 and HB731-HB738.
"""

from __future__ import annotations

import copy
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from generator.core.limits import shown as figure
from generator.errors import Problem, ValidationFailed
from generator.messages import Phrase, phrase
from generator.results.headings import column_letter

MIB = 1024 * 1024
MAX_BOOK_BYTES = 64 * MIB  # a workbook or text file on disk
MAX_MEMBERS = 2_000  # parts of a zip workbook
MAX_UNPACKED = 128 * MIB  # all of a zip workbook's parts, unpacked
MAX_RATIO = 100  # unpacked over packed, for a part larger than RATIO_FLOOR
RATIO_FLOOR = MIB
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 5_000_000  # rows × columns of one sheet, as a reader lays them out
CHUNK = MIB

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_FOREIGN_MAGIC = {
    b"%PDF": "kind.pdf",
    b"\x89PNG": "kind.image",
    b"\xff\xd8\xff": "kind.image",
    b"GIF8": "kind.image",
    b"Rar!": "kind.archive",
    b"7z\xbc\xaf": "kind.archive",
    b"{\\rtf": "kind.word",
}


def fail(where: str, code: str, /, **params: object) -> NoReturn:
    """Stop with one problem of rule `code` placed at `where` (a book or a data file)."""
    raise ValidationFailed([Problem.at(where, 0, 0, "", code, **params)])


def size_checked(path: Path, shown: str) -> int:
    """The file's size, refused above MAX_BOOK_BYTES (HB738)."""
    size = path.stat().st_size
    if size > MAX_BOOK_BYTES:
        fail(shown, "HB738", size=f"{size / MIB:.1f}", limit=MAX_BOOK_BYTES // MIB)
    return size


def check_workbook(path: Path, shown: str) -> None:
    """Refuse, with its message, a workbook that is not one or would cost too much to read."""
    size = size_checked(path, shown)
    with path.open("rb") as f:
        head = f.read(4096)
    suffix = path.suffix.lower()
    if size == 0:
        fail(shown, "HB047", suffix=suffix)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        _check_zip(path, shown, suffix)
    elif head.startswith(_OLE):
        if _ENCRYPTED in path.read_bytes():
            fail(shown, "HB045")
    elif _is_html(head):
        fail(shown, "HB046", suffix=suffix)
    elif head.startswith(b"PK"):
        fail(shown, "HB047", suffix=suffix)
    else:
        fail(shown, "HB048", kind=_foreign(head), suffix=suffix)


def _is_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"\xff\xfe") or start.startswith(b"\xfe\xff"):
        start = start[2:].replace(b"\x00", b"")
    return start.startswith((b"<!doctype html", b"<html", b"<table", b"mime-version:")) or (
        start.startswith(b"<") and (b"<html" in start or b"<table" in start)
    )


def _foreign(head: bytes) -> Phrase:
    for magic, key in _FOREIGN_MAGIC.items():
        if head.startswith(magic):
            return phrase(key)
    text = head.lstrip(b"\xef\xbb\xbf")
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        return phrase("kind.xml_2003")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _is_text(text):
        return phrase("kind.text")
    return phrase("kind.unknown")


def _is_text(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - 4:  # not just a character cut at the end of the head
            try:
                data.decode("gb18030")
            except UnicodeDecodeError:
                return False
    return b"\x00" not in data


def _check_zip(path: Path, shown: str, suffix: str) -> None:
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):  # its directory, at the end, is missing
        fail(shown, "HB047", suffix=suffix)
    with z:
        infos = z.infolist()
        names = {i.filename for i in infos}
        if not names & {"[Content_Types].xml", "mimetype", "content.xml"}:
            fail(shown, "HB048", kind=phrase("kind.archive"), suffix=suffix)
        if any(n.startswith("word/") for n in names):
            fail(shown, "HB048", kind=phrase("kind.word"), suffix=suffix)
        if any(n.startswith("ppt/") for n in names):
            fail(shown, "HB048", kind=phrase("kind.slides"), suffix=suffix)
        if "EncryptionInfo" in names or any(i.flag_bits & 0x1 for i in infos):
            fail(shown, "HB045")
        _declared(infos, shown)
        sheets = _sheet_names(z, names)
        try:
            for info in infos:
                _inflate(z, info, f"{shown}:{sheets.get(info.filename, '')}".rstrip(":"))
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError):
            fail(shown, "HB703", suffix=suffix)  # a part cut short or damaged


def _declared(infos: list[zipfile.ZipInfo], shown: str) -> None:
    """The bounds as the zip's directory declares them (nothing inflated yet)."""
    if len(infos) > MAX_MEMBERS:
        fail(shown, "HB733", n=figure(len(infos)), limit=figure(MAX_MEMBERS))
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        fail(shown, "HB731", size=f"{total / MIB:.0f}", limit=MAX_UNPACKED // MIB)
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            ratio = i.file_size // max(i.compress_size, 1)
            fail(shown, "HB732", member=i.filename, ratio=figure(ratio), limit=MAX_RATIO)


_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_FIRST = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')


def _sheet_names(z: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """An xlsx's sheet parts by the names people see (`xl/worksheets/sheet1.xml` → 评分)."""
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    with z.open("xl/workbook.xml") as f:
        book = f.read(MIB)
    with z.open("xl/_rels/workbook.xml.rels") as f:
        rels = f.read(MIB)
    targets = {m.group(1): m.group(2) for m in _REL.finditer(rels)}
    targets.update({m.group(2): m.group(1) for m in _REL_FIRST.finditer(rels)})
    out = {}
    for m in _SHEET.finditer(book):
        target = targets.get(m.group(2), b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        out[part] = _unescape(m.group(1).decode("utf-8", "replace"))
    return out


def _unescape(text: str) -> str:
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return text.replace("&amp;", "&")


def _inflate(z: zipfile.ZipFile, info: zipfile.ZipInfo, place: str) -> None:
    """Inflate one member in chunks, no further than past what it declares; count a sheet's cells."""
    probe = copy.copy(info)
    probe.file_size = MAX_UNPACKED + 1  # read on past what it declares, to see if it holds more
    extent = _extent_for(info.filename)
    read = 0
    with z.open(probe) as f:
        carry = b""
        while chunk := f.read(CHUNK):
            read += len(chunk)
            if read > info.file_size:
                fail(place.split(":", 1)[0], "HB737", member=info.filename)
            if extent is not None:
                carry = extent.feed(carry + chunk)
                extent.check(place)
    if extent is not None:
        extent.feed(carry + b">")
        extent.check(place)


_XLSX_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml$")
_XLSX_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*)>")
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')  # r first, as every writer puts it
_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}(\d+)"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})\d')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="\d+"')
_ODS_TAG = re.compile(
    rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*)>"
)
_REF = re.compile(rb'\br="([A-Z]{0,3})(\d*)"')
_NAME = re.compile(rb'table:name="([^"]*)"')
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="(\d+)"')
_REPEAT_COLS = re.compile(rb'number-columns-repeated="(\d+)"')


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


@dataclass
class Extent:
    """How far a sheet's cells reach, read from its XML as it streams by (an ods file's
    content.xml holds every sheet: `sheet` is the one being read)."""

    sheet: str = ""
    ods: bool = False
    rows: int = 0  # the furthest row and column (1-based) holding a value
    columns: int = 0
    cells: int = 0
    _row: int = 0  # where the reader stands
    _col: int = 0
    _repeat: int = 1
    _width: int = 0  # the current row's furthest value (ods)

    def feed(self, data: bytes) -> bytes:
        """Read the tags in `data`; return what follows the last complete tag."""
        end = data.rfind(b">") + 1
        body, rest = data[:end], data[end:]
        if self.ods:
            for m in _ODS_TAG.finditer(body):
                self._ods(m.group(1) == b"/", m.group(2), m.group(3))
        elif not self._fast(body):
            for m in _XLSX_TAG.finditer(body):
                self._xlsx(m.group(1), m.group(2))
        return rest[-65536:]  # a tag is never longer

    def _fast(self, body: bytes) -> bool:
        """Every cell and row of `body` named by its `r` (what Excel, WPS, LibreOffice and
        xlsxwriter write): the extent read at C speed; False: count them one by one."""
        if b":c " in body or b":row" in body:  # tags with a namespace prefix
            return False
        rows = _CELL_ROW.findall(body)
        tags = body.count(b"<c ") + body.count(b"<c>") + body.count(b"<c/")
        if len(rows) != tags or len(_ROW_REF.findall(body)) != body.count(b"<row"):
            return False
        if rows:
            letters = set(_CELL_COLUMN.findall(body))
            self._reach(max(map(int, rows)), max(map(_column, letters)))
            last = _CELL_REF.findall(body[body.rfind(b"<c ") :])[-1]
            self._row, self._col = int(last[1]), _column(last[0])
            self.cells += len(rows)
        return True

    def _xlsx(self, tag: bytes, attrs: bytes) -> None:
        m = _REF.search(attrs)
        letters, digits = (m.group(1), m.group(2)) if m else (b"", b"")
        if tag == b"row":
            self._row = int(digits) if digits else self._row + 1
            self._col = 0
            return
        self._col = _column(letters) if letters else self._col + 1
        self._row = int(digits) if digits else max(self._row, 1)
        if not attrs.endswith(b"/"):  # an empty, styled cell holds nothing to read
            self.cells += 1
            self._reach(self._row, self._col)

    def _ods(self, closing: bool, tag: bytes, attrs: bytes) -> None:
        if tag == b"table":
            if not closing:
                name = _NAME.search(attrs)
                self.sheet = _unescape(name.group(1).decode("utf-8", "replace")) if name else ""
                self._row = 0
        elif tag == b"table-row" and closing:
            if self._width:
                self._reach(self._row + self._repeat - 1, self._width)
                self.cells += self._width * self._repeat
            self._row += self._repeat - 1
        elif tag == b"table-row":
            m = _REPEAT_ROWS.search(attrs)
            self._repeat, self._col, self._width = int(m.group(1)) if m else 1, 0, 0
            self._row += 1
        elif not closing:
            m = _REPEAT_COLS.search(attrs)
            self._col += int(m.group(1)) if m else 1
            # a cell with a value counts; empty ones repeated to the sheet's edge do not
            if b"office:value-type=" in attrs:
                self._width = self._col
                self._reach(self._row, self._col)

    def _reach(self, row: int, col: int) -> None:
        self.rows, self.columns = max(self.rows, row), max(self.columns, col)

    def check(self, place: str) -> None:
        """Refuse the sheet once it reaches beyond a bound (`place`: the book, or the
        book and the sheet as `BOOK.xlsx:评分`)."""
        if self.ods and self.sheet:
            place = f"{place.split(':', 1)[0]}:{self.sheet}"
        if self.rows > MAX_ROWS:
            fail(place, "HB734", n=figure(self.rows), limit=figure(MAX_ROWS))
        if self.columns > MAX_COLUMNS:
            last = column_letter(self.columns - 1)
            fail(place, "HB735", n=figure(self.columns), last=last, limit=figure(MAX_COLUMNS))
        if self.rows * self.columns > MAX_CELLS or self.cells > MAX_CELLS:
            n = max(self.rows * self.columns, self.cells)
            fail(place, "HB736", n=figure(n), limit=figure(MAX_CELLS))


def _extent_for(name: str) -> Extent | None:
    if _XLSX_SHEET.match(name):
        return Extent()
    if _XLSB_SHEET.match(name):
        return BinaryExtent()
    if name == "content.xml":
        return Extent(ods=True)
    return None


_XLSB_SHEET = re.compile(r"xl/worksheets/[^/]+\.bin$")
_ROW_HEADER = 0  # BIFF12 records (MS-XLSB 2.4): BrtRowHdr, then its cells
_CELLS = frozenset(range(1, 14))  # BrtCellBlank … BrtFmlaError: the column comes first


@dataclass
class BinaryExtent(Extent):
    """An xlsb sheet's extent, from its BIFF12 records (a type and a size, each a
    variable-length number, then the data)."""

    _skip: int = 0  # what is left of a long record (a long text) that is not read

    def feed(self, data: bytes) -> bytes:
        """Read the complete records in `data`; return the incomplete one at its end."""
        at, end = min(self._skip, len(data)), len(data)
        self._skip -= at
        while at < end:
            start = at
            kind, at = _varint(data, at, 2)
            size, at = _varint(data, at, 4)
            if kind < 0 or size < 0:
                return data[start:]
            if at + size > end:
                if size < 65536:
                    return data[start:]
                self._skip = at + size - end
                return b""
            if kind == _ROW_HEADER and size >= 4:
                self._row = struct.unpack_from("<I", data, at)[0] + 1
            elif kind in _CELLS and size >= 4:
                self.cells += 1
                self._reach(max(self._row, 1), struct.unpack_from("<I", data, at)[0] + 1)
            at += size
        return b""


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    """A record's type or size: 7 bits a byte, the high bit saying another follows
    (-1: the data ends first)."""
    value = 0
    for k in range(most):
        if at + k >= len(data):
            return -1, at
        byte = data[at + k]
        value |= (byte & 0x7F) << (7 * k)
        if not byte & 0x80:
            return value, at + k + 1
    return value, at + most


def bounded(place: str, rows: int, columns: int) -> None:
    """A sheet as read (any format, CSV too): refused beyond the rows, columns or cells
    allowed."""
    Extent(rows=rows, columns=columns).check(place)

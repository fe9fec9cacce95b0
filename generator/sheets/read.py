"""Cells out of a workbook (xlsx, xls, ods: python-calamine) or a CSV file.

What a person expects of a sheet is kept here: a merged cell's value stands in every
cell it covers, a formula gives the value it showed when saved, text is trimmed
(trailing spaces, full-width spaces), blank rows are blank. CSV is read as UTF-8
(with or without a BOM), as UTF-16 with its BOM (Excel's "Unicode text", tab
separated, often saved as .txt) or, failing those, as GBK/GB18030, which Excel on
Chinese Windows writes; which one is said. A CSV field neutralised by the tool's
own downloads (`'=…`) is read back as the text it was.

Before python-calamine opens a workbook, `guard` has looked at it: what it really
is, and that it stays within bounds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError

from generator.core.workbook import restored
from generator.errors import ValidationFailed
from generator.messages import Phrase, phrase
from generator.results.headings import column_letter
from generator.sheets.guard import MAX_ROWS, bounded, check_workbook, fail, size_checked

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
_SPACES = " \t\r\n\u3000\u00a0\ufeff"


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells, row by row from A1; "" is an empty cell."""

    name: str
    rows: list[list[Cell]]
    place: str  # "BOOK.xlsx:评分" or "data.csv"
    csv: bool = False

    def where(self, row: int, column: int) -> str:
        """`BOOK.xlsx:评分!D7` (a CSV file: `data.csv:D7`)."""
        cell = f"{column_letter(column)}{row + 1}"
        return f"{self.place}:{cell}" if self.csv else f"{self.place}!{cell}"

    def cell(self, row: int, column: int) -> Cell:
        """The value at a row and column (None outside the sheet)."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return ""


@dataclass(frozen=True)
class Book:
    """A workbook or CSV file, read into its sheets."""

    path: str  # as the user wrote it, for messages
    sheets: dict[str, Sheet]
    encoding: str | None = None  # CSV only: what it was read as

    @property
    def is_csv(self) -> bool:
        """Whether it was a CSV file."""
        return self.encoding is not None


def is_text(path: Path) -> bool:
    """Whether the file is read as text (CSV, or tab-separated as Excel's "Unicode text")."""
    return path.suffix.lower() in TEXT_SUFFIXES


def _clean(value: object) -> Cell:
    if isinstance(value, str):
        return value.strip(_SPACES)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value  # type: ignore[return-value]  # calamine gives only Cell values


def read_book(path: Path, shown: str) -> Book:
    """Every sheet of a workbook, or the one table of a CSV file."""
    if not path.is_file():
        fail(shown, "HB701")
    if is_text(path):
        return _read_csv(path, shown)
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        fail(shown, "HB702", found=path.suffix)
    check_workbook(path, shown)
    try:
        with path.open("rb") as f:  # the reader goes by the content, not the name
            book = CalamineWorkbook.from_filelike(f)
        sheets = {}
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            bounded(f"{shown}:{name}", sheet.height, sheet.width)
            rows = [[_clean(v) for v in row] for row in sheet.to_python(skip_empty_area=False)]
            start = sheet.start
            if start and start != (0, 0) and len(rows) < (sheet.end or (0, 0))[0] + 1:
                # Some writers keep only the used area: put it back where it stood.
                rows = [[] for _ in range(start[0])] + [[""] * start[1] + r for r in rows]
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
                for r in range(r0, r1 + 1):
                    while len(rows) <= r:
                        rows.append([])
                    row = rows[r]
                    row.extend([""] * (c1 + 1 - len(row)))
                    for c in range(c0, c1 + 1):
                        row[c] = value
            sheets[name] = Sheet(name, rows, f"{shown}:{name}")
    except ValidationFailed:
        raise
    except PasswordError:
        fail(shown, "HB045")
    except Exception:  # the reader's errors for a damaged file (its English is no help)
        fail(shown, "HB703", suffix=path.suffix.lower())
    return Book(shown, sheets)


ENCODINGS = {
    "utf-8-sig": phrase("csv.utf8_bom"),
    "utf-8": phrase("csv.utf8"),
    "gb18030": phrase("csv.gb18030"),
    "utf-16": phrase("csv.utf16"),
}


def decode_csv(data: bytes, shown: str) -> tuple[str, str]:
    """The text and the encoding it was read with (`shown`: the file, for the problem)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            fail(shown, "HB704", byte=exc.start + 1)
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            fail(shown, "HB704", byte=exc.start + 4)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        fail(shown, "HB704", byte=exc.start + 1)


def csv_encoding(path: Path) -> Phrase:
    """What a CSV file will be read as, said to the person importing it."""
    try:
        return ENCODINGS[decode_csv(path.read_bytes(), str(path))[1]]
    except ValidationFailed:
        return phrase("csv.unknown")


def _read_csv(path: Path, shown: str) -> Book:
    size_checked(path, shown)
    text, encoding = decode_csv(path.read_bytes(), shown)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    # Bounded before the fields are made: a line of 60 million commas is one record.
    widest = max((line.count(delimiter) + 1 for line in io.StringIO(text)), default=0)
    bounded(shown, min(text.count("\n"), MAX_ROWS), widest)
    rows: list[list[Cell]] = []
    width = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        rows.append([_clean(restored(v)) for v in row])
        width = max(width, len(row))
        if len(rows) > MAX_ROWS:
            bounded(shown, len(rows) + sum(1 for _ in reader), width)
    bounded(shown, len(rows), width)
    return Book(shown, {"": Sheet("", rows, shown, csv=True)}, encoding)

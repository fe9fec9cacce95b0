"""One way to start and finish a workbook or a CSV file: the same formats
everywhere, fixed dates inside the file (xlsxwriter already dates every zip member
1980-01-01), so that the same data always gives the same bytes; and every cell of
text safe to open.

Text a spreadsheet would read as a formula (OWASP "CSV injection": a first
character `=`, `+`, `-`, `@`, a tab or a line break) is neutralised: in a
workbook the cell is text with Excel's "quote prefix" style (shown and edited as
the text the editor wrote, never computed); in CSV it gets a leading `'`, which
`restored` takes off again when such a file is imported. Numbers are written as
numbers; the only formulas are the ones the tool writes on purpose.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell_fast
from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple, Worksheet

# What a spreadsheet reads as the start of a formula (OWASP's list, line feed added).
FORMULA_START = frozenset("=+-@\t\r\n")
QUOTE = "'"


def risky(text: str) -> bool:
    """Whether a spreadsheet would compute the text (or, for a leading `'`, whether
    `restored` would take it off): such text is written neutralised."""
    if not text:
        return False
    if text[0] in FORMULA_START:
        return True
    return text[0] == QUOTE and risky(text[1:])


def neutral(text: str) -> str:
    """The text as a CSV field: a leading `'` when a spreadsheet would compute it."""
    return QUOTE + text if risky(text) else text


def restored(text: str) -> str:
    """A CSV field back as the text that was written (`neutral`'s mark taken off)."""
    return text[1:] if text.startswith(QUOTE) and risky(text[1:]) else text


@dataclass(frozen=True)
class Formats:
    """The cell formats every workbook uses."""

    header: Any
    ids: Any
    text: Any
    number: Any
    date: Any
    note: Any
    label: Any
    quoted: dict[int, Any] = field(default_factory=dict, compare=False)

    def of(self, text: str, fmt: Any) -> Any:
        """The format for a cell of `text`: `fmt`, quote-prefixed if the text looks like a formula."""
        return self.quoted.get(id(fmt), fmt) if risky(text) else fmt


class _Sheet(Worksheet):  # type: ignore[misc]  # xlsxwriter's, pinned in pyproject.toml
    """A worksheet that writes its formatted number cells as xlsxwriter does, byte for
    byte, in one step (a round's workbook is mostly numbers: 12,000 cells at M);
    `tests/core/test_workbook.py` compares the bytes with xlsxwriter's own."""

    def write_number(self, *args: Any, **kwargs: Any) -> int:
        """`Worksheet.write_number`, in one step for a finite number at a row and column."""
        if (
            2 < len(args) < 5
            and not kwargs
            and type(args[0]) is int
            and type(args[1]) is int
            and type(args[2]) in (int, float)
            and math.isfinite(args[2])
            and not self.constant_memory
        ):
            if self._check_dimensions(args[0], args[1]):
                return -1
            self.table[args[0]][args[1]] = CellNumberTuple(args[2], (*args[3:], None)[0])
            return 0
        return int(super().write_number(*args, **kwargs))

    def write_numbers(
        self, row: int, col: int, count: int, fmt: Any, xml: Callable[[int], str]
    ) -> int:
        """`count` number cells of format `fmt` from `col` on, written in one step when the
        sheet is written, as `xml(style)` gives them (`number_cells`; the format's style
        index is known only then). Each cell is in the sheet's table as if written alone."""
        if self._check_dimensions(row, col) or self._check_dimensions(row, col + count - 1):
            return -1  # outside the sheet, refused as `write_number` refuses it
        cells = self.table[row]
        cells[col] = _Run(fmt, xml)
        for other in range(col + 1, col + count):
            cells[other] = _IN_RUN
        return 0

    def _calculate_spans(self) -> None:
        """`Worksheet._calculate_spans`: each block of 16 rows' first and last columns."""
        if self.comments:
            super()._calculate_spans()
            return
        spans, low, high = {}, -1, -1
        first, last = self.dim_colmin, self.dim_colmax
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = self.table.get(row)
            if cells:
                cols = [col for col in cells if first <= col <= last]
                if cols and low < 0:
                    low, high = min(cols), max(cols)
                elif cols:
                    low, high = min(low, *cols), max(high, *cols)
            if ((row + 1) % 16 == 0 or row == self.dim_rowmax) and low >= 0:
                spans[row // 16] = f"{low + 1}:{high + 1}"
                low = -1
        self.row_spans = spans

    def _write_rows(self) -> None:
        """`Worksheet._write_rows`: each row with cells or attributes, its cells in order."""
        if self.comments or self.constant_memory:
            super()._write_rows()
            return
        self._calculate_spans()
        first, last, info = self.dim_colmin, self.dim_colmax, self.row_info
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = self.table.get(row)
            if not cells and row not in info:
                continue
            span = self.row_spans.get(row // 16)
            if not cells:
                self._write_empty_row(row, span, info.get(row))
                continue
            if row in info:
                self._write_row(row, span, info[row])
            else:
                self._write_row(row, span)
            for col in sorted(cells):
                cell = cells[col]
                if cell is not _IN_RUN and first <= col <= last:  # a run's first cell writes it
                    self._write_cell(row, col, cell)
            self._xml_end_tag("row")

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        if type(cell) is _Run:
            if cell.xml is not None:  # the run's first cell writes them all
                self.fh.write(cell.xml(cell.format._get_xf_index()))
        elif type(cell) is CellStringTuple and cell.format is not None:
            self.fh.write(  # a shared string: its index in the table
                f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{cell.format._get_xf_index()}"'
                f' t="s"><v>{cell.string}</v></c>'
            )
        elif type(cell) is CellNumberTuple and cell.format is not None:
            self.fh.write(
                f'<c r="{xl_rowcol_to_cell_fast(row, col)}" s="{cell.format._get_xf_index()}">'
                f"<v>{cell.number:.16G}</v></c>"
            )
        else:
            super()._write_cell(row, col, cell)


@dataclass(frozen=True)
class _Run:
    """Number cells written in one step (`_Sheet.write_numbers`); None for a cell after
    the first, which writes them all."""

    format: Any
    xml: Callable[[int], str] | None


_IN_RUN = _Run(None, None)


def write_numbers(
    sheet: Any, row: int, col: int, count: int, fmt: Any, xml: Callable[[int], str]
) -> bool:
    """`_Sheet.write_numbers`, if `sheet` is one (False: write the cells one by one)."""
    return isinstance(sheet, _Sheet) and sheet.write_numbers(row, col, count, fmt, xml) == 0


def number_cells(row: int, col: int, numbers: Sequence[float]) -> Callable[[int], str]:
    """The XML of finite numbers in a row from `col` on, as xlsxwriter writes each
    formatted number cell, given the format's style index (`_Sheet.write_numbers`)."""

    def xml(style: int) -> str:
        return "".join(
            f'<c r="{xl_rowcol_to_cell_fast(row, col + i)}" s="{style}"><v>{n:.16G}</v></c>'
            for i, n in enumerate(numbers)
        )

    return xml


class _Book(xlsxwriter.Workbook):  # type: ignore[misc]
    """A workbook whose sheets are `_Sheet`s."""

    def add_worksheet(self, name: str | None = None, worksheet_class: Any = None) -> Any:
        """A new sheet (a `_Sheet` unless told otherwise)."""
        return super().add_worksheet(name, worksheet_class or _Sheet)


@contextmanager
def workbook(day: dt.date, title: str) -> Iterator[tuple[Any, Formats, io.BytesIO]]:
    """A workbook dated `day` (in its properties), written into the returned buffer on exit."""
    out = io.BytesIO()
    book = _Book(out, {"in_memory": True, "strings_to_numbers": False})
    stamp = dt.datetime(day.year, day.month, day.day)
    book.set_properties({"title": title, "author": "handbook", "created": stamp})
    base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
    props: dict[str, dict[str, object]] = {
        "header": {
            **base,
            "bold": True,
            "text_wrap": True,
            "bg_color": "#EFEFEF",
            "border": 1,
            "align": "center",
        },
        "ids": {**base, "font_color": "#555555"},
        "text": {**base, "text_wrap": True},
        "number": {**base, "num_format": "0.##", "align": "center"},
        "date": {**base, "num_format": "yyyy-mm-dd", "align": "left"},
        "note": {**base, "text_wrap": True, "valign": "top"},
        "label": {**base, "bold": True},
    }
    made = {name: book.add_format(p) for name, p in props.items()}
    formats = Formats(**made)
    for name in ("header", "ids", "text", "number", "note", "label"):
        quoted = book.add_format({**props[name], "quote_prefix": True})
        formats.quoted[id(made[name])] = quoted
    yield book, formats, out
    book.close()


def printable(sheet: Any, header_rows: int = 1) -> None:
    """Printed on A4 landscape, one page wide, the header repeated on every page."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(0, header_rows - 1)


def write_cell(sheet: Any, row: int, col: int, value: object, f: Formats) -> None:
    """A value in its cell as what it is: a date, a number or text (nothing for None)."""
    if value is None:
        return
    if isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime(value.year, value.month, value.day), f.date)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, f.number)
    else:
        write_text(sheet, row, col, str(value), f, f.text)


def write_text(sheet: Any, row: int, col: int, text: str, f: Formats, fmt: Any = None) -> None:
    """Text in its cell, always as text (never a formula): a formula-like text gets the
    quote-prefixed twin of `fmt` (the text format by default)."""
    fmt = f.text if fmt is None else fmt
    sheet.write_string(row, col, text, f.of(text, fmt))


def write_texts(sheet: Any, row: int, col: int, texts: Sequence[str], f: Formats, fmt: Any) -> None:
    """A row of texts from `col` on, each as `write_text` writes it."""
    for i, text in enumerate(texts):
        write_text(sheet, row, col + i, text, f, fmt)


CsvCell = str | int | float | None


def csv_text(
    rows: Iterable[Sequence[CsvCell]], figure: Callable[[float], str] = lambda v: f"{v:g}"
) -> str:
    """Rows as CSV that spreadsheets open safely: RFC 4180 (CRLF between records; a field
    holding a comma, a quote or a line break is quoted), text neutralised, numbers as
    numbers (`figure` writes a float), None empty, and a BOM so that Excel reads the
    Chinese right."""
    out = io.StringIO()
    writer = _csv_writer(out)
    for row in rows:
        writer.writerow([_csv_field(v, figure) for v in row])
    return "\ufeff" + out.getvalue()


def csv_line(row: Sequence[CsvCell], figure: Callable[[float], str] = lambda v: f"{v:g}") -> str:
    """One row as `csv_text` writes it (its line, CRLF included): a file is its lines
    joined after the BOM (the CSV writer keeps nothing from one row to the next)."""
    out = io.StringIO()
    _csv_writer(out).writerow([_csv_field(v, figure) for v in row])
    return out.getvalue()


def _csv_writer(out: io.StringIO) -> Any:
    """The CSV writer both use: RFC 4180's line ends, fields quoted only when needed."""
    return csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


def _csv_field(value: CsvCell, figure: Callable[[float], str]) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return neutral(str(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return figure(value)
    return neutral(value)

"""One way to start and finish a workbook: the same formats everywhere, fixed
dates inside the file (xlsxwriter already dates every zip member 1980-01-01), so
that the same data always gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import xlsxwriter


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


@contextmanager
def workbook(day: dt.date, title: str) -> Iterator[tuple[Any, Formats, io.BytesIO]]:
    """A workbook dated `day` (in its properties), written into the returned buffer on exit."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    stamp = dt.datetime(day.year, day.month, day.day)
    book.set_properties({"title": title, "author": "handbook", "created": stamp})
    base = {"font_name": "宋体", "font_size": 11, "valign": "vcenter"}
    formats = Formats(
        header=book.add_format(
            {
                **base,
                "bold": True,
                "text_wrap": True,
                "bg_color": "#EFEFEF",
                "border": 1,
                "align": "center",
            }
        ),
        ids=book.add_format({**base, "font_color": "#555555"}),
        text=book.add_format({**base, "text_wrap": True}),
        number=book.add_format({**base, "num_format": "0.##", "align": "center"}),
        date=book.add_format({**base, "num_format": "yyyy-mm-dd", "align": "left"}),
        note=book.add_format({**base, "text_wrap": True, "valign": "top"}),
        label=book.add_format({**base, "bold": True}),
    )
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
        sheet.write_string(row, col, str(value), f.text)

"""The workbooks the tool writes are xlsxwriter's, byte for byte: its number cells
are only written quicker (`core.workbook._Sheet`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import xlsxwriter

from generator.core import workbook as workbook_module
from generator.core.workbook import workbook, write_cell, write_text
from generator.pipeline import run
from generator.results.downloads import round_xlsx, table_xlsx
from generator.results.kind import RESULTS, SCORED
from tests.samples import AS_OF, REPO

NUMBERS: list[object] = [0, 7, -3, 2**40, 0.5, 1 / 3, 1e-7, 1e20, 12.25, True]


def _mixed() -> bytes:
    with workbook(dt.date(2026, 1, 5), "各种单元格") as (book, f, out):
        sheet = book.add_worksheet("数据")
        sheet.set_row(2, 30, f.note)
        sheet.set_row(len(NUMBERS) + 2, 20)  # a row of attributes, without cells
        sheet.write_string(len(NUMBERS) + 20, 0, "无格式")  # a string with no format of its own
        sheet.set_column(4, 4, 12, f.number)
        for row, value in enumerate(NUMBERS):
            sheet.write_number(row, 0, value, f.number)
            sheet.write_number(row, 1, value)  # no format of its own: the row's or column's
            sheet.write_number(row, 4, value)
            write_cell(sheet, row, 2, value, f)
            write_text(sheet, row, 3, f"=A{row + 1}*2" if row % 2 else f"第{row}行", f)
        write_cell(sheet, len(NUMBERS), 0, dt.date(2026, 2, 28), f)
        sheet.write_number("F3", 42, f.number)  # A1 notation still works
        sheet.write_number(1_048_576, 0, 1)  # outside the sheet: refused as xlsxwriter refuses
    return out.getvalue()


def _sample_workbooks() -> list[bytes]:
    result = run(REPO, AS_OF, render=False)
    units = {u.id: u for u in result.store[RESULTS].units}
    return [round_xlsx(r) for r in result.store[SCORED]] + [
        table_xlsx(t, units) for t in result.store[RESULTS].tables
    ]


def _sample_workbooks_again() -> list[bytes]:
    """The sample's workbooks made twice in this process: the second time, each unit's
    row of scores is the one kept from the first (`results.rows.ScoreRuns`)."""
    _sample_workbooks()
    return _sample_workbooks()


@pytest.mark.parametrize(
    "make",
    [_mixed, _sample_workbooks, _sample_workbooks_again],
    ids=["every kind of cell", "the sample's downloads", "the sample's downloads made again"],
)
def test_workbooks_are_the_bytes_xlsxwriter_writes(
    make: Callable[[], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = make()
    monkeypatch.setattr(workbook_module, "_Book", xlsxwriter.Workbook)
    assert make() == quick

"""A ledger's or task list's rows out of a sheet, and into the table's YAML text:
the workbook's rows are the table's rows, in order."""

from __future__ import annotations

import yaml

from generator.errors import HandbookError, did_you_mean
from generator.layout import RESULTS_SOURCE as RESULTS
from generator.results import headings as L
from generator.results.model import Column, Table
from generator.sheets import yamledit as Y
from generator.sheets.cells import (
    Context,
    Outcome,
    Problems,
    as_date,
    header_row,
    shown,
    text_of,
    unit_of,
)
from generator.sheets.read import Book, Cell


def _cell_value(value: Cell, column: Column, ctx: Context) -> object | str:
    """The value for the file, or what is wrong (a message starting with '!')."""
    if column.type == "date":
        day = as_date(value)
        return (
            day if day is not None else f"!expected a date such as 2026-11-15, found {shown(value)}"
        )
    if column.type == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            number = float(text_of(value))
        except ValueError:
            return f"!expected a number, found the text {shown(value)}"
        return int(number) if number.is_integer() else number
    if column.type == "unit":
        unit = unit_of(value, ctx)
        text = text_of(value)
        return (
            unit
            if unit is not None
            else f"!there is no unit '{text}' in {RESULTS}/units.yml{did_you_mean(text, ctx.units)}"
        )
    text = text_of(value)
    if column.type == "choice" and text not in column.choices:
        return f"!expected one of {', '.join(column.choices)}, found {shown(value)}"
    return text


def read_rows(
    book: Book, table: Table, ctx: Context, problems: Problems
) -> list[dict[str, object]]:
    """A table's rows out of its sheet, checked cell by cell."""
    sheet = next(iter(book.sheets.values())) if book.is_csv else book.sheets.get(table.kind)
    if sheet is None:
        problems.add(None, 0, 0, f"there is no sheet '{table.kind}'", book.path)
        return []
    by_name: dict[str, Column] = {}
    for c in table.columns:
        by_name.setdefault(c.label, c)
        by_name.setdefault(c.key, c)
    head = header_row(
        sheet, frozenset(by_name) | frozenset(L.column_header(c) for c in table.columns)
    )
    if head is None:
        problems.add(
            None,
            0,
            0,
            "no header row with the table's column names in the first 10 rows",
            sheet.place,
        )
        return []
    columns: dict[int, Column] = {}
    for col, header in enumerate(sheet.rows[head]):
        text = text_of(header)
        if not text:
            continue
        column = by_name.get(L.bare(text))
        if column is None:
            problems.add(
                sheet,
                head,
                col,
                f"the column '{text}' is not a column of {table.id}{did_you_mean(L.bare(text), [c.label for c in table.columns])}",
            )
        elif column in columns.values():
            problems.add(sheet, head, col, f"a second column '{column.label}'")
        else:
            columns[col] = column
    for c in table.columns:
        if c not in columns.values():
            problems.add(sheet, head, len(sheet.rows[head]), f"no column '{c.label}' ({c.key})")
    rows = []
    for row in range(head + 1, len(sheet.rows)):
        if all(v == "" for v in sheet.rows[row]):
            continue
        values: dict[str, object] = {}
        for col, c in columns.items():
            cell = sheet.cell(row, col)
            if cell == "":
                if not c.optional:
                    problems.add(sheet, row, col, f"no value for '{c.label}'")
                continue
            value = _cell_value(cell, c, ctx)
            if isinstance(value, str) and value.startswith("!"):
                problems.add(sheet, row, col, value[1:])
            else:
                values[c.key] = value
        rows.append({c.key: values[c.key] for c in table.columns if c.key in values})
    return rows


def rewrite_rows(text: str, rows: list[dict[str, object]], outcome: Outcome) -> str:
    """The table's YAML with its rows replaced; everything else kept as it was."""
    root = Y.compose(text)
    found = Y.child(root, "rows")
    if found is None:
        raise HandbookError(f"{outcome.path}: no 'rows:'")
    key, seq = found
    if not isinstance(seq, yaml.SequenceNode):
        raise HandbookError(f"{outcome.path}: expected 'rows:' as a list")
    if seq.flow_style or not seq.value:
        outcome.added = len(rows)
        return Y.apply(
            text,
            [
                Y.replace_value(
                    text, key, seq, "".join(f"\n  - {Y.flow(list(r.items()))}" for r in rows)
                )
            ],
        )
    edits = []
    items = seq.value
    for i, (item, row) in enumerate(zip(items, rows, strict=False)):
        if Y.value(item) != row:
            edits.append(
                Y.Edit(item.start_mark.index, Y.end_of(text, item), Y.flow(list(row.items())))
            )
            outcome.changed += 1
        del i
    dash = Y.dash_indent(text, items[0])
    if len(rows) > len(items):
        at = Y.end_of(text, items[-1])
        edits.append(
            Y.Edit(
                at, at, "".join(f"\n{dash}- {Y.flow(list(r.items()))}" for r in rows[len(items) :])
            )
        )
        outcome.added = len(rows) - len(items)
    elif len(rows) < len(items):
        gone = items[len(rows) :]
        start = (
            Y.end_of(text, items[len(rows) - 1])
            if rows
            else Y.line_start(text, gone[0].start_mark.index)
        )
        edits.append(Y.Edit(start, Y.end_of(text, gone[-1]), "" if rows else f"{dash}[]"))
        outcome.removed = len(gone)
    return Y.apply(text, edits)

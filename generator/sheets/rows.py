"""A ledger's or task list's rows out of a sheet, and into the table's YAML text:
the workbook's rows are the table's rows, in order."""

from __future__ import annotations

from dataclasses import dataclass

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
    not_a_date,
    shown,
    text_of,
    unit_of,
)
from generator.sheets.read import Book, Cell


@dataclass(frozen=True)
class Wrong:
    """What is wrong with a cell: a rule's code and its parameters."""

    code: str
    params: dict[str, object]


def _cell_value(value: Cell, column: Column, ctx: Context) -> object:
    """The value for the file, or what is wrong with it."""
    if column.type == "date":
        day = as_date(value)
        return day if day is not None else Wrong(*not_a_date(value))
    if column.type == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            number = float(text_of(value))
        except ValueError:
            return Wrong("HB714", {"found": shown(value)})
        return int(number) if number.is_integer() else number
    if column.type == "unit":
        unit = unit_of(value, ctx)
        text = text_of(value)
        if unit is not None:
            return unit
        return Wrong(
            "HB715",
            {
                "name": text,
                "registry": f"{RESULTS}/units.yml",
                "hint": did_you_mean(text, ctx.units),
            },
        )
    text = text_of(value)
    if column.type == "choice" and text not in column.choices:
        return Wrong("HB716", {"expected": list(column.choices), "found": shown(value)})
    return text


def read_rows(
    book: Book, table: Table, ctx: Context, problems: Problems
) -> list[dict[str, object]]:
    """A table's rows out of its sheet, checked cell by cell."""
    sheet = next(iter(book.sheets.values())) if book.is_csv else book.sheets.get(table.kind)
    if sheet is None:
        problems.add(book.path, 0, 0, "HB705", name=table.kind, sheets=list(book.sheets))
        return []
    by_name: dict[str, Column] = {}
    for c in table.columns:
        by_name.setdefault(c.label, c)
        by_name.setdefault(c.key, c)
    head = header_row(
        sheet, frozenset(by_name) | frozenset(L.column_header(c) for c in table.columns)
    )
    if head is None:
        problems.add(sheet.place, 0, 0, "HB706", name=table.columns[0].label)
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
                "HB707",
                name=text,
                table=table.id,
                hint=did_you_mean(L.bare(text), [c.label for c in table.columns]),
            )
        elif column in columns.values():
            first = next(k for k, c in columns.items() if c == column)
            problems.add(sheet, head, col, "HB709", name=column.label, first=L.column_letter(first))
        else:
            columns[col] = column
    for c in table.columns:
        if c not in columns.values():
            problems.add(sheet, head, len(sheet.rows[head]), "HB710", name=c.label, id=c.key)
    rows = []
    for row in range(head + 1, len(sheet.rows)):
        if all(v == "" for v in sheet.rows[row]):
            continue
        values: dict[str, object] = {}
        for col, c in columns.items():
            cell = sheet.cell(row, col)
            if cell == "":
                if not c.optional:
                    problems.add(sheet, row, col, "HB712", name=c.label)
                continue
            value = _cell_value(cell, c, ctx)
            if isinstance(value, Wrong):
                problems.add(sheet, row, col, value.code, **value.params)
            else:
                values[c.key] = value
        rows.append({c.key: values[c.key] for c in table.columns if c.key in values})
    return rows


def rewrite_rows(text: str, rows: list[dict[str, object]], outcome: Outcome) -> str:
    """The table's YAML with its rows replaced; everything else kept as it was."""
    root = Y.compose(text, outcome.path)
    found = Y.child(root, "rows")
    if found is None or not isinstance(found[1], yaml.SequenceNode):
        raise HandbookError("error.sheet_layout", path=outcome.path, name="rows")
    key, seq = found
    assert isinstance(seq, yaml.SequenceNode)
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

"""The downloads beside a round's and a table's page: CSV and JSON for other
systems, `.xlsx` for people (numbers as numbers, the header frozen, fixed dates
inside, so the same data gives the same bytes). Private columns never appear."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from generator.core.workbook import (
    CsvCell,
    csv_line,
    csv_text,
    printable,
    workbook,
    write_cell,
    write_numbers,
    write_text,
    write_texts,
)
from generator.results import headings as L
from generator.results.load import LoadedTable, public_columns
from generator.results.model import Column, Unit
from generator.results.rows import ScoreRuns, csv_rows, json_units
from generator.results.scoring import RoundResult


def scores_csv(result: RoundResult) -> str:
    """A round's scores as CSV, for spreadsheet programs (its units' lines: `rows.csv_rows`)."""
    criteria = [c.id for c in result.rubric.criteria]
    header = csv_line(["rank", "unit_id", "unit", "total", "grade", "passed", *criteria])
    return "\ufeff" + header + csv_rows(result)


def scores_json(result: RoundResult) -> str:
    """A round's scores and figures as JSON, for other systems."""
    m = result.loaded.model
    data = {
        "round": m.id,
        "series": m.series,
        "title": m.title,
        "rubric": m.rubric,
        "period": {"kind": m.period.kind, "start": str(m.period.start), "end": str(m.period.end)},
        "assessed": str(m.assessed),
        "published": str(m.published),
        "assessor": m.assessor,
        "total_points": result.rubric.total,
        "pass_mark": result.rubric.pass_mark,
        "pass_rate": round(result.pass_rate, 4),
        "mean": round(result.mean, 2),
        "units": [],  # the last key: its list is `rows.json_units`
    }
    # Compact: the C encoder is used only without indentation (seconds at 10,000 pages).
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return head.removesuffix("[]}") + json_units(result) + "}\n"


def round_xlsx(result: RoundResult) -> bytes:
    """A round's scores as a workbook: numbers as numbers, the header frozen, an 说明 sheet."""
    m = result.loaded.model
    criteria = result.rubric.criteria
    runs = ScoreRuns(result)  # each unit's row of scores, kept per process
    with workbook(m.published, m.title) as (book, f, out):
        sheet = book.add_worksheet("成绩")
        headers = ["名次", L.UNIT_ID, L.UNIT_NAME, "总分", "等级", "是否达标"]
        headers += [L.criterion_header(c, i) for i, c in enumerate(criteria, start=1)]
        write_texts(sheet, 0, 0, headers, f, f.header)
        sheet.set_row(0, 64)
        sheet.set_column(0, 0, 6)
        sheet.set_column(1, 1, 14)
        sheet.set_column(2, 2, 20)
        sheet.set_column(3, 5, 8)
        sheet.set_column(6, 5 + len(criteria), 11)
        for row, u in enumerate(result.units, start=1):
            sheet.write_number(row, 0, u.rank, f.number)
            write_text(sheet, row, 1, u.unit.id, f, f.ids)
            write_text(sheet, row, 2, u.unit.name, f)
            sheet.write_number(row, 3, u.total, f.number)
            write_text(sheet, row, 4, u.grade or "", f)
            sheet.write_string(row, 5, "是" if u.passed else "否", f.text)
            run = runs.run(row, 6, u)
            if run is not None and write_numbers(sheet, row, 6, len(criteria), f.number, run):
                continue
            for col, c in enumerate(criteria, start=6):
                s = u.scores.get(c.id)
                if s is None:
                    continue
                if s.points is None:
                    sheet.write_string(row, col, L.NOT_ASSESSED, f.number)
                else:
                    sheet.write_number(row, col, s.points, f.number)
        sheet.freeze_panes(1, 3)
        printable(sheet)
        sheet.autofilter(0, 0, max(len(result.units), 1), len(headers) - 1)
        about = book.add_worksheet(L.ABOUT)
        about.set_column(0, 0, 12)
        about.set_column(1, 1, 60)
        e = result.loaded.info.model
        rows: list[tuple[str, object]] = [
            (L.ROUND_FIELDS["title"], m.title),
            (L.ROUND_FIELDS["id"], m.id),
            (L.ROUND_FIELDS["rubric"], f"{e.code} {e.title}（{e.edition}版）"),
            ("满分", result.rubric.total),
            ("达标分", result.rubric.pass_mark),
            (L.ROUND_FIELDS["period.start"], m.period.start),
            (L.ROUND_FIELDS["period.end"], m.period.end),
            (L.ROUND_FIELDS["assessed"], m.assessed),
            (L.ROUND_FIELDS["published"], m.published),
            (L.ROUND_FIELDS["assessor"], m.assessor),
            (
                "名次规则",
                "总分相同者名次相同，其后的名次顺延（如 1、2、2、4）；“?”为未评估，不计入总分。",
            ),
        ]
        for row, (label, value) in enumerate(rows):
            about.write_string(row, 0, label, f.label)
            write_cell(about, row, 1, value, f)
    runs.keep()
    return out.getvalue()


def _shown(value: object, column: Column, units: dict[str, Unit]) -> object:
    if column.type == "unit" and isinstance(value, str) and value in units:
        return units[value].name
    return value


def table_xlsx(table: LoadedTable, units: dict[str, Unit]) -> bytes:
    """A table's public columns as a workbook."""
    m, columns = table.model, public_columns(table)
    with workbook(m.published, m.title) as (book, f, out):
        sheet = book.add_worksheet(m.kind)
        write_texts(sheet, 0, 0, [c.label for c in columns], f, f.header)
        for col, c in enumerate(columns):
            sheet.set_column(col, col, {"date": 12, "number": 10, "choice": 10}.get(c.type, 24))
        for row, values in enumerate(m.rows, start=1):
            for col, c in enumerate(columns):
                write_cell(sheet, row, col, _shown(values.get(c.key), c, units), f)
        sheet.freeze_panes(1, 0)
        printable(sheet)
        sheet.autofilter(0, 0, max(len(m.rows), 1), len(columns) - 1)
    return out.getvalue()


def table_csv(table: LoadedTable, units: dict[str, Unit]) -> str:
    """A table's public columns as CSV (units by name)."""
    columns = public_columns(table)
    rows: list[list[CsvCell]] = [[c.label for c in columns]]
    for row in table.model.rows:
        cells = [_shown(row.get(c.key), c, units) for c in columns]
        rows.append([v if v is None or isinstance(v, int | float | str) else str(v) for v in cells])
    return csv_text(rows)


def table_json(table: LoadedTable, units: dict[str, Unit]) -> str:
    """A table's public columns as JSON (units by id)."""
    m, columns = table.model, public_columns(table)
    data = {
        "table": m.id,
        "kind": m.kind,
        "title": m.title,
        "published": str(m.published),
        "columns": [{"key": c.key, "label": c.label, "type": c.type} for c in columns],
        "rows": [
            {
                c.key: (str(v) if isinstance(v, dt.date) else v)
                for c in columns
                if (v := row.get(c.key)) is not None
            }
            for row in m.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# File name beside the round's page → how it is made.
DOWNLOADS: dict[str, Callable[[RoundResult], str | bytes]] = {
    "scores.csv": scores_csv,
    "scores.json": scores_json,
    "scores.xlsx": round_xlsx,
}

# The downloads that show the changes against the previous round (the others show the
# round alone: a score edit in one round does not make the next round's again).
WITH_CHANGES = frozenset({"scores.json"})

# File name beside a table's page → how it is made (from the table and the units).
TABLE_DOWNLOADS: dict[str, Callable[[LoadedTable, dict[str, Unit]], str | bytes]] = {
    "rows.csv": table_csv,
    "rows.json": table_json,
    "rows.xlsx": table_xlsx,
}

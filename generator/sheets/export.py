"""Workbooks to fill in: a round's scores (`handbook sheet export` / `sheet new`)
and a ledger's or task list's rows. Import (`import_`) reads them back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.core.workbook import (
    Formats,
    printable,
    workbook,
    write_cell,
    write_text,
    write_texts,
)
from generator.results import headings as L
from generator.results.model import Round, Score, Table, Unit
from generator.standards.model import StandardEdition


@dataclass(frozen=True)
class RoundSheet:
    """What a scores workbook shows: the round (None for a new one) and its rows."""

    round_id: str
    rubric_ref: str  # liuhua-24@2023
    edition: StandardEdition  # with a rubric
    units: list[Unit]  # one row each, in this order
    model: Round | None = None
    scores: dict[str, dict[str, Score]] | None = None  # unit → criterion → score


_HOW_ROUND = [
    "填写方法：",
    "1. 在“评分”表中每个单位一行、每个评分项一列填写得分；表头括号内是该项的分值，得分应在 0 到该分值之间。",
    "2. 未评估的项目填“?”：它不计入总分，也不按 0 分计算。整行留空的单位视为未参加本轮考核。",
    "3. 扣分理由和佐证材料填在“理由与依据”表，每个单位的每个评分项一行（评分项从下拉列表中选）。",
    "4. 不要修改“单位编号”列和本表的“轮次编号”“评分依据”；“合计”列自动计算，导入时不读取。",
    "5. 新建轮次时，请填写本表的系列、标题、周期、评估日期、公布日期和评估单位。",
    "6. 填好后运行 handbook sheet import 本文件，得分写回数据文件；如有问题，会逐一列出工作表和单元格，数据文件不会被改动。",
]

_HOW_TABLE = [
    "填写方法：",
    "1. 每行一条记录；日期写成 2026-11-15 这样的格式，单位填单位编号（见“单位”表）。",
    "2. 标有“（不公开）”的列只保存在数据文件中，不会出现在网站和下载文件里。",
    "3. 可以增加、修改或删除行；填好后运行 handbook sheet import 本文件写回数据文件。",
    "4. 如有问题，会逐一列出工作表和单元格，数据文件不会被改动。",
]


def _about(
    book: Any, f: Formats, kind: str, fields: list[tuple[str, object]], how: list[str]
) -> None:
    sheet = book.add_worksheet(L.ABOUT)
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 60)
    sheet.write_string(0, 0, L.ABOUT_KIND, f.label)
    sheet.write_string(0, 1, kind)
    for row, (label, value) in enumerate(fields, start=1):
        sheet.write_string(row, 0, label, f.label)
        if isinstance(value, dt.date):
            sheet.write_datetime(row, 1, dt.datetime(value.year, value.month, value.day), f.date)
        elif value is not None:
            write_text(sheet, row, 1, str(value), f)
    for k, line in enumerate(how, start=len(fields) + 2):
        if k == len(fields) + 2:
            sheet.write_string(k, 0, line, f.label)
            continue
        sheet.merge_range(k, 0, k, 1, line, f.note)
        sheet.set_row(k, 15 * (1 + len(line) // 48))  # room for the wrapped lines
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _units_sheet(book: Any, f: Formats, units: list[Unit]) -> None:
    sheet = book.add_worksheet(L.UNITS)
    sheet.write_row(0, 0, [L.UNIT_ID, L.UNIT_NAME, "类别"], f.header)
    for row, unit in enumerate(units, start=1):
        write_texts(sheet, row, 0, [unit.id, unit.name, unit.kind], f, f.text)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, 24)
    sheet.freeze_panes(1, 0)


def round_workbook(data: RoundSheet, day: dt.date) -> bytes:
    """A round's workbook for assessors: scores, reasons and evidence, 说明."""
    rubric = data.edition.rubric
    assert rubric is not None
    criteria = rubric.criteria
    m = data.model
    title = m.title if m else data.round_id
    with workbook(day, title) as (book, f, out):
        sheet = book.add_worksheet(L.SCORES)
        headers = [L.criterion_header(c, i) for i, c in enumerate(criteria, start=1)]
        write_texts(sheet, 0, 0, [L.UNIT_ID, L.UNIT_NAME, *headers, L.TOTAL], f, f.header)
        sheet.set_row(0, 64)
        sheet.set_column(0, 0, 14)
        sheet.set_column(1, 1, 20)
        sheet.set_column(2, 1 + len(criteria), 11)
        sheet.set_column(2 + len(criteria), 2 + len(criteria), 8)
        first, last = L.column_letter(2), L.column_letter(1 + len(criteria))
        for row, unit in enumerate(data.units, start=1):
            write_text(sheet, row, 0, unit.id, f, f.ids)
            write_text(sheet, row, 1, unit.name, f)
            given = (data.scores or {}).get(unit.id, {})
            total = 0.0
            for col, c in enumerate(criteria, start=2):
                score = given.get(c.id)
                if score is None:
                    sheet.write_blank(row, col, None, f.number)
                elif score.points is None:
                    sheet.write_string(row, col, L.NOT_ASSESSED, f.number)
                else:
                    sheet.write_number(row, col, score.points, f.number)
                    total += score.points
            sheet.write_formula(
                row, 2 + len(criteria), f"=SUM({first}{row + 1}:{last}{row + 1})", f.number, total
            )
        n = max(len(data.units), 1)
        for col, c in enumerate(criteria, start=2):
            cell = f"{L.column_letter(col)}2"
            sheet.data_validation(
                1,
                col,
                n,
                col,
                {
                    "validate": "custom",
                    "value": f'=OR({cell}="?",AND(ISNUMBER({cell}),{cell}>=0,{cell}<={c.points:g}))',
                    "ignore_blank": True,
                    "error_title": "得分超出范围",
                    "error_message": f"“{c.item}”应填 0 到 {c.points:g} 之间的数；未评估填“?”。",
                    "input_title": f"{c.item}（{c.points:g}分）"[:32],
                    "input_message": (c.scoring or f"0 到 {c.points:g} 分；未评估填“?”")[:255],
                },
            )
        sheet.freeze_panes(1, 2)
        printable(sheet)
        sheet.autofilter(0, 0, n, 1 + len(criteria))

        notes = book.add_worksheet(L.REASONS)
        notes.write_row(0, 0, [L.UNIT_ID, L.UNIT_NAME, L.CRITERION, L.REASON, L.EVIDENCE], f.header)
        notes.set_column(0, 0, 14)
        notes.set_column(1, 1, 20)
        notes.set_column(2, 2, 28)
        notes.set_column(3, 4, 40)
        row = 1
        names = {u.id: u.name for u in data.units}
        for unit in data.units:
            for i, c in enumerate(criteria, start=1):
                s = (data.scores or {}).get(unit.id, {}).get(c.id)
                if s is not None and (s.reason or s.evidence):
                    texts = [
                        unit.id,
                        names[unit.id],
                        headers[i - 1],
                        s.reason or "",
                        s.evidence or "",
                    ]
                    write_texts(notes, row, 0, texts, f, f.text)
                    row += 1
        notes.data_validation(
            1,
            2,
            max(row, 200),
            2,
            {
                "validate": "list",
                "source": f"={L.SCORES}!${first}$1:${last}$1",
                "ignore_blank": True,
            },
        )
        notes.freeze_panes(1, 3)
        printable(notes)

        e = data.edition
        fields: list[tuple[str, object]] = [
            (L.ROUND_FIELDS["id"], data.round_id),
            (L.ROUND_FIELDS["rubric"], data.rubric_ref),
            ("标准", f"{e.code} {e.title}（{e.edition}版）"),
            ("满分与达标分", f"满分 {rubric.total:g} 分，{rubric.pass_mark:g} 分达标"),
            (L.ROUND_FIELDS["series"], m.series if m else None),
            (L.ROUND_FIELDS["title"], m.title if m else None),
            (L.ROUND_FIELDS["period.kind"], m.period.kind if m else None),
            (L.ROUND_FIELDS["period.start"], m.period.start if m else None),
            (L.ROUND_FIELDS["period.end"], m.period.end if m else None),
            (L.ROUND_FIELDS["assessed"], m.assessed if m else None),
            (L.ROUND_FIELDS["published"], m.published if m else None),
            (L.ROUND_FIELDS["assessor"], m.assessor if m else None),
        ]
        _about(book, f, L.KIND_ROUND, fields, _HOW_ROUND)
        about = book.get_worksheet_by_name(L.ABOUT)
        about.data_validation(
            7, 1, 7, 1, {"validate": "list", "source": ["月", "季", "年"], "ignore_blank": True}
        )
    return out.getvalue()


def table_workbook(table: Table, units: list[Unit], day: dt.date) -> bytes:
    """Every column, the private ones too (marked): the workbook is for the staff who keep it."""
    with workbook(day, table.title) as (book, f, out):
        sheet = book.add_worksheet(table.kind)
        columns = table.columns
        write_texts(sheet, 0, 0, [L.column_header(c) for c in columns], f, f.header)
        sheet.set_row(0, 32)
        for col, c in enumerate(columns):
            width = {"date": 12, "number": 10, "unit": 14, "choice": 10}.get(c.type, 30)
            sheet.set_column(col, col, width)
            if c.type == "choice" and c.choices:
                rule: dict[str, object] = {"validate": "list", "source": list(c.choices)}
            elif c.type == "date":
                rule = {"validate": "date", "criteria": ">", "value": dt.datetime(1990, 1, 1)}
            elif c.type == "unit":
                rule = {"validate": "list", "source": f"={L.UNITS}!$A$2:$A${len(units) + 1}"}
            elif c.type == "number":
                rule = {
                    "validate": "decimal",
                    "criteria": "between",
                    "minimum": -1e12,
                    "maximum": 1e12,
                }
            else:
                continue
            rule.update(ignore_blank=True, error_message=f"“{c.label}”的值不符合要求。")
            sheet.data_validation(1, col, max(len(table.rows), 1) + 500, col, rule)
        for row, values in enumerate(table.rows, start=1):
            for col, c in enumerate(columns):
                write_cell(sheet, row, col, values.get(c.key), f)
        sheet.freeze_panes(1, 0)
        printable(sheet)
        sheet.autofilter(0, 0, max(len(table.rows), 1), len(columns) - 1)
        fields: list[tuple[str, object]] = [
            (L.TABLE_FIELDS["id"], table.id),
            (L.TABLE_FIELDS["kind"], table.kind),
            (L.TABLE_FIELDS["title"], table.title),
            (L.TABLE_FIELDS["published"], table.published),
        ]
        _about(book, f, L.KIND_TABLE, fields, _HOW_TABLE)
        _units_sheet(book, f, units)
    return out.getvalue()

"""A round's scores out of a workbook's cells: the 评分 sheet (with 理由与依据)
and a new round's fields on the 说明 sheet. `round_yaml` writes them into the
round's YAML text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.errors import did_you_mean
from generator.layout import RESULTS_SOURCE as RESULTS
from generator.results import headings as L
from generator.sheets.cells import (
    Context,
    Problems,
    as_date,
    header_row,
    not_a_date,
    shown,
    text_of,
    unit_of,
)
from generator.sheets.read import Book, Cell, Sheet
from generator.standards.model import Criterion


@dataclass(frozen=True)
class Given:
    """A score as the sheet gives it; `notes` False: keep the file's reason and evidence."""

    points: float | None
    reason: str | None = None
    evidence: str | None = None
    notes: bool = True


def _score(value: Cell, c: Criterion) -> float | None | tuple[str, str]:
    """Points, None for "?", or what is wrong (a rule's code and the value as found)."""
    if isinstance(value, str) and value in ("?", "？"):
        return None
    number: float
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return "HB717", shown(value)
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return "HB717", shown(value)
    else:
        number = float(value)
    if not 0 <= number <= c.points:
        return "HB718", f"{number:g}"
    return number


def read_scores(
    book: Book,
    criteria: list[Criterion],
    rubric_ref: str,
    ctx: Context,
    problems: Problems,
    *,
    every: bool = True,
) -> list[tuple[str, dict[str, Given]]]:
    """Each unit's scores, in the sheet's order (a unit's blank row: no scores).
    `every`: each criterion needs a column (a new round); else the missing ones are kept."""
    sheet = next(iter(book.sheets.values())) if book.is_csv else book.sheets.get(L.SCORES)
    if sheet is None:
        problems.add(book.path, 0, 0, "HB705", name=L.SCORES, sheets=list(book.sheets))
        return []
    head = header_row(sheet, L.UNIT_HEADERS)
    if head is None:
        problems.add(sheet.place, 0, 0, "HB706", name=L.UNIT_ID)
        return []
    names = L.criterion_names(criteria)
    by_id = {c.id: c for c in criteria}
    unit_col: int | None = None
    columns: dict[int, Criterion] = {}
    seen: dict[str, int] = {}
    for col, header in enumerate(sheet.rows[head]):
        text = text_of(header)
        if not text or text in L.NAME_HEADERS or text in L.IGNORED:
            continue
        if text in L.UNIT_HEADERS:
            unit_col = col if unit_col is None else unit_col
            continue
        criterion_id = names.get(L.bare(text)) or names.get(text)
        if criterion_id is None:
            problems.add(
                sheet,
                head,
                col,
                "HB708",
                name=text,
                ref=rubric_ref,
                hint=did_you_mean(L.bare(text), [c.item for c in criteria]),
            )
            continue
        if criterion_id in seen:
            problems.add(
                sheet,
                head,
                col,
                "HB709",
                name=by_id[criterion_id].item,
                first=L.column_letter(seen[criterion_id]),
            )
            continue
        seen[criterion_id] = col
        columns[col] = by_id[criterion_id]
    for i, c in enumerate(criteria, start=1):
        if every and c.id not in seen:
            problems.add(
                sheet,
                head,
                len(sheet.rows[head]),
                "HB710",
                name=L.criterion_header(c, i),
                id=c.id,
            )
    assert unit_col is not None
    out: list[tuple[str, dict[str, Given]]] = []
    first_row: dict[str, int] = {}
    for row in range(head + 1, len(sheet.rows)):
        cells = sheet.rows[row]
        if all(v == "" for v in cells):
            continue  # a blank row
        unit_cell = sheet.cell(row, unit_col)
        given = {col: sheet.cell(row, col) for col in columns}
        if all(v == "" for v in given.values()) and unit_cell == "":
            continue  # notes or totals below the table
        if unit_cell == "":
            problems.add(sheet, row, unit_col, "HB719", name=L.UNIT_ID)
            continue
        unit_id = unit_of(unit_cell, ctx)
        if unit_id is None:
            text = text_of(unit_cell)
            problems.add(
                sheet,
                row,
                unit_col,
                "HB715",
                name=text,
                registry=f"{RESULTS}/units.yml",
                hint=did_you_mean(text, ctx.units),
            )
            continue
        if unit_id in first_row:
            problems.add(
                sheet,
                row,
                unit_col,
                "HB720",
                id=unit_id,
                first=first_row[unit_id] + 1,
            )
            continue
        first_row[unit_id] = row
        if all(v == "" for v in given.values()):
            out.append((unit_id, {}))  # not in this round
            continue
        scores: dict[str, Given] = {}
        for col, c in columns.items():
            value = given[col]
            if value == "":
                problems.add(
                    sheet,
                    row,
                    col,
                    "HB721",
                    item=c.item,
                )
                continue
            parsed = _score(value, c)
            if isinstance(parsed, tuple):
                code, found = parsed
                problems.add(sheet, row, col, code, item=c.item, max=c.points, found=found)
            else:
                scores[c.id] = Given(parsed, notes=not book.is_csv)
        out.append((unit_id, scores))
    if not book.is_csv:
        _read_reasons(book, criteria, rubric_ref, out, ctx, problems)
    return out


def _read_reasons(
    book: Book,
    criteria: list[Criterion],
    rubric_ref: str,
    rows: list[tuple[str, dict[str, Given]]],
    ctx: Context,
    problems: Problems,
) -> None:
    sheet = book.sheets.get(L.REASONS)
    if sheet is None:
        return
    head = header_row(sheet, L.UNIT_HEADERS)
    if head is None:
        return
    header = [text_of(v) for v in sheet.rows[head]]
    col = {
        name: header.index(name)
        for name in (L.UNIT_ID, L.CRITERION, L.REASON, L.EVIDENCE)
        if name in header
    }
    for name in (L.CRITERION, L.REASON, L.EVIDENCE):
        if name not in col:
            problems.add(sheet, head, len(header), "HB711", name=name, sheet=sheet.name)
    if len(col) < 4:
        return
    names = L.criterion_names(criteria)
    by_id = {c.id: c for c in criteria}
    scores = dict(rows)
    seen: dict[tuple[str, str], int] = {}
    for row in range(head + 1, len(sheet.rows)):
        unit_cell, item = sheet.cell(row, col[L.UNIT_ID]), sheet.cell(row, col[L.CRITERION])
        reason, evidence = (
            text_of(sheet.cell(row, col[L.REASON])),
            text_of(sheet.cell(row, col[L.EVIDENCE])),
        )
        if unit_cell == "" and item == "" and not reason and not evidence:
            continue
        unit_id = unit_of(unit_cell, ctx)
        if unit_id is None or not scores.get(unit_id):
            problems.add(
                sheet,
                row,
                col[L.UNIT_ID],
                "HB722",
                id=text_of(unit_cell),
                sheet=L.SCORES,
            )
            continue
        criterion_id = names.get(L.bare(text_of(item))) or names.get(text_of(item))
        if criterion_id is None:
            problems.add(
                sheet,
                row,
                col[L.CRITERION],
                "HB708",
                name=text_of(item),
                ref=rubric_ref,
                hint=did_you_mean(L.bare(text_of(item)), [c.item for c in criteria]),
            )
            continue
        if (unit_id, criterion_id) in seen:
            problems.add(
                sheet,
                row,
                col[L.UNIT_ID],
                "HB723",
                id=unit_id,
                item=by_id[criterion_id].item,
                first=seen[unit_id, criterion_id] + 1,
            )
            continue
        seen[unit_id, criterion_id] = row
        score = scores[unit_id].get(criterion_id)
        if score is None:
            continue  # its cell in 评分 is already reported
        if score.points is None:
            problems.add(
                sheet,
                row,
                col[L.REASON],
                "HB724",
                item=by_id[criterion_id].item,
            )
            continue
        scores[unit_id][criterion_id] = Given(score.points, reason or None, evidence or None)


def round_meta(
    sheet: Sheet, fields: dict[str, tuple[Cell, int]], problems: Problems
) -> dict[str, object]:
    """A new round's fields, read from the 说明 sheet."""
    meta: dict[str, object] = {}
    period: dict[str, object] = {}
    for key, label in L.ROUND_FIELDS.items():
        value, row = fields.get(label, ("", -1))
        if row < 0 or value == "":
            problems.add(sheet, max(row, 0), 1, "HB725" if row >= 0 else "HB726", name=label)
            continue
        if key in ("period.start", "period.end", "assessed", "published"):
            day = as_date(value)
            if day is None:
                code, params = not_a_date(value)
                problems.add(sheet, row, 1, code, **params)
                continue
            value = day
        elif key == "period.kind" and value not in ("月", "季", "年"):
            problems.add(sheet, row, 1, "HB716", expected=["月", "季", "年"], found=shown(value))
            continue
        if key.startswith("period."):
            period[key.split(".", 1)[1]] = value
        else:
            meta[key] = text_of(value) if not isinstance(value, dt.date) else value
    meta["period"] = period
    return meta

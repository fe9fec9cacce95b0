"""A filled-in workbook (or CSV file) back into a round's or a table's YAML.

Every problem is found before anything is written, each located at its cell
(`BOOK.xlsx:评分!D7: …`); the new file is then checked like any data file, and
only a file that passes replaces the old one (atomically)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.compute import Catalog, build_catalog
from generator.errors import HandbookError, Problem, ValidationFailed, did_you_mean
from generator.loader import load_yaml
from generator.models.results import Column, Round, Table, Unit
from generator.models.standard import Criterion
from generator.repository import load_standards
from generator.results import (
    RESULTS,
    LoadedRound,
    LoadedTable,
    Results,
    check_results,
    load_results,
)
from generator.sheets import layout as L
from generator.sheets import yamledit as Y
from generator.sheets.read import ENCODINGS, Book, Cell, Sheet, read_book
from generator.validate import parse


@dataclass(frozen=True)
class Given:
    """A score as the sheet gives it; `notes` False: keep the file's reason and evidence."""

    points: float | None
    reason: str | None = None
    evidence: str | None = None
    notes: bool = True


@dataclass
class Outcome:
    path: str  # the data file written, relative to the repository
    created: bool = False
    changed: int = 0  # scores or rows changed
    added: int = 0  # units or rows added
    removed: int = 0  # rows removed (tables)
    kept: list[str] = field(default_factory=list)  # units in the file, not in the sheet
    skipped: list[str] = field(default_factory=list)  # blank rows of the sheet's units
    encoding: str | None = None


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, int, int, str]] = []

    def add(self, sheet: Sheet | None, row: int, col: int, message: str, book: str = "") -> None:
        where = sheet.where(row, col) if sheet is not None else book
        self.items.append((where, row, col, message))

    def problems(self) -> list[Problem]:
        # Problems keep the sheet's order (row by row): a cell's name sorts badly as text.
        return [Problem(where, 0, 0, "", message) for where, _, _, message in self.items]


def _text(value: Cell) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _shown(value: Cell) -> str:
    return f'"{value}"' if isinstance(value, str) else _text(value)


def _about(book: Book, problems: _Problems) -> tuple[Sheet | None, dict[str, tuple[Cell, int]]]:
    sheet = book.sheets.get(L.ABOUT)
    fields: dict[str, tuple[Cell, int]] = {}
    if sheet is None:
        return None, fields
    for row, cells in enumerate(sheet.rows):
        if cells and isinstance(cells[0], str) and cells[0]:
            fields.setdefault(cells[0], (cells[1] if len(cells) > 1 else "", row))
    return sheet, fields


def _header(sheet: Sheet, names: frozenset[str]) -> int | None:
    for row in range(min(len(sheet.rows), 10)):
        if any(isinstance(v, str) and v in names for v in sheet.rows[row]):
            return row
    return None


@dataclass
class Context:
    root: Path
    catalog: Catalog
    results: Results
    units: dict[str, Unit]
    by_name: dict[str, str]


def load_context(root: Path, today: dt.date) -> Context:
    editions, problems = load_standards(root)
    results, found = load_results(root)
    problems += found
    if problems:
        raise ValidationFailed(problems)
    catalog = build_catalog(editions, today)
    units = {u.id: u for u in results.units}
    by_name = {u.name: u.id for u in results.units}
    return Context(root, catalog, results, units, by_name)


def _unit(value: Cell, ctx: Context) -> str | None:
    text = _text(value)
    return text if text in ctx.units else ctx.by_name.get(text)


# -- scores -------------------------------------------------------------------------


def _score(value: Cell, c: Criterion) -> float | None | str:
    """Points, None for "?", or what is wrong (as a message)."""
    if isinstance(value, str) and value in ("?", "？"):
        return None
    number: float
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return f'expected points (a number) or "?" for {c.item}, found {_shown(value)}'
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return f'expected points (a number from 0 to {c.points:g}) or "?" when not assessed, found the text "{value}"'
    else:
        number = float(value)
    if not 0 <= number <= c.points:
        return (
            f"{number:g} is above the {c.points:g} points of {c.item}"
            if number > c.points
            else f"expected a number from 0 to {c.points:g}, found {number:g}"
        )
    return number


def read_scores(
    book: Book,
    criteria: list[Criterion],
    rubric_ref: str,
    ctx: Context,
    problems: _Problems,
    *,
    every: bool = True,
) -> list[tuple[str, dict[str, Given]]]:
    """Each unit's scores, in the sheet's order (a unit's blank row: no scores).
    `every`: each criterion needs a column (a new round); else the missing ones are kept."""
    sheet = next(iter(book.sheets.values())) if book.is_csv else book.sheets.get(L.SCORES)
    if sheet is None:
        problems.add(
            None,
            0,
            0,
            f"there is no sheet '{L.SCORES}' (the sheets are: {', '.join(book.sheets)})",
            book.path,
        )
        return []
    head = _header(sheet, L.UNIT_HEADERS)
    if head is None:
        problems.add(
            None,
            0,
            0,
            f"no header row with a column '{L.UNIT_ID}' in the first 10 rows",
            sheet.place,
        )
        return []
    names = L.criterion_names(criteria)
    by_id = {c.id: c for c in criteria}
    unit_col: int | None = None
    columns: dict[int, Criterion] = {}
    seen: dict[str, int] = {}
    for col, header in enumerate(sheet.rows[head]):
        text = _text(header)
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
                f"the column '{text}' is not a criterion of the rubric of {rubric_ref}{did_you_mean(L.bare(text), [c.item for c in criteria])}",
            )
            continue
        if criterion_id in seen:
            problems.add(
                sheet,
                head,
                col,
                f"a second column for {by_id[criterion_id].item} (the first is column {L.column_letter(seen[criterion_id])})",
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
                f"no column for {L.criterion_header(c, i)} ({c.id})",
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
            problems.add(sheet, row, unit_col, f"no {L.UNIT_ID} in a row with scores")
            continue
        unit_id = _unit(unit_cell, ctx)
        if unit_id is None:
            text = _text(unit_cell)
            problems.add(
                sheet,
                row,
                unit_col,
                f"there is no unit '{text}' in {RESULTS}/units.yml{did_you_mean(text, ctx.units)}",
            )
            continue
        if unit_id in first_row:
            problems.add(
                sheet,
                row,
                unit_col,
                f"the unit '{unit_id}' has a second row (the first is row {first_row[unit_id] + 1})",
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
                    f'no score for {c.item}; write the points, or "?" when it was not assessed',
                )
                continue
            parsed = _score(value, c)
            if isinstance(parsed, str):
                problems.add(sheet, row, col, parsed)
            else:
                scores[c.id] = Given(parsed, notes=not book.is_csv)
        out.append((unit_id, scores))
    if not book.is_csv:
        _read_reasons(book, criteria, out, ctx, problems)
    return out


def _read_reasons(
    book: Book,
    criteria: list[Criterion],
    rows: list[tuple[str, dict[str, Given]]],
    ctx: Context,
    problems: _Problems,
) -> None:
    sheet = book.sheets.get(L.REASONS)
    if sheet is None:
        return
    head = _header(sheet, L.UNIT_HEADERS)
    if head is None:
        return
    header = [_text(v) for v in sheet.rows[head]]
    col = {
        name: header.index(name)
        for name in (L.UNIT_ID, L.CRITERION, L.REASON, L.EVIDENCE)
        if name in header
    }
    for name in (L.CRITERION, L.REASON, L.EVIDENCE):
        if name not in col:
            problems.add(sheet, head, len(header), f"no column '{name}'")
    if len(col) < 4:
        return
    names = L.criterion_names(criteria)
    by_id = {c.id: c for c in criteria}
    scores = dict(rows)
    seen: dict[tuple[str, str], int] = {}
    for row in range(head + 1, len(sheet.rows)):
        unit_cell, item = sheet.cell(row, col[L.UNIT_ID]), sheet.cell(row, col[L.CRITERION])
        reason, evidence = (
            _text(sheet.cell(row, col[L.REASON])),
            _text(sheet.cell(row, col[L.EVIDENCE])),
        )
        if unit_cell == "" and item == "" and not reason and not evidence:
            continue
        unit_id = _unit(unit_cell, ctx)
        if unit_id is None or not scores.get(unit_id):
            problems.add(
                sheet,
                row,
                col[L.UNIT_ID],
                f"the unit '{_text(unit_cell)}' has no scores in the sheet '{L.SCORES}'",
            )
            continue
        criterion_id = names.get(L.bare(_text(item))) or names.get(_text(item))
        if criterion_id is None:
            problems.add(
                sheet,
                row,
                col[L.CRITERION],
                f"'{_text(item)}' is not a criterion of the rubric{did_you_mean(L.bare(_text(item)), [c.item for c in criteria])}",
            )
            continue
        if (unit_id, criterion_id) in seen:
            problems.add(
                sheet,
                row,
                col[L.UNIT_ID],
                f"a second row for {unit_id} · {by_id[criterion_id].item} (the first is row {seen[unit_id, criterion_id] + 1})",
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
                f'{by_id[criterion_id].item} is "?" (not assessed): a reason or evidence is kept only with points',
            )
            continue
        scores[unit_id][criterion_id] = Given(score.points, reason or None, evidence or None)


def _score_yaml(g: Given, old: object) -> object:
    """What the file holds for a score, as plain data (compared with what it holds now)."""
    reason, evidence = g.reason, g.evidence
    if not g.notes and isinstance(old, dict):
        reason, evidence = old.get("reason"), old.get("evidence")
    if g.points is None:
        return "?"
    points = int(g.points) if float(g.points).is_integer() else g.points
    if reason is None and evidence is None:
        return points
    return {
        k: v
        for k, v in (("points", points), ("reason", reason), ("evidence", evidence))
        if v is not None
    }


def _emit(data: object) -> str:
    if isinstance(data, dict):
        return Y.flow(list(data.items()))
    return '"?"' if data == "?" else Y.scalar(data)


def _same(old: object, new: object) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return float(old) == float(new)
    return old == new


def rewrite_round(
    text: str, rows: list[tuple[str, dict[str, Given]]], criteria: list[Criterion], outcome: Outcome
) -> str:
    root = Y.compose(text)
    found = Y.child(root, "scores")
    seq = found[1] if found is not None else None
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise HandbookError(
            f"{outcome.path}: expected 'scores:' as a list of units written one under another"
        )
    edits: list[Y.Edit] = []
    entries: dict[str, yaml.MappingNode] = {}
    for item in seq.value:
        if isinstance(item, yaml.MappingNode) and (u := Y.child(item, "unit")) is not None:
            entries.setdefault(str(u[1].value), item)
    wanted = {unit: scores for unit, scores in rows if scores}
    outcome.skipped = [unit for unit, scores in rows if not scores]
    outcome.kept = [u for u in entries if u not in wanted]
    for unit, scores in wanted.items():
        entry = entries.get(unit)
        if entry is None:
            continue
        block = Y.child(entry, "scores")
        key, mapping = block if block is not None else (None, None)
        if key is None or not isinstance(mapping, yaml.MappingNode):
            raise HandbookError(f"{outcome.path}: the unit '{unit}' has no 'scores:' mapping")
        current = {str(k.value): (k, v) for k, v in mapping.value}
        if mapping.flow_style:
            merged = {k: Y.value(v) for k, (_, v) in current.items()}
            for c in criteria:
                if c.id in scores:
                    new = _score_yaml(scores[c.id], merged.get(c.id))
                    if not _same(merged.get(c.id), new):
                        merged[c.id] = new
                        outcome.changed += 1
            edits.append(
                Y.replace_value(
                    text,
                    key,
                    mapping,
                    "{" + ", ".join(f"{k}: {_emit(v)}" for k, v in merged.items()) + "}",
                )
            )
            continue
        last = mapping.value[-1][1] if mapping.value else None
        indent = " " * mapping.start_mark.column
        added = []
        for c in criteria:
            if c.id not in scores:
                continue
            if c.id in current:
                k, v = current[c.id]
                old = Y.value(v)
                new = _score_yaml(scores[c.id], old)
                if not _same(old, new):
                    edits.append(Y.replace_value(text, k, v, _emit(new)))
                    outcome.changed += 1
            else:
                added.append(f"\n{indent}{c.id}: {_emit(_score_yaml(scores[c.id], None))}")
                outcome.changed += 1
        if added and last is not None:
            at = Y.end_of(text, last)
            edits.append(Y.Edit(at, at, "".join(added)))
    new_units = [(u, s) for u, s in wanted.items() if u not in entries]
    if new_units:
        dash = Y.dash_indent(text, seq.value[0])
        inner = dash + "  "
        lines = []
        for unit, scores in new_units:
            lines.append(f"\n{dash}- unit: {unit}\n{inner}scores:")
            lines += [
                f"\n{inner}  {c.id}: {_emit(_score_yaml(scores[c.id], None))}"
                for c in criteria
                if c.id in scores
            ]
            outcome.added += 1
        at = Y.end_of(text, seq)
        edits.append(Y.Edit(at, at, "".join(lines)))
    return Y.apply(text, edits)


def new_round_text(
    meta: dict[str, object],
    rows: list[tuple[str, dict[str, Given]]],
    criteria: list[Criterion],
    source: str,
) -> str:
    period = meta["period"]
    assert isinstance(period, dict)
    lines = [
        f"# 由 handbook sheet import 自 {source} 生成。",
        f"id: {meta['id']}",
        f"series: {Y.scalar(meta['series'])}",
        f"title: {Y.scalar(meta['title'])}",
        f"rubric: {meta['rubric']}",
        "period:",
        f"  kind: {Y.scalar(period['kind'])}",
        f"  start: {Y.scalar(period['start'])}",
        f"  end: {Y.scalar(period['end'])}",
        f"assessed: {Y.scalar(meta['assessed'])}",
        f"published: {Y.scalar(meta['published'])}",
        f"assessor: {Y.scalar(meta['assessor'])}",
        "scores:",
    ]
    for unit, scores in rows:
        if not scores:
            continue
        lines += [f"  - unit: {unit}", "    scores:"]
        lines += [
            f"      {c.id}: {_emit(_score_yaml(scores[c.id], None))}"
            for c in criteria
            if c.id in scores
        ]
    return "\n".join(lines) + "\n"


def _as_date(value: Cell) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(_text(value).replace("/", "-"))
    except ValueError:
        return None


def _round_meta(
    sheet: Sheet, fields: dict[str, tuple[Cell, int]], problems: _Problems
) -> dict[str, object]:
    meta: dict[str, object] = {}
    period: dict[str, object] = {}
    for key, label in L.ROUND_FIELDS.items():
        value, row = fields.get(label, ("", -1))
        if row < 0 or value == "":
            problems.add(
                sheet,
                max(row, 0),
                1,
                f"{label} is empty; a new round needs it" if row >= 0 else f"no row '{label}'",
            )
            continue
        if key in ("period.start", "period.end", "assessed", "published"):
            day = _as_date(value)
            if day is None:
                problems.add(
                    sheet,
                    row,
                    1,
                    f"{label}: expected a date such as 2025-03-31, found {_shown(value)}",
                )
                continue
            value = day
        elif key == "period.kind" and value not in ("月", "季", "年"):
            problems.add(sheet, row, 1, f"{label}: expected 月, 季 or 年, found {_shown(value)}")
            continue
        if key.startswith("period."):
            period[key.split(".", 1)[1]] = value
        else:
            meta[key] = _text(value) if not isinstance(value, dt.date) else value
    meta["period"] = period
    return meta


# -- tables -------------------------------------------------------------------------


def _cell_value(value: Cell, column: Column, ctx: Context) -> object | str:
    """The value for the file, or what is wrong (a message starting with '!')."""
    if column.type == "date":
        day = _as_date(value)
        return (
            day
            if day is not None
            else f"!expected a date such as 2026-11-15, found {_shown(value)}"
        )
    if column.type == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            number = float(_text(value))
        except ValueError:
            return f"!expected a number, found the text {_shown(value)}"
        return int(number) if number.is_integer() else number
    if column.type == "unit":
        unit = _unit(value, ctx)
        text = _text(value)
        return (
            unit
            if unit is not None
            else f"!there is no unit '{text}' in {RESULTS}/units.yml{did_you_mean(text, ctx.units)}"
        )
    text = _text(value)
    if column.type == "choice" and text not in column.choices:
        return f"!expected one of {', '.join(column.choices)}, found {_shown(value)}"
    return text


def read_rows(
    book: Book, table: Table, ctx: Context, problems: _Problems
) -> list[dict[str, object]]:
    sheet = next(iter(book.sheets.values())) if book.is_csv else book.sheets.get(table.kind)
    if sheet is None:
        problems.add(None, 0, 0, f"there is no sheet '{table.kind}'", book.path)
        return []
    by_name: dict[str, Column] = {}
    for c in table.columns:
        by_name.setdefault(c.label, c)
        by_name.setdefault(c.key, c)
    head = _header(sheet, frozenset(by_name) | frozenset(L.column_header(c) for c in table.columns))
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
        text = _text(header)
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


# -- the whole import ---------------------------------------------------------------


def _write_checked(ctx: Context, rel: str, text: str, bom: bool, kind: str) -> None:
    """Check the new text like any data file; replace the file only if it passes."""
    target = ctx.root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".yml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(text)
        doc, problems = load_yaml(Path(tmp), rel)
        if doc is not None:
            model: type[Round] | type[Table] = Round if kind == "round" else Table
            typed, found = parse(doc, model)
            problems += found
            if typed is not None:
                results = Results(ctx.results.units, ctx.results.units_doc)
                if isinstance(typed, Round):
                    results.rounds.append(LoadedRound(doc, typed))
                else:
                    results.tables.append(LoadedTable(doc, typed))
                problems += check_results(results, ctx.catalog)
        if problems:
            raise ValidationFailed(problems)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def import_book(
    root: Path,
    path: Path,
    shown: str,
    today: dt.date,
    *,
    round_id: str | None = None,
    table_id: str | None = None,
) -> Outcome:
    book = read_book(path, shown)
    ctx = load_context(root, today)
    problems = _Problems()
    about, fields = _about(book, problems)
    kind = "round" if round_id else "table" if table_id else None
    if about is not None:
        label, _ = fields.get(L.ABOUT_KIND, ("", 0))
        kind = {L.KIND_ROUND: "round", L.KIND_TABLE: "table"}.get(_text(label), kind)
        key = L.ROUND_FIELDS["id"] if kind == "round" else L.TABLE_FIELDS["id"]
        value, row = fields.get(key, ("", 0))
        wanted = round_id or table_id
        if wanted and _text(value) and _text(value) != wanted:
            problems.add(about, row, 1, f"the workbook is for '{_text(value)}', not '{wanted}'")
        round_id = _text(value) if kind == "round" and not round_id else round_id
        table_id = _text(value) if kind == "table" and not table_id else table_id
    if kind is None:
        raise HandbookError(f"{shown}: say which round or table it holds: --round ID or --table ID")
    if kind == "round":
        assert round_id
        outcome = _import_round(book, ctx, round_id, about, fields, problems)
    else:
        assert table_id
        outcome = _import_table(book, ctx, table_id, problems)
    outcome.encoding = ENCODINGS.get(book.encoding or "") if book.is_csv else None
    return outcome


def _finish(problems: _Problems) -> None:
    if problems.items:
        raise ValidationFailed(problems.problems())


def _import_round(
    book: Book,
    ctx: Context,
    round_id: str,
    about: Sheet | None,
    fields: dict[str, tuple[Cell, int]],
    problems: _Problems,
) -> Outcome:
    existing = next((r for r in ctx.results.rounds if r.model.id == round_id), None)
    rel = existing.doc.path if existing else f"{RESULTS}/rounds/{round_id}.yml"
    outcome = Outcome(rel)
    rubric_ref = existing.model.rubric if existing else ""
    value, row = fields.get(L.ROUND_FIELDS["rubric"], ("", 0))
    if about is not None and existing and _text(value) and _text(value) != rubric_ref:
        problems.add(
            about,
            row,
            1,
            f"the round {round_id} is scored with {rubric_ref}, but the workbook says {_text(value)}",
        )
    if not existing:
        if about is None:
            raise HandbookError(
                f"{book.path}: there is no round '{round_id}'; a new round comes from a workbook made by 'handbook sheet new'"
            )
        rubric_ref = _text(value)
    info = ctx.catalog.editions.get(rubric_ref.replace("@", "/"))
    rubric = info.model.rubric if info is not None else None
    if rubric is None:
        problems.add(about, row, 1, f"there is no rubric '{rubric_ref}'", book.path)
        _finish(problems)
        return outcome
    criteria = list(rubric.criteria)
    rows = read_scores(book, criteria, rubric_ref, ctx, problems, every=existing is None)
    meta = _round_meta(about, fields, problems) if not existing and about is not None else {}
    _finish(problems)
    source = Path(book.path).name
    if existing:
        raw = (ctx.root / rel).read_bytes()
        text = raw.decode("utf-8-sig")
        new = rewrite_round(text, rows, criteria, outcome)
        bom = raw.startswith(b"\xef\xbb\xbf")
    else:
        meta.update(id=round_id, rubric=rubric_ref)
        new, bom = new_round_text(meta, rows, criteria, source), False
        outcome.created, outcome.added = True, sum(1 for _, s in rows if s)
        outcome.skipped = [u for u, s in rows if not s]
    if not any(s for _, s in rows):
        raise ValidationFailed(
            [Problem(book.path, 0, 0, "", "no unit has scores in the sheet; nothing to write")]
        )
    _write_checked(ctx, rel, new, bom, "round")
    return outcome


def _import_table(book: Book, ctx: Context, table_id: str, problems: _Problems) -> Outcome:
    existing = next((t for t in ctx.results.tables if t.model.id == table_id), None)
    if existing is None:
        known = [t.model.id for t in ctx.results.tables]
        raise HandbookError(
            f"{book.path}: there is no table '{table_id}' in {RESULTS}/tables/{did_you_mean(table_id, known)}"
        )
    outcome = Outcome(existing.doc.path)
    rows = read_rows(book, existing.model, ctx, problems)
    _finish(problems)
    raw = (ctx.root / existing.doc.path).read_bytes()
    new = rewrite_rows(raw.decode("utf-8-sig"), rows, outcome)
    _write_checked(ctx, existing.doc.path, new, raw.startswith(b"\xef\xbb\xbf"), "table")
    return outcome

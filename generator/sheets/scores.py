"""A round's scores out of a sheet (评分, with 理由与依据), and into the round's YAML
text: changed values replaced where they stand, new units appended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from generator.errors import HandbookError, did_you_mean
from generator.layout import RESULTS_SOURCE as RESULTS
from generator.results import headings as L
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
    """The round's YAML with the changed scores written in; everything else kept as it was."""
    root = Y.compose(text, outcome.path)
    found = Y.child(root, "scores")
    seq = found[1] if found is not None else None
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise HandbookError("error.sheet_layout", path=outcome.path, name="scores")
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
            raise HandbookError("error.sheet_layout", path=outcome.path, name=f"{unit}.scores")
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
    """The YAML of a new round, from the 说明 sheet's fields and the scores."""
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

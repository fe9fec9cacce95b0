"""What `handbook sheet …` does, behind the thin CLI: find the round or table,
make its workbook, or import one back."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.errors import HandbookError, ValidationFailed, did_you_mean
from generator.layout import RESULTS_SOURCE as RESULTS
from generator.results.check import check_results
from generator.sheets.cells import Context, load_context
from generator.sheets.export import RoundSheet, round_workbook, table_workbook


def _write(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)


def _find(ctx: Context, source: Path) -> tuple[str, str]:
    """A data file (or an id) → ("round"|"table", id)."""
    try:
        rel = source.resolve().relative_to(ctx.root).as_posix()
    except ValueError:
        rel = source.as_posix()
    for r in ctx.results.rounds:
        if rel in (r.doc.path, r.model.id):
            return "round", r.model.id
    for t in ctx.results.tables:
        if rel in (t.doc.path, t.model.id):
            return "table", t.model.id
    known = [r.doc.path for r in ctx.results.rounds] + [t.doc.path for t in ctx.results.tables]
    raise HandbookError(
        f"{source}: not a round or table under {RESULTS}/{did_you_mean(rel, known)}"
    )


def export(root: Path, source: Path, out: Path, today: dt.date) -> str:
    """`handbook sheet export`: write the workbook of a round or a table; say what it holds."""
    ctx = load_context(root, today)
    kind, ident = _find(ctx, source)
    if kind == "table":
        table = next(t for t in ctx.results.tables if t.model.id == ident)
        _write(out, table_workbook(table.model, ctx.results.units, table.model.published))
        return f"{table.doc.path}: {len(table.model.rows)} rows"
    checked, problems = check_results(ctx.results, ctx.catalog)
    if problems:
        raise ValidationFailed(problems)
    r = next(r for r in checked if r.model.id == ident)
    units = [ctx.units[u] for u in r.scores]
    sheet = RoundSheet(ident, r.model.rubric, r.info.model, units, r.model, r.scores)
    _write(out, round_workbook(sheet, r.model.published))
    return f"{r.doc.path}: {len(units)} units"


def new(root: Path, rubric: str, round_id: str, kind: str | None, out: Path, today: dt.date) -> str:
    """`handbook sheet new`: write an empty workbook for a new round; say what it holds."""
    ctx = load_context(root, today)
    if any(r.model.id == round_id for r in ctx.results.rounds):
        raise HandbookError(
            f"there is already a round '{round_id}'; export it with 'handbook sheet export'"
        )
    info = ctx.catalog.editions.get(rubric.replace("@", "/"))
    if info is None or info.model.rubric is None:
        refs = [ref.replace("/", "@") for ref, e in ctx.catalog.editions.items() if e.model.rubric]
        raise HandbookError(f"there is no rubric '{rubric}'{did_you_mean(rubric, refs)}")
    units = [u for u in ctx.results.units if u.merged_into is None]
    if kind is not None:
        kinds = sorted({u.kind for u in units})
        units = [u for u in units if u.kind == kind]
        if not units:
            raise HandbookError(f"no unit of the kind '{kind}'; the kinds are {', '.join(kinds)}")
    _write(out, round_workbook(RoundSheet(round_id, rubric, info.model, units), today))
    return f"{len(units)} units, {len(info.model.rubric.criteria)} criteria"

"""A filled-in workbook (or CSV file) back into a round's or a table's YAML.

Every problem is found before anything is written, each located at its cell
(`BOOK.xlsx:评分!D7: …`); the new file is then checked like any data file, and
only a file that passes replaces the old one (atomically)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from pathlib import Path

from generator import layout
from generator.core.documents import load_yaml
from generator.core.typed import parse
from generator.errors import HandbookError, Problem, ValidationFailed, did_you_mean
from generator.layout import RESULTS_SOURCE as RESULTS
from generator.results import headings as L
from generator.results.check import check_results
from generator.results.load import LoadedRound, LoadedTable, Results
from generator.results.model import Round, Table
from generator.sheets.cells import Context, Outcome, Problems, load_context, text_of
from generator.sheets.guard import fail
from generator.sheets.handling import import_handling
from generator.sheets.read import ENCODINGS, Book, Cell, Sheet, read_book
from generator.sheets.round_yaml import new_round_text, rewrite_round
from generator.sheets.rows import read_rows, rewrite_rows
from generator.sheets.score_cells import read_scores, round_meta


def _about(book: Book, problems: Problems) -> tuple[Sheet | None, dict[str, tuple[Cell, int]]]:
    sheet = book.sheets.get(L.ABOUT)
    fields: dict[str, tuple[Cell, int]] = {}
    if sheet is None:
        return None, fields
    for row, cells in enumerate(sheet.rows):
        if cells and isinstance(cells[0], str) and cells[0]:
            fields.setdefault(cells[0], (cells[1] if len(cells) > 1 else "", row))
    return sheet, fields


def _write_checked(
    ctx: Context, rel: str, text: str, bom: bool, kind: str, places: dict[str, str] | None = None
) -> None:
    """Check the new text like any data file; replace the file only if it passes. A file
    the import would create does not exist yet: its problems are placed where its values
    were typed (`places`: a field → its cell, as `BOOK.xlsx:说明!B6`), or at the book."""
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
                results = Results(
                    units=ctx.results.units,
                    units_doc=ctx.results.units_doc,
                    series=ctx.results.series,
                    series_doc=ctx.results.series_doc,
                )
                if isinstance(typed, Round):
                    results.rounds.append(LoadedRound(doc, typed))
                else:
                    results.tables.append(LoadedTable(doc, typed))
                problems += check_results(results, ctx.catalog)[1]
        if problems and places is not None:
            problems = [_placed(p, places) for p in problems]
        if problems:
            raise ValidationFailed(problems)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _placed(problem: Problem, places: dict[str, str]) -> Problem:
    """A problem of a file not yet written, at the cell its field was typed in."""
    for key, place in places.items():
        if problem.field == key or problem.field.startswith((key + ".", key + "[")):
            return dataclasses.replace(problem, path=place, line=0, column=0, field="")
    book = places[""]
    return dataclasses.replace(problem, path=book, line=0, column=0)


def import_book(
    root: Path,
    path: Path,
    shown: str,
    today: dt.date,
    *,
    round_id: str | None = None,
    table_id: str | None = None,
    draft: str | None = None,
) -> Outcome:
    """Read a workbook (or CSV) back into its round or table, or (`draft`: `<id>/<edition>`)
    a 意见汇总处理表 into its draft for comment; any problem: nothing is written."""
    book = read_book(path, shown)
    if draft:
        done = import_handling(root, book, draft)
        done.encoding = ENCODINGS.get(book.encoding or "") if book.is_csv else None
        return done
    ctx = load_context(root, today)
    problems = Problems()
    about, fields = _about(book, problems)
    kind = "round" if round_id else "table" if table_id else None
    if about is not None:
        label, _ = fields.get(L.ABOUT_KIND, ("", 0))
        kind = {L.KIND_ROUND: "round", L.KIND_TABLE: "table"}.get(text_of(label), kind)
        key = L.ROUND_FIELDS["id"] if kind == "round" else L.TABLE_FIELDS["id"]
        value, row = fields.get(key, ("", 0))
        wanted = round_id or table_id
        if wanted and text_of(value) and text_of(value) != wanted:
            problems.add(about, row, 1, "HB727", found=text_of(value), wanted=wanted)
        round_id = text_of(value) if kind == "round" and not round_id else round_id
        table_id = text_of(value) if kind == "table" and not table_id else table_id
    if kind is None:
        raise HandbookError("error.sheet_which", book=shown)
    if kind == "round":
        assert round_id
        outcome = _import_round(book, ctx, round_id, about, fields, problems)
    else:
        assert table_id
        outcome = _import_table(book, ctx, table_id, problems)
    outcome.encoding = ENCODINGS.get(book.encoding or "") if book.is_csv else None
    return outcome


def _finish(problems: Problems) -> None:
    if problems.items:
        raise ValidationFailed(problems.problems())


def _import_round(
    book: Book,
    ctx: Context,
    round_id: str,
    about: Sheet | None,
    fields: dict[str, tuple[Cell, int]],
    problems: Problems,
) -> Outcome:
    existing = next((r for r in ctx.results.rounds if r.model.id == round_id), None)
    rel = existing.doc.path if existing else layout.round_source(round_id)
    outcome = Outcome(rel)
    rubric_ref = existing.model.rubric if existing else ""
    value, row = fields.get(L.ROUND_FIELDS["rubric"], ("", 0))
    if about is not None and existing and text_of(value) and text_of(value) != rubric_ref:
        problems.add(
            about,
            row,
            1,
            "HB728",
            id=round_id,
            rubric=rubric_ref,
            found=text_of(value),
        )
    if not existing:
        if about is None:
            raise HandbookError("error.sheet_no_round", book=book.path, id=round_id)
        rubric_ref = text_of(value)
    info = ctx.catalog.editions.get(rubric_ref.replace("@", "/"))
    rubric = info.model.rubric if info is not None else None
    if rubric is None:
        refs = [ref.replace("/", "@") for ref, e in ctx.catalog.editions.items() if e.model.rubric]
        problems.add(
            about if about is not None else book.path,
            row,
            1,
            "HB729",
            ref=rubric_ref,
            hint=did_you_mean(rubric_ref, refs),
        )
        _finish(problems)
        return outcome
    criteria = list(rubric.criteria)
    rows = read_scores(book, criteria, rubric_ref, ctx, problems, every=existing is None)
    meta = round_meta(about, fields, problems) if not existing and about is not None else {}
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
        fail(book.path, "HB730")
    places = None
    if not existing and about is not None:
        places = {
            key: about.where(fields[label][1], 1)
            for key, label in L.ROUND_FIELDS.items()
            if label in fields
        }
        places[""] = book.path
    _write_checked(ctx, rel, new, bom, "round", places)
    return outcome


def _import_table(book: Book, ctx: Context, table_id: str, problems: Problems) -> Outcome:
    existing = next((t for t in ctx.results.tables if t.model.id == table_id), None)
    if existing is None:
        known = [t.model.id for t in ctx.results.tables]
        raise HandbookError(
            "error.sheet_no_table",
            book=book.path,
            id=table_id,
            folder=f"{RESULTS}/tables",
            hint=did_you_mean(table_id, known),
        )
    outcome = Outcome(existing.doc.path)
    rows = read_rows(book, existing.model, ctx, problems)
    _finish(problems)
    raw = (ctx.root / existing.doc.path).read_bytes()
    new = rewrite_rows(raw.decode("utf-8-sig"), rows, outcome)
    _write_checked(ctx, existing.doc.path, new, raw.startswith(b"\xef\xbb\xbf"), "table")
    return outcome

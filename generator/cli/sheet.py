"""`handbook sheet export|new|import`: rounds and tables out to spreadsheets and back."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.cli.common import cli, lang_option, report_problems, root_option, run_language
from generator.errors import ValidationFailed
from generator.messages import text
from generator.messages.command import Group


@cli.group(cls=Group, help="help.sheet")
@lang_option
def sheet() -> None:
    """Rounds and tables out to spreadsheets and back."""


output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    metavar="FILE",
    help="opt.output",
)


@sheet.command("export", help="help.sheet_export")
@click.argument("source", type=click.Path(path_type=Path))
@output_option
@root_option
@lang_option
def sheet_export(source: Path, output: Path, root: Path) -> None:
    """Write a round's (or a table's) workbook for assessors to fill in."""
    from generator.sheets.commands import export

    lang = run_language()
    try:
        made = export(root.resolve(), source, output, dt.date.today())
    except ValidationFailed as failed:
        report_problems(failed, lang, "cli.outcome.nothing_written")
        sys.exit(1)
    click.echo(text("sheet.wrote", lang, path=output, what=made))


@sheet.command("new", help="help.sheet_new")
@click.option("--rubric", required=True, metavar="ID@EDITION", help="opt.rubric")
@click.option("--id", "round_id", required=True, metavar="ID", help="opt.round_id")
@click.option("--kind", default=None, metavar="KIND", help="opt.kind")
@output_option
@root_option
@lang_option
def sheet_new(rubric: str, round_id: str, kind: str | None, output: Path, root: Path) -> None:
    """Write an empty scores workbook for a new round, one row per unit."""
    from generator.sheets.commands import new

    lang = run_language()
    try:
        made = new(root.resolve(), rubric, round_id, kind, output, dt.date.today())
    except ValidationFailed as failed:
        report_problems(failed, lang, "cli.outcome.nothing_written")
        sys.exit(1)
    click.echo(text("sheet.wrote", lang, path=output, what=made))


@sheet.command("import", help="help.sheet_import")
@click.argument("book", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--round", "round_id", default=None, metavar="ID", help="opt.round")
@click.option("--table", "table_id", default=None, metavar="ID", help="opt.table")
@click.option("--draft", "draft", default=None, metavar="ID/EDITION", help="opt.draft")
@root_option
@lang_option
def sheet_import(
    book: Path, round_id: str | None, table_id: str | None, draft: str | None, root: Path
) -> None:
    """Write a filled-in workbook (or CSV) back into the data; any problem: nothing is written."""
    from generator.messages import phrase
    from generator.sheets.import_ import import_book
    from generator.sheets.read import csv_encoding, is_text

    lang = run_language()
    if is_text(book) and book.is_file():
        click.echo(text("sheet.reading", lang, path=book, encoding=csv_encoding(book)))
    try:
        done = import_book(
            root.resolve(),
            book,
            str(book),
            dt.date.today(),
            round_id=round_id,
            table_id=table_id,
            draft=draft,
        )
    except ValidationFailed as failed:
        report_problems(failed, lang, "cli.outcome.nothing_written")
        sys.exit(1)
    counts = [phrase("sheet.changed", n=done.changed), phrase("sheet.added", n=done.added)]
    if done.removed:
        counts.append(phrase("sheet.removed", n=done.removed))
    what = "sheet.created" if done.created else "sheet.updated"
    click.echo(text(what, lang, path=done.path, counts=counts))
    if done.kept:
        click.echo(text("sheet.kept", lang, units=done.kept))
    if done.skipped:
        click.echo(text("sheet.skipped", lang, units=done.skipped))

"""The `handbook` command: a thin door into the pipeline. Problems are printed
as `path:line:column: field: message`; no traceback reaches an editor."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from generator.errors import HandbookError, ValidationFailed
from generator.report import FORMATS


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"expected a date written as YYYY-MM-DD, found '{value}'"
        ) from None


def _report(failed: ValidationFailed, outcome: str = "nothing was built") -> None:
    for problem in failed.problems:
        click.echo(str(problem), err=True)
    n = len(failed.problems)
    click.echo(f"{n} problem{'s' if n != 1 else ''} found; {outcome}.", err=True)


as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD",
    help="The date statuses are computed for (default: today).",
)
root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The handbook repository.",
)


@click.group()
@click.version_option(package_name="handbook")
def cli() -> None:
    """Validate a business-norms handbook and build it into a static website."""


@cli.command()
@as_of_option
@root_option
@click.option(
    "--format",
    "output",
    type=click.Choice(FORMATS),
    default="plain",
    show_default=True,
    help="plain: for people; github: annotations on a pull request (GitHub, Gitea, Forgejo); json.",
)
def check(as_of: str | None, root: Path, output: str) -> None:
    """Validate every data file and print every problem found."""
    from generator import report
    from generator.pipeline import run

    try:
        result = run(root.resolve(), _as_of(as_of), render=False)
    except ValidationFailed as failed:
        if output == "plain":
            raise
        click.echo(
            report.github(failed.problems)
            if output == "github"
            else report.as_json(failed.problems)
        )
        sys.exit(1)
    if output == "json":
        click.echo("[]")
        return
    n = sum(len(s.editions) for s in result.catalog.standards)
    click.echo(f"OK: {len(result.catalog.standards)} standards, {n} editions, no problems.")


@cli.command()
@as_of_option
@root_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the site goes (default: site/ in the repository).",
)
@click.option(
    "--clean",
    is_flag=True,
    help="Forget the previous build (.handbook/) and redo everything; "
    "by default only what the changes touch is rebuilt.",
)
def build(as_of: str | None, root: Path, site_dir: Path | None, clean: bool) -> None:
    """Check, generate and build the site; the previous site stays on any failure."""
    from generator import layout
    from generator.engine.build import build_site

    target = site_dir or root / layout.SITE_DIR
    result = build_site(root.resolve(), _as_of(as_of), target, full=clean)
    rendered = sum(page.content is not None for page in result.pages)
    reused = len(result.pages) - rendered
    click.echo(
        f"Built {len(result.pages)} pages into {target} (statuses as of {result.catalog.as_of})"
        + (f"; {reused} unchanged since the last build, {rendered} made again." if reused else ".")
    )
    made = len(result.pdfs_made)
    if made:
        click.echo(f"Made {made} PDF{'s' if made != 1 else ''}.")
    for note in result.notes:
        click.echo(note, err=True)
    if result.next_change:
        click.echo(
            f"Next status change: {result.next_change}; rebuild on that day so that the site "
            "shows it (pages also re-check notice periods in the reader's browser)."
        )


@cli.command()
@click.argument("ref")
@as_of_option
@root_option
def diff(ref: str, as_of: str | None, root: Path) -> None:
    """Describe what changed since the git REF, in Markdown for a pull request."""
    import tempfile

    from generator import layout
    from generator.pipeline import run
    from generator.render.labels import labels_for
    from generator.review.gitref import export_ref
    from generator.review.semdiff import describe

    day, root = _as_of(as_of), root.resolve()
    head = run(root, day, render=False)
    labels = labels_for(head.settings.language)
    with tempfile.TemporaryDirectory(prefix="handbook-base-") as folder:
        export_ref(root, ref, Path(folder))
        try:
            base = (
                run(Path(folder), day, render=False)
                if (Path(folder) / layout.CONFIG_FILE).is_file()
                else None
            )
        except ValidationFailed as failed:
            click.echo(labels["diff_base_problems"].format(n=len(failed.problems)), err=True)
            base = None
    click.echo(describe(base, head, labels), nl=False)


@cli.command()
@as_of_option
@root_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT")
@click.option("--pdf", is_flag=True, help="Also make the PDFs (the preview skips them by default).")
def serve(as_of: str | None, root: Path, dev_addr: str, pdf: bool) -> None:
    """Preview the site; edits to YAML or Markdown re-render and reload the browser."""
    import logging

    from generator.engine.serve import serve as run_serve

    # MkDocs' server says where it serves and when it rebuilds through its logger.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.INFO)
    run_serve(
        root.resolve(),
        _as_of(as_of),
        dev_addr,
        lambda failed: _report(failed, "the preview keeps showing the last good version"),
        pdf=pdf,
    )


@cli.command()
@root_option
def codeowners(root: Path) -> None:
    """Write the owners declared on standards into CODEOWNERS."""
    from generator.standards import codeowners as owners
    from generator.standards.load import load_standards

    editions, problems = load_standards(root.resolve())
    if problems:
        raise ValidationFailed(problems)
    click.echo(f"Wrote {owners.write(root.resolve(), editions)}")


@cli.command()
@click.option(
    "--check", "check_only", is_flag=True, help="Only report whether the files are stale."
)
def schema(check_only: bool) -> None:
    """Export the JSON Schemas that editors' YAML plug-ins use."""
    from generator.core.schema import stale_schemas, write_schemas
    from generator.pipeline import SCHEMAS

    if check_only:
        stale = stale_schemas(SCHEMAS)
        if stale:
            raise click.ClickException(
                f"stale schema files: {', '.join(stale)}; run 'handbook schema'"
            )
        click.echo("Schemas are up to date.")
        return
    for path in write_schemas(SCHEMAS):
        click.echo(f"Wrote {path}")


@cli.group()
def sheet() -> None:
    """Rounds and tables out to spreadsheets and back."""


@sheet.command("export")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@root_option
def sheet_export(source: Path, output: Path, root: Path) -> None:
    """Write a round's (or a table's) workbook for assessors to fill in."""
    from generator.sheets.commands import export

    click.echo(f"Wrote {output} ({export(root.resolve(), source, output, dt.date.today())})")


@sheet.command("new")
@click.option("--rubric", required=True, metavar="ID@EDITION", help="e.g. liuhua-24@2023.")
@click.option("--id", "round_id", required=True, help="The new round's id.")
@click.option("--kind", default=None, help="Only the units of this kind (e.g. 市直单位).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@root_option
def sheet_new(rubric: str, round_id: str, kind: str | None, output: Path, root: Path) -> None:
    """Write an empty scores workbook for a new round, one row per unit."""
    from generator.sheets.commands import new

    made = new(root.resolve(), rubric, round_id, kind, output, dt.date.today())
    click.echo(f"Wrote {output} ({made})")


@sheet.command("import")
@click.argument("book", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--round", "round_id", default=None, help="For a CSV file: the round it scores.")
@click.option("--table", "table_id", default=None, help="For a CSV file: the table it holds.")
@root_option
def sheet_import(book: Path, round_id: str | None, table_id: str | None, root: Path) -> None:
    """Write a filled-in workbook (or CSV) back into the data; any problem: nothing is written."""
    from generator.sheets.import_ import import_book
    from generator.sheets.read import csv_encoding

    if book.suffix.lower() == ".csv" and book.is_file():
        click.echo(f"Reading {book} as {csv_encoding(book)}.")
    try:
        done = import_book(
            root.resolve(), book, str(book), dt.date.today(), round_id=round_id, table_id=table_id
        )
    except ValidationFailed as failed:
        _report(failed, "nothing was written")
        sys.exit(1)
    what = "Created" if done.created else "Updated"
    parts = [f"{done.changed} changed", f"{done.added} added"]
    if done.removed:
        parts.append(f"{done.removed} removed")
    click.echo(f"{what} {done.path}: {', '.join(parts)}.")
    if done.kept:
        click.echo(f"Kept as they were (not in the sheet): {', '.join(done.kept)}.")
    if done.skipped:
        click.echo(f"Left out (blank rows): {', '.join(done.skipped)}.")


def main() -> None:
    """The `handbook` command: problems and faults become messages and exit codes, never tracebacks."""
    try:
        cli.main(standalone_mode=False)
    except ValidationFailed as failed:
        _report(failed)
        sys.exit(1)
    except HandbookError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # the last guard: an editor never sees a traceback
        if os.environ.get("HANDBOOK_DEBUG"):
            raise
        click.echo(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in the generator, not in your files. Run again with "
            "HANDBOOK_DEBUG=1 to see the details, and report it.",
            err=True,
        )
        sys.exit(2)

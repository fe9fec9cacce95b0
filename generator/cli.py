"""The `handbook` command: a thin door into the pipeline. Problems are printed
as `path:line:column: field: message [code]`; no traceback reaches an editor.
Every word it prints comes from the message catalogue (`generator.messages`), in
the language of `--lang`, `HANDBOOK_LANG` or `theme.language` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from generator import layout
from generator.errors import HandbookError, ValidationFailed
from generator.messages import LANGUAGES, Phrase, language_of, render, text
from generator.messages.command import Choice, Group, language, show
from generator.report import FORMATS, listed


def _lang() -> str:
    return language(click.get_current_context(silent=True))


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(text("cli.bad_as_of", _lang(), value=value)) from None


def _report(
    failed: ValidationFailed, lang: str, outcome: str = "cli.outcome.nothing_built"
) -> None:
    for problem in listed(failed.problems):
        click.echo(problem.format(lang), err=True)
    n = len(failed.problems)
    worded = text(outcome, lang)
    click.echo(
        text("cli.summary_one", lang, outcome=worded)
        if n == 1
        else text("cli.summary", lang, n=n, outcome=worded),
        err=True,
    )


as_of_option = click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="opt.as_of")
no_wait_option = click.option("--no-wait", is_flag=True, help="opt.no_wait")


def _say(message: Phrase) -> None:
    """What the user should know while a run goes on (it waits, the memory was healed)."""
    click.echo(render(message.key, message.params, _lang()), err=True)


def find_root(start: Path) -> Path | None:
    """The handbook `start` is in: the nearest folder upwards holding mkdocs.yml, as git
    finds its repository."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / layout.CONFIG_FILE).is_file():
            return folder
    return None


def root_option(command: Callable[..., None]) -> Callable[..., None]:
    """`--root DIR` or `-f/--config-file mkdocs.yml`; by default the handbook the
    current folder is in. The command receives `root`, resolved."""

    @functools.wraps(command)
    def wrapper(*args: Any, root: Path | None, config_file: Path | None, **kwargs: Any) -> None:
        if config_file is not None:
            if config_file.name != layout.CONFIG_FILE or not config_file.is_file():
                raise click.BadParameter(text("cli.not_a_config", _lang(), path=config_file))
            found: Path | None = config_file.resolve().parent
        elif root is not None:
            found = root.resolve()
        else:
            found = find_root(Path.cwd())
            if found is None:
                raise HandbookError("cli.no_handbook", start=Path.cwd().resolve())
        command(*args, root=found, **kwargs)

    wrapper = click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        metavar="PATH",
        help="opt.root",
    )(wrapper)
    return click.option(
        "-f",
        "--config-file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        metavar=layout.CONFIG_FILE,
        help="opt.config_file",
    )(wrapper)


# Read before click parses (help pages are worded in it); declared so that click accepts it.
lang_option = click.option(
    "--lang", type=Choice(LANGUAGES), expose_value=False, metavar="zh|en", help="opt.lang"
)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    click.echo(text("click.version", language(ctx), prog="handbook", version=version("handbook")))
    ctx.exit()


@click.group(cls=Group, help="help.cli")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_version,
    help="opt.version",
)
@lang_option
def cli() -> None:
    """Validate a business-norms handbook and build it into a static website."""


@cli.command(help="help.check")
@as_of_option
@root_option
@click.option(
    "--format",
    "output",
    type=Choice(FORMATS),
    default="plain",
    show_default=True,
    help="opt.format",
)
@lang_option
def check(as_of: str | None, root: Path, output: str) -> None:
    """Validate every data file and print every problem found."""
    from generator import report
    from generator.pipeline import run

    lang = _lang()
    try:
        result = run(root.resolve(), _as_of(as_of), render=False)
    except ValidationFailed as failed:
        if output == "plain":
            raise
        click.echo(
            report.github(failed.problems, lang)
            if output == "github"
            else report.as_json(failed.problems, lang)
        )
        sys.exit(1)
    if output == "json":
        click.echo("[]")
        return
    n = sum(len(s.editions) for s in result.catalog.standards)
    click.echo(text("cli.check_ok", lang, standards=len(result.catalog.standards), editions=n))
    for note in result.notes:
        click.echo(render(note.key, note.params, lang), err=True)


@cli.command(help="help.build")
@as_of_option
@root_option
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="PATH",
    help="opt.site_dir",
)
@click.option("--clean", is_flag=True, help="opt.clean")
@no_wait_option
@lang_option
@click.pass_context
def build(
    ctx: click.Context,
    as_of: str | None,
    root: Path,
    site_dir: Path | None,
    clean: bool,
    no_wait: bool,
) -> None:
    """Check, generate and build the site; the previous site stays on any failure."""
    from generator.engine.build import build_site
    from generator.settings import load_settings

    lang = _lang()
    settings = load_settings(root)[0]  # its problems are reported by the build
    target = site_dir or root / (settings.site_dir if settings else layout.SITE_DIR)
    result = build_site(
        root.resolve(),
        _as_of(as_of),
        target,
        full=clean,
        wait=not no_wait,
        notify=_say,
        command=ctx.command_path,
    )
    rendered = sum(page.content is not None for page in result.pages)
    reused = len(result.pages) - rendered
    click.echo(
        text("cli.built", lang, pages=len(result.pages), target=target, as_of=result.catalog.as_of)
        + (
            text("cli.built_reused", lang, reused=reused, rendered=rendered)
            if reused
            else text("cli.built_end", lang)
        )
    )
    made = len(result.pdfs_made)
    if made:
        click.echo(text("cli.pdfs_made", lang, n=made))
    for note in result.notes:
        click.echo(render(note.key, note.params, lang), err=True)
    if result.next_change:
        click.echo(text("cli.next_change", lang, day=result.next_change))


@cli.command(help="help.diff")
@click.argument("ref")
@as_of_option
@root_option
@lang_option
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


@cli.command(help="help.audit")
@as_of_option
@root_option
@click.option("--json", "as_json", is_flag=True, help="opt.audit_json")
@click.option("--strict", is_flag=True, help="opt.strict")
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="PATH",
    help="opt.site_dir",
)
@lang_option
def audit(
    as_of: str | None, root: Path, as_json: bool, strict: bool, site_dir: Path | None
) -> None:
    """Check the handbook and its built site as an inspector of government websites would."""
    from generator.audit import report

    lang = _lang()
    found = report.audit(root.resolve(), _as_of(as_of), site_dir)
    click.echo(report.as_json(found, lang) if as_json else report.plain(found, lang))
    if strict and found.problems:
        sys.exit(1)


@cli.command(help="help.serve")
@as_of_option
@root_option
@click.option(
    "-a",
    "--dev-addr",
    default="127.0.0.1:8000",
    show_default=True,
    metavar="IP:PORT",
    help="opt.dev_addr",
)
@click.option("--pdf", is_flag=True, help="opt.pdf")
@no_wait_option
@lang_option
@click.pass_context
def serve(
    ctx: click.Context, as_of: str | None, root: Path, dev_addr: str, pdf: bool, no_wait: bool
) -> None:
    """Preview the site; edits to YAML or Markdown re-render and reload the browser."""
    import logging

    from generator.engine.serve import serve as run_serve
    from generator.engine.serve_words import ServeFormatter

    lang = _lang()
    # MkDocs' server says where it serves and when it rebuilds through its logger.
    handler = logging.StreamHandler()
    handler.setFormatter(ServeFormatter(lang))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.INFO)
    run_serve(
        root.resolve(),
        _as_of(as_of),
        dev_addr,
        lambda failed: _report(failed, lang, "cli.outcome.preview_kept"),
        language=lang,
        wait=not no_wait,
        notify=_say,
        command=ctx.command_path,
        pdf=pdf,
    )


@cli.command(help="help.codeowners")
@root_option
@lang_option
def codeowners(root: Path) -> None:
    """Write the owners declared on standards into CODEOWNERS."""
    from generator.standards import codeowners as owners
    from generator.standards.load import load_standards

    editions, problems = load_standards(root.resolve())
    if problems:
        raise ValidationFailed(problems)
    click.echo(text("cli.wrote", _lang(), path=owners.write(root.resolve(), editions)))


@cli.command(help="help.schema")
@click.option("--check", "check_only", is_flag=True, help="opt.check_only")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=None, help="opt.out"
)
@lang_option
def schema(check_only: bool, out: Path | None) -> None:
    """Export the JSON Schemas that editors' YAML plug-ins use."""
    from generator.core.schema import stale_schemas, write_schemas
    from generator.pipeline import SCHEMAS

    lang = _lang()
    target = out
    if target is None:  # the tool's own copy when developing it; a committee's copy otherwise
        if layout.CHECKOUT_PROJECT.is_file():
            target = layout.SCHEMA_DIR
        else:
            root = find_root(Path.cwd())
            if root is None:
                raise HandbookError("cli.no_handbook", start=Path.cwd().resolve())
            target = root / layout.EDITOR_SCHEMAS
    if check_only:
        stale = stale_schemas(SCHEMAS, target)
        if stale:
            raise HandbookError("cli.schema_stale", files=stale)
        click.echo(text("cli.schema_ok", lang))
        return
    for path in write_schemas(SCHEMAS, target):
        click.echo(text("cli.wrote", lang, path=path))


@cli.command(help="help.new")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--sample", is_flag=True, help="opt.sample")
@click.option("--force", is_flag=True, help="opt.force")
@lang_option
def new(directory: Path, sample: bool, force: bool) -> None:
    """Write a new handbook into DIRECTORY, ready to build."""
    from generator.scaffold.new import write_handbook

    written = write_handbook(directory, sample=sample, force=force)
    click.echo(text("cli.new_done", _lang(), directory=directory, files=len(written)))


@cli.command(help="help.explain")
@click.argument("code", required=False)
@root_option
@click.option("--write", is_flag=True, help="opt.write")
@lang_option
def explain(code: str | None, root: Path, write: bool) -> None:
    """Explain an error code, or list them all; `--write` makes the editors' reference pages."""
    from generator import layout
    from generator.messages import explain as explanations

    lang = _lang()
    if write:
        for page_lang, name in layout.ERROR_CODES_PAGES.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(explanations.reference_page(page_lang), encoding="utf-8")
            click.echo(text("cli.wrote", lang, path=path))
        return
    if code is None:
        click.echo(explanations.listing(lang), nl=False)
    elif explanations.known(code):
        click.echo(explanations.explain(code, lang), nl=False)
    else:
        raise HandbookError(explanations.unknown(code, lang))


def _option(args: Sequence[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` in the arguments, before click reads them."""
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def choose_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """`--lang`, else `HANDBOOK_LANG`, else `theme.language` in the handbook's mkdocs.yml."""
    chosen = _option(args, "--lang") or environ.get("HANDBOOK_LANG")
    if chosen:
        return language_of(chosen)
    from generator.settings import load_settings

    config = _option(args, "-f") or _option(args, "--config-file")
    root = _option(args, "--root")
    folder = Path(config).parent if config else Path(root) if root else find_root(Path.cwd())
    if folder is None:
        return language_of(None)
    settings, _ = load_settings(folder)
    return language_of(settings.language if settings else None)


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

    lang = _lang()
    try:
        made = export(root.resolve(), source, output, dt.date.today())
    except ValidationFailed as failed:
        _report(failed, lang, "cli.outcome.nothing_written")
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

    lang = _lang()
    try:
        made = new(root.resolve(), rubric, round_id, kind, output, dt.date.today())
    except ValidationFailed as failed:
        _report(failed, lang, "cli.outcome.nothing_written")
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

    lang = _lang()
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
        _report(failed, lang, "cli.outcome.nothing_written")
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


def main() -> None:
    """The `handbook` command: problems and faults become messages and exit codes, never tracebacks."""
    args = sys.argv[1:]
    lang = "zh"
    try:
        lang = choose_language(args, os.environ)
        cli.main(args, prog_name="handbook", standalone_mode=False, obj=lang)
    except ValidationFailed as failed:
        _report(failed, lang)
        sys.exit(1)
    except HandbookError as exc:
        click.echo(text("cli.error", lang, message=exc.text(lang)), err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo(text("cli.aborted", lang), err=True)
        sys.exit(1)
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        show(exc, lang)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(text("cli.error", lang, message=exc.format_message()), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except (OSError, sqlite3.OperationalError) as exc:  # the machine refused: not a bug
        from generator.core import faults

        message = faults.describe(exc, f"{layout.CACHE_DIR}/{layout.CACHE_STATE}", lang)
        if message is None or os.environ.get("HANDBOOK_DEBUG"):
            _internal(exc, lang)
        click.echo(text("cli.error", lang, message=message), err=True)
        sys.exit(1)
    except Exception as exc:  # the last guard: an editor never sees a traceback
        _internal(exc, lang)


def _internal(exc: Exception, lang: str) -> NoReturn:
    """A bug: say so, without a traceback unless HANDBOOK_DEBUG asks for one."""
    if os.environ.get("HANDBOOK_DEBUG"):
        raise exc
    click.echo(text("cli.internal_error", lang, kind=type(exc).__name__, detail=exc), err=True)
    sys.exit(2)

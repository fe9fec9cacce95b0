"""`handbook check`, `build` and `serve`: the handbook into a site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.common import (
    as_of_day,
    as_of_option,
    cli,
    lang_option,
    no_wait_option,
    report_problems,
    root_option,
    run_language,
    say,
    site_dir_option,
)
from generator.errors import ValidationFailed
from generator.messages import render, text
from generator.messages.command import Choice
from generator.report import FORMATS


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
    from generator.standards.kind import CATALOG

    lang = run_language()
    try:
        result = run(root.resolve(), as_of_day(as_of), render=False)
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
    n = sum(len(s.editions) for s in result.store[CATALOG].standards)
    click.echo(text("cli.check_ok", lang, standards=len(result.store[CATALOG].standards), editions=n))
    for note in result.notes:
        click.echo(render(note.key, note.params, lang), err=True)


@cli.command(help="help.build")
@as_of_option
@root_option
@site_dir_option
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
    from generator.settings import load_settings, site_folder

    lang = run_language()
    settings = load_settings(root)[0]  # problems: the build's (it reads them again then)
    target = site_folder(root, settings, site_dir)
    result = build_site(
        root.resolve(),
        as_of_day(as_of),
        target,
        full=clean,
        wait=not no_wait,
        notify=say,
        command=ctx.command_path,
        settings=settings,
    )
    rendered = sum(page.content is not None for page in result.pages)
    reused = len(result.pages) - rendered
    click.echo(
        text("cli.built", lang, pages=len(result.pages), target=target, as_of=result.as_of)
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

    lang = run_language()
    # MkDocs' server says where it serves and when it rebuilds through its logger.
    handler = logging.StreamHandler()
    handler.setFormatter(ServeFormatter(lang))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.INFO)
    run_serve(
        root.resolve(),
        as_of_day(as_of),
        dev_addr,
        lambda failed: report_problems(failed, lang, "cli.outcome.preview_kept"),
        language=lang,
        wait=not no_wait,
        notify=say,
        command=ctx.command_path,
        pdf=pdf,
    )

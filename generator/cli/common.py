"""What the commands share: the group, their options, the as-of day, finding the
handbook, and the problems' report."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator import layout
from generator.errors import HandbookError, ValidationFailed
from generator.messages import LANGUAGES, Phrase, render, text
from generator.messages.command import Choice, Group, language
from generator.report import listed


def run_language() -> str:
    """The language this run speaks (`--lang`, `HANDBOOK_LANG` or the handbook's)."""
    return language(click.get_current_context(silent=True))


def as_of_day(value: str | None) -> dt.date:
    """The day statuses are computed for: `--as-of`, or today."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(text("cli.bad_as_of", run_language(), value=value)) from None


def report_problems(
    failed: ValidationFailed, lang: str, outcome: str = "cli.outcome.nothing_built"
) -> None:
    """Every problem (a screenful per file), then the summary line."""
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
site_dir_option = click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="PATH",
    help="opt.site_dir",
)


def say(message: Phrase) -> None:
    """What the user should know while a run goes on (it waits, the memory was healed)."""
    click.echo(render(message.key, message.params, run_language()), err=True)


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
                raise click.BadParameter(text("cli.not_a_config", run_language(), path=config_file))
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

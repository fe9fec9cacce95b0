"""The `handbook` command: a thin door into the pipeline, one module per family
of commands (`site`, `review`, `tools`, `sheet`) over `common`. Problems are
printed as `path:line:column: field: message [code]`; no traceback reaches an
editor. Every word it prints comes from the message catalogue
(`generator.messages`), in the language of `--lang`, `HANDBOOK_LANG` or
`theme.language` in mkdocs.yml."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

import click

from generator import layout
from generator.cli import review, sheet, site, tools
from generator.cli.common import cli, find_root, report_problems
from generator.errors import HandbookError, ValidationFailed
from generator.messages import language_of, text
from generator.messages.command import show

__all__ = ["choose_language", "cli", "find_root", "main", "review", "sheet", "site", "tools"]


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


def main() -> None:
    """The `handbook` command: problems and faults become messages and exit codes, never tracebacks."""
    args = sys.argv[1:]
    lang = "zh"
    try:
        lang = choose_language(args, os.environ)
        cli.main(args, prog_name="handbook", standalone_mode=False, obj=lang)
    except ValidationFailed as failed:
        report_problems(failed, lang)
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

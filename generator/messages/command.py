"""The command line in the reader's language: click's help pages and usage
errors worded from our catalogue.

click words its own strings in English through gettext, which can only be
redirected by process-wide state (an installed translation, `LANGUAGE`). We
word them ourselves instead: commands built with `Command`/`Group` below keep
catalogue keys in their `help=`, and their context gives the help formatter the
language (`ctx.obj`, set by `generator.cli.main`); a `UsageError` is re-worded
from its type and attributes (`reword`), never from click's English text.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, NoReturn

import click

from generator.messages import DEFAULT_LANGUAGE, NOTHING, key_in_catalogue, phrase, text


def language(ctx: click.Context | None) -> str:
    """The language of a command's run (the root context's `obj`)."""
    root = ctx.find_root() if ctx is not None else None
    value = root.obj if root is not None else None
    return value if isinstance(value, str) else DEFAULT_LANGUAGE


def words(key: str | None, lang: str) -> str:
    """A help text from the catalogue (or the text itself when it is no key)."""
    if not key:
        return ""
    return text(key, lang) if key_in_catalogue(key) else key


class _Formatter(click.HelpFormatter):
    def __init__(self, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=words("click.usage", self.lang))

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}{words('list.colon', self.lang)}\n")


class Context(click.Context):
    """A context whose help formatter words in the run's language."""

    def make_formatter(self) -> click.HelpFormatter:
        """The formatter, given the run's language."""
        return _Formatter(
            language(self), width=self.terminal_width, max_width=self.max_content_width
        )


def _help_records(command: click.Command, ctx: click.Context) -> list[tuple[str, str]]:
    lang = language(ctx)
    records = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or not isinstance(param, click.Option):
            continue
        helped = words(param.help, lang)
        if param.show_default and param.default is not None and not param.is_flag:
            helped += "  " + text("click.default", lang, value=param.default)
        records.append((record[0], helped))
    return records


class Command(click.Command):
    """A command whose help, options and errors are worded from the catalogue."""

    context_class = Context

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        """The usage line's pieces, with click's [OPTIONS] and COMMAND in our words."""
        pieces = [words("click.options_metavar", language(ctx))]
        for param in self.get_params(ctx):
            pieces.extend(param.get_usage_pieces(ctx))
        if isinstance(self, click.Group):
            pieces.append(words("click.commands_metavar", language(ctx)))
        return pieces

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """click's --help option, its help text from the catalogue."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "opt.help"
        return option

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command's description, from the catalogue."""
        if self.help:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(words(self.help, language(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options (and a group's commands) under headings in our words."""
        records = _help_records(self, ctx)
        if records:
            with formatter.section(words("click.options", language(ctx))):
                formatter.write_dl(records)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first words of the command's description, for the group's list."""
        ctx = click.get_current_context(silent=True)
        first = re.split(r"(?<=。)|(?<=\.) ", words(self.help, language(ctx)), maxsplit=1)[0]
        return first if len(first) <= limit else first[: limit - 1] + "…"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Arguments parsed; extra ones refused in our words."""
        ctx.allow_extra_args = True  # refused below, in our words
        rest = super().parse_args(ctx, args)
        if ctx.args and not isinstance(self, click.Group):
            fail(ctx, "click.extra_args", args=" ".join(ctx.args))
        return rest


class Group(Command, click.Group):
    """The command group, its command list and unknown commands in our words."""

    command_class = Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Arguments parsed; extra ones refused in our words."""
        return click.Group.parse_args(self, ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The options (and a group's commands) under headings in our words."""
        Command.format_options(self, ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str()))
        if rows:
            with formatter.section(words("click.commands", language(ctx))):
                formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named, or a usage error suggesting the closest one."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            hint = phrase("did_you_mean", name=close[0]) if close else NOTHING
            fail(ctx, "click.no_such_command", name=name, hint=hint)
        return super().resolve_command(ctx, args)


class Choice(click.Choice):  # type: ignore[type-arg]
    """A choice whose refusal is worded from the catalogue."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """The value if it is one of the choices, else a refusal in our words."""
        if value in self.choices:
            return value
        raise click.BadParameter(
            text("click.bad_choice", language(ctx), value=value, choices=list(self.choices)),
            ctx,
            param,
        )


class Worded(click.UsageError):
    """A usage error already worded from the catalogue."""


def fail(ctx: click.Context, key: str, **params: object) -> NoReturn:
    """A usage error in the run's language."""
    raise Worded(text(key, language(ctx), **params), ctx)


def _name(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return (param.name or "").upper()


def reword(exc: click.UsageError, lang: str) -> str:
    """A usage error's message in `lang`, from the error's type and attributes."""
    ctx = exc.ctx
    if isinstance(exc, Worded):
        return exc.message
    if type(exc) is click.UsageError and ctx is not None and isinstance(ctx.command, click.Group):
        return text("click.missing_command", lang)  # the one plain usage error a group raises
    if isinstance(exc, click.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, exc.possibilities or [], n=1)
        hint = phrase("did_you_mean", name=close[0]) if close else NOTHING
        return text("click.no_such_option", lang, name=exc.option_name, hint=hint)
    if isinstance(exc, click.BadOptionUsage):
        option = next(
            (
                p
                for p in (ctx.command.params if ctx else [])
                if isinstance(p, click.Option) and exc.option_name in p.opts
            ),
            None,
        )
        flag = option is not None and option.is_flag
        key = "click.takes_no_value" if flag else "click.requires_value"
        return text(key, lang, name=exc.option_name)
    if isinstance(exc, click.MissingParameter):
        key = (
            "click.missing_option"
            if isinstance(exc.param, click.Option)
            else "click.missing_argument"
        )
        return text(key, lang, name=_name(exc.param))
    if isinstance(exc, click.BadParameter):
        if exc.param is None:
            return exc.message
        return text("click.bad_value", lang, name=_name(exc.param), message=exc.message)
    return exc.message


def show(exc: click.UsageError, lang: str) -> None:
    """Print a usage error as click would, in `lang`: usage, a hint, the error."""
    ctx = exc.ctx
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        command = ctx.command_path
        click.echo(text("click.try_help", lang, command=command) + "\n", err=True)
    click.echo(text("cli.error", lang, message=reword(exc, lang)), err=True)

"""`handbook schema`, `new` and `explain`: the editors' tools."""

from __future__ import annotations

from pathlib import Path

import click

from generator import layout
from generator.cli.common import cli, find_root, lang_option, root_option, run_language
from generator.errors import HandbookError
from generator.messages import text


@cli.command(help="help.schema")
@click.option("--check", "check_only", is_flag=True, help="opt.check_only")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), default=None, help="opt.out"
)
@lang_option
def schema(check_only: bool, out: Path | None) -> None:
    """Export the JSON Schemas that editors' YAML plug-ins use."""
    from generator.core.schema import stale_schemas, write_schemas
    from generator.kinds import schemas

    SCHEMAS = schemas()
    lang = run_language()
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
    click.echo(text("cli.new_done", run_language(), directory=directory, files=len(written)))


@cli.command(help="help.explain")
@click.argument("code", required=False)
@root_option
@click.option("--write", is_flag=True, help="opt.write")
@lang_option
def explain(code: str | None, root: Path, write: bool) -> None:
    """Explain an error code, or list them all; `--write` makes the editors' reference pages."""
    from generator import layout
    from generator.messages import explain as explanations

    lang = run_language()
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

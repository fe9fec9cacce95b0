"""`handbook diff`, `audit` and `codeowners`: what reviewers and inspectors read."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.common import (
    as_of_day,
    as_of_option,
    cli,
    lang_option,
    root_option,
    run_language,
    site_dir_option,
)
from generator.errors import ValidationFailed
from generator.messages import text


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

    day, root = as_of_day(as_of), root.resolve()
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
@site_dir_option
@lang_option
def audit(
    as_of: str | None, root: Path, as_json: bool, strict: bool, site_dir: Path | None
) -> None:
    """Check the handbook and its built site as an inspector of government websites would."""
    from generator.audit import report

    lang = run_language()
    found = report.audit(root.resolve(), as_of_day(as_of), site_dir)
    click.echo(report.as_json(found, lang) if as_json else report.plain(found, lang))
    if strict and found.problems:
        sys.exit(1)


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
    click.echo(text("cli.wrote", run_language(), path=owners.write(root.resolve(), editions)))

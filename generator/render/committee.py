"""The committee's own templates (`site_templates/`, `extra.handbook.template_overrides`,
and the theme partials in `site_templates/theme/` or `theme.custom_dir`): a mistake
in one is a located problem, naming the template's file and line, never a traceback.

Every committee template is compiled before anything is rendered, so that every
syntax error is reported at once; an error that shows only while a page is
rendered (a name the template uses that the page does not give) is located from
the frames Jinja writes for the template."""

from __future__ import annotations

import os
import types
from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2

from generator import layout
from generator.errors import Problem
from generator.settings import Settings

# The files of a template folder that are templates (a README, images are not).
TEMPLATE_SUFFIXES = (".j2", ".html", ".xml", ".md", ".css", ".js")
README = "README.md"  # the folder's guide for editors, not a template


def page_folders(settings: Settings) -> list[Path]:
    """The folders of page templates over the built-in ones, the first winning:
    `template_overrides` (the setting), then `site_templates/`."""
    return [f for f in (settings.template_overrides, settings.site_templates) if f is not None]


def _templates(folder: Path, skip: Path | None = None) -> Iterable[Path]:
    for path in sorted(folder.rglob("*")):
        ours = skip is None or skip not in path.parents
        if ours and path.is_file() and path.suffix in TEMPLATE_SUFFIXES and path.name != README:
            yield path


def _shown(path: Path | str, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def page_template_problems(
    env: jinja2.Environment, root: Path, settings: Settings
) -> list[Problem]:
    """Every syntax error in the committee's page templates (not their theme)."""
    problems = []
    theme = root / layout.SITE_THEME
    for folder in page_folders(settings):
        for path in _templates(folder, skip=theme):
            name = path.relative_to(folder).as_posix()
            try:
                env.parse(path.read_text(encoding="utf-8-sig"), name, str(path))
            except jinja2.TemplateSyntaxError as exc:
                problems.append(_problem(root, path, exc.lineno, exc, "HB631"))
            except (UnicodeDecodeError, OSError) as exc:
                problems.append(_problem(root, path, 0, exc, "HB631"))
    return problems


def theme_template_problems(root: Path, folders: Sequence[Path]) -> list[Problem]:
    """Every syntax error in the committee's theme partials (read by the engine's
    Jinja, whose syntax is Jinja's default)."""
    env = jinja2.Environment(autoescape=True)
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in _templates(folder):
            if path.suffix != ".html":
                continue
            try:
                env.parse(path.read_text(encoding="utf-8-sig"), path.name, str(path))
            except jinja2.TemplateSyntaxError as exc:
                problems.append(_problem(root, path, exc.lineno, exc, "HB632"))
            except (UnicodeDecodeError, OSError) as exc:
                problems.append(_problem(root, path, 0, exc, "HB632"))
    return problems


def located(
    exc: BaseException, root: Path, folders: Sequence[Path], code: str = "HB631"
) -> Problem | None:
    """The problem of an error raised while rendering, when a committee template
    (a file under one of `folders`) is where it happened; None otherwise (a bug)."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        path = Path(exc.filename)
        if any(folder in path.parents for folder in folders):
            return _problem(root, path, exc.lineno, exc, code)
    found: tuple[Path, int] | None = None
    tb: types.TracebackType | None = exc.__traceback__
    while tb is not None:
        path = Path(tb.tb_frame.f_code.co_filename)
        if any(folder in path.parents for folder in folders):
            found = (path, tb.tb_lineno)  # the innermost committee frame
        tb = tb.tb_next
    if found is None:
        return None
    return _problem(root, found[0], found[1], exc, code)


def _problem(root: Path, path: Path, line: int, exc: BaseException, code: str) -> Problem:
    detail = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    detail = f"{type(exc).__name__}: {detail}"
    return Problem.at(_shown(path, root), line, 1 if line else 0, "", code, detail=detail)

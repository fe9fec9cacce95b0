"""Find the handbook's data files and the site settings in a repository."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.cache import memoized
from generator.errors import Problem
from generator.loader import Document, MarkdownFile, load_markdown
from generator.models.standard import StandardEdition
from generator.pdf.config import PdfSettings, parse_pdf_settings
from generator.validate import load_typed

STANDARDS_DIR = "standards"
CONTENT_DIR = "content"
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Settings:
    """What the generator needs from `mkdocs.yml` (`site_name`, `extra.handbook`)."""

    site_name: str
    site_url: str
    committee: str
    description: str
    sample_data: bool
    template_overrides: Path | None
    source_url: str = ""  # where the repository's files can be read on the forge
    pdf: PdfSettings = field(default_factory=PdfSettings)  # extra.handbook.pdf


@dataclass(frozen=True)
class LoadedEdition:
    doc: Document
    model: StandardEdition

    @property
    def path(self) -> str:
        return self.doc.path


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags are the engine's business."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, its links followed, is under `root`."""
    real, base = os.path.realpath(path), _real(root)
    return real == base or real.startswith(base + os.sep)


@functools.lru_cache(maxsize=8)
def _real(root: Path) -> str:
    return os.path.realpath(root)


def load_settings(root: Path) -> tuple[Settings | None, list[Problem]]:
    config = root / CONFIG_FILE
    if not config.is_file():
        return None, [
            Problem(CONFIG_FILE, 0, 0, "", "the site configuration mkdocs.yml is missing")
        ]
    try:
        data: Any = yaml.load(config.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(CONFIG_FILE, line, col, "", f"YAML syntax error: {exc}")]
    extra = (data.get("extra") or {}).get("handbook") or {}
    problems = []
    overrides = None
    if extra.get("template_overrides"):
        overrides = root / str(extra["template_overrides"])
        if not inside(root, overrides) or not overrides.is_dir():
            problems.append(
                Problem(
                    CONFIG_FILE,
                    0,
                    0,
                    "extra.handbook.template_overrides",
                    f"expected a folder inside the repository, found '{extra['template_overrides']}'",
                )
            )
            overrides = None
    pdf, found = parse_pdf_settings(extra.get("pdf"), CONFIG_FILE)
    problems += found
    settings = Settings(
        site_name=str(data.get("site_name") or "业务规范手册"),
        site_url=str(data.get("site_url") or ""),
        committee=str(extra.get("committee") or ""),
        description=str(extra.get("description") or ""),
        sample_data=bool(extra.get("sample_data", False)),
        template_overrides=overrides,
        source_url=str(extra.get("source_url") or ""),
        pdf=pdf,
    )
    return settings, problems


def load_standards(root: Path) -> tuple[list[LoadedEdition], list[Problem]]:
    """Every `standards/<id>/<edition>.yml`, parsed and typed; bad files become problems."""
    editions: list[LoadedEdition] = []
    problems: list[Problem] = []
    base = root / STANDARDS_DIR
    if not base.is_dir():
        return [], []
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or path.suffix.lower() not in (".yml", ".yaml"):
            continue
        if not inside(root, path):
            problems.append(
                Problem(rel, 0, 0, "", "the file links to a place outside the repository")
            )
            continue
        if len(path.relative_to(base).parts) != 2:
            problems.append(
                Problem(
                    rel,
                    0,
                    0,
                    "",
                    "a standard's edition is kept as standards/<standard-id>/<edition>.yml",
                )
            )
            continue
        doc, model, found = load_typed(path, rel, StandardEdition)
        problems += found
        if doc is not None and model is not None and not found:
            editions.append(LoadedEdition(doc, model))
    return editions, problems


def load_home(root: Path) -> tuple[MarkdownFile | None, list[Problem]]:
    """The committee's own introduction for the home page, if it wrote one."""
    path = root / CONTENT_DIR / "index.md"
    if not path.is_file():
        return None, []
    rel = path.relative_to(root).as_posix()
    return memoized(path, rel, "markdown", lambda: load_markdown(path, rel))

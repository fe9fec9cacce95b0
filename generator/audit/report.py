"""`handbook audit`: the sections' freshness and every finding, as a Chinese (or
English) report for people or as JSON for other tools."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from generator import layout
from generator.audit.sections import (
    Section,
    home_last,
    missing_records,
    sections,
    stale_and_empty,
)
from generator.audit.site import check_site
from generator.errors import Problem
from generator.messages import text
from generator.pipeline import run
from generator.render.provenance import last_commit_dates
from generator.settings import site_folder


@dataclass(frozen=True)
class Audit:
    """What the audit found: the sections, the home page's last change, the
    problems, and whether the built site was there to check."""

    as_of: dt.date
    sections: list[Section]
    home: dt.date | None
    problems: list[Problem]
    site: Path
    site_checked: bool


def audit(root: Path, as_of: dt.date, site_dir: Path | None = None) -> Audit:
    """Check the handbook at `root` (its data must be valid) and its built site."""
    result = run(root, as_of, render=False)
    settings = result.settings
    dates = last_commit_dates(root, (*layout.DATED, layout.CONTENT_DIR))
    found = sections(result, dates)
    home = home_last(result, found, dates)
    problems = stale_and_empty(found, home, settings, as_of)
    problems += missing_records(root, settings)
    site = site_folder(root, settings, site_dir)
    checked = site.is_dir() and (site / "index.html").is_file()
    if checked:
        problems += check_site(root, site, settings.audit.page_kib, settings.site_url)
    return Audit(as_of, found, home, problems, site, checked)


def plain(found: Audit, lang: str) -> str:
    """The report for people."""
    never = text("audit.never", lang)
    lines = [text("audit.title", lang, as_of=found.as_of), text("audit.sections", lang)]
    for s in found.sections:
        lines.append(
            text(
                "audit.section_line",
                lang,
                section=s.name,
                path=s.path,
                pages=s.pages,
                last=s.last or never,
                days=(found.as_of - s.last).days if s.last else never,
            )
        )
    if not found.site_checked:
        lines.append(text("audit.no_site", lang, site=found.site))
    lines += [p.format(lang) for p in found.problems]
    n = len(found.problems)
    lines.append(text("audit.found", lang, n=n) if n else text("audit.clean", lang))
    return "\n".join(lines)


def as_json(found: Audit, lang: str) -> str:
    """The report for other tools."""
    return json.dumps(
        {
            "as_of": found.as_of.isoformat(),
            "home_last_changed": found.home.isoformat() if found.home else None,
            "site_checked": found.site_checked,
            "sections": [
                {
                    "name": s.name,
                    "path": s.path,
                    "pages": s.pages,
                    "last_changed": s.last.isoformat() if s.last else None,
                    "limit_days": s.limit,
                }
                for s in found.sections
            ],
            "problems": [
                {
                    "path": p.path,
                    "line": p.line,
                    "column": p.column,
                    "field": p.field,
                    "code": p.code,
                    "message": p.text(lang),
                }
                for p in found.problems
            ],
        },
        ensure_ascii=False,
        indent=2,
    )

"""The generator's pipeline: load → model → check → compute → render.

It never touches the site; it returns pages, or raises ValidationFailed with
every problem found.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import codeowners
from generator.check import check_all
from generator.citations import Resolved, resolve
from generator.compute import Catalog, build_catalog
from generator.errors import Problem, ValidationFailed
from generator.feeds import FEEDS, build_feeds
from generator.notices import (
    NoticeInfo,
    check_notices,
    load_calendar,
    load_notices,
    next_change,
    visible_notices,
)
from generator.pages import ContentPage, load_pages
from generator.pdf.stage import make_pdfs
from generator.provenance import last_commit_dates
from generator.render import Page, Renderer
from generator.render_results import results_pages
from generator.repository import Settings, load_home, load_settings, load_standards
from generator.results import check_notice_results, check_results, load_results
from generator.scoring import RoundResult, score_all


@dataclass(frozen=True)
class Result:
    settings: Settings
    catalog: Catalog
    pages: list[Page]
    content: list[ContentPage] = field(default_factory=list)
    assets: list[Path] = field(default_factory=list)
    # Other generated files (downloads, feeds, PDFs); None: the previous build's is still right.
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    file_keys: dict[str, str] = field(default_factory=dict)  # see `Renderer.file`
    notices: list[NoticeInfo] = field(default_factory=list)
    next_change: dt.date | None = None
    scored: list[RoundResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for the person building
    pdfs_made: int = 0


def check_references(
    content: list[ContentPage], catalog: Catalog
) -> tuple[dict[str, list[Resolved]], list[Problem]]:
    """Resolve every citation and `implements` of the hand-written pages."""
    resolved: dict[str, list[Resolved]] = {}
    problems: list[Problem] = []
    ids = {s.id for s in catalog.standards}
    for page in content:
        for k, standard_id in enumerate(page.meta.implements):
            if standard_id not in ids:
                problems.append(
                    page.meta_doc.problem(
                        ("implements", k), f"there is no standard '{standard_id}'"
                    )
                )
        for citation in page.citations:
            outcome = resolve(citation, catalog, page.source)
            if isinstance(outcome, Problem):
                problems.append(outcome)
            else:
                resolved.setdefault(page.source, []).append(outcome)
    return resolved, problems


def run(
    root: Path,
    as_of: dt.date,
    *,
    render: bool = True,
    pdf: bool = True,
    mark: Callable[[str], None] | None = None,
) -> Result:
    """The pipeline; `mark(stage)` is called as each stage ends (benchmarks time them).
    `pdf`: also print the standards and manuals (when mkdocs.yml does not turn it off)."""
    mark = mark or (lambda stage: None)
    settings, problems = load_settings(root)
    editions, found = load_standards(root)
    problems += found
    home, found = load_home(root)
    problems += found
    content, assets, found = load_pages(root)
    problems += found
    calendar, found = load_calendar(root)
    problems += found
    notices, found = load_notices(root, calendar)
    problems += found
    results, found = load_results(root)
    problems += found
    mark("load")
    problems += check_all(editions, as_of)
    problems += codeowners.drift(root, editions)
    problems += check_notices(notices, {e.model.id for e in editions})
    if problems or settings is None:
        raise ValidationFailed(problems)
    mark("check")
    catalog = build_catalog(editions, as_of)
    shown = visible_notices(notices, as_of)
    resolved, problems = check_references(content + [n.page for n in notices], catalog)
    problems += check_results(results, catalog)
    problems += check_notice_results(notices, results)
    if problems:
        raise ValidationFailed(problems)
    scored = score_all(results)
    mark("compute")
    result = Result(
        settings,
        catalog,
        [],
        content,
        assets,
        notices=shown,
        next_change=next_change(notices, as_of),
        scored=scored,
    )
    if render:
        renderer = Renderer(catalog, settings)
        renderer.dates = last_commit_dates(root)
        renderer.result_titles = {f"round:{r.model.id}": r.model.title for r in results.rounds} | {
            f"table:{t.model.id}": t.model.title for t in results.tables if not t.model.private
        }
        renderer.result_sources = {f"round:{r.model.id}": r.doc.path for r in results.rounds} | {
            f"table:{t.model.id}": t.doc.path for t in results.tables
        }
        if pdf and settings.pdf.enabled:
            printed = make_pdfs(renderer, root, content, assets, resolved)
            result.files.update(printed.files)
            result.file_keys.update(printed.keys)
            renderer.pdfs.update(printed.links)
            result.notes.extend([printed.note] if printed.note else [])
            result = replace(result, pdfs_made=printed.made)
            mark("pdf")
        result.pages.extend(renderer.pages(home, content, resolved, shown))
        pages, files = results_pages(renderer, results, scored)
        result.pages.extend(pages)
        result.files.update(files)
        if settings.site_url:
            site_url, made = settings.site_url, dict[str, str]()

            def feed(path: str) -> str:  # both feeds are made at once, when one is needed
                if not made:
                    made.update(build_feeds(shown, site_url, settings.site_name, renderer.labels))
                return made[path]

            sources = [i.notice.page.source for i in shown]
            for path in FEEDS:
                result.files[path] = renderer.file(path, functools.partial(feed, path), sources)
        result.file_keys.update(renderer.file_keys)
        mark("render")
    return result

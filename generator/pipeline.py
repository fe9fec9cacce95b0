"""The generator's pipeline: load → check → compute → pages, for every kind of
content in turn (standards, then hand-written pages and results, then notices).

It never touches the site; it returns pages, or raises ValidationFailed with
every problem found. The build memory (`memory`) is passed to what reads files
and renders pages; without it everything is read and made afresh.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator import facets, layout
from generator.composites.check import check_composites
from generator.composites.load import load_composites
from generator.composites.model import Composite
from generator.composites.pages import composite_pages, unit_rows
from generator.composites.score import CompositeResult, score_composites
from generator.content.check import Resolved, check_references
from generator.content.load import ContentPage, load_home, load_pages
from generator.content.pages import backlinks, content_pages
from generator.core.documents import MarkdownFile
from generator.core.memory import BuildCache
from generator.core.schema import Schemas
from generator.errors import BuildFailed, ValidationFailed
from generator.messages import Phrase
from generator.notices.check import calendar_notes, check_notice_results, check_notices
from generator.notices.feeds import FEEDS, build_feeds
from generator.notices.load import load_calendar, load_notices
from generator.notices.model import CalendarFile
from generator.notices.pages import notice_pages
from generator.notices.status import NoticeInfo, NoticeStatus, next_change, visible_notices
from generator.pdf.stage import Printed, start_pdfs
from generator.render.committee import page_template_problems, theme_template_problems
from generator.render.provenance import last_commit_dates
from generator.render.renderer import Page, Renderer, make_environment
from generator.results.check import check_results
from generator.results.load import Results, load_results, public_tables
from generator.results.model import Round, Table, UnitsFile
from generator.results.pages import results_pages
from generator.results.periods import official_period
from generator.results.scoring import RoundResult, score_all
from generator.results.series import SeriesFile
from generator.settings import MkdocsFile, Settings, load_settings, pdf_required
from generator.standards import codeowners
from generator.standards.catalog import Catalog, build_catalog
from generator.standards.check import check_all
from generator.standards.downloads import catalog_json, catalog_schema
from generator.standards.lifecycle import DraftStatus
from generator.standards.lifecycle_check import check_lifecycle
from generator.standards.lifecycle_pages import lifecycle_pages
from generator.standards.load import load_drafts, load_standards, unread_ids
from generator.standards.model import StandardDraft, StandardEdition, Status
from generator.standards.pages import standard_pages
from generator.standards.status import STATUSES

# The JSON Schemas exported for editors (`handbook schema`): file name → model, title.
SCHEMAS: Schemas = {
    "standard.schema.json": (StandardEdition, "标准的一个版本（standards/<标准>/<版本>.yml）"),
    "draft.schema.json": (
        StandardDraft,
        "标准的征求意见稿（standards/<标准>/drafts/<版本>.yml）",
    ),
    "units.schema.json": (UnitsFile, "单位名册（content/results/units.yml）"),
    "round.schema.json": (Round, "一轮考核（content/results/rounds/<轮次>.yml）"),
    "table.schema.json": (Table, "台账或清单（content/results/tables/<表>.yml）"),
    "series.schema.json": (SeriesFile, "考核系列（content/results/series.yml）"),
    "composite.schema.json": (Composite, "综合考评（content/results/composites/<考评>.yml）"),
    "calendar.schema.json": (CalendarFile, "节假日安排（content/notices/calendar.yml）"),
    "mkdocs.schema.json": (
        MkdocsFile,
        "网站设置中 handbook 的部分（mkdocs.yml 的 extra.handbook）",
    ),
}


@dataclass(frozen=True)
class Result:
    """What the pipeline made: the settings and catalog, the pages, and the rest."""

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
    composites: list[CompositeResult] = field(default_factory=list)
    notes: list[Phrase] = field(default_factory=list)  # one line each, for the person building
    pdfs_made: list[str] = field(default_factory=list)  # the PDFs made (not kept) this build


def run(
    root: Path,
    as_of: dt.date,
    *,
    render: bool = True,
    pdf: bool = True,
    memory: BuildCache | None = None,
    mark: Callable[[str], None] | None = None,
) -> Result:
    """The pipeline; `mark(stage)` is called as each stage ends (benchmarks time them).
    `pdf`: also print the standards and manuals (unless mkdocs.yml turns it off)."""
    mark = mark or (lambda stage: None)
    settings, problems = load_settings(root)
    editions, found = load_standards(root, memory)
    problems += found
    home, found = load_home(root, memory)
    problems += found
    content, assets, found = load_pages(root, memory)
    problems += found
    calendar, found = load_calendar(root, memory)
    problems += found
    notices, found = load_notices(root, calendar, memory)
    problems += found
    drafts, found = load_drafts(root, calendar, memory)
    problems += found
    results, found = load_results(root, memory)
    problems += found
    composites, found = load_composites(root, memory)
    problems += found
    mark("load")
    unread = unread_ids(problems)  # what depends on them is not checked: the cause comes alone
    problems += check_all(editions, as_of)
    problems += check_lifecycle(editions, drafts)
    if not unread:  # the owners a standard declares are unknown while it cannot be read
        problems += codeowners.drift(root, editions)
    problems += check_notices(notices, {e.model.id for e in editions} | unread)
    if settings is not None:  # the committee's templates (site_templates/)
        problems += page_template_problems(make_environment(), root, settings)
        problems += theme_template_problems(root, [root / layout.SITE_THEME])
    if problems or settings is None:
        raise ValidationFailed(problems)
    mark("check")
    catalog = build_catalog(editions, as_of, drafts)
    shown = visible_notices(notices, as_of)
    resolved, problems = check_references(content + [n.page for n in notices], catalog)
    rounds, found = check_results(results, catalog)
    problems += found
    problems += check_notice_results(notices, results)
    if problems:
        raise ValidationFailed(problems)
    checked, problems = check_composites(composites, rounds, results.units, catalog)
    if problems:  # composites are checked against rounds that are right
        raise ValidationFailed(problems)
    scored = score_all(rounds, results.units)
    mark("compute")
    result = Result(
        settings,
        catalog,
        [],
        content,
        assets,
        notices=shown,
        next_change=_next_change(next_change(notices, as_of), catalog),
        scored=scored,
        composites=score_composites(checked, scored, results.units),
        notes=calendar_notes(notices, calendar),
    )
    if render:
        _render(result, root, memory, home, resolved, results, pdf, mark)
        mark("render")
    return result


def _next_change(notices: dt.date | None, catalog: Catalog) -> dt.date | None:
    """The first day after the as-of day on which a notice, a draft's comment period or
    an amendment sheet changes what the site shows (the daily rebuild's next date)."""
    days = [notices] if notices else []
    for d in catalog.drafts:
        days += [d.model.consultation.start, d.end + dt.timedelta(days=1)]
    for info in catalog.editions.values():
        days += [a.effective for a in info.model.amendments]
        days += [a.issued for a in info.model.amendments]
    later = [d for d in days if d > catalog.as_of]
    return min(later) if later else None


def _render(
    result: Result,
    root: Path,
    memory: BuildCache | None,
    home: MarkdownFile | None,
    resolved: dict[str, list[Resolved]],
    results: Results,
    pdf: bool,
    mark: Callable[[str], None],
) -> None:
    """Every page and generated file, into `result`, in the order of the menu; the
    PDFs first, since the pages link them with their sizes."""
    settings, catalog, shown = result.settings, result.catalog, result.notices
    renderer = Renderer(
        settings,
        catalog.as_of,
        memory,
        dates=last_commit_dates(root, layout.DATED),
        global_values={
            "catalog": catalog,
            "standard_path": layout.standard_path,
            "draft_path": layout.draft_path,
            "statuses": STATUSES,
            "Status": Status,
            "NoticeStatus": NoticeStatus,
            "search": facets,  # facets and weights of pages in search
        },
        filters={"official_period": official_period},
        root=root,
    )
    finish_pdfs: Callable[[], Printed] | None = None  # PDFs are set while pages are rendered
    if pdf and settings.pdf.enabled:
        printed, finish_pdfs = start_pdfs(
            renderer, catalog, root, result.content, result.assets, resolved
        )
        if printed.note is not None and pdf_required(settings.pdf, os.environ):
            raise BuildFailed("error.pdf_required", reason=printed.note)
        result.files.update(printed.files)
        result.file_keys.update(printed.keys)
        renderer.pdfs.update(printed.links)
        result.notes.extend([printed.note] if printed.note is not None else [])
        mark("pdf")
    citing: dict[str, set[str]] = {}  # standard id → files citing it (its backlinks)
    for source, found in resolved.items():
        for r in found:
            citing.setdefault(r.info.model.id, set()).add(source)
    cited_by = backlinks(result.content + [i.notice.page for i in shown], resolved)
    public = public_tables(results)
    titles = {f"round:{r.model.id}": r.model.title for r in results.rounds}
    titles |= {f"table:{t.model.id}": t.model.title for t in public}
    sources = {f"round:{r.model.id}": r.doc.path for r in results.rounds}
    sources |= {f"table:{t.model.id}": t.doc.path for t in results.tables}
    result.pages.append(
        renderer.page(
            layout.HOME,
            renderer.labels["home"],
            lambda: renderer.render("home.html.j2", layout.HOME, home=home, notices=shown),
            in_nav=True,
            source=layout.HOME_SOURCE if home else None,  # its introduction: 编辑此页
        )
    )
    result.pages.extend(standard_pages(renderer, catalog, citing, cited_by))
    pages, files = lifecycle_pages(renderer, catalog)  # drafts and amendment sheets
    result.pages.extend(pages)
    result.files.update(files)
    pdfs = {path for path in result.files if path.startswith(layout.PDF_DIR + "/")}
    catalog_sources = [i.loaded.path for i in catalog.editions.values()]
    catalog_sources += [d.loaded.path for d in catalog.drafts]
    result.files[layout.CATALOG_JSON] = renderer.file(
        layout.CATALOG_JSON, functools.partial(catalog_json, catalog, pdfs), catalog_sources
    )
    result.files[layout.CATALOG_SCHEMA] = catalog_schema()
    result.pages.extend(notice_pages(renderer, catalog, shown, resolved, titles, sources))
    result.pages.extend(content_pages(renderer, catalog, result.content, resolved))
    combined = result.composites
    pages, files = results_pages(
        renderer,
        catalog,
        results,
        result.scored,
        composites=combined,
        unit_composites=functools.partial(unit_rows, combined),
    )
    result.pages.extend(pages)
    result.files.update(files)
    named = [d.path for d in (results.units_doc, results.series_doc) if d is not None]
    pages, files = composite_pages(renderer, catalog, combined, results.series_name, named)
    result.pages.extend(pages)
    result.files.update(files)
    if settings.site_url:
        site_url, made = settings.site_url, dict[str, str]()

        def feed(path: str) -> str:  # both feeds are made at once, when one is needed
            if not made:
                made.update(
                    build_feeds(
                        shown,
                        site_url,
                        settings.site_name,
                        renderer.labels,
                        settings.language,
                        tuple(d for d in catalog.drafts if d.status != DraftStatus.NOT_STARTED),
                    )
                )
            return made[path]

        feed_sources = [i.notice.page.source for i in shown]
        feed_sources += [d.loaded.path for d in catalog.drafts]
        for path in FEEDS:
            result.files[path] = renderer.file(path, functools.partial(feed, path), feed_sources)
    result.file_keys.update(renderer.file_keys)
    if finish_pdfs is not None:
        mark("render")
        printed = finish_pdfs()
        result.files.update(printed.files)
        result.pages[:] = renderer.sized(result.pages, printed.links)
        result.pdfs_made.extend(path for path, data in printed.files.items() if data is not None)
        mark("pdf")

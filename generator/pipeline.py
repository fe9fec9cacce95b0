"""The generator's pipeline: load → check → compute → PDFs → pages, each stage
over the registered kinds of content (`generator/kinds.py`) in their order.

It never touches the site; it returns pages, or raises ValidationFailed with
every problem found. The build memory (`memory`) is passed to what reads files
and renders pages; without it everything is read and made afresh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator import facets, layout
from generator.core.memory import BuildCache
from generator.descriptor import (
    STOPPING,
    Build,
    Finishing,
    Kind,
    Phase,
    Printed,
    Rendering,
    Store,
    words_of,
)
from generator.errors import BuildFailed, Problem, ValidationFailed
from generator.kinds import KINDS
from generator.messages import Phrase
from generator.render.committee import page_template_problems, theme_template_problems
from generator.render.feeds import FEEDS, build_feeds
from generator.render.provenance import last_commit_dates
from generator.render.renderer import SIZE_MARK, Page, Renderer, make_environment
from generator.settings import Settings, load_settings, pdf_required

# The stages a benchmark times, by the phase that ends each.
_MARKS = {Phase.LINK: "load", Phase.CHECK: "check", Phase.COMPUTE: "compute"}


@dataclass(frozen=True)
class Result:
    """What the pipeline made: the settings, every kind's values (`store`, by the
    kinds' slots), the pages, and the rest."""

    settings: Settings
    as_of: dt.date
    kinds: tuple[Kind, ...]
    store: Store
    pages: list[Page] = field(default_factory=list)
    # Other generated files (downloads, feeds, PDFs); None: the previous build's is still right.
    files: dict[str, str | bytes | None] = field(default_factory=dict)
    file_keys: dict[str, str] = field(default_factory=dict)  # see `Renderer.file`
    copies: dict[str, Path] = field(default_factory=dict)  # docs path → file copied as it is
    next_change: dt.date | None = None
    notes: list[Phrase] = field(default_factory=list)  # one line each, for the person building
    pdfs_made: list[str] = field(default_factory=list)  # the PDFs made (not kept) this build
    # The PDFs still being finished (`run(..., finish=False)`): none, or one `Later`.
    later: list[Later] = field(default_factory=list)


@dataclass
class Later:
    """The PDFs handed over before the pages, finished after the pipeline returned
    (`run(..., finish=False)`), so that they are set while the engine and search run:
    `work` sets them (in any thread: it touches neither the pages nor the memory),
    `finish` puts them into the result (in the build's thread, after `work`)."""

    renderer: Renderer
    finishing: list[Finishing]
    printed: list[Printed] = field(default_factory=list)
    done: float = 0.0  # when the work was done (`time.perf_counter`), for the benchmarks

    def work(self) -> None:
        """Wait for the PDFs being set and make the rest (the booklets, the 汇编)."""
        try:
            self.printed = [finish() for finish in self.finishing]
        except BaseException:
            self.cancel()
            raise
        self.done = time.perf_counter()

    def cancel(self) -> None:
        """The build failed: stop what is being set."""
        for finish in self.finishing:
            finish.cancel()

    def pending(self) -> set[str]:
        """The PDFs made again (their files in the docs folder are not this build's yet)."""
        return {path for finish in self.finishing for path in finish.pending()}

    def fill(self, text: str) -> str:
        """`text` (a page, or the engine's HTML of it) with the PDFs' sizes in place
        of their marks (after `finish`)."""
        pages = [Page("", text, "")]
        for printed in self.printed:
            pages = self.renderer.sized(pages, printed.links)
        assert pages[0].content is not None
        return pages[0].content

    def marked(self, pages: Sequence[Page]) -> list[Page]:
        """The pages that show the size of a PDF not set yet (a mark in its place)."""
        return [p for p in pages if p.content is not None and SIZE_MARK in p.content]

    def finish(self, result: Result) -> None:
        """The PDFs into `result`, and their sizes into the pages that show them.
        The marked pages were written as they were (the marks in their files), so
        none of them is left as the previous build wrote it (an index found the same
        keeps its key, and its content to write again)."""
        marked = {p.path: p.content for p in self.marked(result.pages)}
        for printed in self.printed:
            _finished(result, self.renderer, printed)
        for n, page in enumerate(result.pages):
            before = marked.get(page.path)
            if page.content is None and before is not None:
                result.pages[n] = dataclasses.replace(page, content=self.fill(before))


def run(
    root: Path,
    as_of: dt.date,
    *,
    render: bool = True,
    pdf: bool = True,
    memory: BuildCache | None = None,
    mark: Callable[[str], None] | None = None,
    settings: Settings | None = None,
    kinds: Sequence[Kind] = KINDS,
    finish: bool = True,
) -> Result:
    """The pipeline; `mark(stage)` is called as each stage ends (benchmarks time them).
    `pdf`: also print the standards and manuals (unless mkdocs.yml turns it off);
    `settings`: the handbook's, when the caller has read them already; `finish`:
    wait for the PDFs, else leave them to the caller (`Result.later`)."""
    mark = mark or (lambda stage: None)
    problems: list[Problem] = []
    if settings is None:
        settings, problems = load_settings(root)
    build = Build(root, as_of, settings, memory)
    for phase in Phase:
        if phase == Phase.CHECK:  # what the checks may ask of the loading
            build.problems = list(problems)
        for kind in kinds:
            step = kind.steps.get(phase)
            problems += step(build) if step else []
        if phase == Phase.CHECK and settings is not None:  # the committee's templates
            problems += page_template_problems(make_environment(), root, settings)
            problems += theme_template_problems(root, [root / layout.SITE_THEME])
        if phase in STOPPING and (problems or settings is None):
            raise ValidationFailed(problems)
        if phase in _MARKS:
            mark(_MARKS[phase])
    assert settings is not None  # a build without settings stopped at CHECK
    later = [day for day in build.next_change if day > as_of]
    result = Result(
        settings,
        as_of,
        tuple(kinds),
        build.store,
        next_change=min(later) if later else None,
        notes=build.notes,
    )
    if render:
        _render(result, build, pdf, mark, finish)
        mark("render")
    return result


def _renderer(result: Result, build: Build) -> Renderer:
    """The one renderer, with every kind's globals, filters, templates and words."""
    values: dict[str, object] = {"search": facets.words(result.kinds)}
    filters: dict[str, Callable[..., object]] = {}
    for kind in result.kinds:
        values.update(kind.template_globals(build.store) if kind.template_globals else {})
        filters.update(kind.template_filters)
    return Renderer(
        result.settings,
        result.as_of,
        build.memory,
        dates=last_commit_dates(build.root, layout.DATED),
        global_values=values,
        filters=filters,
        root=build.root,
        templates=[kind.templates for kind in result.kinds if kind.templates],
        labels=words_of(result.kinds, result.settings.language),
    )


def _render(
    result: Result, build: Build, pdf: bool, mark: Callable[[str], None], wait: bool
) -> None:
    """Every page and generated file, into `result`: the PDFs are keyed and handed to
    their workers first, since the pages link them (their sizes are put into the pages
    once they are set); then each kind's pages, in the order of the menu; then the
    PDFs are finished, or left to finish (`Result.later`) when the caller need not
    `wait` and worker processes set them."""
    settings = result.settings
    renderer = _renderer(result, build)
    finishing: list[Finishing] = []  # PDFs are set while pages are rendered
    try:
        if pdf and settings.pdf.enabled:
            for kind in result.kinds:
                if kind.printing is None:
                    continue
                printed, finish = kind.printing(Rendering(build, renderer))
                if printed.note is not None and pdf_required(settings.pdf, os.environ):
                    raise BuildFailed("error.pdf_required", reason=printed.note)
                result.files.update(printed.files)
                result.file_keys.update(printed.keys)
                renderer.pdfs.update(printed.links)
                result.notes.extend([printed.note] if printed.note is not None else [])
                finishing.append(finish)
            mark("pdf")
        pdfs = frozenset(p for p in result.files if p.startswith(layout.PDF_DIR + "/"))
        made = sorted((kind.pages for kind in result.kinds if kind.pages), key=lambda m: m[0])
        for _, pages in made:
            out = pages(Rendering(build, renderer, pdfs))
            result.pages.extend(out.pages)
            result.files.update(out.files)
            result.copies.update(out.copies)
        if settings.site_url:
            _feeds(result, build, renderer, settings.site_url)
        result.file_keys.update(renderer.file_keys)
    except BaseException:
        for finish in finishing:  # the build failed: its PDFs are not waited for
            finish.cancel()
        raise
    if finishing and not wait and all(finish.background() for finish in finishing):
        result.later.append(Later(renderer, finishing))
    elif finishing:
        mark("render")
        for finishes in finishing:
            _finished(result, renderer, finishes())
        mark("pdf")


def _finished(result: Result, renderer: Renderer, printed: Printed) -> None:
    """A kind's PDFs finished: into the result, their sizes into the pages."""
    result.files.update(printed.files)
    result.pages[:] = renderer.sized(result.pages, printed.links)
    result.pdfs_made.extend(p for p, data in printed.files.items() if data is not None)


def _feeds(result: Result, build: Build, renderer: Renderer, site_url: str) -> None:
    """The site's feeds, from every kind's entries: both made at once, when one is needed."""
    made: dict[str, str] = {}
    feeding = [kind for kind in result.kinds if kind.feed]

    def feed(path: str) -> str:
        if not made:
            entries = [
                e for kind in feeding if kind.feed for e in kind.feed(build, renderer.labels)
            ]
            labels, language = renderer.labels, result.settings.language
            made.update(build_feeds(entries, site_url, result.settings.site_name, labels, language))
        return made[path]

    sources = [s for kind in feeding if kind.feed_sources for s in kind.feed_sources(build)]
    for path in FEEDS:
        result.files[path] = renderer.file(path, functools.partial(feed, path), sources)

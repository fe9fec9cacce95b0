"""Render the computed catalog into Markdown pages with the Jinja2 templates
in `site_templates/pages/` (a user override folder first on the path)."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from generator import markup
from generator.cache import CACHE_DIR, current, digest, digest_parts, folder_digest
from generator.check import walk_clauses
from generator.citations import Resolved
from generator.compare import compare_editions
from generator.compute import STATUSES, Catalog, EditionInfo, StandardInfo
from generator.labels import STATUS_CLASSES, labels_for
from generator.loader import MarkdownFile
from generator.notices import CALENDAR, NoticeInfo
from generator.pages import NOTICES_DIR, ContentPage
from generator.provenance import footer
from generator.render_content import (
    Backlink,
    backlinks,
    citation_markdown,
    has_title_heading,
    page_markdown,
)
from generator.repository import CONTENT_DIR, Settings
from generator.urls import GLOSSARY, NOTICES_INDEX, compare_path, page_url, standard_path

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"
T = TypeVar("T")


# Generated pages put what search should not index last, inside this element
# (scores, histories); what comes before it is the page's searchable text.
NOINDEX = '<div class="hb-noindex" data-pagefind-ignore="all">'


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder and its Markdown.

    `content` is None when the previous build's file is still right (see `cache`)."""

    path: str
    content: str | None
    title: str
    in_nav: bool = False
    source: str | None = None  # the data file it is made from, relative to the repository
    key: str = ""  # digest of everything the page shows ("" for pages always rendered)
    search: str = ""  # digest of what search indexes of it


def make_environment(
    overrides: Path | None = None, compiled: Path | None = None, extra: Path | None = None
) -> jinja2.Environment:
    """The one Jinja2 environment: overrides first, strict about undefined names,
    every value HTML-escaped unless a filter says where it lands. `compiled`:
    a folder where compiled templates are kept between builds; `extra`: another
    folder of templates (the PDFs')."""
    paths = [str(overrides)] if overrides else []
    paths.append(str(TEMPLATES / "pages"))
    if extra:
        paths.append(str(extra))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
        # `{#anchor}` is attribute-list syntax in the Markdown we write.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.globals["noindex"] = Markup(NOINDEX)  # opens what search skips (close with </div>)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.filters.update(
        inline=markup.inline,
        attr=markup.attr,
        block=markup.block,
        html_block=markup.html_block,
        one_line=markup.one_line,
        slug=markup.slug,
        zh_date=markup.zh_date,
        points=markup.points,
        diff_html=markup.diff_html,
        score_cell=markup.score_cell,
        status_class=lambda status: STATUS_CLASSES[status],
        file_size=markup.file_size,
    )
    env.globals.update(score_cells=markup.score_cells)
    return env


@functools.lru_cache(maxsize=65536)
def relative_url(here: str, there: str) -> str:
    """The link from the folder `here` to the folder `there` (both site-relative, "." for the root)."""
    a = [] if here == "." else here.split("/")
    b = [] if there == "." else there.split("/")
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    parts = [".."] * (len(a) - common) + b[common:]
    return "/".join(parts) + "/" if parts else "./"


class Renderer:
    def __init__(self, catalog: Catalog, settings: Settings, language: str = "zh") -> None:
        self.catalog = catalog
        self.settings = settings
        cache = current()
        self.cache = cache
        compiled = None
        if cache is not None:
            compiled = cache.root / CACHE_DIR / "templates"
            compiled.mkdir(parents=True, exist_ok=True)
        self.env = make_environment(settings.template_overrides, compiled)
        self.labels = labels_for(language)
        self.backlinks: dict[tuple[str, str], list[Backlink]] = {}
        self.notices: list[NoticeInfo] = []
        self.result_titles: dict[str, str] = {}  # "round:<id>" / "table:<id>" → title
        self.result_sources: dict[str, str] = {}  # "round:<id>" / "table:<id>" → its file
        self.dates: dict[str, dt.date] = {}  # source file → day of its last commit
        self.file_keys: dict[str, str] = {}  # download → key (see `file`)
        # Page → the PDF it links (path, size, key), from the PDF stage (generator/pdf/).
        self.pdfs: dict[str, Any] = {}
        # What every page depends on: the generator's code and templates, the
        # settings, the day statuses are computed for, the template overrides.
        self.scope = digest_parts(
            [
                cache.version if cache else "",
                catalog.as_of,
                settings,
                language,
                folder_digest(settings.template_overrides) if settings.template_overrides else "",
            ]
        )
        self.files_of: dict[str, list[str]] = {
            s.id: [e.loaded.path for e in s.editions] for s in catalog.standards
        }

    def page(
        self,
        path: str,
        title: str,
        make: Callable[[], str],
        *,
        deps: Iterable[str] | None = None,
        in_nav: bool = False,
        source: str | None = None,
    ) -> Page:
        """A page made by `make()`, or left as the previous build wrote it when the
        files it depends on (`deps`, besides everything in `scope`) are unchanged.
        Pages without `deps` (indexes that list everything) are always made."""
        key = ""
        pdf = self.pdfs.get(path)
        if deps is not None and pdf is not None:  # the link shows the PDF's size
            deps = [*deps, self.part(f"pdf:{pdf.path}", pdf.key)]
        if self.cache is not None and deps is not None:
            key = self.cache.page_key(path, self.scope, deps, self.dates.get(source or ""))
            previous = self.cache.reusable(path, key)
            if previous is not None:
                self.cache.reused_pages += 1
                return Page(path, None, title, in_nav, source, key, previous)
        content = make()
        search = digest(content.split(NOINDEX, 1)[0])
        tail = footer(source, self.dates, self.settings.source_url, self.labels)
        if tail:
            content = content.rstrip("\n") + tail
        return Page(path, content, title, in_nav, source, key, search)

    def file(self, path: str, make: Callable[[], T], deps: Iterable[str]) -> T | None:
        """A generated download (CSV, JSON), or None when the previous build's is still right."""
        if self.cache is None:
            return make()
        key = self.cache.page_key(path, self.scope, deps)
        self.file_keys[path] = key
        return None if self.cache.reusable(path, key) is not None else make()

    def part(self, name: str, shown: object) -> str:
        """A dependency on part of the data (what a page shows of it), for pages that
        show little of large files: `shown` is that part, `name` names it."""
        if self.cache is not None and name not in self.cache.parts:
            self.cache.parts[name] = digest_parts([shown])
        return name

    def rubric_dep(self, ref: str) -> str:
        """A dependency on one edition's rubric only (with its code), for result pages:
        editing a clause's text does not touch them."""
        name = f"rubric:{ref}"
        if self.cache is not None and name not in self.cache.parts:
            e = self.catalog.editions[ref].model
            rubric = e.rubric.model_dump_json() if e.rubric else ""
            self.part(name, (e.id, e.edition, e.code, e.title, rubric))
        return name

    def title_dep(self, standard_id: str) -> str:
        """A dependency on a standard's name only (the code and title in force):
        what a page that merely names it shows."""
        name = f"title:{standard_id}"
        if self.cache is None or name in self.cache.parts or standard_id not in self.files_of:
            return name
        m = self.catalog.standard(standard_id).current.model
        return self.part(name, (m.ref, m.code, m.title))

    def cite_dep(self, r: Resolved) -> str:
        """A dependency on what a citation shows of the cited clause, term or standard."""
        c, e = r.citation, r.info.model
        name = f"cite:{e.ref}#{c.anchor}:{c.quote}:{c.edition}"
        if self.cache is None or name in self.cache.parts:
            return name
        clause: object = None
        if r.clause is not None:
            clause = r.clause.model_dump_json() if c.quote else (r.clause.number, r.clause.title)
        term = r.term.term if r.term is not None else None
        return self.part(name, (e.ref, e.code, e.title, e.edition, r.info.status, clause, term))

    def standard_files(self, standard_ids: Iterable[str]) -> list[str]:
        """The files of every edition of these standards (what a link to them shows)."""
        return [f for sid in standard_ids for f in self.files_of.get(sid, [])]

    def helpers(self, page_path: str) -> dict[str, Callable[..., str]]:
        """Link builders relative to the page at `page_path` (a path in the docs folder)."""

        here = page_url(page_path)

        def url(target: str, anchor: str = "") -> str:
            """A relative URL to another page (directory URLs), for HTML."""
            return relative_url(here, page_url(target)) + (f"#{anchor}" if anchor else "")

        def md(target: str, anchor: str = "") -> str:
            """A relative link to another page's Markdown file, for MkDocs to check and resolve."""
            rel = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
            return rel + (f"#{anchor}" if anchor else "")

        return {"url": url, "md": md}

    def pdf_link(self, page_path: str) -> dict[str, object] | None:
        """The PDF the page links ("下载PDF"): its address from the page, and its size."""
        link = self.pdfs.get(page_path)
        if link is None:
            return None
        folder, name = posixpath.split(link.path)
        return {"href": relative_url(page_url(page_path), folder) + name, "size": link.size}

    def render(self, template: str, page_path: str, **context: object) -> str:
        return self.env.get_template(template).render(
            L=self.labels,
            settings=self.settings,
            catalog=self.catalog,
            standard_path=standard_path,
            statuses=STATUSES,
            **self.helpers(page_path),
            pdf=functools.partial(self.pdf_link, page_path),
            **context,
        )

    def pages(
        self,
        home: MarkdownFile | None,
        content: list[ContentPage] | None = None,
        resolved: dict[str, list[Resolved]] | None = None,
        notices: list[NoticeInfo] | None = None,
    ) -> list[Page]:
        content, resolved, notices = content or [], resolved or {}, notices or []
        self.notices = notices
        self.backlinks = backlinks(content + [i.notice.page for i in notices], resolved)
        cited: dict[str, set[str]] = {}  # standard id → files citing it (its backlinks)
        for source, found in resolved.items():
            for r in found:
                cited.setdefault(r.info.model.id, set()).add(source)
        pages = [
            self.page(
                "index.md",
                self.labels["home"],
                lambda: self.render("home.html.j2", "index.md", home=home, notices=notices),
                in_nav=True,
            ),
            self.page(
                "standards/index.md",
                self.labels["standards_index"],
                lambda: self.render("standards_index.html.j2", "standards/index.md"),
                in_nav=True,
            ),
        ]
        for standard in self.catalog.standards:
            related = {
                self.catalog.editions[ref].loaded.path
                for info in standard.editions
                for ref in info.replaces + info.replaced_by
            }
            deps = [*self.files_of[standard.id], *related, *cited.get(standard.id, ())]
            current = standard_path(standard.id)
            pages.append(
                self.page(
                    current,
                    standard.current.model.title,
                    functools.partial(self._standard, standard, standard.current, current, True),
                    deps=deps,
                    in_nav=True,
                    source=standard.current.loaded.path,
                )
            )
            for older, newer in zip(standard.editions, standard.editions[1:], strict=False):
                path = compare_path(standard.id, newer.model.edition)
                pages.append(
                    self.page(
                        path,
                        newer.model.title,
                        functools.partial(self._compare, standard, older, newer, path),
                        deps=deps,
                    )
                )
            for info in standard.editions:
                path = standard_path(standard.id, info.model.edition)
                pages.append(
                    self.page(
                        path,
                        info.model.title,
                        functools.partial(self._standard, standard, info, path, False),
                        deps=deps,
                        source=info.loaded.path,
                    )
                )
        if any(s.current.model.terms for s in self.catalog.standards):
            pages.append(
                self.page(
                    GLOSSARY,
                    self.labels["glossary"],
                    lambda: self.render("glossary.html.j2", GLOSSARY),
                    in_nav=True,
                )
            )
        if notices:
            pages.append(
                self.page(
                    NOTICES_INDEX,
                    self.labels["notices"],
                    lambda: self.render("notices_index.html.j2", NOTICES_INDEX, notices=notices),
                    # each notice's type, title, dates and status (from the holiday calendar)
                    deps=[CALENDAR, *(i.notice.page.source for i in notices)],
                    in_nav=True,
                )
            )
        for notice in notices:
            n = notice.notice
            found = resolved.get(n.page.source, [])
            deps = [
                n.page.source,
                CALENDAR,
                *(self.title_dep(sid) for sid in n.meta.concerns),
                *(self.cite_dep(r) for r in found),
                *(self.result_sources.get(f"round:{i}", "") for i in n.meta.rounds),
                *(self.result_sources.get(f"table:{i}", "") for i in n.meta.tables),
                *(
                    f"{CONTENT_DIR}/{NOTICES_DIR}/{slug}.md"
                    for slug in [n.meta.extends or "", *notice.extended_by]
                ),
            ]
            pages.append(
                self.page(
                    n.path,
                    n.meta.title,
                    functools.partial(self._notice, notice, found),
                    deps=deps,
                    source=n.page.source,
                )
            )
        for page in content:
            found = resolved.get(page.source, [])
            deps = [
                page.source,
                *(self.title_dep(sid) for sid in page.meta.implements),
                *(self.cite_dep(r) for r in found),
            ]
            pages.append(
                self.page(
                    page.path,
                    page.meta.title,
                    functools.partial(self._content, page, found),
                    deps=deps,
                    in_nav=True,
                    source=page.source,
                )
            )
        return pages

    def _body(self, page: ContentPage, resolved: list[Resolved]) -> Markup:
        """A hand-written body with its citations rendered."""
        links = self.helpers(page.path)

        def quote(r: Resolved, href: str) -> str:
            return self.render("cite_quote.md.j2", page.path, r=r, href=href).strip("\n")

        def one(r: Resolved) -> str:
            text = citation_markdown(r, links["md"], links["url"], quote, self.labels)
            return f"\n\n{text}\n\n" if r.citation.quote else text

        return Markup(page_markdown(page, resolved, one))

    def _notice(self, info: NoticeInfo, resolved: list[Resolved]) -> str:
        n = info.notice
        return self.render(
            "notice.md.j2",
            n.path,
            info=info,
            n=n,
            m=n.meta,
            body=self._body(n.page, resolved),
            notices={i.notice.slug: i for i in self.notices},
            result_titles=self.result_titles,
        )

    def _content(self, page: ContentPage, resolved: list[Resolved]) -> str:
        implements = [self.catalog.standard(i) for i in page.meta.implements]
        return self.render(
            "content_page.md.j2",
            page.path,
            page=page,
            implements=implements,
            body=self._body(page, resolved),
            own_title=has_title_heading(page.body),
        )

    def _compare(
        self, standard: StandardInfo, older: EditionInfo, newer: EditionInfo, path: str
    ) -> str:
        c = compare_editions(older.model, newer.model)
        return self.render("compare.html.j2", path, c=c, standard=standard, old=older, new=newer)

    def _standard(self, standard: StandardInfo, info: EditionInfo, path: str, is_main: bool) -> str:
        clauses = {c.id: c for c, _ in walk_clauses(info.model)}
        return self.render(
            "standard.html.j2",
            path,
            standard=standard,
            info=info,
            e=info.model,
            is_main=is_main,
            previous=standard.previous(info),
            following=standard.following(info),
            compare_path=compare_path,
            clauses=clauses,
            cited_by=lambda clause_id: self.backlinks.get((info.ref, clause_id), []),
            # The main page and the in-force edition's own page carry the same
            # text; search indexes only the main one.
            search_exclude=(not is_main and info is standard.current),
        )

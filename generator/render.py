"""Render the computed catalog into Markdown pages with the Jinja2 templates
in `site_templates/pages/` (a user override folder first on the path)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator import markup
from generator.check import walk_clauses
from generator.citations import Resolved
from generator.compare import compare_editions
from generator.compute import STATUSES, Catalog, EditionInfo, StandardInfo
from generator.labels import STATUS_CLASSES, labels_for
from generator.loader import MarkdownFile
from generator.notices import NoticeInfo
from generator.pages import ContentPage
from generator.render_content import (
    Backlink,
    backlinks,
    citation_markdown,
    has_title_heading,
    page_markdown,
)
from generator.repository import Settings
from generator.urls import GLOSSARY, NOTICES_INDEX, compare_path, page_url, standard_path

TEMPLATES = Path(__file__).resolve().parent.parent / "site_templates"


@dataclass(frozen=True)
class Page:
    """A generated page: its path in the docs folder and its Markdown."""

    path: str
    content: str
    title: str
    in_nav: bool = False
    source: str | None = None  # the data file it is made from, relative to the repository


def make_environment(overrides: Path | None = None) -> jinja2.Environment:
    """The one Jinja2 environment: overrides first, strict about undefined names,
    every value HTML-escaped unless a filter says where it lands."""
    paths = [str(overrides)] if overrides else []
    paths.append(str(TEMPLATES / "pages"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        # `{#anchor}` is attribute-list syntax in the Markdown we write.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": True}
    env.filters.update(
        inline=markup.inline,
        attr=markup.attr,
        block=markup.block,
        zh_date=markup.zh_date,
        points=markup.points,
        diff_html=markup.diff_html,
        score_cell=markup.score_cell,
        status_class=lambda status: STATUS_CLASSES[status],
    )
    return env


class Renderer:
    def __init__(self, catalog: Catalog, settings: Settings, language: str = "zh") -> None:
        self.catalog = catalog
        self.settings = settings
        self.env = make_environment(settings.template_overrides)
        self.labels = labels_for(language)
        self.backlinks: dict[tuple[str, str], list[Backlink]] = {}
        self.notices: list[NoticeInfo] = []
        self.result_titles: dict[str, str] = {}  # "round:<id>" / "table:<id>" → title

    def helpers(self, page_path: str) -> dict[str, Callable[..., str]]:
        """Link builders relative to the page at `page_path` (a path in the docs folder)."""

        def url(target: str, anchor: str = "") -> str:
            """A relative URL to another page (directory URLs), for HTML."""
            rel = posixpath.relpath(page_url(target), page_url(page_path))
            rel = "./" if rel == "." else rel + "/"
            return rel + (f"#{anchor}" if anchor else "")

        def md(target: str, anchor: str = "") -> str:
            """A relative link to another page's Markdown file, for MkDocs to check and resolve."""
            rel = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
            return rel + (f"#{anchor}" if anchor else "")

        return {"url": url, "md": md}

    def render(self, template: str, page_path: str, **context: object) -> str:
        return self.env.get_template(template).render(
            L=self.labels,
            settings=self.settings,
            catalog=self.catalog,
            standard_path=standard_path,
            statuses=STATUSES,
            **self.helpers(page_path),
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
        pages = [
            Page(
                "index.md",
                self.render("home.md.j2", "index.md", home=home, notices=notices),
                self.labels["home"],
                True,
            ),
            Page(
                "standards/index.md",
                self.render("standards_index.md.j2", "standards/index.md"),
                self.labels["standards_index"],
                True,
            ),
        ]
        for standard in self.catalog.standards:
            current = standard_path(standard.id)
            pages.append(
                Page(
                    current,
                    self._standard(standard, standard.current, current, True),
                    standard.current.model.title,
                    True,
                    standard.current.loaded.path,
                )
            )
            for older, newer in zip(standard.editions, standard.editions[1:], strict=False):
                path = compare_path(standard.id, newer.model.edition)
                comparison = compare_editions(older.model, newer.model)
                pages.append(
                    Page(
                        path,
                        self.render(
                            "compare.md.j2",
                            path,
                            c=comparison,
                            standard=standard,
                            old=older,
                            new=newer,
                        ),
                        newer.model.title,
                    )
                )
            for info in standard.editions:
                path = standard_path(standard.id, info.model.edition)
                pages.append(
                    Page(
                        path,
                        self._standard(standard, info, path, False),
                        info.model.title,
                        source=info.loaded.path,
                    )
                )
        if any(s.current.model.terms for s in self.catalog.standards):
            pages.append(
                Page(
                    GLOSSARY, self.render("glossary.md.j2", GLOSSARY), self.labels["glossary"], True
                )
            )
        if notices:
            pages.append(
                Page(
                    NOTICES_INDEX,
                    self.render("notices_index.md.j2", NOTICES_INDEX, notices=notices),
                    self.labels["notices"],
                    True,
                )
            )
        for notice in notices:
            pages.append(
                Page(
                    notice.notice.path,
                    self._notice(notice, resolved.get(notice.notice.page.source, [])),
                    notice.notice.meta.title,
                    source=notice.notice.page.source,
                )
            )
        for page in content:
            pages.append(
                Page(
                    page.path,
                    self._content(page, resolved.get(page.source, [])),
                    page.meta.title,
                    True,
                    page.source,
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

    def _standard(self, standard: StandardInfo, info: EditionInfo, path: str, is_main: bool) -> str:
        clauses = {c.id: c for c, _ in walk_clauses(info.model)}
        return self.render(
            "standard.md.j2",
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

"""The print HTML of each PDF, from the catalog and the hand-written pages,
with the templates in `templates/` (the handbook's override folder first).

One PDF per edition of every standard, one booklet per manual folder
(`content/manuals/<folder>/`), and the 汇编 of every standard in force and every
manual. Ids carry a prefix per document, so the 汇编 can hold them all.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from markupsafe import Markup, escape

from generator import layout
from generator.content.check import Resolved, is_outdated
from generator.content.load import ContentPage
from generator.content.pages import page_markdown
from generator.pdf.fonts import Fonts
from generator.render import markup
from generator.render.renderer import make_environment
from generator.settings import Settings
from generator.standards.catalog import Catalog, DraftInfo, EditionInfo
from generator.standards.lifecycle import before_and_after, in_force
from generator.standards.model import Amendment, Clause, StandardDraft, Status, walk_clauses

CSS = (layout.PDF_TEMPLATES / "print.css").read_text(encoding="utf-8")
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')


@dataclass(frozen=True)
class Collected:
    """A standard in the 汇编, with the prefix of its ids."""

    info: EditionInfo
    prefix: str
    clauses: dict[str, Clause]


@dataclass(frozen=True)
class _DraftPrint:
    """A draft where the print macros expect an edition: its text, nothing it replaces."""

    model: StandardDraft
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()


@dataclass
class Chapter:
    """A hand-written page of a manual, as printed."""

    page: ContentPage
    id: str
    body: Markup
    implements: list[object]


@dataclass
class Manual:
    """A manual folder: its index page (cover, 前言) and its chapters in menu order."""

    folder: str
    index: ContentPage
    pages: list[ContentPage]
    prefix: str = ""
    intro: Markup = Markup("")
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The manual's title: its index page's."""
        return self.index.meta.title

    @property
    def path(self) -> str:
        """Where its booklet goes in the docs folder."""
        return layout.manual_pdf(self.folder)


def manuals(content: list[ContentPage]) -> list[Manual]:
    """Each folder directly under `content/manuals/` that has an index.md, with its
    pages (sub-folders included) in the order of the menu."""
    by_folder: dict[str, list[ContentPage]] = {}
    for page in content:
        folder = layout.manual_folder(page.path)
        if folder is not None:
            by_folder.setdefault(folder, []).append(page)
    found = []
    for folder, pages in by_folder.items():
        index = next((p for p in pages if p.path == layout.manual_index(folder)), None)
        if index is None:
            continue
        indexes = {posixpath.dirname(p.path): p for p in pages if p.is_index}

        def place(
            page: ContentPage, indexes: dict[str, ContentPage] = indexes
        ) -> tuple[object, ...]:
            """Menu order: each enclosing sub-folder's (order, title), then the page's own."""
            folder_path = posixpath.dirname(page.path)
            chain: list[tuple[int, str]] = []
            while folder_path.count("/") > 1:
                sub = indexes.get(folder_path)
                name = posixpath.basename(folder_path)
                chain.insert(0, (sub.meta.order, sub.meta.title) if sub else (100, name))
                folder_path = posixpath.dirname(folder_path)
            own = (0, 0, "") if page.is_index else (1, page.meta.order, page.meta.title)
            return (*chain, own)

        rest = sorted((p for p in pages if p is not index), key=place)
        found.append(Manual(folder, index, rest))
    return sorted(found, key=lambda m: (m.index.meta.order, m.title, m.folder))


@functools.cache
def _converter() -> markdown.Markdown:
    """Markdown as the site reads it (mkdocs.yml's extensions that matter on paper)."""
    return markdown.Markdown(
        extensions=["tables", "sane_lists", "attr_list", "admonition"], output_format="html"
    )


class PrintPages:
    """Makes the print HTML of every PDF of one build."""

    def __init__(
        self,
        catalog: Catalog,
        settings: Settings,
        labels: dict[str, str],
        fonts: Fonts,
        root: Path,
    ) -> None:
        self.catalog = catalog
        self.settings = settings
        self.labels = labels
        self.fonts = fonts
        self.root = root
        self.env = make_environment(
            settings.template_overrides,
            global_values={"catalog": catalog, "Status": Status},
            extra=layout.PDF_TEMPLATES,
        )

    # -- what goes in -----------------------------------------------------------------
    def collected(self) -> list[EditionInfo]:
        """The standards the 汇编 holds: each one's edition in force, in catalog order
        (with its amendment sheets in effect)."""
        return [s.current for s in self.catalog.standards if s.current.status == Status.CURRENT]

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(
            L=self.labels,
            settings=self.settings,
            fonts=self.fonts,
            css=Markup(CSS),
            **context,
        )

    # -- standards --------------------------------------------------------------------
    def standard(self, info: EditionInfo) -> str:
        """The print HTML of one edition: cover, 目次, 前言, the amendment sheets in
        effect, body (their text consolidated), 附录A."""
        e = info.model  # the text in force: its amendment sheets in effect applied
        return self._render(
            "pdf_standard.html.j2",
            info=info,
            amendments=in_force(e, self.catalog.as_of),
            clauses=_clauses(info),
            doc_title=f"{e.code} {e.title}",
            author=e.issuer,
            created=e.issued.isoformat(),
        )

    def draft(self, draft: DraftInfo) -> str:
        """The print HTML of a draft for comment: a 征求意见稿 cover and running head, 目次,
        前言, body (the templates' macros read `info.model`, `replaces` and `replaced_by`)."""
        e = draft.model
        return self._render(
            "pdf_draft.html.j2",
            info=_DraftPrint(e),
            end=draft.end,
            clauses={c.id: c for c, _ in walk_clauses(e)},
            doc_title=f"{e.code} {e.title}{self.labels['draft_suffix']}",
            author=e.issuer,
            created=e.consultation.start.isoformat(),
        )

    def amendment(self, info: EditionInfo, sheet: Amendment) -> str:
        """The print HTML of an amendment sheet: each item with its clause's number."""
        e = info.model
        old, new = before_and_after(info.written, sheet.number)
        name = self.labels["amendment_name"].format(number=sheet.number)
        return self._render(
            "pdf_amendment.html.j2",
            e=e,
            a=sheet,
            before={c.id: c for c, _ in walk_clauses(old)},
            after={c.id: c for c, _ in walk_clauses(new)},
            doc_title=f"{e.code} {name}",
            author=e.issuer,
            created=sheet.issued.isoformat(),
        )

    # -- manuals ----------------------------------------------------------------------
    def _prepare(
        self, manual: Manual, resolved: dict[str, list[Resolved]], inside: dict[str, str]
    ) -> Manual:
        """The manual's intro and chapters as HTML; `inside`: edition ref → the id prefix
        of that edition in the same PDF (citations of it link there)."""
        manual.intro = self._page_html(manual.index, manual.prefix, resolved, inside)
        manual.chapters = [
            Chapter(
                page,
                f"{manual.prefix}c{n}",
                self._page_html(page, f"{manual.prefix}c{n}-", resolved, inside),
                [self.catalog.standard(i) for i in page.meta.implements],
            )
            for n, page in enumerate(manual.pages, 1)
        ]
        return manual

    def manual(self, manual: Manual, resolved: dict[str, list[Resolved]]) -> str:
        """The print HTML of a manual's booklet: cover, 目次, 说明, chapters."""
        manual.prefix = "m-"
        self._prepare(manual, resolved, {})
        dates = [p.meta.date for p in [manual.index, *manual.pages] if p.meta.date]
        return self._render(
            "pdf_manual.html.j2",
            manual=manual,
            doc_title=manual.title,
            author=manual.index.meta.issuer or self.settings.committee,
            created=(max(dates) if dates else self.catalog.as_of).isoformat(),
        )

    # -- the 汇编 ---------------------------------------------------------------------
    def collection(self, books: list[Manual], resolved: dict[str, list[Resolved]]) -> str:
        """The print HTML of the 汇编: every standard in force, then every manual."""
        standards = [
            Collected(info, f"s{n}-", _clauses(info)) for n, info in enumerate(self.collected(), 1)
        ]
        inside = {s.info.ref: s.prefix for s in standards}
        for n, manual in enumerate(books, 1):
            manual.prefix = f"m{n}-"
            self._prepare(manual, resolved, inside)
        dates = [info.model.issued for info in self.collected()]
        dates += [p.meta.date for m in books for p in [m.index, *m.pages] if p.meta.date]
        title = f"{self.settings.site_name}{self.labels['pdf_collection']}"
        return self._render(
            "pdf_collection.html.j2",
            standards=standards,
            manuals=books,
            year=self.catalog.as_of.year,
            doc_title=title,
            author=self.settings.committee or self.settings.site_name,
            created=(max(dates) if dates else self.catalog.as_of).isoformat(),
        )

    # -- a hand-written page on paper ----------------------------------------------------
    def _page_html(
        self,
        page: ContentPage,
        prefix: str,
        resolved: dict[str, list[Resolved]],
        inside: dict[str, str],
    ) -> Markup:
        def one(r: Resolved) -> str:
            return self.citation(r, inside)

        source = page_markdown(page, resolved.get(page.source, []), one)
        html = _converter().reset().convert(source)
        return Markup(_IMG_SRC.sub(lambda m: self._image(m, page), html))

    def _image(self, m: re.Match[str], page: ContentPage) -> str:
        """An image of the page as a file address inside content/, or none (nothing is fetched
        from elsewhere: see `render.fetcher`)."""
        src = m.group(2)
        if "://" in src or src.startswith(("/", "data:")):
            return f"{m.group(1)}{m.group(3)}"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), src))
        path = (self.root / layout.CONTENT_DIR / target).resolve()
        return f"{m.group(1)}{escape(path.as_uri())}{m.group(3)}"

    def href(self, r: Resolved, inside: dict[str, str]) -> str:
        """Where a citation leads from paper: into this PDF when the edition is in it,
        else to the site when its address is known, else nowhere."""
        c, e = r.citation, r.info.model
        if r.info.ref in inside and not c.edition:
            return f"#{inside[r.info.ref]}{c.anchor or 'start'}"
        if self.settings.site_url:
            base = self.settings.site_url.rstrip("/") + "/"
            folder = layout.page_url(layout.standard_path(e.id, e.edition if c.edition else None))
            return f"{base}{folder}/" + (f"#{c.anchor}" if c.anchor else "")
        return ""

    def citation(self, r: Resolved, inside: dict[str, str]) -> str:
        """A citation on paper: its text with its target written out,
        e.g. 主题党日制度（见 XX/DJ 001-2023 4.3）; a quote as a block with its source."""
        c, e, L = r.citation, r.info.model, self.labels
        href = self.href(r, inside)
        if c.quote and r.clause is not None:
            return "\n\n" + self._quote(r, href) + "\n\n"
        if r.term is not None:
            where = f"{e.code} {r.term.number or L['terms']}"
            text = f"{c.text or r.term.term}{L['pdf_see'].format(target=where)}"
        elif r.clause is not None:
            target = f"{e.code} {r.clause.number}"
            if c.text:
                text = f"{c.text}{L['pdf_see'].format(target=target)}"
            else:
                text = f"{target} {r.clause.title or ''}".rstrip()
        else:
            text = (
                f"{c.text}{L['pdf_see'].format(target=e.code)}" if c.text else f"{e.code} {e.title}"
            )
        if is_outdated(r):
            text += L["cite_outdated"].format(edition=e.edition, status=r.info.status)
        shown = markup.inline(text)
        if not href:
            return f'<span class="cite">{shown}</span>'
        return f'<a class="cite" href="{escape(href)}">{shown}</a>'

    def _quote(self, r: Resolved, href: str) -> str:
        e, clause = r.info.model, r.clause
        assert clause is not None
        parts = [_quoted(clause)] + [_quoted(child) for child in clause.clauses]
        source = f"{e.code} {e.title}（{e.edition}{self.labels['edition_suffix']}）{clause.number}"
        link = f'<a href="{escape(href)}">{escape(source)}</a>' if href else str(escape(source))
        body = "".join(parts).replace("\n\n", "\n")
        return (
            f'<blockquote class="hb-quote">{body}'
            f'<p class="source">——{escape(self.labels["quote_from"])} {link}</p></blockquote>'
        )


def _quoted(clause: Clause) -> str:
    title = f"{clause.number} {clause.title or ''}".rstrip()
    return f"<p><strong>{escape(title)}</strong></p>{markup.html_block(clause.text)}"


def _clauses(info: EditionInfo) -> dict[str, Clause]:
    return {c.id: c for c, _ in walk_clauses(info.model)}

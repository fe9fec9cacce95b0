"""The print source (Typst) of each PDF, from the catalog and the hand-written
pages, with the templates in `templates/` (the handbook's override folder first).

One PDF per edition of every standard, one booklet per manual folder
(`content/manuals/<folder>/`), and the 汇编's own pages (cover, 目次): the 汇编
itself is put together from the others (see `assemble`).
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import markdown
from markupsafe import escape

from generator import layout
from generator.content.check import Resolved, is_outdated
from generator.content.links import on_paper
from generator.content.load import ContentPage
from generator.content.pages import page_markdown
from generator.errors import ValidationFailed
from generator.pdf.fonts import Fonts
from generator.pdf.typst_markup import HtmlToTypst, Typ, finalize, string
from generator.render import markup
from generator.render.committee import located, page_folders
from generator.render.renderer import make_environment
from generator.settings import Settings
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.lifecycle import in_force
from generator.standards.load import LoadedEdition
from generator.standards.model import Clause, Status, walk_clauses

LIB = Typ((layout.PDF_TEMPLATES / "print.typ").read_text(encoding="utf-8"))
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')


@dataclass(frozen=True)
class TocEntry:
    """A line of the 汇编's 目次: a part, or a chapter of a booklet, and its page."""

    title: str
    page: str
    indent: int = 0
    group: bool = False


@dataclass
class Chapter:
    """A hand-written page of a manual, as printed."""

    page: ContentPage
    id: str
    body: Typ
    implements: list[object]


@dataclass
class Manual:
    """A manual folder: its index page (cover, 前言) and its chapters in menu order."""

    folder: str
    index: ContentPage
    pages: list[ContentPage]
    prefix: str = ""
    intro: Typ = Typ("")
    chapters: list[Chapter] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The manual's title: its index page's."""
        return self.index.meta.title

    @property
    def path(self) -> str:
        """Where its booklet goes in the docs folder."""
        return layout.manual_pdf(self.folder)


def manuals(content: list[ContentPage], untitled: str) -> list[Manual]:
    """Each folder directly under `content/manuals/` that has an index.md, with its
    pages (sub-folders included) in the order of the menu; and the pages directly in
    `content/manuals/` (where the scaffold writes one): one booklet, under its index.md
    or, without one, titled `untitled` (an index.md alone there is the menu's, not a manual)."""
    by_folder: dict[str, list[ContentPage]] = {}
    for page in content:
        folder = layout.manual_folder(page.path)
        if folder is not None:
            by_folder.setdefault(folder, []).append(page)
    found = []
    for folder, pages in by_folder.items():
        index = next((p for p in pages if p.path == layout.manual_index(folder)), None)
        if folder == "" and index is None:
            index = _cover(pages, untitled)
        elif folder == "" and len(pages) == 1:
            continue
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


def _cover(pages: list[ContentPage], title: str) -> ContentPage:
    """The cover of a booklet of loose pages that have no index.md: a page of no text
    of its own, titled as the menu calls manuals, standing where the index would."""
    first = min(pages, key=lambda p: (p.meta.order, p.meta.title, p.path))
    blank: dict[str, object] = {"issuer": None, "date": None, "description": None, "implements": []}
    meta = first.meta.model_copy(update={"title": title, **blank})
    return dataclasses.replace(
        first, path=layout.manual_index(""), meta=meta, body="", headings=[], citations=[]
    )


@functools.cache
def _converter() -> markdown.Markdown:
    """Markdown as the site reads it (mkdocs.yml's extensions that matter on paper)."""
    return markdown.Markdown(
        extensions=["tables", "sane_lists", "attr_list", "admonition", markup.CjkBreaks()],
        output_format="html",
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
            page_folders(settings),
            global_values={"catalog": catalog, "Status": Status, "chapter_name": self.chapter_name},
            extra=layout.PDF_TEMPLATES,
        )
        # Typst, not HTML: every plain value lands as a Typst string.
        self.env.finalize = finalize
        self.env.filters.update(
            str=string, typ_block=self.typ_block, flag=lambda v: Typ("true" if v else "false")
        )

    def typ_block(self, text: str, prefix: str) -> Typ:
        """An editor's Markdown field as Typst content; its links into the document take `prefix`."""
        return HtmlToTypst(prefix).convert(str(markup.html_block(text)))

    def chapter_name(self, info: EditionInfo, part: str) -> str:
        """范围, 规范性引用文件, 术语和定义: numbered 1, 2, 3 when the standard follows GB/T 1.1."""
        name = self.labels[part]
        if not info.model.gbt:
            return name
        number = {"scope": 1, "references": 2, "terms": 3}[part]
        return f"{number}　{name}"

    # -- what goes in -----------------------------------------------------------------
    def collected(self) -> list[EditionInfo]:
        """The standards the 汇编 holds: each one's edition in force, in catalog order
        (its text with the amendment sheets in effect)."""
        return [
            self.consolidated(s.current)
            for s in self.catalog.standards
            if s.current.status == Status.CURRENT
        ]

    def consolidated(self, info: EditionInfo) -> EditionInfo:
        """The edition as printed on the as-of day: its text with the amendment sheets
        in effect (see `standards.lifecycle.consolidate`)."""
        now = self.catalog.consolidated(info.ref)
        if now.model is info.model:
            return info
        return dataclasses.replace(info, loaded=LoadedEdition(info.loaded.doc, now.model))

    def render(self, template: str, **context: object) -> str:
        """A print template rendered; a mistake in a committee's own print template
        (in `site_templates/`) is a located problem, as for the site's pages."""
        try:
            return self.env.get_template(template).render(
                L=self.labels,
                settings=self.settings,
                fonts=self.fonts,
                lib=LIB,
                **context,
            )
        except Exception as exc:
            problem = located(exc, self.root, page_folders(self.settings))
            if problem is None:
                raise
            raise ValidationFailed([problem]) from None

    # -- standards --------------------------------------------------------------------
    def standard(self, info: EditionInfo) -> str:
        """The print source of one edition: cover, 目次, 前言, the amendment sheets in
        effect, body (their text consolidated), 附录A."""
        e = info.model
        now = self.consolidated(info)
        return self.render(
            "pdf_standard.typ.j2",
            info=now,
            amendments=in_force(e, self.catalog.as_of),
            clauses=_clauses(info) | _clauses(now),  # with any clause an amendment added
            doc_title=f"{e.code} {e.title}",
            author=e.issuer,
            created=e.issued,
            gbt=e.gbt,
        )

    # -- manuals ----------------------------------------------------------------------
    def prepare(self, manual: Manual, resolved: dict[str, list[Resolved]]) -> Manual:
        """The manual's intro and chapters as Typst content."""
        manual.prefix = "m-"
        manual.intro = self._page_html(manual.index, manual.prefix, resolved, {})
        manual.chapters = [
            Chapter(
                page,
                f"{manual.prefix}c{n}",
                self._page_html(page, f"{manual.prefix}c{n}-", resolved, {}),
                [self.catalog.standard(i) for i in page.meta.implements],
            )
            for n, page in enumerate(manual.pages, 1)
        ]
        return manual

    def _manual_context(self, manual: Manual) -> dict[str, object]:
        dates = [p.meta.date for p in [manual.index, *manual.pages] if p.meta.date]
        return {
            "manual": manual,
            "doc_title": manual.title,
            "author": manual.index.meta.issuer or self.settings.committee,
            "created": max(dates) if dates else self.catalog.as_of,
            "gbt": False,
        }

    def manual_front(self, manual: Manual, entries: list[TocEntry]) -> str:
        """The print source of a booklet's own pages: cover, 目次 (the chapters' pages
        given in `entries`), 说明. The chapters are set one by one (`chapter`)."""
        return self.render("pdf_manual.typ.j2", entries=entries, **self._manual_context(manual))

    def chapter(self, manual: Manual, chapter: Chapter, start: int) -> str:
        """The print source of one chapter of a booklet, its pages numbered from `start`."""
        return self.chapters(manual, [chapter], start)

    def chapters(self, manual: Manual, run: list[Chapter], start: int) -> str:
        """The print source of a run of consecutive chapters of a booklet, each from a
        new page, their pages numbered from `start`."""
        return self.render(
            "pdf_chapter.typ.j2",
            chapters=run,
            start=start,
            by_number=True,
            **self._manual_context(manual),
        )

    # -- the 汇编 ---------------------------------------------------------------------
    def collection(self, entries: list[TocEntry], counts: tuple[int, int], created: date) -> str:
        """The print source of the 汇编's own pages: its cover and 目次, whose page
        numbers come from the parts put after them. `counts`: standards, manuals."""
        return self.render(
            "pdf_collection.typ.j2",
            entries=entries,
            standards=range(counts[0]),
            manuals=range(counts[1]),
            year=self.catalog.as_of.year,
            doc_title=self.collection_title,
            author=self.settings.committee or self.settings.site_name,
            created=created,
            gbt=False,
        )

    @property
    def collection_title(self) -> str:
        """The 汇编's title: the handbook's name and 汇编."""
        return f"{self.settings.site_name}{self.labels['pdf_collection']}"

    # -- a hand-written page on paper ----------------------------------------------------
    def _page_html(
        self,
        page: ContentPage,
        prefix: str,
        resolved: dict[str, list[Resolved]],
        inside: dict[str, str],
    ) -> Typ:
        def one(r: Resolved) -> str:
            return self.citation(r, inside)

        source = page_markdown(page, resolved.get(page.source, []), one)
        # A link to another page or file of the handbook leads to the site, or nowhere.
        html = on_paper(_converter().reset().convert(source), page.path, self.settings.site_url)
        html = _IMG_SRC.sub(lambda m: self._image(m, page), html)
        return HtmlToTypst(prefix, self.root / layout.CONTENT_DIR).convert(html)

    def _image(self, m: re.Match[str], page: ContentPage) -> str:
        """An image of the page as a file address inside content/, or none (nothing is fetched
        from elsewhere: Typst reads only inside the folder `render.write_pdf` allows)."""
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

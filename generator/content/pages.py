"""Hand-written pages made ready for the engine: citations become links or
quoted blocks, raw HTML is shown as text, and every citation is remembered
so that the cited clause can list who cites it (its backlinks)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.check import Resolved, is_outdated
from generator.content.citations import code_free_spans
from generator.content.load import ContentPage
from generator.layout import standard_path
from generator.render.markup import inline
from generator.render.renderer import Page, Renderer
from generator.standards.catalog import Catalog
from generator.standards.pages import title_dep

_RAW_HTML = re.compile(r"<(?!https?://|mailto:)")


@dataclass(frozen=True)
class Backlink:
    """A place in a hand-written page that cites a clause."""

    page: ContentPage
    title: str
    anchor: str


def backlinks(
    pages: list[ContentPage], resolved: dict[str, list[Resolved]]
) -> dict[tuple[str, str], list[Backlink]]:
    """(edition ref, clause id) → the sections that cite it, in page order, each once."""
    found: dict[tuple[str, str], list[Backlink]] = {}
    seen: set[tuple[str, str, str, str]] = set()  # (ref, clause, page, anchor)
    for page in pages:
        for r in resolved.get(page.source, []):
            if r.clause is None:
                continue
            heading = page.section_at(r.citation.start)
            anchor = heading.anchor if heading else ""
            once = (r.info.ref, r.clause.id, page.source, anchor)
            if once in seen:
                continue
            seen.add(once)
            title = f"{page.meta.title} › {heading.title}" if heading else page.meta.title
            found.setdefault((r.info.ref, r.clause.id), []).append(Backlink(page, title, anchor))
    return found


def citation_markdown(
    r: Resolved,
    md: Callable[..., str],
    url: Callable[..., str],
    quote: Callable[[Resolved, str], str],
    labels: dict[str, str],
) -> str:
    """The Markdown that stands where a citation was written."""
    c, e = r.citation, r.info.model
    target = standard_path(e.id, e.edition if c.edition else None)
    if c.quote:
        return quote(r, url(target, c.anchor or ""))
    if r.term is not None:
        text = c.text or r.term.term
    elif r.clause is not None:
        text = c.text or f"{e.code} {r.clause.number} {r.clause.title or ''}".rstrip()
    else:
        text = c.text or f"{e.code} {e.title}"
    note = ""
    if is_outdated(r):
        note = labels["cite_outdated"].format(edition=e.edition, status=r.info.status)
    css = ".hb-cite .hb-cite--outdated" if note else ".hb-cite"
    return (
        f"[{inline(text)}{inline(note) if note else ''}]({md(target, c.anchor or '')}){{: {css} }}"
    )


def page_markdown(
    page: ContentPage, resolved: list[Resolved], render_citation: Callable[[Resolved], str]
) -> str:
    """The page body with citations replaced and raw HTML escaped (code is left as written)."""
    by_start = {r.citation.start: r for r in resolved}
    out: list[str] = []
    position = 0
    for offset, text in code_free_spans(page.body):
        out.append(page.body[position:offset])  # code, verbatim
        cursor = 0
        for start in sorted(s for s in by_start if offset <= s < offset + len(text)):
            r = by_start[start]
            out.append(_RAW_HTML.sub("&lt;", text[cursor : start - offset]))
            out.append(render_citation(r))
            cursor = r.citation.end - offset
        out.append(_RAW_HTML.sub("&lt;", text[cursor:]))
        position = offset + len(text)
    out.append(page.body[position:])
    return "".join(out)


def has_title_heading(body: str) -> bool:
    """Whether the editor wrote the page's own title as a level-1 heading."""
    return any(line.startswith("# ") for line in body.splitlines())


def cite_dep(renderer: Renderer, r: Resolved) -> str:
    """A dependency on what a citation shows of the cited clause, term or standard."""
    c, e = r.citation, r.info.model

    def shown() -> object:
        clause: object = None
        if r.clause is not None:
            clause = r.clause.model_dump_json() if c.quote else (r.clause.number, r.clause.title)
        term = r.term.term if r.term is not None else None
        return (e.ref, e.code, e.title, e.edition, r.info.status, clause, term)

    return renderer.part(f"cite:{e.ref}#{c.anchor}:{c.quote}:{c.edition}", shown)


def body(renderer: Renderer, page: ContentPage, resolved: list[Resolved]) -> Markup:
    """A hand-written body with its citations rendered."""
    links = renderer.helpers(page.path)

    def quote(r: Resolved, href: str) -> str:
        return renderer.render("cite_quote.md.j2", page.path, r=r, href=href).strip("\n")

    def one(r: Resolved) -> str:
        text = citation_markdown(r, links["md"], links["url"], quote, renderer.labels)
        return f"\n\n{text}\n\n" if r.citation.quote else text

    return Markup(page_markdown(page, resolved, one))


def content_pages(
    renderer: Renderer,
    catalog: Catalog,
    content: list[ContentPage],
    resolved: dict[str, list[Resolved]],
) -> list[Page]:
    """The manuals' and guides' pages."""
    pages = []
    for page in content:
        found = resolved.get(page.source, [])
        deps = [
            page.source,
            *(title_dep(renderer, catalog, sid) for sid in page.meta.implements),
            *(cite_dep(renderer, r) for r in found),
        ]
        pages.append(
            renderer.page(
                page.path,
                page.meta.title,
                functools.partial(_content, renderer, catalog, page, found),
                deps=deps,
                in_nav=True,
                source=page.source,
            )
        )
    return pages


def _content(
    renderer: Renderer, catalog: Catalog, page: ContentPage, resolved: list[Resolved]
) -> str:
    implements = [catalog.standard(i) for i in page.meta.implements]
    return renderer.render(
        "content_page.md.j2",
        page.path,
        page=page,
        implements=implements,
        body=body(renderer, page, resolved),
        own_title=has_title_heading(page.body),
    )

"""Hand-written pages made ready for the engine: citations become links or
quoted blocks, raw HTML is shown as text, and every citation is remembered
so that the cited clause can list who cites it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.citations import Resolved, code_free_spans, is_outdated
from generator.markup import inline
from generator.pages import ContentPage
from generator.urls import standard_path

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
    return any(line.startswith("# ") for line in body.splitlines())

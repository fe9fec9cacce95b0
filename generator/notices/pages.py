"""The notices' pages: the index (open ones first, by type and year) and each notice."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from generator import layout
from generator.content.check import Resolved
from generator.content.pages import body, cite_dep
from generator.notices.load import CALENDAR
from generator.notices.status import NoticeInfo
from generator.render.renderer import Page, Renderer
from generator.standards.catalog import Catalog
from generator.standards.pages import title_dep


def notice_pages(
    renderer: Renderer,
    catalog: Catalog,
    notices: list[NoticeInfo],
    resolved: dict[str, list[Resolved]],
    result_titles: Mapping[str, str],
    result_sources: Mapping[str, str],
) -> list[Page]:
    """The pages of the notices shown. `result_titles` and `result_sources`: the
    title and file of each round and public table ("round:<id>", "table:<id>")."""
    if not notices:
        return []
    pages = [
        renderer.page(
            layout.NOTICES_INDEX,
            renderer.labels["notices"],
            lambda: renderer.render("notices_index.html.j2", layout.NOTICES_INDEX, notices=notices),
            # each notice's type, title, dates and status (from the holiday calendar)
            deps=[CALENDAR, *(i.notice.page.source for i in notices)],
            in_nav=True,
        )
    ]
    by_slug = {i.notice.slug: i for i in notices}
    for notice in notices:
        n = notice.notice
        found = resolved.get(n.page.source, [])
        deps = [
            n.page.source,
            CALENDAR,
            *(title_dep(renderer, catalog, sid) for sid in n.meta.concerns),
            *(cite_dep(renderer, r) for r in found),
            *(result_sources.get(f"round:{i}", "") for i in n.meta.rounds),
            *(result_sources.get(f"table:{i}", "") for i in n.meta.tables),
            *(layout.notice_source(slug) for slug in [n.meta.extends or "", *notice.extended_by]),
        ]
        pages.append(
            renderer.page(
                n.path,
                n.meta.title,
                functools.partial(_notice, renderer, notice, found, by_slug, result_titles),
                deps=deps,
                source=n.page.source,
            )
        )
    return pages


def _notice(
    renderer: Renderer,
    info: NoticeInfo,
    resolved: list[Resolved],
    by_slug: Mapping[str, NoticeInfo],
    result_titles: Mapping[str, str],
) -> str:
    n = info.notice
    return renderer.render(
        "notice.md.j2",
        n.path,
        info=info,
        n=n,
        m=n.meta,
        body=body(renderer, n.page, resolved),
        notices=by_slug,
        result_titles=result_titles,
    )

"""The pages of a standard's life around its editions: each draft for comment
(with its 编制说明 and 意见汇总处理表) and each amendment sheet (with the text
before and after it), and the marks an edition's page sets at amended clauses."""

from __future__ import annotations

import functools

from generator import layout
from generator.render.renderer import Page, Renderer
from generator.standards.catalog import Catalog, DraftInfo, EditionInfo
from generator.standards.compare import compare_editions
from generator.standards.downloads import HANDLING_FILES, handling_csv, handling_xlsx
from generator.standards.lifecycle import Consolidated, before_and_after
from generator.standards.model import Amendment, StandardEdition, walk_clauses


def amendment_marks(
    edition: StandardEdition, now: Consolidated
) -> dict[str, list[dict[str, object]]]:
    """Clause id → the marks of the sheets in effect that changed, added or deleted it."""
    marks: dict[str, list[dict[str, object]]] = {}
    for clause_id, sheets in now.marks.items():
        for sheet in sheets:
            action = next(i.action for i in sheet.items if i.clause == clause_id)
            marks.setdefault(clause_id, []).append(
                {
                    "number": sheet.number,
                    "action": action,
                    "effective": sheet.effective,
                    "path": layout.amendment_path(edition.id, edition.edition, sheet.number),
                }
            )
    return marks


def lifecycle_pages(
    renderer: Renderer, catalog: Catalog
) -> tuple[list[Page], dict[str, str | bytes | None]]:
    """A page for each draft for comment and each amendment sheet, and the downloads
    of each draft's 意见汇总处理表 (xlsx and CSV)."""
    pages, files = [], dict[str, str | bytes | None]()
    for draft in catalog.drafts:
        m = draft.model
        path = layout.draft_path(m.id, m.edition)
        if m.handling:
            xlsx, csv = (layout.draft_download(m.id, m.edition, n) for n in HANDLING_FILES)
            files[xlsx] = renderer.file(
                xlsx, functools.partial(handling_xlsx, m, draft.end), draft.loaded.sources
            )
            files[csv] = renderer.file(csv, functools.partial(handling_csv, m), [draft.loaded.path])
        deps = draft.loaded.sources + ([draft.issued.loaded.path] if draft.issued else [])
        pages.append(
            renderer.page(
                path,
                m.title,
                functools.partial(_draft, renderer, draft, path),
                deps=deps,
                source=draft.loaded.path,
            )
        )
    for info in catalog.editions.values():
        e = info.model
        for sheet in e.amendments:
            path = layout.amendment_path(e.id, e.edition, sheet.number)
            pages.append(
                renderer.page(
                    path,
                    e.title,
                    functools.partial(_amendment, renderer, info, sheet, path),
                    deps=[info.loaded.path],
                    source=info.loaded.path,
                )
            )
    return pages, files


def _draft(renderer: Renderer, draft: DraftInfo, path: str) -> str:
    clauses = {c.id: c for c, _ in walk_clauses(draft.model)}
    decisions = [h.decision for h in draft.model.handling]
    counts = {d: decisions.count(d) for d in ("采纳", "部分采纳", "未采纳")}
    return renderer.render(
        "draft.html.j2",
        path,
        d=draft,
        e=draft.model,
        clauses=clauses,
        counts=counts,
        draft_path=layout.draft_path,
        downloads=HANDLING_FILES,
    )


def _amendment(renderer: Renderer, info: EditionInfo, sheet: Amendment, path: str) -> str:
    before, after = before_and_after(info.written, sheet.number)
    changes = compare_editions(before, after)
    clauses = {c.id: c for c, _ in walk_clauses(after)}
    old = {c.id: c for c, _ in walk_clauses(before)}
    return renderer.render(
        "amendment.html.j2",
        path,
        info=info,
        e=info.model,
        a=sheet,
        c=changes,
        clauses=clauses,
        old=old,
    )

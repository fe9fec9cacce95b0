"""The PDFs of a standard's life besides its editions: each draft for comment
(征求意见稿, its own cover and running header) and each amendment sheet (修改单),
as jobs the PDF stage keys and queues like the editions' (see `stage`).

An edition's own PDF is its consolidated text (`PrintPages.standard`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from generator import layout
from generator.pdf.html import PrintPages
from generator.standards.catalog import DraftInfo, EditionInfo
from generator.standards.lifecycle import before_and_after
from generator.standards.model import Amendment, Clause, StandardDraft, walk_clauses


@dataclass(frozen=True)
class PrintJob:
    """One PDF for the stage: where it goes, how its print source is made, what its key
    holds (the files it is made from, what else it shows) and the page that links it."""

    path: str
    source: Callable[[], str]
    deps: list[str]
    shown: object
    page: str


@dataclass(frozen=True)
class _DraftPrint:
    """A draft where the print macros expect an edition: its text, nothing it replaces."""

    model: StandardDraft
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()


def draft(pages: PrintPages, info: DraftInfo) -> str:
    """The print source of a draft for comment: a 征求意见稿 cover and running header,
    目次, 前言, body, 附录A."""
    e = info.model
    clauses = {c.id: c for c, _ in walk_clauses(e)}
    return pages.render(
        "pdf_draft.typ.j2",
        info=_DraftPrint(e),
        end=info.end,
        clauses=clauses,
        doc_title=f"{e.code} {e.title}{pages.labels['draft_suffix']}",
        author=e.issuer,
        created=e.consultation.start,
        gbt=e.gbt,
    )


def _sides(info: EditionInfo, sheet: Amendment) -> tuple[dict[str, Clause], dict[str, Clause]]:
    """The clauses by id just before and just after the sheet."""
    old, new = before_and_after(info.model, sheet.number)
    return {c.id: c for c, _ in walk_clauses(old)}, {c.id: c for c, _ in walk_clauses(new)}


def amendment(pages: PrintPages, info: EditionInfo, sheet: Amendment) -> str:
    """The print source of an amendment sheet: title, who issued it and when, then
    each item with its clause's number and what changes."""
    e = info.model
    before, after = _sides(info, sheet)
    name = pages.labels["amendment_name"].format(number=sheet.number)
    return pages.render(
        "pdf_amendment.typ.j2",
        e=e,
        a=sheet,
        before=before,
        after=after,
        doc_title=f"{e.code} {name}",
        author=e.issuer,
        created=sheet.issued,
        gbt=e.gbt,
    )


def _sheet_shows(info: EditionInfo, sheet: Amendment) -> object:
    """What an amendment sheet's PDF shows of its edition: not the whole file (an edit
    elsewhere in it does not set the sheet again), but its name and the clauses named."""
    e = info.model
    before, after = _sides(info, sheet)
    named = [after.get(i.clause) or before.get(i.clause) for i in sheet.items]
    named += [after.get(i.after) for i in sheet.items if i.after]
    heads = [(c.number, c.title) if c else None for c in named]
    return (e.code, e.title, e.issuer, sheet, heads)


def lifecycle_jobs(pages: PrintPages) -> list[PrintJob]:
    """A PDF for every amendment sheet of every edition and every draft for comment."""
    jobs = []
    for info in pages.catalog.editions.values():
        sid, edition = info.model.id, info.model.edition
        for sheet in info.model.amendments:
            jobs.append(
                PrintJob(
                    layout.amendment_pdf(sid, edition, sheet.number),
                    functools.partial(amendment, pages, info, sheet),
                    [],
                    _sheet_shows(info, sheet),
                    layout.amendment_path(sid, edition, sheet.number),
                )
            )
    for one in pages.catalog.drafts:
        m = one.model
        jobs.append(
            PrintJob(
                layout.draft_pdf(m.id, m.edition),
                functools.partial(draft, pages, one),
                [one.loaded.path],
                one.end,  # the period's end may come from the holiday calendar
                layout.draft_path(m.id, m.edition),
            )
        )
    return jobs

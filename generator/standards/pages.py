"""The pages of the standards: the index, each standard (the edition in force),
each edition, each comparison with the edition before, and the glossary."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from generator import layout
from generator.render.renderer import Page, Renderer
from generator.standards.catalog import Catalog, EditionInfo, StandardInfo
from generator.standards.compare import compare_editions
from generator.standards.lifecycle import citation
from generator.standards.lifecycle_pages import amendment_marks
from generator.standards.model import walk_clauses


def title_dep(renderer: Renderer, catalog: Catalog, standard_id: str) -> str:
    """A dependency on a standard's name only (the code and title in force):
    what a page that merely names it shows."""
    name = f"title:{standard_id}"
    if standard_id not in catalog.by_id:
        return name

    def shown() -> object:
        m = catalog.standard(standard_id).current.model
        return (m.ref, m.code, m.title)

    return renderer.part(name, shown)


def rubric_dep(renderer: Renderer, catalog: Catalog, ref: str) -> str:
    """A dependency on one edition's rubric only (with its code), for result pages:
    editing a clause's text does not touch them."""

    def shown() -> object:
        e = catalog.editions[ref].model
        rubric = e.rubric.model_dump_json() if e.rubric else ""
        return (e.id, e.edition, e.code, e.title, rubric)

    return renderer.part(f"rubric:{ref}", shown)


def standard_pages(
    renderer: Renderer,
    catalog: Catalog,
    citing: Mapping[str, set[str]],
    cited_by: Mapping[tuple[str, str], Sequence[object]],
) -> list[Page]:
    """The standards' pages. `citing`: standard id → the files that cite it;
    `cited_by`: (edition ref, clause id) → the places citing that clause."""
    pages = [
        renderer.page(
            layout.STANDARDS_INDEX,
            renderer.labels["standards_index"],
            lambda: renderer.render("standards_index.html.j2", layout.STANDARDS_INDEX),
            in_nav=True,
        )
    ]
    for standard in catalog.standards:
        related = {
            catalog.editions[ref].loaded.path
            for info in standard.editions
            for ref in info.replaces + info.replaced_by
        }
        deps = [*catalog.files_of(standard.id), *related, *citing.get(standard.id, ())]
        deps += [s for d in catalog.drafts_of(standard.id) for s in d.loaded.sources]
        current = layout.standard_path(standard.id)
        page = functools.partial(_standard, renderer, catalog, cited_by, standard)
        pages.append(
            renderer.page(
                current,
                standard.current.model.title,
                functools.partial(page, standard.current, current, True),
                deps=deps,
                in_nav=True,
                source=standard.current.loaded.path,
            )
        )
        for older, newer in zip(standard.editions, standard.editions[1:], strict=False):
            path = layout.compare_path(standard.id, newer.model.edition)
            pages.append(
                renderer.page(
                    path,
                    newer.model.title,
                    functools.partial(_compare, renderer, standard, older, newer, path),
                    deps=deps,
                )
            )
        for info in standard.editions:
            path = layout.standard_path(standard.id, info.model.edition)
            pages.append(
                renderer.page(
                    path,
                    info.model.title,
                    functools.partial(page, info, path, False),
                    deps=deps,
                    source=info.loaded.path,
                )
            )
    if any(s.current.model.terms for s in catalog.standards):
        pages.append(
            renderer.page(
                layout.GLOSSARY,
                renderer.labels["glossary"],
                lambda: renderer.render("glossary.html.j2", layout.GLOSSARY),
                in_nav=True,
            )
        )
    return pages


def _compare(
    renderer: Renderer, standard: StandardInfo, older: EditionInfo, newer: EditionInfo, path: str
) -> str:
    # The editions as issued: what an amendment sheet changed has its own redline.
    c = compare_editions(older.written, newer.written)
    return renderer.render("compare.html.j2", path, c=c, standard=standard, old=older, new=newer)


def _standard(
    renderer: Renderer,
    catalog: Catalog,
    cited_by: Mapping[tuple[str, str], Sequence[object]],
    standard: StandardInfo,
    info: EditionInfo,
    path: str,
    is_main: bool,
) -> str:
    now = catalog.consolidated(info.ref)
    clauses = {c.id: c for c, _ in walk_clauses(now.model)}
    return renderer.render(
        "standard.html.j2",
        path,
        standard=standard,
        info=info,
        e=now.model,
        amended=amendment_marks(info.written, now),
        pending=now.pending,
        in_force=[a for a in info.model.amendments if a.effective <= catalog.as_of],
        draft=catalog.draft_of(info.ref),
        history=catalog.history(standard.id),
        cite=citation(info.model.code, info.model.title),
        amendment_path=layout.amendment_path,
        draft_path=layout.draft_path,
        is_main=is_main,
        previous=standard.previous(info),
        following=standard.following(info),
        compare_path=layout.compare_path,
        clauses=clauses,
        cited_by=lambda clause_id: cited_by.get((info.ref, clause_id), []),
        # The main page and the in-force edition's own page carry the same
        # text; search indexes only the main one.
        search_exclude=(not is_main and info is standard.current),
    )

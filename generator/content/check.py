"""What the citations of hand-written pages point at: each resolved against the
catalog (the edition in force, a named edition, a clause or a term), or a problem."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.citations import Citation
from generator.content.load import ContentPage
from generator.errors import Problem, did_you_mean
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.model import Clause, Status, Term, walk_clauses


@dataclass(frozen=True)
class Resolved:
    """A citation and what it points at."""

    citation: Citation
    info: EditionInfo
    clause: Clause | None
    term: Term | None


def check_references(
    pages: list[ContentPage], catalog: Catalog
) -> tuple[dict[str, list[Resolved]], list[Problem]]:
    """Resolve every citation and `implements` of these pages (by source file)."""
    resolved: dict[str, list[Resolved]] = {}
    problems: list[Problem] = []
    ids = {s.id for s in catalog.standards}
    for page in pages:
        for k, standard_id in enumerate(page.meta.implements):
            if standard_id not in ids:
                problems.append(
                    page.meta_doc.problem(
                        ("implements", k), f"there is no standard '{standard_id}'"
                    )
                )
        for citation in page.citations:
            outcome = resolve(citation, catalog, page.source)
            if isinstance(outcome, Problem):
                problems.append(outcome)
            else:
                resolved.setdefault(page.source, []).append(outcome)
    return resolved, problems


def resolve(c: Citation, catalog: Catalog, path: str) -> Resolved | Problem:
    """What a citation points at, or the problem with it."""

    def problem(message: str) -> Problem:
        return Problem(path, c.line, c.column, "", message)

    ids = [s.id for s in catalog.standards]
    if c.standard not in ids:
        return problem(f"there is no standard '{c.standard}'{did_you_mean(c.standard, ids)}")
    standard = catalog.standard(c.standard)
    if c.edition is None:
        info = standard.current
    else:
        editions = [i.model.edition for i in standard.editions]
        match = [i for i in standard.editions if i.model.edition == c.edition]
        if not match:
            return problem(
                f"the standard '{c.standard}' has no edition '{c.edition}'; "
                f"its editions are {', '.join(editions)}"
            )
        info = match[0]
    if c.anchor is None:
        if c.quote:
            return problem("a quote needs a clause: ![[standard-id#clause-id]]")
        return Resolved(c, info, None, None)
    clauses = {clause.id: clause for clause, _ in walk_clauses(info.model)}
    terms = {term.id: term for term in info.model.terms}
    where = f"{info.model.code}"
    if c.anchor in terms:
        return Resolved(c, info, None, terms[c.anchor])
    clause = clauses.get(c.anchor)
    if clause is None:
        older = [
            i.model.edition
            for i in standard.editions
            if any(cl.id == c.anchor for cl, _ in walk_clauses(i.model))
        ]
        hint = (
            f"; it exists in edition {', '.join(older)}: cite it as "
            f"[[{c.standard}@{older[-1]}#{c.anchor}]]"
            if older
            else did_you_mean(c.anchor, sorted([*clauses, *terms]))
        )
        return problem(f"{where} has no clause or term '{c.anchor}'{hint}")
    if clause.withdrawn:
        label = f"{clause.number} {clause.title or ''}".strip()
        message = f"the clause '{c.anchor}' ({label}) is withdrawn in {where}"
        successor = clause.withdrawn.moved_to
        if successor:
            after = clauses[successor]
            target = f"{c.standard}@{c.edition}" if c.edition else c.standard
            message += (
                f"; its content is now in {after.number} {after.title or ''}".rstrip()
                + f": cite [[{target}#{successor}]]"
            )
        return problem(message)
    return Resolved(c, info, clause, None)


def is_outdated(r: Resolved) -> bool:
    """A dated citation of an edition that is not the one in force."""
    return r.citation.edition is not None and r.info.status != Status.CURRENT

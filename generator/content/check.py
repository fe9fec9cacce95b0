"""What the citations of hand-written pages point at: each resolved against the
catalog (the edition in force, a named edition, a clause or a term), or a problem."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.citations import Citation
from generator.content.load import ContentPage
from generator.errors import Problem, did_you_mean
from generator.messages import NOTHING, phrase
from generator.standards.catalog import Catalog, EditionInfo
from generator.standards.model import Clause, Status, Term, clause_index, walk_clauses


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
                        ("implements", k),
                        "HB301",
                        id=standard_id,
                        hint=did_you_mean(standard_id, ids),
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

    def problem(code: str, /, **params: object) -> Problem:
        return Problem.at(path, c.line, c.column, "", code, **params)

    ids = [s.id for s in catalog.standards]
    if c.standard not in ids:
        return problem("HB301", id=c.standard, hint=did_you_mean(c.standard, ids))
    standard = catalog.standard(c.standard)
    if c.edition is None:
        info = standard.current
    else:
        editions = [i.model.edition for i in standard.editions]
        match = [i for i in standard.editions if i.model.edition == c.edition]
        if not match:
            return problem("HB302", id=c.standard, edition=c.edition, editions=editions)
        info = match[0]
    if c.anchor is None:
        if c.quote:
            return problem("HB303")
        return Resolved(c, info, None, None)
    clauses = clause_index(info.model)
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
            phrase(
                "hint.older_edition",
                editions=older,
                citation=f"[[{c.standard}@{older[-1]}#{c.anchor}]]",
            )
            if older
            else did_you_mean(c.anchor, sorted([*clauses, *terms]))
        )
        return problem("HB304", code=where, anchor=c.anchor, hint=hint)
    if clause.withdrawn:
        label = f"{clause.number} {clause.title or ''}".strip()
        successor = clause.withdrawn.moved_to
        moved = NOTHING
        if successor:
            after = clauses[successor]
            target = f"{c.standard}@{c.edition}" if c.edition else c.standard
            moved = phrase(
                "hint.moved_to",
                clause=f"{after.number} {after.title or ''}".rstrip(),
                citation=f"[[{target}#{successor}]]",
            )
        return problem("HB305", anchor=c.anchor, label=label, code=where, moved=moved)
    return Resolved(c, info, clause, None)


def is_outdated(r: Resolved) -> bool:
    """A dated citation of an edition that is not the one in force."""
    return r.citation.edition is not None and r.info.status != Status.CURRENT

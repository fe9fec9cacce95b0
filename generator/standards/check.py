"""Checks that need more than one field or more than one file: ids, numbers,
dates, replacements, rubric sums. Each returns a list of problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePosixPath

from generator.core.documents import Loc
from generator.errors import Problem, did_you_mean
from generator.standards.load import LoadedEdition
from generator.standards.model import Clause, StandardEdition, walk_clauses
from generator.standards.status import edition_status, replacement_links

# Anchors the standard page uses for its own headings.
RESERVED_IDS = frozenset(
    {"foreword", "scope", "references", "terms", "rubric", "editions", "cover", "content"}
)


def check_all(editions: list[LoadedEdition], as_of: dt.date) -> list[Problem]:
    """Every check of the standards' fields and files; checked data is what the catalog trusts."""
    problems: list[Problem] = []
    for item in editions:
        problems += _check_location(item)
        problems += _check_dates(item)
        problems += _check_ids(item)
        problems += _check_withdrawals(item)
        problems += _check_rubric(item)
    problems += _check_unique_editions(editions)
    problems += _check_replacements(editions)
    problems += _check_reuse(editions)
    if not problems:
        problems += _check_status(editions, as_of)
    return problems


def _dup(item: LoadedEdition, what: str, value: str, loc: Loc, first: Loc) -> Problem:
    line, column = item.doc.where(first)
    return item.doc.problem(
        loc,
        f"{what} '{value}' is used twice (first at line {line}, column {column}); {what}s must be unique",
    )


def _check_location(item: LoadedEdition) -> list[Problem]:
    path = PurePosixPath(item.path)
    model, problems = item.model, []
    if model.id != path.parent.name:
        problems.append(
            item.doc.problem(
                ("id",),
                f"the id '{model.id}' must equal the folder name '{path.parent.name}'; "
                f"move the file to standards/{model.id}/ or correct the id",
            )
        )
    if model.edition != path.stem:
        problems.append(
            item.doc.problem(
                ("edition",),
                f"the edition '{model.edition}' must equal the file name "
                f"'{path.stem}'; rename the file to {model.edition}.yml or correct the edition",
            )
        )
    return problems


def _check_dates(item: LoadedEdition) -> list[Problem]:
    m, problems = item.model, []
    if m.effective < m.issued:
        problems.append(
            item.doc.problem(
                ("effective",),
                f"the effective date {m.effective} is before the issue date {m.issued}",
            )
        )
    if m.repealed and m.repealed <= m.effective:
        problems.append(
            item.doc.problem(
                ("repealed",),
                f"the repeal date {m.repealed} must come after the effective date {m.effective}",
            )
        )
    return problems


def _check_ids(item: LoadedEdition) -> list[Problem]:
    m, problems = item.model, []
    anchors: dict[str, Loc] = {}
    numbers: dict[str, Loc] = {}

    def claim(value: str, loc: Loc) -> None:
        if value in RESERVED_IDS:
            problems.append(
                item.doc.problem(
                    (*loc, "id"),
                    f"the id '{value}' is reserved for the page's own headings; choose another",
                )
            )
        elif value in anchors:
            problems.append(_dup(item, "the id", value, (*loc, "id"), (*anchors[value], "id")))
        else:
            anchors[value] = loc

    for s, section in enumerate(m.sections):
        claim(section.id, ("sections", s))
    for clause, loc in walk_clauses(m):
        claim(clause.id, loc)
        if not clause.withdrawn:
            if clause.number in numbers:
                problems.append(
                    _dup(
                        item,
                        "the clause number",
                        clause.number,
                        (*loc, "number"),
                        (*numbers[clause.number], "number"),
                    )
                )
            else:
                numbers[clause.number] = loc
    for t, term in enumerate(m.terms):
        claim(term.id, ("terms", t))
    return problems


def _clause_index(m: StandardEdition) -> dict[str, Clause]:
    return {clause.id: clause for clause, _ in walk_clauses(m)}


def _check_withdrawals(item: LoadedEdition) -> list[Problem]:
    clauses, problems = _clause_index(item.model), []
    for clause, loc in walk_clauses(item.model):
        target = clause.withdrawn.moved_to if clause.withdrawn else None
        if not target:
            continue
        where = (*loc, "withdrawn", "moved_to")
        if target == clause.id:
            problems.append(item.doc.problem(where, "a withdrawn clause cannot point to itself"))
        elif target not in clauses:
            problems.append(item.doc.problem(where, _unknown("clause", target, clauses)))
        elif clauses[target].withdrawn:
            problems.append(
                item.doc.problem(
                    where,
                    f"the clause '{target}' is withdrawn too; point to the clause that holds the content now",
                )
            )
    return problems


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    return f"there is no {what} '{value}' in this edition{did_you_mean(value, known)}"


def _fmt(points: float) -> str:
    return f"{points:g}"


def _check_rubric(item: LoadedEdition) -> list[Problem]:
    rubric = item.model.rubric
    if rubric is None:
        return []
    problems = []
    clauses = _clause_index(item.model)
    total = sum(c.points for c in rubric.criteria)
    if abs(total - rubric.total) > 1e-9:
        problems.append(
            item.doc.problem(
                ("rubric", "total"),
                f"the criteria add up to {_fmt(total)} points, "
                f"but the total is {_fmt(rubric.total)}",
            )
        )
    if rubric.pass_mark > rubric.total:
        problems.append(
            item.doc.problem(
                ("rubric", "pass_mark"),
                f"the pass mark {_fmt(rubric.pass_mark)} is above the total {_fmt(rubric.total)}",
            )
        )
    seen: dict[str, Loc] = {}
    for c, criterion in enumerate(rubric.criteria):
        loc = ("rubric", "criteria", c)
        if criterion.id in seen:
            problems.append(
                _dup(
                    item,
                    "the criterion id",
                    criterion.id,
                    (*loc, "id"),
                    (*seen[criterion.id], "id"),
                )
            )
        seen.setdefault(criterion.id, loc)
        for k, clause_id in enumerate(criterion.clauses):
            if clause_id not in clauses:
                problems.append(
                    item.doc.problem((*loc, "clauses", k), _unknown("clause", clause_id, clauses))
                )
            elif clauses[clause_id].withdrawn:
                problems.append(
                    item.doc.problem(
                        (*loc, "clauses", k),
                        f"the clause '{clause_id}' is withdrawn and cannot be assessed",
                    )
                )
    names: dict[str, Loc] = {}
    for g, band in enumerate(rubric.grades):
        loc = ("rubric", "grades", g)
        if band.min > rubric.total:
            problems.append(
                item.doc.problem(
                    (*loc, "min"),
                    f"the grade '{band.name}' starts at {_fmt(band.min)}, above the total {_fmt(rubric.total)}",
                )
            )
        if band.name in names:
            problems.append(
                _dup(item, "the grade name", band.name, (*loc, "name"), (*names[band.name], "name"))
            )
        names.setdefault(band.name, loc)
    return problems


def _check_unique_editions(editions: list[LoadedEdition]) -> list[Problem]:
    seen: dict[str, LoadedEdition] = {}
    problems = []
    for item in editions:
        first = seen.setdefault(item.model.ref, item)
        if first is not item:
            problems.append(
                item.doc.problem(
                    ("edition",), f"the edition '{item.model.ref}' is also defined in {first.path}"
                )
            )
    return problems


def _check_replacements(editions: list[LoadedEdition]) -> list[Problem]:
    by_ref = {item.model.ref: item for item in editions}
    problems = []
    for item in editions:
        m = item.model
        for key, mirror in (("replaces", "replaced_by"), ("replaced_by", "replaces")):
            for k, ref in enumerate(getattr(m, key)):
                loc = (key, k)
                other = by_ref.get(ref)
                if ref == m.ref:
                    problems.append(item.doc.problem(loc, "an edition cannot replace itself"))
                elif other is None:
                    problems.append(
                        item.doc.problem(
                            loc,
                            f"there is no edition '{ref}' (expected a file standards/{ref}.yml)"
                            + did_you_mean(ref, set(by_ref) - {m.ref}),
                        )
                    )
                elif m.ref not in getattr(other.model, mirror):
                    problems.append(
                        item.doc.problem(
                            loc,
                            f"{other.path} does not list '{m.ref}' under '{mirror}'; "
                            "a replacement is recorded in both editions",
                        )
                    )
                else:
                    old, new = (other.model, m) if key == "replaces" else (m, other.model)
                    if new.effective <= old.effective:
                        problems.append(
                            item.doc.problem(
                                loc,
                                f"'{new.ref}' takes effect on {new.effective}, not after "
                                f"'{old.ref}' ({old.effective}), so it cannot replace it",
                            )
                        )
    return problems


def _check_reuse(editions: list[LoadedEdition]) -> list[Problem]:
    """A clause id, once withdrawn, is never used again by a later edition."""
    problems = []
    by_standard: dict[str, list[LoadedEdition]] = {}
    for item in editions:
        by_standard.setdefault(item.model.id, []).append(item)
    for group in by_standard.values():
        group.sort(key=lambda i: (i.model.effective, i.model.edition))
        withdrawn: dict[str, str] = {}
        for item in group:
            for clause, loc in walk_clauses(item.model):
                if clause.withdrawn:
                    withdrawn.setdefault(clause.id, item.model.edition)
                elif clause.id in withdrawn and withdrawn[clause.id] != item.model.edition:
                    problems.append(
                        item.doc.problem(
                            (*loc, "id"),
                            f"the clause id '{clause.id}' was withdrawn in edition "
                            f"{withdrawn[clause.id]}; ids are never reused, choose a new one",
                        )
                    )
    return problems


def _check_status(editions: list[LoadedEdition], as_of: dt.date) -> list[Problem]:
    models = {item.model.ref: item.model for item in editions}
    links = replacement_links(models.values())
    problems = []
    for item in editions:
        if item.model.status is None:
            continue
        computed = edition_status(item.model, (models[r] for r in links[item.model.ref][1]), as_of)
        if computed != item.model.status:
            problems.append(
                item.doc.problem(
                    ("status",),
                    f"the status says {item.model.status}, but on {as_of} the dates make it "
                    f"{computed}; correct the dates or remove 'status' and let it be computed",
                )
            )
    return problems

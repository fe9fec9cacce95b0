"""Checks that need more than one field or more than one file: ids, numbers,
dates, replacements, rubric sums. Each returns a list of problems."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath
from typing import TypedDict

from generator.core.places import Loc
from generator.errors import Problem, did_you_mean
from generator.messages import phrase
from generator.standards.load import LoadedEdition
from generator.standards.model import Clause, StandardEdition, clause_index, walk_clauses
from generator.standards.status import edition_status, replacement_links

# Anchors the standard page uses for its own headings.
RESERVED_IDS = frozenset(
    {"foreword", "scope", "references", "terms", "rubric", "editions", "cover", "content"}
)


def check_all(editions: list[LoadedEdition], as_of: dt.date) -> list[Problem]:
    """Every check of the standards' fields and files; checked data is what the catalog trusts."""
    problems: list[Problem] = []
    checked: dict[str, tuple[LoadedEdition, list[Problem]]] = {}
    for item in editions:
        kept = _checked.get(item.path)
        if kept is not None and kept[0].doc is item.doc and kept[0].model is item.model:
            found = kept[1]
        else:
            found = [
                *_check_location(item),
                *_check_dates(item),
                *_check_ids(item),
                *_check_withdrawals(item),
                *_check_rubric(item),
                *_check_gbt_numbering(item),
            ]
        checked[item.path] = (item, found)
        problems += found
    _checked.clear()
    _checked.update(checked)
    problems += _check_unique_editions(editions)
    problems += _check_replacements(editions)
    problems += _check_reuse(editions)
    if not problems:
        problems += _check_status(editions, as_of)
    return problems


# Each edition's own checks in the process's previous build, by file: an edition read
# again as the very same objects (the build memory hands back an unchanged file's
# document and model, both never changed) has the same problems.
_checked: dict[str, tuple[LoadedEdition, list[Problem]]] = {}


class _Place(TypedDict):
    line: int
    column: int


def _first(item: LoadedEdition, first: Loc) -> _Place:
    """Where the first of two duplicates stands, as the parameters `line` and `column`."""
    line, column = item.doc.where(first)
    return {"line": line, "column": column}


def _check_location(item: LoadedEdition) -> list[Problem]:
    path = PurePosixPath(item.path)
    model, problems = item.model, []
    if model.id != path.parent.name:
        problems.append(item.doc.problem(("id",), "HB201", id=model.id, folder=path.parent.name))
    if model.edition != path.stem:
        problems.append(
            item.doc.problem(("edition",), "HB202", edition=model.edition, name=path.stem)
        )
    return problems


def _check_dates(item: LoadedEdition) -> list[Problem]:
    m, problems = item.model, []
    if m.effective < m.issued:
        problems.append(
            item.doc.problem(("effective",), "HB203", effective=m.effective, issued=m.issued)
        )
    if m.repealed and m.repealed <= m.effective:
        problems.append(
            item.doc.problem(("repealed",), "HB204", repealed=m.repealed, effective=m.effective)
        )
    return problems


def _check_ids(item: LoadedEdition) -> list[Problem]:
    m, problems = item.model, []
    anchors: dict[str, Loc] = {}
    numbers: dict[str, Loc] = {}

    def claim(value: str, loc: Loc) -> None:
        if value in RESERVED_IDS:
            problems.append(item.doc.problem((*loc, "id"), "HB205", id=value))
        elif value in anchors:
            problems.append(
                item.doc.problem(
                    (*loc, "id"), "HB206", id=value, **_first(item, (*anchors[value], "id"))
                )
            )
        else:
            anchors[value] = loc

    for s, section in enumerate(m.sections):
        claim(section.id, ("sections", s))
    for clause, loc in walk_clauses(m):
        claim(clause.id, loc)
        if not clause.withdrawn:
            if clause.number in numbers:
                problems.append(
                    item.doc.problem(
                        (*loc, "number"),
                        "HB207",
                        number=clause.number,
                        **_first(item, (*numbers[clause.number], "number")),
                    )
                )
            else:
                numbers[clause.number] = loc
    for t, term in enumerate(m.terms):
        claim(term.id, ("terms", t))
    return problems


def _clause_index(m: StandardEdition) -> dict[str, Clause]:
    return clause_index(m)


def _check_withdrawals(item: LoadedEdition) -> list[Problem]:
    clauses, problems = _clause_index(item.model), []
    for clause, loc in walk_clauses(item.model):
        target = clause.withdrawn.moved_to if clause.withdrawn else None
        if not target:
            continue
        where = (*loc, "withdrawn", "moved_to")
        if target == clause.id:
            problems.append(item.doc.problem(where, "HB208"))
        elif target not in clauses:
            problems.append(
                item.doc.problem(where, "HB209", id=target, hint=did_you_mean(target, clauses))
            )
        elif clauses[target].withdrawn:
            problems.append(item.doc.problem(where, "HB210", id=target))
    return problems


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
                ("rubric", "total"), "HB211", sum=_fmt(total), total=_fmt(rubric.total)
            )
        )
    if rubric.pass_mark > rubric.total:
        problems.append(
            item.doc.problem(
                ("rubric", "pass_mark"),
                "HB212",
                pass_mark=_fmt(rubric.pass_mark),
                total=_fmt(rubric.total),
            )
        )
    seen: dict[str, Loc] = {}
    for c, criterion in enumerate(rubric.criteria):
        loc = ("rubric", "criteria", c)
        if criterion.id in seen:
            problems.append(
                item.doc.problem(
                    (*loc, "id"),
                    "HB213",
                    id=criterion.id,
                    **_first(item, (*seen[criterion.id], "id")),
                )
            )
        seen.setdefault(criterion.id, loc)
        for k, clause_id in enumerate(criterion.clauses):
            if clause_id not in clauses:
                problems.append(
                    item.doc.problem(
                        (*loc, "clauses", k),
                        "HB209",
                        id=clause_id,
                        hint=did_you_mean(clause_id, clauses),
                    )
                )
            elif clauses[clause_id].withdrawn:
                problems.append(item.doc.problem((*loc, "clauses", k), "HB214", id=clause_id))
    names: dict[str, Loc] = {}
    for g, band in enumerate(rubric.grades):
        loc = ("rubric", "grades", g)
        if band.min > rubric.total:
            problems.append(
                item.doc.problem(
                    (*loc, "min"),
                    "HB215",
                    name=band.name,
                    min=_fmt(band.min),
                    total=_fmt(rubric.total),
                )
            )
        if band.name in names:
            problems.append(
                item.doc.problem(
                    (*loc, "name"),
                    "HB216",
                    name=band.name,
                    **_first(item, (*names[band.name], "name")),
                )
            )
        names.setdefault(band.name, loc)
    return problems


def _check_gbt_numbering(item: LoadedEdition) -> list[Problem]:
    """GB/T 1.1: 范围, 规范性引用文件 and 术语和定义 are chapters 1-3, so the own sections are 4, 5, …"""
    if not item.model.gbt_1_1:
        return []
    return [
        item.doc.problem(("sections", n, "number"), "HB226", number=s.number, expected=str(n + 4))
        for n, s in enumerate(item.model.sections)
        if s.number != str(n + 4)
    ]


def _check_unique_editions(editions: list[LoadedEdition]) -> list[Problem]:
    seen: dict[str, LoadedEdition] = {}
    problems = []
    for item in editions:
        first = seen.setdefault(item.model.ref, item)
        if first is not item:
            problems.append(
                item.doc.problem(("edition",), "HB217", ref=item.model.ref, path=first.path)
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
                    problems.append(item.doc.problem(loc, "HB218"))
                elif other is None:
                    problems.append(
                        item.doc.problem(
                            loc, "HB219", ref=ref, hint=did_you_mean(ref, set(by_ref) - {m.ref})
                        )
                    )
                elif m.ref not in getattr(other.model, mirror):
                    problems.append(
                        item.doc.problem(loc, "HB220", path=other.path, ref=m.ref, mirror=mirror)
                    )
                else:
                    old, new = (other.model, m) if key == "replaces" else (m, other.model)
                    if new.effective <= old.effective:
                        problems.append(
                            item.doc.problem(
                                loc,
                                "HB221",
                                new=new.ref,
                                new_date=new.effective,
                                old=old.ref,
                                old_date=old.effective,
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
                            (*loc, "id"), "HB222", id=clause.id, edition=withdrawn[clause.id]
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
                    "HB223",
                    status=phrase(f"status.{item.model.status.key}"),
                    as_of=as_of,
                    computed=phrase(f"status.{computed.key}"),
                )
            )
    return problems

"""Checks of a standard's life around an edition: its amendment sheets and errata,
and the drafts for comment. Each returns a list of located problems."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.core.places import Loc
from generator.errors import Problem, did_you_mean
from generator.standards.lifecycle import clause_ids
from generator.standards.load import LoadedDraft, LoadedEdition


def check_lifecycle(editions: list[LoadedEdition], drafts: list[LoadedDraft]) -> list[Problem]:
    """Every check of amendment sheets, errata and drafts."""
    problems: list[Problem] = []
    for item in editions:
        problems += _check_amendments(item)
        problems += _check_errata(item)
    issued = {item.model.ref: item for item in editions}
    for draft in drafts:
        problems += _check_draft(draft, issued.get(draft.model.ref))
    return problems


def _check_amendments(item: LoadedEdition) -> list[Problem]:
    m, doc, problems = item.model, item.doc, []
    known = clause_ids(m)
    for s, sheet in enumerate(m.amendments):
        loc: Loc = ("amendments", s)
        if sheet.number != s + 1:
            problems.append(
                doc.problem((*loc, "number"), "HB249", number=sheet.number, expected=s + 1)
            )
        if sheet.issued < m.issued:
            problems.append(
                doc.problem((*loc, "issued"), "HB244", date=sheet.issued, issued=m.issued)
            )
        if sheet.effective < sheet.issued:
            problems.append(
                doc.problem(
                    (*loc, "effective"), "HB245", effective=sheet.effective, issued=sheet.issued
                )
            )
        seen: dict[str, Loc] = {}
        added: set[str] = set()
        for k, entry in enumerate(sheet.items):
            where: Loc = (*loc, "items", k)
            if entry.clause in seen:
                line, column = doc.where((*seen[entry.clause], "clause"))
                problems.append(
                    doc.problem(
                        (*where, "clause"), "HB246", id=entry.clause, line=line, column=column
                    )
                )
                continue
            seen[entry.clause] = where
            if entry.action == "增加":
                if entry.clause in known:
                    problems.append(doc.problem((*where, "clause"), "HB247", id=entry.clause))
                if entry.number is None or entry.after is None:
                    problems.append(doc.problem(where, "HB248"))
                elif entry.after not in known | added:
                    problems.append(
                        doc.problem(
                            (*where, "after"),
                            "HB243",
                            id=entry.after,
                            hint=did_you_mean(entry.after, known),
                        )
                    )
                added.add(entry.clause)
            elif entry.clause not in known | added:
                problems.append(
                    doc.problem(
                        (*where, "clause"),
                        "HB243",
                        id=entry.clause,
                        hint=did_you_mean(entry.clause, known),
                    )
                )
        known |= added
    return problems


def _check_errata(item: LoadedEdition) -> list[Problem]:
    m, doc, problems = item.model, item.doc, []
    known = clause_ids(m)
    for x, erratum in enumerate(m.errata):
        if erratum.date < m.issued:
            problems.append(
                doc.problem(("errata", x, "date"), "HB250", date=erratum.date, issued=m.issued)
            )
        if erratum.clause and erratum.clause not in known:
            problems.append(
                doc.problem(
                    ("errata", x, "clause"),
                    "HB209",
                    id=erratum.clause,
                    hint=did_you_mean(erratum.clause, known),
                )
            )
    return problems


def _check_draft(draft: LoadedDraft, issued: LoadedEdition | None) -> list[Problem]:
    m, doc, problems = draft.model, draft.doc, []
    path = PurePosixPath(draft.path)
    folder = path.parent.parent.name
    if m.id != folder:
        problems.append(doc.problem(("id",), "HB201", id=m.id, folder=folder))
    if m.edition != path.stem:
        problems.append(doc.problem(("edition",), "HB202", edition=m.edition, name=path.stem))
    known = clause_ids(m)
    for k, handled in enumerate(m.handling):
        if handled.clause and handled.clause not in known:
            problems.append(
                doc.problem(
                    ("handling", k, "clause"),
                    "HB209",
                    id=handled.clause,
                    hint=did_you_mean(handled.clause, known),
                )
            )
    if issued is not None and issued.model.issued <= draft.end:
        problems.append(
            doc.problem(
                ("consultation",),
                "HB251",
                end=draft.end,
                issued=issued.model.issued,
                path=issued.path,
            )
        )
    return problems

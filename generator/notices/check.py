"""Checks across notices and against the other kinds: unique 索引号, the standards,
rounds and tables they name, extensions and removal dates."""

from __future__ import annotations

from generator.errors import Problem, did_you_mean
from generator.notices.load import Notice
from generator.results.load import Results, public_tables


def check_notices(notices: list[Notice], standard_ids: set[str]) -> list[Problem]:
    """Each notice against the others and the standards."""
    problems = []
    seen: dict[str, Notice] = {}
    slugs = {n.slug: n for n in notices}
    for n in notices:
        doc = n.page.meta_doc
        first = seen.setdefault(n.meta.id, n)
        if first is not n:
            line, column = first.page.meta_doc.where(("id",))
            problems.append(
                doc.problem(
                    ("id",),
                    f"the 索引号 '{n.meta.id}' is used twice (first in {first.page.source}:{line}:{column}); each notice keeps its own",
                )
            )
        for k, standard_id in enumerate(n.meta.concerns):
            if standard_id not in standard_ids:
                problems.append(
                    doc.problem(("concerns", k), f"there is no standard '{standard_id}'")
                )
        if n.meta.extends is not None:
            other = slugs.get(n.meta.extends)
            if other is None:
                problems.append(
                    doc.problem(
                        ("extends",),
                        f"there is no notice '{n.meta.extends}' (expected content/notices/{n.meta.extends}.md)",
                    )
                )
            elif other is n:
                problems.append(doc.problem(("extends",), "a notice cannot extend itself"))
            elif n.meta.period and other.end and n.end and n.end <= other.end:
                problems.append(
                    doc.problem(
                        ("extends",),
                        f"this period ends on {n.end}, not after the period it extends ({other.end})",
                    )
                )
        if n.meta.remove_after and n.meta.remove_after <= n.meta.published:
            problems.append(
                doc.problem(
                    ("remove_after",),
                    f"the removal date {n.meta.remove_after} must come after publication ({n.meta.published})",
                )
            )
    return problems


def check_notice_results(notices: list[Notice], results: Results) -> list[Problem]:
    """A notice's `rounds` and `tables` must name published results."""
    rounds = sorted(r.model.id for r in results.rounds)
    tables = sorted(t.model.id for t in public_tables(results))
    problems: list[Problem] = []
    for n in notices:
        for key, known, what in (
            ("rounds", rounds, "results round"),
            ("tables", tables, "published table"),
        ):
            for k, value in enumerate(getattr(n.meta, key)):
                if value not in known:
                    problems.append(
                        n.page.meta_doc.problem(
                            (key, k), f"there is no {what} '{value}'{did_you_mean(value, known)}"
                        )
                    )
    return problems

"""Checks across notices and against the other kinds: unique 索引号, the standards,
rounds and tables they name, extensions and removal dates."""

from __future__ import annotations

from generator import layout
from generator.errors import Problem, did_you_mean
from generator.messages import Phrase, phrase
from generator.notices.load import Notice
from generator.notices.workdays import WorkCalendar
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
                    ("id",), "HB407", id=n.meta.id, path=first.page.source, line=line, column=column
                )
            )
        for k, standard_id in enumerate(n.meta.concerns):
            if standard_id not in standard_ids:
                problems.append(
                    doc.problem(
                        ("concerns", k),
                        "HB301",
                        id=standard_id,
                        hint=did_you_mean(standard_id, standard_ids),
                    )
                )
        if n.meta.extends is not None:
            other = slugs.get(n.meta.extends)
            if other is None:
                problems.append(
                    doc.problem(
                        ("extends",),
                        "HB408",
                        name=n.meta.extends,
                        hint=did_you_mean(n.meta.extends, slugs),
                    )
                )
            elif other is n:
                problems.append(doc.problem(("extends",), "HB409"))
            elif n.meta.period and other.end and n.end and n.end <= other.end:
                problems.append(doc.problem(("extends",), "HB410", end=n.end, other_end=other.end))
        if n.meta.remove_after and n.meta.remove_after <= n.meta.published:
            problems.append(
                doc.problem(
                    ("remove_after",), "HB411", date=n.meta.remove_after, published=n.meta.published
                )
            )
    return problems


def check_notice_results(notices: list[Notice], results: Results) -> list[Problem]:
    """A notice's `rounds` and `tables` must name published results."""
    rounds = sorted(r.model.id for r in results.rounds)
    tables = sorted(t.model.id for t in public_tables(results))
    problems: list[Problem] = []
    for n in notices:
        for key, known, code in (("rounds", rounds, "HB412"), ("tables", tables, "HB413")):
            for k, value in enumerate(getattr(n.meta, key)):
                if value not in known:
                    problems.append(
                        n.page.meta_doc.problem(
                            (key, k), code, name=value, hint=did_you_mean(value, known)
                        )
                    )
    return problems


def calendar_notes(notices: list[Notice], calendar: WorkCalendar) -> list[Phrase]:
    """A period with a stated end past the holiday calendar's last year: accepted (it does
    not count working days), with the same reminder the working-day form gets as a problem."""
    last = calendar.last_year()
    notes = []
    for n in notices:
        period = n.meta.period
        if last is None or period is None or period.working_days is not None:
            continue
        if period.end is not None and period.end.year > last:
            line, column = n.page.meta_doc.where(("period", "end"))
            notes.append(
                phrase(
                    "notices.calendar_end",
                    where=f"{n.page.source}:{line}:{column}",
                    end=period.end,
                    last=last,
                    year=period.end.year,
                    calendar=layout.CALENDAR,
                )
            )
    return notes

"""What a change does to the standards, for `handbook diff`: editions added,
reworded or removed, statuses, amendment sheets, errata and drafts for comment."""

from __future__ import annotations

from collections.abc import Mapping

from generator.render.markup import zh_date
from generator.standards.catalog import Catalog
from generator.standards.compare import compare_editions
from generator.standards.lifecycle import before_and_after
from generator.standards.model import StandardEdition

Ops = tuple[tuple[str, str], ...]


def _marked(ops: Ops) -> str:
    """Changed words marked in Markdown: deletions struck through, insertions underlined."""
    out = []
    for op, text in ops:
        text = text.replace("\n", " ")
        if op == "delete":
            out.append(f"~~{text}~~")
        elif op == "insert":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text if len(text) <= 24 else text[:10] + "…" + text[-10:])
    return "".join(out)


def _edition_changes(old: StandardEdition, new: StandardEdition, L: Mapping[str, str]) -> list[str]:
    c = compare_editions(old, new)
    lines = []
    for ch in c.clauses:
        if not ch.changed:
            continue
        clause = ch.new or ch.old
        assert clause is not None
        number = (
            f"{ch.old.number} → {ch.new.number}"
            if ch.old and ch.new and ch.old.number != ch.new.number
            else clause.number
        )
        kinds = "、".join(L["change_" + k] for k in ch.kinds)
        line = f"  - {number} {clause.title or ''}（{kinds}）".rstrip()
        if "reworded" in ch.kinds or ch.kinds in (("added",), ("removed",), ("withdrawn",)):
            line += f"：{_marked(ch.text)}"
        lines.append(line)
    for p in c.points:
        old_points = "—" if p.old is None else f"{p.old:g}"
        new_points = "—" if p.new is None else f"{p.new:g}"
        lines.append(f"  - {L['compare_points']}：{p.item} {old_points} → {new_points}")
    return lines


def edition_lines(base: Catalog | None, head: Catalog, L: Mapping[str, str]) -> list[str]:
    """Editions added, changed, removed, their statuses, amendment sheets and errata."""
    old = base.editions if base else {}
    lines: list[str] = []
    for ref, info in head.editions.items():
        m = info.written  # what the change wrote, before any amendment sheet
        before = old.get(ref)
        if before is None:
            lines.append(
                f"- {L['diff_edition_added']}：{m.code} {m.title}（{m.edition}{L['edition_suffix']}，{info.status}）"
            )
            previous = head.standard(m.id).previous(info)
            if previous is not None:
                lines += _edition_changes(previous.written, m, L)
            lines += _amendments(None, m, L)
            continue
        if before.status != info.status:
            lines.append(f"- {L['diff_status']}：{m.code} {before.status} → {info.status}")
        if before.written != m:
            changes = _edition_changes(before.written, m, L)
            life = _amendments(before.written, m, L)
            if changes:
                lines.append(f"- {L['diff_edition_changed']}：{m.code} {m.title}")
                lines += changes
            elif before.status == info.status and not life:
                lines.append(f"- {L['diff_metadata_changed']}：{m.code} {m.title}")
            lines += life
    lines += [f"- {L['diff_edition_removed']}：{ref}" for ref in old if ref not in head.editions]
    return lines


def _amendments(
    old: StandardEdition | None, new: StandardEdition, L: Mapping[str, str]
) -> list[str]:
    """New amendment sheets (with what each changes) and new errata of an edition."""
    lines = []
    known = {a.number for a in old.amendments} if old else set()
    for a in new.amendments:
        if a.number in known:
            continue
        name = L["amendment_name"].format(number=a.number)
        when = L["amendment_in_force"].format(date=zh_date(a.effective))
        lines.append(f"- {L['diff_amendment_added']}：{new.code} {name}（{when}）")
        lines += _edition_changes(*before_and_after(new, a.number), L)
    errata = {(x.date, x.text) for x in old.errata} if old else set()
    lines += [
        f"- {L['diff_erratum_added']}：{new.code} {zh_date(x.date)}：{x.text}"
        for x in new.errata
        if (x.date, x.text) not in errata
    ]
    return lines


def draft_lines(base: Catalog | None, head: Catalog, L: Mapping[str, str]) -> list[str]:
    """New drafts for comment, their periods' changes, and comment-handling tables."""
    old = {d.ref: d for d in base.drafts} if base else {}
    lines = []
    for d in head.drafts:
        m, prior = d.model, old.get(d.ref)
        name = f"{m.code} {m.title}{L['draft_suffix']}"
        period = f"{zh_date(m.consultation.start)}—{zh_date(d.end)}"
        if prior is None:
            lines.append(
                f"- {L['diff_draft_added']}：{name}（{L['draft_period']} {period}，{d.status}）"
            )
        elif prior.model != m:
            lines.append(f"- {L['diff_draft_changed']}：{name}")
            if prior.end != d.end:
                lines.append(f"  - {L['draft_period']}：{zh_date(prior.end)} → {zh_date(d.end)}")
        if m.handling and (prior is None or prior.model.handling != m.handling):
            lines.append(f"  - {L['handling']}：{L['diff_comments'].format(n=len(m.handling))}")
    lines += [
        f"- {L['diff_draft_removed']}：{ref}"
        for ref in old
        if ref not in {d.ref for d in head.drafts}
    ]
    return lines

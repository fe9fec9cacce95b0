"""A draft's 意见汇总处理表, filled in as a workbook or CSV file (the columns of its
download), back into the draft's `handling:` list. Every problem is found, each at
its cell, before anything is written; the new file is checked like any draft."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator import layout
from generator.core.documents import load_yaml
from generator.core.typed import parse
from generator.errors import ValidationFailed, did_you_mean
from generator.notices.load import load_calendar
from generator.sheets import yamledit as Y
from generator.sheets.cells import Outcome, Problems, header_row, text_of
from generator.sheets.guard import fail
from generator.sheets.read import Book, Sheet
from generator.standards.downloads import HANDLING_COLUMNS
from generator.standards.load import LoadedDraft, load_drafts
from generator.standards.model import StandardDraft, walk_clauses

SHEET = "意见汇总处理表"
DECISIONS = ("采纳", "部分采纳", "未采纳")
GENERAL = "总体"
_ORDER: tuple[str, ...] = ("source", "clause", "comment", "decision", "reason")
_KEYS = {
    "提出单位或个人": "source",
    "条款": "clause",
    "意见内容": "comment",
    "处理意见": "decision",
}


def _sheet(book: Book) -> Sheet:
    if SHEET in book.sheets:
        return book.sheets[SHEET]
    return next(iter(book.sheets.values()))


def _draft(root: Path, ref: str, shown: str) -> LoadedDraft:
    calendar, problems = load_calendar(root)
    drafts, found = load_drafts(root, calendar)
    if problems or found:
        raise ValidationFailed(problems + found)
    by_ref = {d.model.ref: d for d in drafts}
    if ref not in by_ref:
        fail(shown, "HB255", ref=ref, hint=did_you_mean(ref, by_ref))
    return by_ref[ref]


def read_handling(
    sheet: Sheet, draft: StandardDraft, problems: Problems
) -> list[dict[str, object]]:
    """The sheet's rows as `handling:` entries (clauses by number or id, 总体 for none)."""
    head = header_row(sheet, frozenset(HANDLING_COLUMNS))
    columns: dict[str, int] = {}
    if head is not None:
        columns = {text_of(v): i for i, v in enumerate(sheet.rows[head]) if text_of(v)}
    missing = [name for name in HANDLING_COLUMNS[1:] if name not in columns]
    for name in missing:
        problems.add(sheet, head or 0, 0, "HB256", name=name)
    if missing:
        return []
    assert head is not None
    numbers = {c.number: c.id for c, _ in walk_clauses(draft)}
    ids = set(numbers.values())
    entries: list[dict[str, object]] = []
    for row in range(head + 1, len(sheet.rows)):

        def cell(name: str, row: int = row) -> str:
            return text_of(sheet.cell(row, columns[name])).strip()

        if not any(cell(name) for name in HANDLING_COLUMNS[1:]):
            continue  # a blank line
        entry: dict[str, object] = {}
        for name in ("提出单位或个人", "意见内容"):
            if not cell(name):
                problems.add(sheet, row, columns[name], "HB254", name=name)
            entry[_KEYS[name]] = cell(name)
        clause = cell("条款")
        if clause and clause != GENERAL:
            found = numbers.get(clause) or (clause if clause in ids else None)
            if found is None:
                problems.add(sheet, row, columns["条款"], "HB253", number=clause)
            entry["clause"] = found or clause
        decision = cell("处理意见")
        if decision not in DECISIONS:
            problems.add(sheet, row, columns["处理意见"], "HB252", found=decision)
        entry["decision"] = decision
        reason = cell("理由")
        if reason:
            entry["reason"] = reason
        elif decision in DECISIONS[1:]:
            problems.add(sheet, row, columns["理由"], "HB241")
        entries.append({k: entry[k] for k in _ORDER if k in entry})
    return entries


def rewrite_handling(text: str, entries: list[dict[str, object]], path: str) -> str:
    """The draft's YAML with its `handling:` list replaced (added at the end when absent)."""
    listed = "".join(f"\n  - {Y.flow(list(e.items()))}" for e in entries) or " []"
    root = Y.compose(text, path)
    found = Y.child(root, "handling")
    if found is None:
        return text.rstrip("\n") + "\nhandling:" + listed + "\n"
    key, node = found
    return Y.apply(text, [Y.replace_value(text, key, node, listed.lstrip(" "))])


def import_handling(root: Path, book: Book, ref: str) -> Outcome:
    """Read a filled-in 意见汇总处理表 into the draft `ref` (`<id>/<edition>`)."""
    draft = _draft(root, ref, book.path)
    sheet = _sheet(book)
    problems = Problems()
    entries = read_handling(sheet, draft.model, problems)
    if problems.items:
        raise ValidationFailed(problems.problems())
    rel = layout.draft_source(draft.model.id, draft.model.edition)
    target = root / rel
    raw = target.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    old = [h.model_dump(exclude_none=True) for h in draft.model.handling]
    outcome = Outcome(rel)
    outcome.changed = sum(1 for a, b in zip(old, entries, strict=False) if a != b)
    outcome.added = max(0, len(entries) - len(old))
    outcome.removed = max(0, len(old) - len(entries))
    new_text = rewrite_handling(text, entries, rel)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".import-", suffix=".yml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
            out.write(new_text)
        doc, found = load_yaml(Path(tmp), rel)
        if doc is not None:
            found += parse(doc, StandardDraft)[1]
        if found:
            raise ValidationFailed(found)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return outcome

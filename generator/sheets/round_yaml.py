"""A round's scores into its YAML text: changed values replaced where they
stand, new units appended, everything else kept as it was; or a new round's
file written whole. `score_cells` reads the scores out of the workbook."""

from __future__ import annotations

import yaml

from generator.errors import HandbookError
from generator.sheets import yamledit as Y
from generator.sheets.cells import Outcome
from generator.sheets.score_cells import Given
from generator.standards.model import Criterion


def _score_yaml(g: Given, old: object) -> object:
    """What the file holds for a score, as plain data (compared with what it holds now)."""
    reason, evidence = g.reason, g.evidence
    if not g.notes and isinstance(old, dict):
        reason, evidence = old.get("reason"), old.get("evidence")
    if g.points is None:
        return "?"
    points = int(g.points) if float(g.points).is_integer() else g.points
    if reason is None and evidence is None:
        return points
    return {
        k: v
        for k, v in (("points", points), ("reason", reason), ("evidence", evidence))
        if v is not None
    }


def _emit(data: object) -> str:
    if isinstance(data, dict):
        return Y.flow(list(data.items()))
    return '"?"' if data == "?" else Y.scalar(data)


def _same(old: object, new: object) -> bool:
    if isinstance(old, int | float) and isinstance(new, int | float) and not isinstance(old, bool):
        return float(old) == float(new)
    return old == new


def rewrite_round(
    text: str, rows: list[tuple[str, dict[str, Given]]], criteria: list[Criterion], outcome: Outcome
) -> str:
    """The round's YAML with the changed scores written in; everything else kept as it was."""
    root = Y.compose(text, outcome.path)
    found = Y.child(root, "scores")
    seq = found[1] if found is not None else None
    if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
        raise HandbookError("error.sheet_layout", path=outcome.path, name="scores")
    edits: list[Y.Edit] = []
    entries: dict[str, yaml.MappingNode] = {}
    for item in seq.value:
        if isinstance(item, yaml.MappingNode) and (u := Y.child(item, "unit")) is not None:
            entries.setdefault(str(u[1].value), item)
    wanted = {unit: scores for unit, scores in rows if scores}
    outcome.skipped = [unit for unit, scores in rows if not scores]
    outcome.kept = [u for u in entries if u not in wanted]
    for unit, scores in wanted.items():
        entry = entries.get(unit)
        if entry is None:
            continue
        block = Y.child(entry, "scores")
        key, mapping = block if block is not None else (None, None)
        if key is None or not isinstance(mapping, yaml.MappingNode):
            raise HandbookError("error.sheet_layout", path=outcome.path, name=f"{unit}.scores")
        current = {str(k.value): (k, v) for k, v in mapping.value}
        if mapping.flow_style:
            merged = {k: Y.value(v) for k, (_, v) in current.items()}
            for c in criteria:
                if c.id in scores:
                    new = _score_yaml(scores[c.id], merged.get(c.id))
                    if not _same(merged.get(c.id), new):
                        merged[c.id] = new
                        outcome.changed += 1
            edits.append(
                Y.replace_value(
                    text,
                    key,
                    mapping,
                    "{" + ", ".join(f"{k}: {_emit(v)}" for k, v in merged.items()) + "}",
                )
            )
            continue
        last = mapping.value[-1][1] if mapping.value else None
        indent = " " * mapping.start_mark.column
        added = []
        for c in criteria:
            if c.id not in scores:
                continue
            if c.id in current:
                k, v = current[c.id]
                old = Y.value(v)
                new = _score_yaml(scores[c.id], old)
                if not _same(old, new):
                    edits.append(Y.replace_value(text, k, v, _emit(new)))
                    outcome.changed += 1
            else:
                added.append(f"\n{indent}{c.id}: {_emit(_score_yaml(scores[c.id], None))}")
                outcome.changed += 1
        if added and last is not None:
            at = Y.end_of(text, last)
            edits.append(Y.Edit(at, at, "".join(added)))
    new_units = [(u, s) for u, s in wanted.items() if u not in entries]
    if new_units:
        dash = Y.dash_indent(text, seq.value[0])
        inner = dash + "  "
        lines = []
        for unit, scores in new_units:
            lines.append(f"\n{dash}- unit: {unit}\n{inner}scores:")
            lines += [
                f"\n{inner}  {c.id}: {_emit(_score_yaml(scores[c.id], None))}"
                for c in criteria
                if c.id in scores
            ]
            outcome.added += 1
        at = Y.end_of(text, seq)
        edits.append(Y.Edit(at, at, "".join(lines)))
    return Y.apply(text, edits)


def new_round_text(
    meta: dict[str, object],
    rows: list[tuple[str, dict[str, Given]]],
    criteria: list[Criterion],
    source: str,
) -> str:
    """The YAML of a new round, from the 说明 sheet's fields and the scores."""
    period = meta["period"]
    assert isinstance(period, dict)
    lines = [
        f"# 由 handbook sheet import 自 {source} 生成。",
        f"id: {meta['id']}",
        f"series: {Y.scalar(meta['series'])}",
        f"title: {Y.scalar(meta['title'])}",
        f"rubric: {meta['rubric']}",
        "period:",
        f"  kind: {Y.scalar(period['kind'])}",
        f"  start: {Y.scalar(period['start'])}",
        f"  end: {Y.scalar(period['end'])}",
        f"assessed: {Y.scalar(meta['assessed'])}",
        f"published: {Y.scalar(meta['published'])}",
        f"assessor: {Y.scalar(meta['assessor'])}",
        "scores:",
    ]
    for unit, scores in rows:
        if not scores:
            continue
        lines += [f"  - unit: {unit}", "    scores:"]
        lines += [
            f"      {c.id}: {_emit(_score_yaml(scores[c.id], None))}"
            for c in criteria
            if c.id in scores
        ]
    return "\n".join(lines) + "\n"

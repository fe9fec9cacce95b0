"""What a change does to the composite assessments, for `handbook diff`."""

from __future__ import annotations

from collections.abc import Mapping

from generator.composites.score import CompositeResult


def composite_lines(
    base: list[CompositeResult] | None, head: list[CompositeResult], L: Mapping[str, str]
) -> list[str]:
    """Composites added, and composites whose definition or totals changed (how many moved)."""
    old = {c.model.id: c for c in base} if base else {}
    lines: list[str] = []
    for c in head:
        prior = old.get(c.model.id)
        if prior is None:
            lines.append(
                f"- {L['diff_composite_added']}：{c.model.title}（{len(c.ranked)} {L['diff_units']}）"
            )
            continue
        totals = {u.unit.id: u.total for u in prior.units}
        moved = sum(1 for u in c.units if totals.get(u.unit.id) != u.total)
        if prior.model != c.model or moved:
            lines.append(
                f"- {L['diff_composite_changed']}：{c.model.title}（{L['diff_totals_changed'].format(n=moved)}）"
            )
    return lines

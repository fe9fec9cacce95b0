"""What a change does to the results, for `handbook diff`."""

from __future__ import annotations

from collections.abc import Mapping

from generator.results.scoring import RoundResult


def round_lines(
    base: list[RoundResult] | None, head: list[RoundResult], L: Mapping[str, str]
) -> list[str]:
    """Rounds added, and rounds whose scores changed (how many totals moved)."""
    old = {r.id: r for r in base} if base else {}
    lines: list[str] = []
    for r in head:
        prior = old.get(r.id)
        title = r.loaded.model.title
        if prior is None:
            lines.append(
                f"- {L['diff_round_added']}：{title}（{len(r.units)} {L['diff_units']}，{L['passed']} {r.pass_rate:.1%}）"
            )
        elif prior.loaded.model != r.loaded.model:
            totals = {u.unit.id: u.total for u in prior.units}
            moved = sum(1 for u in r.units if totals.get(u.unit.id) != u.total)
            lines.append(
                f"- {L['diff_round_changed']}：{title}（{L['diff_totals_changed'].format(n=moved)}）"
            )
    return lines

"""What a change does to the hand-written pages, for `handbook diff`."""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.load import ContentPage


def page_lines(
    base: list[ContentPage] | None, head: list[ContentPage], L: Mapping[str, str]
) -> list[str]:
    """Hand-written pages added or changed."""
    old = {p.source: p for p in base} if base else {}
    lines: list[str] = []
    for page in head:
        prior = old.get(page.source)
        if prior is None:
            lines.append(f"- {L['diff_page_added']}：{page.meta.title}（{page.source}）")
        elif prior.body != page.body or prior.meta != page.meta:
            lines.append(f"- {L['diff_page_changed']}：{page.meta.title}（{page.source}）")
    return lines
